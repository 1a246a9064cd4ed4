import TravauxCore

/// `m`: a note taken on the wrong item (a row off, in a hurry) goes where it belongs. The first
/// `m` picks up the selected note; the second puts it on what `a` would annotate there (an
/// item in any pane, or the version, element or quoted text in view in the reader), keeping
/// its id, text, tags and creation. As a file manager's cut and paste, not a dialog: finding
/// the place is the panes' and the search's work, which are all there meanwhile.
enum NoteMoving {
    static func perform(_ state: inout AppState) -> [Effect] {
        guard let moving = state.movingNote else {
            guard let note = state.selectedNote else {
                state.message = "select a note to move: in the Notes pane, or Tab to a ✎ marker in the reader"
                return []
            }
            state.movingNote = note
            // From the Notes pane, `/` filters the notes: the record is searched from the panes 1–4.
            state.message = "moving the note on \(state.record.label(of: note.target)): select where it goes "
                + "(1–4, and / there searches) and press m; in the reader, the part in view; Esc cancels"
            return []
        }
        let (found, problem) = NoteHandling.annotationTarget(state)
        guard let target = found else {
            state.message = (problem ?? "select an item") + "; m puts the note there, Esc cancels"
            return []
        }
        // The note as it is now: another window may have changed it since it was picked up.
        guard let current = state.notes.note(moving.id) else {
            state.movingNote = nil
            state.message = "the note being moved was deleted meanwhile; nothing moved"
            return []
        }
        guard target != current.target else {
            state.movingNote = nil
            state.message = "the note stays on \(state.record.label(of: target)); move cancelled"
            return []
        }
        var moved = current
        moved.target = target
        state.movingNote = nil
        state.movedNoteID = moved.id
        return [.saveNote(moved, base: current)]
    }

    /// `Esc` with nowhere else to go back to lets the note be.
    static func cancel(_ state: inout AppState) {
        guard let note = state.movingNote else { return }
        state.movingNote = nil
        state.message = "move cancelled; the note stays on \(state.record.label(of: note.target))"
    }
}
