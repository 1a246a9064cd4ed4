import TravauxCore

/// `m`: a note taken on the wrong item (a row off, in a hurry) goes where it belongs. The first
/// `m` picks up the selected note; the second puts it on what `a` would annotate there (an
/// item in any pane, or the version, element or quoted text in view in the reader), keeping
/// its id, text, tags and creation. As a file manager's cut and paste, not a dialog: finding
/// the place is the panes' and the search's work, which are all there meanwhile.
enum NoteMoving {
    static let deletedMeanwhile = "the note being moved was deleted meanwhile (in another window or by a command); nothing moved"

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
        // `m` on the very note (its row, its ✎ marker) lets it be, part and all: what the reader
        // shows there is that note's item, not a place to put it.
        if state.selectedNote?.id == moving.id {
            state.movingNote = nil
            state.message = "the note stays on \(state.record.label(of: moving.target)); move cancelled"
            return []
        }
        guard let target = NoteHandling.annotationTarget(state).target else {
            // Nothing selected, or an item the record no longer holds (a note's own, from the Notes pane).
            state.message = "a note goes on an item of the record: select one and press m there, or Esc to cancel"
            return []
        }
        // The note as it is now: another window may have changed it since it was picked up.
        guard let current = state.notes.note(moving.id) else {
            state.movingNote = nil
            state.message = deletedMeanwhile
            return []
        }
        guard target != current.target else {
            state.movingNote = nil
            state.message = "the note stays on \(state.record.label(of: target)); move cancelled"
            return []
        }
        state.movingNote = nil
        return [.moveNote(id: current.id, to: target, from: current.target)]
    }

    /// `u` after a move: the note goes back where it was, as it is now.
    static func undo(_ state: inout AppState, id: String, from: NoteTarget) -> [Effect] {
        guard let current = state.notes.note(id) else {
            state.message = "the note moved was deleted since; nothing to put back"
            return []
        }
        state.unmovingNoteID = id
        return [.moveNote(id: id, to: from, from: current.target)]
    }

    /// What the store reports of a move.
    static func handleResult(_ state: inout AppState, _ action: Action) {
        switch action {
        case .noteMoved(let note, let from):
            let listed = state.notes.note(note.id).map { [$0] } ?? []
            state.notes.put(note)
            NoteHandling.notesUpdated(&state, change: NoteChange(listed: listed, current: [note]))
            if state.unmovingNoteID == note.id {
                state.unmovingNoteID = nil
                state.message = "note moved back to " + state.record.label(of: note.target)
            } else {
                state.undoable.append(.movedNote(id: note.id, from: from))
                state.message = "note moved to " + state.record.label(of: note.target) + " (from " + state.record.label(of: from) + "; u moves it back)"
            }
        case .noteNotMoved:
            state.unmovingNoteID = nil
            state.message = deletedMeanwhile
        default: break
        }
    }

    /// `Esc` with nowhere else to go back to lets the note be.
    static func cancel(_ state: inout AppState) {
        guard let note = state.movingNote else { return }
        state.movingNote = nil
        state.message = "move cancelled; the note stays on \(state.record.label(of: note.target))"
    }
}
