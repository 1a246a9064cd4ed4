import TravauxCore

/// Keys while the note editor is open. Its commands (save, cancel, tags, attach to,
/// $EDITOR, undo) come from the keymap; every other key edits the text.
enum EditorHandling {
    static func handleKey(_ state: inout AppState, _ key: KeyEvent) -> [Effect] {
        guard var editor = state.editor else { return [] }
        editor.confirmingQuit = false
        if editor.choosingTargetFrom != nil, chooseTarget(&state, &editor, key) { return [] }
        if let command = state.keymap.command(for: key, in: .editor) {
            return perform(&state, &editor, command, key: key)
        }
        let before = editor
        let width = EditorLayout(state).bodyWidth
        switch editor.field {
        case .body: editBody(&editor.body, key, width: width, page: max(1, EditorLayout(state).bodyHeight - 1))
        // Enter ends the tags as a form field does (tags are one line); it was silently dropped.
        case .tags where key == .enter: editor.field = .body
        case .tags: editor.tags.apply(key)
        }
        if editor.body != before.body || editor.tags != before.tags {
            editor.changedSinceDraft = true
            editor.confirmingDiscard = false
        }
        state.editor = editor   // the reducer then scrolls the cursor into view
        return []
    }

    private static func perform(_ state: inout AppState, _ editor: inout NoteEditor, _ command: Command, key: KeyEvent) -> [Effect] {
        switch command {
        case .help:
            state.editor = editor
            state.overlay = .help(scroll: HelpOverlay.openingScroll(state))
            return []
        case .saveNote:
            return save(&state, editor)
        case .cancelEdit:
            if editor.isDirty && !editor.confirmingDiscard {
                editor.confirmingDiscard = true
                state.editor = editor
                state.message = editor.base == nil ? "unsaved note: Esc again to discard it, Ctrl-S to save it"
                                                   : "unsaved changes: Esc again to discard them, Ctrl-S to save them"
                return []
            }
            state.editor = nil
            // Said of what was typed: an existing note stays in the store as it was. Kept for
            // `u` all the same: two Escs come by reflex, or in one burst.
            if editor.isDirty { state.undoable.append(.discardedEdit(editor)) }
            state.message = editor.isDirty ? (editor.base == nil ? "new note discarded — u brings it back" : "changes discarded; the note is as it was — u brings them back") : nil
            return [.discardDraft(editor.draft(pid: state.processID, processStart: state.processStart, at: NoteDraft.unstampedTime))]
        case .switchField:
            if editor.field == .tags, key == .tab, let tag = editor.completedTag(from: state.knownTags) {
                // The typed beginning takes the tag's own spelling: `as` becomes `ASAT-tests`.
                for _ in 0..<editor.partialTag.count { editor.tags.deleteBackward() }
                editor.tags.insert(tag + " ")
                editor.changedSinceDraft = true
            } else {
                editor.field = editor.field == .body ? .tags : .body
            }
        case .cycleTarget:
            // The list of parts opens on the next one: Ctrl-T still steps, and the list shows
            // where to, with ↑ to go back.
            guard editor.targets.count > 1 else { state.message = "this item has no versions, elements or quoted texts to attach to"; break }
            editor.choosingTargetFrom = editor.targetIndex
            editor.targetIndex = (editor.targetIndex + 1) % editor.targets.count
            editor.changedSinceDraft = true
        case .undoEdit:
            guard editor.body.canUndo else { state.message = "nothing to undo"; return [] }
            editor.body.undo()
            editor.changedSinceDraft = true
        case .redoEdit:
            editor.body.redo()
            editor.changedSinceDraft = true
        case .externalEditor:
            state.editor = editor
            return [.editExternally(text: editor.body.text)]
        default:
            break
        }
        editor.confirmingDiscard = false
        state.editor = editor
        return []
    }

    /// Keys while the list of parts is open: moves within it, `Enter` keeps the part, `Esc`
    /// goes back to the one the note was on. Any other key closes it on the part chosen and
    /// is then the editor's (false), so typing or `Ctrl-S` carries straight on.
    private static func chooseTarget(_ state: inout AppState, _ editor: inout NoteEditor, _ key: KeyEvent) -> Bool {
        let count = max(1, editor.targets.count), before = editor.targetIndex
        let page = max(1, EditorLayout(state).bodyHeight - 2)
        switch key {
        case .down, .control("t"), .control("n"): editor.targetIndex = (editor.targetIndex + 1) % count
        case .up, .control("p"): editor.targetIndex = (editor.targetIndex + count - 1) % count
        case .pageDown: editor.targetIndex = min(count - 1, editor.targetIndex + page)
        case .pageUp: editor.targetIndex = max(0, editor.targetIndex - page)
        case .home: editor.targetIndex = 0
        case .end: editor.targetIndex = count - 1
        case .enter: editor.choosingTargetFrom = nil
        case .escape:
            editor.targetIndex = editor.choosingTargetFrom ?? editor.targetIndex
            editor.choosingTargetFrom = nil
        default:
            editor.choosingTargetFrom = nil
            state.editor = editor
            return false
        }
        if editor.targetIndex != before { editor.changedSinceDraft = true }
        state.editor = editor
        return true
    }

    static func save(_ state: inout AppState, _ editor: NoteEditor) -> [Effect] {
        let body = editor.savedBody
        guard !body.allSatisfy(\.isWhitespace) else {
            state.message = "the note is empty; type something, or Esc to close"
            return []
        }
        if let problem = TagSpelling.problem(among: state.notes.newTags(editor.tagList, editing: editor.base)) {
            var editor = editor
            editor.field = .tags
            state.editor = editor
            state.message = problem + "; not saved yet"
            return []
        }
        let discard = Effect.discardDraft(editor.draft(pid: state.processID, processStart: state.processStart, at: NoteDraft.unstampedTime))
        state.editor = nil
        guard let base = editor.base else {
            let session = editor.session.map { state.notes.spelledSession($0) }
            return [.createNote(target: editor.target, body: body, tags: state.notes.spelled(editor.tagList), session: session), discard]
        }
        guard editor.isDirty else {
            state.message = "no changes"
            return [discard]
        }
        var note = base
        note.body = body
        let spelled = state.notes.spelled(editor.tagList, editing: base)
        note.tags = spelled.tags
        note.target = editor.target
        // A tag the note had, typed in another case, is re-spelled on every note that has it.
        let respellings: [Effect] = spelled.respellings.compactMap { respelling in
            let others = state.notes.notes(toRespell: respelling, except: base.id)
            return others.isEmpty ? nil : .respellTag(respelling, on: others)
        }
        state.respellingsAfterSave = respellings.isEmpty ? nil : (base.id, respellings)
        return [.saveNote(note, base: base, merges: editor.baseIsExact), discard]
    }

    static func externalEditFinished(_ state: inout AppState, _ result: Result<String, ExternalEditFailure>) -> [Effect] {
        guard var editor = state.editor else { return [.redrawAll] }
        switch result {
        case .failure(let failure):
            state.message = failure.message
            // `E` asked for $EDITOR alone: the editor behind it, holding nothing of what was
            // written there (that is in the file the message names), closes. After `Ctrl-X`
            // the text typed here before is still being written.
            guard editor.saveAfterExternalEdit else {
                state.editor = editor
                return [.redrawAll]
            }
            state.editor = nil
            return [.redrawAll, .discardDraft(editor.draft(pid: state.processID, processStart: state.processStart, at: NoteDraft.unstampedTime))]
        case .success(let text):
            if text != editor.body.text {
                editor.body.replaceAll(with: text)
                editor.changedSinceDraft = true
            }
            if editor.saveAfterExternalEdit {
                editor.saveAfterExternalEdit = false
                if text.allSatisfy(\.isWhitespace) {
                    state.editor = nil
                    state.message = "the editor left the note empty; nothing saved"
                    return [.redrawAll, .discardDraft(editor.draft(pid: state.processID, processStart: state.processStart, at: NoteDraft.unstampedTime))]
                }
                if editor.base != nil && !editor.isDirty {
                    state.editor = nil
                    state.message = "no changes"
                    return [.redrawAll]
                }
                return [.redrawAll] + save(&state, editor)
            }
            state.editor = editor
            return [.redrawAll]
        }
    }

    /// Text-editing keys of the body, as in Emacs, readline and most terminal editors.
    static func editBody(_ body: inout TextArea, _ key: KeyEvent, width: Int, page: Int) {
        switch key {
        case .character(let c): body.insert(String(c))
        case .enter: body.newline()
        case .backspace, .control("h"): body.deleteBackward()
        case .delete, .control("d"): body.deleteForward()
        case .left, .control("b"): body.moveLeft()
        case .right, .control("f"): body.moveRight()
        case .up, .control("p"): body.moveVertically(by: -1, width: width)
        case .down, .control("n"): body.moveVertically(by: 1, width: width)
        case .pageUp: body.moveVertically(by: -page, width: width)
        case .pageDown: body.moveVertically(by: page, width: width)
        case .home, .control("a"): body.moveToLineStart()
        case .end, .control("e"): body.moveToLineEnd()
        case .wordLeft, .alt("b"): body.moveWordLeft()
        case .wordRight, .alt("f"): body.moveWordRight()
        case .control("w"): body.deleteToWhitespaceBackward()
        case .alt("\u{7F}"): body.deleteWordBackward()
        case .control("k"): body.killToEnd()
        case .control("u"): body.killToStart()
        case .paste(let text): body.insert(text)
        default: break
        }
    }

}
