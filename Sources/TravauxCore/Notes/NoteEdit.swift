/// A change to one note asked for by `travaux note edit`: new text, tags taken off and put on,
/// a session. It is applied to the note as it is on disk when it is written, so that another
/// process's change made meanwhile (a tag added by a script running beside it, a tag renamed)
/// is kept rather than moved to a conflict copy.
public struct NoteEdit: Sendable, Hashable {
    /// The new text, or nil to keep the note's.
    public var body: String?
    /// Tags taken off, normalised.
    public var removedTags: [String]
    /// Tags put on, normalised, as typed.
    public var addedTags: [String]
    /// The new session (`.some(nil)` removes it), or nil to keep the note's.
    public var session: String??
    /// What the note is on from now (a note taken on the wrong item), or nil to keep it there.
    public var target: NoteTarget?

    public init(body: String? = nil, removedTags: [String] = [], addedTags: [String] = [], session: String?? = nil,
                target: NoteTarget? = nil) {
        self.body = body
        self.removedTags = removedTags
        self.addedTags = addedTags
        self.session = session
        self.target = target
    }

    /// The tags `note` ends with, spelled as `notes` spell them, and the tags of `base` (the
    /// note as read before the edit) that they re-spell.
    public func tags(of note: Note, spelling notes: NoteCollection, editing base: Note) -> SpelledTags {
        let kept = note.tags.filter { tag in !removedTags.contains { Tag.same($0, tag) } }
        return notes.spelled(Tag.normalise(kept + addedTags), editing: base)
    }

    /// `note` with the change made.
    public func applied(to note: Note, spelling notes: NoteCollection, editing base: Note) -> Note {
        var edited = note
        if let body { edited.body = body }
        edited.tags = tags(of: note, spelling: notes, editing: base).tags
        if let session { edited.session = session }
        if let target { edited.target = target }
        return edited
    }
}

extension NoteStore {
    /// Where a move left the note: on its new place, already there, or nowhere (deleted).
    public enum MoveOutcome: Sendable, Equatable {
        case moved(Note)
        case alreadyThere
        case absent
    }

    /// Puts the note on `target` as it is on disk, under the store's lock: an edit made
    /// elsewhere since it was read keeps its text (no conflict copy), and a note deleted
    /// meanwhile is not written again.
    public func move(_ id: String, to target: NoteTarget) throws(NoteStoreError) -> MoveOutcome {
        var found = false
        let moved = try modify(id) { current in
            found = true
            var note = current
            note.target = target
            return note
        }
        if let moved { return .moved(moved) }
        return found ? .alreadyThere : .absent
    }

    /// What applying a `NoteEdit` did.
    public enum EditOutcome: Sendable {
        /// Nothing to change: the note as it is on disk, whose file was left as it was.
        case unchanged(Note)
        /// Saved; a conflict copy only when new text met text changed since `base` was read.
        case saved(SaveOutcome)
    }

    /// Applies `edit`, asked for on `base` (the note as read), to the note as it is on disk,
    /// under the store's lock. New text over text changed since `base` was read cannot be put
    /// together: it is saved as `save(_:base:)` saves a conflicting edit.
    public func apply(_ edit: NoteEdit, base: Note, spelling notes: NoteCollection) throws(NoteStoreError) -> EditOutcome {
        var onDisk: Note?
        var textChangedMeanwhile = false
        let changed = try modify(base.id) { current in
            onDisk = current
            if edit.body != nil, current.body != base.body {
                textChangedMeanwhile = true
                return nil
            }
            return edit.applied(to: current, spelling: notes, editing: base)
        }
        if let changed { return .saved(SaveOutcome(saved: changed)) }
        if textChangedMeanwhile { return .saved(try save(edit.applied(to: base, spelling: notes, editing: base), base: base)) }
        guard let onDisk else { throw .noSuchNote(base.id, suggestions: []) }
        return .unchanged(onDisk)
    }
}
