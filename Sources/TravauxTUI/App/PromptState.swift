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

    public init(purpose: Purpose, label: String, text: String = "", placeholder: String = "") {
        self.purpose = purpose
        self.label = label
        self.field = TextField(text: text, placeholder: placeholder)
        // What is offered (the last words, the session, a file name) is replaced by typing.
        self.field.selectAll()
    }
}
