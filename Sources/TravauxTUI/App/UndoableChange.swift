import TravauxCore

/// What `u` brings back, last first: a note deleted in this window, or a note's text closed
/// unsaved with `Esc Esc` (a reflex, two presses in a burst), which would otherwise be gone.
public enum UndoableChange: Sendable {
    case deletedNote(Note)
    case discardedEdit(NoteEditor)
    /// A note `m` moved, and where it was: `u` puts it back.
    case movedNote(id: String, from: NoteTarget)
}
