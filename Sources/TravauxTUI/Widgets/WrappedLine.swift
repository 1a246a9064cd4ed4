/// One line of wrapped text, with the characters of the source it shows.
public struct WrappedLine: Sendable, Hashable {
    public var text: StyledText
    /// Character offsets in the source `StyledText` (counted span by span), so a caller
    /// can find the line a search match is on. Empty for an empty line.
    public var sourceRange: Range<Int>

    public init(text: StyledText, sourceRange: Range<Int>) {
        self.text = text
        self.sourceRange = sourceRange
    }
}
