import TravauxCore

/// Everything that can happen to the interface: input, and the results of effects.
public enum Action: Sendable {
    case input(InputEvent)
    case command(Command)
    /// The search index, built after the first frame so that start-up stays fast.
    case searchIndexReady(SearchIndex)
    /// No input is waiting: work the next key will likely need is done ahead (the reader
    /// layouts of the items beside the selection). Changes nothing on screen.
    case idle
    /// No key is waiting after text typed in the search or the Notes filter: its search runs,
    /// once for all the keys that came together (`TypingHandling`).
    case typingPaused
    /// About once a second: autosave drafts, and, when no key comes (`typing` false), look for
    /// other windows' notes. While keys keep coming the store is not looked at: at 100,000
    /// notes that takes a fifth of a second, which a key would wait for.
    case tick(now: NoteTime, typing: Bool = false)
    /// The store as read again (another window or the CLI may have written to it).
    case notesReloaded(NoteCollection)
    /// The store could not be read whole (the first read, or one after it was mended); the
    /// reason says why. It is read again once it changes.
    case notesUnreadable(String)
    case noteSaved(NoteStore.SaveOutcome)
    case noteDeleted(Note)
    /// A note put on `target` as it was on disk (`Effect.moveNote`), from `from`.
    case noteMoved(Note, from: NoteTarget)
    /// A move that found no note to move: deleted meanwhile, in another window or by a command.
    case noteNotMoved(id: String)
    /// A store operation failed; the message says what to do. `unsaved`: the note a save could
    /// not write, which goes back into the editor (or, being undeleted, back to `u`).
    case storeFailed(String, unsaved: Note?)
    /// A draft of the note being written could not be written (`storeFailed`'s message):
    /// quitting would put the text in the temporary folder, which Ctrl-C's question says.
    case draftNotWritten(String)
    /// `R` found the closed window's draft gone: another window resumed it first, or saved
    /// its note (`Effect.replaceDraft`). The editor opened on it closes.
    case draftTakenElsewhere(NoteDraft)
    /// The notes' text folded for the Notes filter, on another thread (`Effect.foldNoteText`).
    case noteTextFolded(NoteSearchText)
    /// `x` finished: what was written, or why not.
    case exportFinished(Result<String, ExportError>, path: String)
    /// $EDITOR closed: the text it left, or why it could not run.
    case externalEditFinished(Result<String, ExternalEditFailure>)
    /// A tag re-spelled on the note edited was re-spelled on `count` other notes (each also
    /// reported as `.noteSaved`); `failure` says why the rest were not.
    case tagRespelled(TagRespelling, count: Int, failure: String?)
    /// `y` finished: where the text went.
    case copied(ClipboardReport)
}

/// Why the external editor gave nothing back.
public struct ExternalEditFailure: Error, Sendable, Hashable {
    public var message: String
    public init(_ message: String) { self.message = message }
}

/// Work the run loop does for the reducer, which stays pure.
public enum Effect: Sendable, Hashable {
    case quit
    case buildSearchIndex
    /// Fold every note's text for the Notes filter on another thread, and report `.noteTextFolded`.
    case foldNoteText
    /// Repaint every cell (after Ctrl-L or a child program).
    case redrawAll
    /// Make a new note (the run loop gives it its id and time) and save it.
    case createNote(target: NoteTarget, body: String, tags: [String], session: String?)
    /// Save a note; `base` is the note as read before editing (nil for a new note).
    /// `merges`: whether edits made elsewhere meanwhile to other fields may be merged in
    /// (`NoteStore.save`), which needs `base` to be the note as the editing began.
    case saveNote(Note, base: Note?, merges: Bool = true)
    /// Give these notes the tag in its new spelling, each saved as an edit of itself.
    case respellTag(TagRespelling, on: [Note])
    /// Delete a note, unless another window changed it since `note` was read.
    case deleteNote(Note)
    /// Put a note on another item or part, as it is on disk (an edit made meanwhile elsewhere
    /// is kept); a note deleted meanwhile is not brought back. `from`: where it was.
    case moveNote(id: String, to: NoteTarget, from: NoteTarget)
    case saveDraft(NoteDraft)
    case discardDraft(NoteDraft)
    /// Save `draft`, then, only once it is saved, remove `replacing` (a recovered draft now
    /// resumed here): a kill in between leaves one or the other, never neither.
    case replaceDraft(NoteDraft, replacing: NoteDraft)
    /// Read the store again and report `.notesReloaded` if anything changed.
    case refreshNotes
    /// Write the notes the selection picks as a Markdown handout to `path`.
    case exportNotes(ExportSelection, path: String, replace: Bool, order: ExportOrder)
    /// Hand the text to $VISUAL/$EDITOR and report `.externalEditFinished`.
    case editExternally(text: String)
    /// Put the text on the clipboards within reach and report `.copied`; `label` names it.
    case copyToClipboard(text: String, label: String)
}
