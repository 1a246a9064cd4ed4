/// Every action a user can ask for by name; the keymap binds keys to these.
public enum Command: String, Sendable, Hashable, CaseIterable {
    case moveDown, moveUp, pageDown, pageUp, halfPageDown, halfPageUp, top, bottom
    case open, back
    case nextPane, previousPane, timeline, proposals, sources, themes
    case nextLink, previousLink
    case search, nextMatch, previousMatch
    case filter, clearFilters
    case compare, earlierFrom, laterFrom, earlierTo, laterTo
    case help, quit, redraw
}

/// Where a key binding applies.
public enum KeyContext: String, Sendable, Hashable, CaseIterable {
    /// Lists and the reader alike.
    case global
    case list
    case reader
    /// Two versions of a proposal compared side by side.
    case comparison
}
