import TravauxCore

/// Keys while a one-line question is open at the bottom (`S` session, `/` in Notes).
enum PromptHandling {
    static func handleKey(_ state: inout AppState, _ key: KeyEvent) -> [Effect] {
        guard var prompt = state.prompt else { return [] }
        // "exists; replace?" is answered with y or n by reflex, as mutt, mc and `cp -i` ask it:
        // taken as the answer while the offered name is untouched, not as a file named `y`.
        if prompt.purpose == .exportFile(replace: true), prompt.field.isSelected {
            switch key {
            case .character("y"), .character("Y"): return handleKey(&state, .enter)
            case .character("n"), .character("N"): return handleKey(&state, .escape)
            default: break
            }
        }
        switch key {
        case .escape:
            state.prompt = nil
            if prompt.purpose == .noteText { applyNoteText(&state, "") }
            if case .exportFile = prompt.purpose { state.message = "nothing exported" }
            state.relayoutReader()
            return []
        case .enter:
            state.prompt = nil
            let effects = finish(&state, prompt)
            state.relayoutReader()
            return effects
        case .tab:
            guard prompt.complete() else { return [] }
        case .control("t") where prompt.purpose == .exportFile(replace: false):
            // By item (a digest) or as taken (a meeting's minutes); asked again with the name typed.
            state.exportOrder = state.exportOrder == .item ? .time : .item
            NoteHandling.openExportPrompt(&state, offering: prompt.field.text)
            return []
        default:
            prompt.tabCycle = nil
            prompt.field.apply(key)
        }
        state.prompt = prompt
        // The Notes filter narrows as it is typed, as search does, once no key is waiting
        // (`TypingHandling`).
        if prompt.purpose == .noteText { state.typingOwed = .notesFilter }
        return []
    }

    /// What `x` exports: the notes the current view and its filters show.
    static func exportSelection(_ state: AppState) -> ExportSelection {
        var notes = state.noteFilter
        if let tag = state.filters.tag { notes.tags.append(tag.name) }
        var record = state.filters
        record.tag = nil
        return ExportSelection(notes: notes, record: record)
    }

    private static func finish(_ state: inout AppState, _ prompt: PromptState) -> [Effect] {
        switch prompt.purpose {
        case .session:
            let typed = SessionLabel.normalise(prompt.field.text)
            // A session typed in another case than its notes give it is that session.
            let label = typed.isEmpty ? "" : state.notes.spelledSession(typed)
            state.session = label.isEmpty ? nil : label
            // Chosen here, none included: the last window's session is no longer passed on.
            state.lastWindowSession = nil
            if label.isEmpty {
                state.message = "no session label: new notes carry none"
            } else {
                let count = state.notes.count(inSession: label)
                let known = count == 0 ? "" : " (\(count) note\(count == 1 ? "" : "s") so far\(label == typed ? "" : ", spelt as they spell it"))"
                state.message = "new notes are stamped with session '\(label)'" + known
            }
        case .noteText:
            applyNoteText(&state, prompt.field.text)
        case .exportFile(let replace):
            let path = prompt.field.text.trimmingCharacters(in: " ")
            guard !path.isEmpty else { state.message = "no file name; nothing exported"; return [] }
            // No export is under way: `x` opens this prompt only when none is.
            state.exportingTo = path
            state.message = "exporting to \(path)…"
            return [.exportNotes(exportSelection(state), path: path, replace: replace, order: state.exportOrder)]
        }
        return []
    }

    static func applyNoteText(_ state: inout AppState, _ text: String) {
        state.noteFilter.text = text
        // Only the Notes pane lists by it. Its rows stay as they are when the same notes are
        // listed (`AppState.refreshNoteRows`): after a space, a `#` with no tag yet, Enter.
        state.invalidateRows(.notes)
        if state.focus == .list { state.syncReader() }
    }
}

extension String {
    func trimmingCharacters(in character: Character) -> String {
        var text = Substring(self)
        while text.first == character { text.removeFirst() }
        while text.last == character { text.removeLast() }
        return String(text)
    }
}
