/// A run of text in one style: the unit views build styled rows and paragraphs from.
public struct Span: Sendable, Hashable, ExpressibleByStringInterpolation {
    public var text: String
    public var style: Style

    public init(_ text: String, style: Style = .plain) {
        self.text = text
        self.style = style
    }

    public init(stringLiteral value: String) {
        self.init(value)
    }
}
