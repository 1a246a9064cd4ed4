import TravauxCore

/// The `y` menu: what can be copied from the selection (a citation, a symbol, a quoted text,
/// an id), one row each; Enter or the row's number copies it.
public struct CopyMenu: Sendable, Hashable {
    /// What the rows were taken from, for the box's title ("PPWT", "your note").
    public var source: String
    public var choices: [CopyChoice]
    public var selected: Int = 0

    public init(source: String, choices: [CopyChoice]) {
        self.source = source
        self.choices = choices
    }
}
