import TravauxCore

/// Text typed where each key searches (the `/` prompt, the Notes pane's filter), applied once
/// for keys that come together.
///
/// With 100,000 notes each search takes about 20 ms, so a word pasted by a terminal that does
/// not mark pastes, or keys typed while a search runs, ran a search per letter, the screen
/// behind by a search for each (a 12-letter word 0.2 s). A text key now only edits the field
/// and says a search is owed; the run loop sends `Action.typingPaused` once no key is waiting,
/// and any other action runs the owed search first, so nothing reads results that are behind.
enum TypingHandling {
    /// Where text was typed whose search has not run yet.
    enum Owed: Sendable, Hashable {
        case search
        case notesFilter
    }

    /// Keys that go on typing: they leave an owed search owed.
    static func continuesTyping(_ action: Action) -> Bool {
        switch action {
        case .input(.key(.character)), .input(.key(.paste)), .input(.key(.backspace)): return true
        default: return false
        }
    }

    /// Runs the search owed, if any.
    static func apply(_ state: inout AppState) {
        guard let owed = state.typingOwed else { return }
        state.typingOwed = nil
        switch owed {
        case .search:
            guard state.search?.editing == true else { return }
            SearchHandling.runQuery(&state)
        case .notesFilter:
            guard let prompt = state.prompt, prompt.purpose == .noteText else { return }
            PromptHandling.applyNoteText(&state, prompt.field.text)
        }
    }
}
