/// Every action a user can ask for by name; the keymap binds keys to these.
public enum Command: String, Sendable, Hashable, CaseIterable {
    case moveDown, moveUp, pageDown, pageUp, halfPageDown, halfPageUp, top, bottom, nextGroup, previousGroup
    case open, back
    case nextPane, previousPane, timeline, proposals, sources, themes, notes, zoom
    case nextLink, previousLink
    case search, nextMatch, previousMatch
    case filter, clearFilters
    case compare, earlierFrom, laterFrom, earlierTo, laterTo
    case help, quit, redraw, copy
    // Notes
    case exportNotes
    case annotate, editNote, editExternally, editTags, deleteNote, undoDelete, setSession, resumeDraft, filterNotesText
    case moveNote, orderNotes
    // The note editor
    case saveNote, cancelEdit, switchField, cycleTarget, undoEdit, redoEdit, externalEditor
}

/// Where a key binding applies.
public enum KeyContext: String, Sendable, Hashable, CaseIterable {
    /// Lists and the reader alike.
    case global
    case list
    case reader
    /// Two versions of a proposal compared side by side.
    case comparison
    /// The Notes pane's list, which adds its own keys to the list's.
    case notes
    /// The note editor, which takes every key it does not bind as text.
    case editor

    /// Where a key is looked up, most specific first.
    public var layers: [KeyContext] {
        switch self {
        case .global: return [.global]
        case .list, .reader: return [self, .global]
        case .notes: return [.notes, .list, .global]
        case .editor: return [.editor]
        case .comparison: return [.comparison, .global]
        }
    }
}
