import TravauxCore

/// A one-line question at the bottom of the screen (the session label, a file name).
public struct PromptState: Sendable, Hashable {
    public enum Purpose: Sendable, Hashable {
        case session
        /// The Notes pane's words filter, applied as it is typed.
        case noteText
        /// The file `x` exports to; `replace` once the user confirmed overwriting it.
        case exportFile(replace: Bool)
    }

    public var purpose: Purpose
    public var label: String
    public var field: TextField
    /// What `Tab` completes the typed text from (the sessions used before), in order of preference.
    public var suggestions: [String]
    /// What was typed before `Tab` completed it: `Tab` again puts the next suggestion that
    /// begins so in its place (`seminar` → `seminar 3` → `seminar-2`). Any other key ends it.
    public var tabCycle: TabCycle?

    public struct TabCycle: Sendable, Hashable {
        public var typed: String
        public var shown: String
    }

    public init(purpose: Purpose, label: String, text: String = "", placeholder: String = "", suggestions: [String] = []) {
        self.purpose = purpose
        self.label = label
        self.field = TextField(text: text, placeholder: placeholder)
        self.suggestions = suggestions
        // What is offered (the last words, the session, a file name) is replaced by typing.
        self.field.selectAll()
    }

    /// The first suggestion, in its own spelling, that begins with what is typed in any case and
    /// is longer, while the cursor is at the end of the typed text. None when what is typed is a
    /// suggestion already (`seminar 3` stays itself beside `seminar 30`), and none for offered
    /// text still selected, which typing replaces.
    public var completion: String? {
        let typed = field.text
        guard !typed.isEmpty, !field.isSelected, field.cursor == field.characterCount,
              !suggestions.contains(where: { SessionLabel.same($0, typed) }) else { return nil }
        let lowered = typed.lowercased()
        return suggestions.first { $0.count > typed.count && $0.lowercased().hasPrefix(lowered) }
    }

    /// The suggestions that begin, in any case, with `typed` (all of them for nothing typed).
    public func suggestions(beginning typed: String) -> [String] {
        let lowered = typed.lowercased()
        return suggestions.filter { $0.lowercased().hasPrefix(lowered) }
    }

    /// `Tab`: the completion of what is typed, else, right after a completion, the next
    /// suggestion beginning as the typed text did; false when there is none.
    public mutating func complete() -> Bool {
        if let cycle = tabCycle, cycle.shown == field.text {
            let matches = suggestions(beginning: cycle.typed)
            guard matches.count > 1, let index = matches.firstIndex(of: cycle.shown) else { return false }
            let next = matches[(index + 1) % matches.count]
            field.setText(next)
            tabCycle = TabCycle(typed: cycle.typed, shown: next)
            return true
        }
        let typed = field.isSelected ? "" : field.text
        // Nothing typed (or the offered text, selected): the sessions in use, most used first,
        // from the first that is not already there.
        guard let next = typed.isEmpty ? suggestions.first(where: { $0 != field.text }) : completion else { return false }
        field.setText(next)
        tabCycle = TabCycle(typed: typed, shown: next)
        return true
    }
}
