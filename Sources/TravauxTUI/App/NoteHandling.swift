import TravauxCore

/// The notes workflow: annotate, edit, tag, delete and undo, the Notes pane, and what the
/// store reports back. Every store operation leaves as an effect; its result comes back
/// as an action, so the reducer stays pure.
enum NoteHandling {
    /// Said after the count of note files a read of the store held out.
    static let unreadMessage = "could not be read: "

    static func perform(_ state: inout AppState, _ command: Command) -> [Effect] {
        // A new note needs nothing read; the rest works on notes still being read.
        if state.notesLoading || state.notesUnreadable != nil, command != .annotate, command != .setSession, command != .orderNotes {
            state.message = state.notesUnreadable.map { $0 + "; they are read again when the store changes" }
                ?? "still reading the notes; try again in a moment"
            return []
        }
        switch command {
        case .annotate: return annotate(&state)
        case .moveNote: return NoteMoving.perform(&state)
        case .orderNotes:
            state.orderNotes(state.notesOrder.other)
            state.message = state.notesOrder.said
        case .editNote:
            guard let note = requireSelectedNote(&state) else { return [] }
            openEditor(&state, on: note)
        case .editTags:
            guard let note = requireSelectedNote(&state) else { return [] }
            openEditor(&state, on: note)
            state.editor?.field = .tags
        case .editExternally:
            if let note = state.selectedNote {
                openEditor(&state, on: note)
            } else {
                guard annotate(&state).isEmpty, state.editor.isPresent else { return [] }
            }
            state.editor?.saveAfterExternalEdit = true
            return [.editExternally(text: state.editor?.body.text ?? "")]
        case .deleteNote:
            guard let note = requireSelectedNote(&state) else { return [] }
            return [.deleteNote(note)]
        case .undoDelete:
            switch state.undoable.popLast() {
            case nil:
                state.message = "nothing to undo"
                return []
            case .deletedNote(let note)?:
                state.restoringNoteID = note.id
                return [.saveNote(note, base: nil)]
            case .movedNote(let id, let from)?:
                return NoteMoving.undo(&state, id: id, from: from)
            case .discardedEdit(var editor)?:
                // Back as it was closed, and written as a draft again at the next tick.
                editor.confirmingDiscard = false
                editor.changedSinceDraft = true
                state.editor = editor
                let more = state.undoable.count
                state.message = (editor.base == nil ? "unsaved note brought back; Ctrl-S saves it" : "unsaved changes brought back; Ctrl-S saves them")
                    + (more == 0 ? "" : " — u then brings back \(more) more")
                return []
            }
        case .setSession:
            // Without a session, the one last written in is offered: after a restart mid-seminar
            // (a dropped connection), `S` then Enter takes it up again.
            let latest = state.session == nil ? state.lastWindowSession ?? state.notes.latestSession(by: state.author) : nil
            state.prompt = PromptState(purpose: .session, label: "Session: ", text: state.session ?? latest ?? "",
                                       placeholder: "a label for the notes you take now, e.g. seminar-3 (empty for none)",
                                       suggestions: state.notes.sessionsByUse)
            if let latest {
                let whose = latest == state.lastWindowSession ? "the last window's session" : "the last session written in"
                state.message = "'\(latest)' was \(whose): Enter takes it, typing replaces it"
            }
            state.relayoutReader()
        case .resumeDraft:
            guard !state.recoveredDrafts.isEmpty else {
                // A text rescued to the temporary folder is not a draft: where it is, is said.
                state.message = state.rescuedTextReminder.map { "no unsaved drafts to resume; " + $0 } ?? "no unsaved drafts to resume"
                return []
            }
            let draft = state.recoveredDrafts.removeFirst()
            let base = draft.base(now: draft.baseID.flatMap { state.notes.note($0) })
            state.editor = NoteEditor(draftID: draft.id, base: base.note, targets: state.record.noteTargets(of: draft.target.item),
                                      target: draft.target, body: draft.body, tags: draft.tags, session: draft.session)
            state.editor?.changedSinceDraft = true
            // The draft's session is what `S` offers next, in a window that has none.
            if state.session == nil, let session = draft.session { state.lastWindowSession = session }
            state.editor?.baseIsExact = !base.changedElsewhere
            if base.changedElsewhere {
                state.message = "this note changed elsewhere since the draft; saving keeps both (a conflict copy)"
            }
            // The old file goes once this window's own draft is written, not before: the
            // text must be on disk in one of them at every moment.
            guard let editor = state.editor else { return [] }
            return [.replaceDraft(editor.draft(pid: state.processID, processStart: state.processStart, at: NoteDraft.unstampedTime),
                                  replacing: draft)]
        case .exportNotes:
            if let writing = state.exportingTo {
                state.message = "still writing \(writing); export again when it is done"
                return []
            }
            guard !state.notes.isEmpty else {
                state.message = "no notes to export yet: press a to annotate an item"
                return []
            }
            // A session's notes are offered a file of its name; else the file last written
            // here, as a handout is written again when notes are added.
            openExportPrompt(&state, offering: state.noteFilter.session.flatMap(ExportFile.suggestedName(session:))
                                                ?? state.lastExportPath ?? "travaux-notes.md")
        case .filterNotesText:
            state.prompt = PromptState(purpose: .noteText, label: "Notes containing: ", text: state.noteFilter.text)
            state.relayoutReader()
            return state.foldNoteTextAhead
        default: break
        }
        return []
    }

    private static func requireSelectedNote(_ state: inout AppState) -> Note? {
        if let note = state.selectedNote { return note }
        if state.focus == .reader, let id = state.reader?.itemID, state.notes.notes(on: id).count == 1 {
            return state.notes.notes(on: id).first
        }
        // From a list, Tab changes pane: the reader's markers are reached after Enter.
        let inReader = state.focus == .reader && state.showsReader
        state.message = state.pane == .notes ? "no note selected"
            : inReader ? "select a note: Tab to a ✎ marker, or press 5 for the Notes pane"
            : "select a note: press 5 for the Notes pane, or Enter then Tab to a ✎ marker in the reader"
        return nil
    }

    /// `a`: a new note on the selected item; in the reader, on the part of it in view.
    static let notSaved = "note not saved: "
    static let noDraftEither = "; drafts cannot be written either"

    /// What a note taken here goes on: in a comparison, the version compared to; in the reader,
    /// the version, element or quoted text in view; else the selected item. Nil, with why, where
    /// there is nothing to annotate.
    static func annotationTarget(_ state: AppState) -> (target: NoteTarget?, problem: String?) {
        let shown = state.comparison?.proposalID ?? (state.focus == .reader && state.showsReader ? state.reader?.itemID : state.selectedItemID)
        guard let itemID = shown else { return (nil, "select an item to annotate") }
        // As the CLI: a note goes on an item of the record, not on one it no longer holds.
        guard state.record.item(itemID) != nil else {
            return (nil, "\(itemID) is not in this record; a new note needs an item of it (e edits the notes on \(itemID))")
        }
        var target = NoteTarget(item: itemID)
        if let comparison = state.comparison {
            // The version compared to, as `y` copies it first (Ctrl-T picks another part).
            target.version = comparison.toID.isEmpty ? nil : comparison.toID
        } else if state.focus == .reader, let reader = state.reader, let layout = reader.layout {
            let line = reader.selectedLink.flatMap { layout.links.indices.contains($0) ? layout.links[$0].segments.first?.line : nil }
                ?? reader.scroll
            target = layout.noteTarget(atLine: line)
        }
        return (target, nil)
    }

    static func annotate(_ state: inout AppState) -> [Effect] {
        let (found, problem) = annotationTarget(state)
        guard let target = found else {
            state.message = problem
            return []
        }
        let itemID = target.item
        state.editsStarted += 1
        state.editor = NoteEditor(draftID: "edit-\(state.editsStarted)", base: nil,
                                  targets: state.record.noteTargets(of: itemID), target: target, session: state.session)
        return []
    }

    static func openEditor(_ state: inout AppState, on note: Note) {
        state.editsStarted += 1
        state.editor = NoteEditor(draftID: "edit-\(state.editsStarted)", base: note,
                                  targets: state.record.noteTargets(of: note.target.item), target: note.target,
                                  body: note.body, tags: note.tags, session: note.session)
    }

    // MARK: what the store reports

    static func handleResult(_ state: inout AppState, _ action: Action) -> [Effect] {
        switch action {
        case .tick(let now, let typing):
            var effects: [Effect] = typing ? [] : [.refreshNotes]
            if var editor = state.editor, editor.changedSinceDraft,
               now.millisecondsSince1970 - (editor.lastDraftSave?.millisecondsSince1970 ?? .min / 2) >= NoteEditor.draftIntervalMilliseconds {
                editor.changedSinceDraft = false
                editor.lastDraftSave = now
                state.editor = editor
                effects.append(.saveDraft(editor.draft(pid: state.processID, processStart: state.processStart, at: now)))
            }
            return effects
        case .notesReloaded(let notes):
            state.notesLoading = false
            state.notesUnreadable = nil
            let verifying = state.notes.unverified && !notes.unverified
            replaceNotes(&state, notes)
            state.restorePlaceNote()
            // `--session Seminar-3` names the session its notes already have, as `S` does.
            if let session = state.session { state.session = state.notes.spelledSession(session) }
            // Said when a file is newly held out, not again at every read of the store while it
            // stays so (the status line counts those, `StatusLine`).
            let heldOut = Set(notes.problems.map(\.file))
            let newly = notes.problems.filter { !state.notesHeldOut.contains($0.file) }
            state.notesHeldOut = heldOut
            if let first = newly.first {
                state.message = "\(notes.problems.count) note file\(notes.problems.count == 1 ? "" : "s") \(Self.unreadMessage)" + first.description
            } else if !notes.problems.isEmpty {
                // Nothing new: any message of this window stays.
            } else if let settled = notes.settledConflicts.first {
                state.message = NoteStore.settledConflictReport(settled)
            } else if state.message?.contains(Self.unreadMessage) == true {
                // Mended since (a conflict resolved): the message would say what is no longer so.
                state.message = nil
            }
            // A large store is folded for searching as soon as it is read, not when `/` opens:
            // the first key typed after `/` came before the folding was done, and folded
            // 100,000 notes itself. The verified read that follows the quick look from the
            // cache holds the notes in another order, so what was folded is folded again.
            if verifying, state.noteText.count > 0, notes.count >= AppState.foldAheadNotes { return [.foldNoteText] }
            return state.foldNoteTextAhead
        case .noteSaved(let outcome):
            let saved = [outcome.saved] + (outcome.conflictCopy.map { [$0] } ?? [])
            let listed = saved.compactMap { state.notes.note($0.id) }
            // In place: a copy of the collection to change would copy every note in it.
            for note in saved { state.notes.put(note) }
            notesUpdated(&state, change: NoteChange(listed: listed, current: saved))
            if listed.isEmpty, state.pane != .notes { state.selectInNotesPane(outcome.saved) }
            if let pending = state.respellingsAfterSave, pending.noteID == outcome.saved.id {
                state.respellingsAfterSave = nil
                // Saved as typed (not a conflict copy): its re-spelled tags go to the other notes.
                if outcome.conflictCopy == nil { return pending.effects }
            }
            let restored = state.restoringNoteID == outcome.saved.id
            state.restoringNoteID = nil
            if let copy = outcome.conflictCopy {
                // Named by a beginning of its id, which `travaux note edit` and `note rm` take.
                let named = copy.id.prefix(state.notes.uniquePrefixLength(of: [copy.id]))
                if restored && outcome.copyIsMine {
                    state.message = "this note was saved again elsewhere (another window, a command or a git pull) since you deleted it; it stays, and what you brought back is a conflict copy (\(named))"
                } else if outcome.copyIsMine {
                    state.message = "this note was changed elsewhere (another window, a command or a git pull) after your edit; that later edit keeps the note, and yours is saved as a conflict copy (\(named))"
                } else {
                    state.message = "this note was also changed elsewhere (another window, a command or a git pull); the other edit is kept as a conflict copy (\(named))"
                }
            } else if !outcome.keptFromElsewhere.isEmpty {
                let fields = outcome.keptFromElsewhere.joined(separator: " and ")
                state.message = "note saved, with the \(fields) changed elsewhere meanwhile (another window, a command or a git pull) kept"
            } else if let problem = outcome.quarantined {
                state.message = "note saved; its file had been damaged elsewhere and was kept in quarantine: \(problem.movedTo ?? problem.file)"
            } else if outcome.broughtBack {
                state.message = "note saved; it had been deleted elsewhere (another window, a command or a git pull) since you opened it, and this save brought it back (d deletes it again)"
                // The delete moved the selection on to the next note; the one saved is selected
                // again, or `e` and `d` would act on its neighbour.
                selectInNotesList(&state, outcome.saved.id)
            } else if restored {
                let more = state.undoable.count
                state.message = "note brought back" + (more == 0 ? "" : " — u brings back \(more) more")
                // The note that came back is selected, as a file manager selects an undeleted file.
                selectInNotesList(&state, outcome.saved.id)
            } else {
                state.message = "note saved" + (outcome.saved.tags.isEmpty ? "" : " with " + outcome.saved.tags.map { "#" + $0 }.joined(separator: " "))
            }
        case .tagRespelled(let respelling, let count, let failure):
            let others = "\(count) other note\(count == 1 ? "" : "s")"
            state.message = "note saved; #\(respelling.old) is now #\(respelling.new)"
                + (failure.map { " on \(others) only: \($0); 'travaux tag rename \(respelling.old) \(respelling.new)' does the rest" } ?? (count == 0 ? "" : " on \(others) too"))
        case .noteMoved, .noteNotMoved:
            NoteMoving.handleResult(&state, action)
        case .noteDeleted(let note):
            // A note picked up by `m` and deleted is not carried on.
            if state.movingNote?.id == note.id { state.movingNote = nil }
            let listed = state.notes.note(note.id) ?? note
            state.notes.remove(note.id)
            notesUpdated(&state, change: NoteChange(listed: [listed], current: []))
            state.undoable.append(.deletedNote(note))
            state.message = "note deleted — u brings it back"
        case .notesUnreadable(let reason):
            state.notesLoading = false
            state.notesUnreadable = "notes not read: " + reason
            state.message = state.notesUnreadable
        case .draftTakenElsewhere(let draft):
            // Opened from this window's memory of the drafts: a second save would make the
            // note twice. Nothing typed here is lost: the effect came before the next key.
            if state.editor?.draftID == draft.id { state.editor = nil }
            let more = state.recoveredDrafts.isEmpty ? "" : "; R resumes the next"
            state.message = "that draft was resumed in another window, or its note saved there: nothing to resume here" + more
        case .draftNotWritten(let message):
            state.draftsUnwritten = true
            return handleResult(&state, .storeFailed(message, unsaved: nil))
        case .storeFailed(let message, let unsaved):
            if unsaved.map({ $0.id == state.respellingsAfterSave?.noteID }) == true { state.respellingsAfterSave = nil }
            // A draft that failed on a tick does not hide the question Ctrl-C asked: quitting
            // will say where the text went.
            if unsaved == nil, state.editor != nil, let shown = state.message, shown.hasPrefix(Self.notSaved) {
                // A draft failing just after the save it follows: the save's failure is the
                // news, and must not be replaced before it is read.
                if !shown.hasSuffix(Self.noDraftEither) { state.message = shown + Self.noDraftEither }
            } else if unsaved != nil || state.editor?.confirmingQuit != true {
                state.message = unsaved == nil ? message : Self.notSaved + "\(message) (your text is back in the editor)"
            }
            let restoring = state.restoringNoteID
            state.restoringNoteID = nil

            if let unsaved, unsaved.id == restoring {
                // A deleted note that could not come back stays kept for `u`, not in an editor
                // where one Esc would lose it.
                state.undoable.append(.deletedNote(unsaved))
                state.message = "note not brought back: \(message); u tries again"
                return []
            }
            // Nothing typed is lost: the text goes back into the editor.
            if let unsaved, !state.editor.isPresent {
                openEditor(&state, on: unsaved)
                state.editor?.base = unsaved.conflictOf == nil ? state.notes.note(unsaved.id) : nil
                state.editor?.changedSinceDraft = true
            }
        case .externalEditFinished(let result):
            return EditorHandling.externalEditFinished(&state, result)
        case .exportFinished(let result, let path):
            state.exportingTo = nil
            switch result {
            case .success(let summary):
                state.message = summary
                // Offered by the next `x`: only a file written, not one that failed.
                state.lastExportPath = path
            case .failure(.fileExists) where state.editor != nil || state.prompt != nil || state.overlay != nil:
                // The answer came from another thread after something else was opened: not over it.
                state.message = "\(path) exists; nothing exported (x again to replace it)"
            case .failure(.fileExists):
                // Asked once more, as a file manager would, before anything is replaced; nothing is being exported meanwhile.
                state.message = nil
                state.prompt = PromptState(purpose: .exportFile(replace: true), label: "\(path) exists; y or Enter replaces it, n or Esc keeps it: ",
                                           text: path)
                state.relayoutReader()
            case .failure(let error):
                state.message = error.description
                // The file name typed stays to be corrected (a folder to create first, a typo),
                // unless something else was opened meanwhile.
                if state.editor == nil, state.prompt == nil, state.overlay == nil {
                    openExportPrompt(&state, offering: path)
                    state.message = error.description
                }
            }
        default: break
        }
        return []
    }

    /// Asks for the file the notes the filters pick go to, saying first how many they are: a
    /// filter left on by mistake shows at once, not in the handout. None picked: says so.
    static func openExportPrompt(_ state: inout AppState, offering path: String) {
        let selection = PromptHandling.exportSelection(state)
        // In a session's window, notes of other sessions (the desk's preparation) are said
        // before they go into the meeting's handout; the session filter keeps them out.
        let sessionSet = state.session.flatMap { selection.notes.session == nil && !selection.notes.withoutSession ? $0 : nil }
        let (count, outside) = selection.count(in: state.notes, record: state.record, zone: state.zone, outsideSession: sessionSet)
        let filters = selection.description(in: state.record)
        guard count > 0 else {
            state.message = "no notes with \(filters); F clears the filters"
            return
        }
        var said = selection.isEmpty ? [] : [filters]
        if outside > 0 {
            said.append("\(outside) not of this session")
            state.message = "\(outside == 1 ? "1 of them is" : "\(outside) of them are") not of session '\(sessionSet ?? "")'; Esc, then f Session keeps only its notes"
        }
        if state.exportOrder == .time { said.append("as taken") }
        let what = "\(count) note\(count == 1 ? "" : "s")" + (said.isEmpty ? "" : " (" + said.joined(separator: "; ") + ")")
        state.prompt = PromptState(purpose: .exportFile(replace: false), label: "Export \(what) to: ",
                                   text: path, placeholder: "a file name (.md)")
        state.relayoutReader()
    }

    /// Puts a new collection in place (one read from the store) and brings everything up to date.
    static func replaceNotes(_ state: inout AppState, _ notes: NoteCollection) {
        state.notes = notes
        notesUpdated(&state)
    }

    /// Brings every list, mark and the reader up to date with `state.notes`; after a `change`
    /// of a few notes, the Notes pane's rows are patched rather than made again.
    static func notesUpdated(_ state: inout AppState, change: NoteChange? = nil) {
        state.notesChanged()
        if let tag = state.filters.tag {
            state.filters.tag = change.map { tag.updated(forItems: ($0.listed + $0.current).map(\.target.item), in: state.notes) }
                ?? TagFilter(name: tag.name, notes: state.notes)
        }
        let patched = change.map { state.patchNoteRows($0) } ?? false
        Reducer.applyFilters(&state, state.filters, keepingRowsOf: patched ? .notes : nil)
        // The search lists notes too: a note saved, changed or deleted shows there at once,
        // and is counted at once in the status line off the search's tab.
        if state.search != nil {
            state.invalidateRows(.search)
            if state.staleRows[.search] != nil { state.recountSearchNotes(after: change) }
        }
        // A note gone from the list moves the selection: the reader follows it, or `e` and `d`
        // would act on a note the reader no longer shows.
        state.syncReader()
    }
}

extension NoteHandling {
    /// Selects a note the Notes pane lists, when it is the pane shown.
    static func selectInNotesList(_ state: inout AppState, _ noteID: String) {
        guard state.pane == .notes, let row = state.currentRows.firstIndex(where: { $0.noteID == noteID }) else { return }
        var cursor = state.currentCursor
        cursor.select(row, in: state.currentRows, viewport: state.listViewport)
        state.cursors[.notes] = cursor
        state.syncReader()
    }
}
