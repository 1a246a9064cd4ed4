/// Text made of styled spans: a list row, a status message, a paragraph of a note.
///
/// Positions in styled text (`highlighting(_:with:)`, `WrappedLine.sourceRange`) count
/// characters span by span, so they do not shift when spans are concatenated.
public struct StyledText: Sendable, Hashable, ExpressibleByStringInterpolation {
    public var spans: [Span]

    public init(_ spans: [Span] = []) {
        self.spans = spans
    }

    public init(_ text: String, style: Style = .plain) {
        self.spans = [Span(text, style: style)]
    }

    public init(stringLiteral value: String) {
        self.init(value)
    }

    /// The text without its styles.
    public var plainText: String { spans.map(\.text).joined() }

    /// The columns the text takes once sanitized.
    public var displayWidth: Int {
        spans.reduce(0) { $0 + DisplayWidth.of(TextSanitizer.sanitize($1.text)) }
    }

    public mutating func append(_ span: Span) {
        spans.append(span)
    }

    public static func + (lhs: StyledText, rhs: StyledText) -> StyledText {
        StyledText(lhs.spans + rhs.spans)
    }

    /// The text with `style` laid over every span (for a selected row).
    public func patched(with style: Style) -> StyledText {
        StyledText(spans.map { Span($0.text, style: $0.style.patched(with: style)) })
    }

    /// The text with `style` laid over the characters in `ranges` (character offsets,
    /// counted span by span): how search matches are shown before wrapping.
    public func highlighting(_ ranges: [Range<Int>], with style: Style) -> StyledText {
        let ranges = ranges.filter { !$0.isEmpty }.sorted { $0.lowerBound < $1.lowerBound }
        guard !ranges.isEmpty else { return self }
        var result: [Span] = []
        var offset = 0
        var next = 0  // the first range that does not end before `offset`
        for span in spans {
            var current = ""
            var currentHighlighted = false
            for character in span.text {
                while next < ranges.count, ranges[next].upperBound <= offset { next += 1 }
                let highlighted = next < ranges.count && ranges[next].lowerBound <= offset
                if highlighted != currentHighlighted, !current.isEmpty {
                    result.append(Span(current, style: currentHighlighted ? span.style.patched(with: style) : span.style))
                    current = ""
                }
                currentHighlighted = highlighted
                current.append(character)
                offset += 1
            }
            if !current.isEmpty {
                result.append(Span(current, style: currentHighlighted ? span.style.patched(with: style) : span.style))
            }
        }
        return StyledText(result)
    }

    /// The text cut to `width` columns, ending in `…` when it had to be cut.
    public func truncated(toWidth width: Int) -> StyledText {
        guard width > 0 else { return StyledText() }
        let sanitized = spans.map { Span(TextSanitizer.sanitize($0.text), style: $0.style) }
        let total = sanitized.reduce(0) { $0 + DisplayWidth.of($1.text) }
        if total <= width { return StyledText(sanitized) }
        var result: [Span] = []
        var used = 0
        let budget = width - 1
        var lastStyle = sanitized.first?.style ?? .plain
        outer: for span in sanitized {
            var kept = ""
            lastStyle = span.style
            for character in span.text {
                let w = DisplayWidth.of(character)
                if used + w > budget {
                    if !kept.isEmpty { result.append(Span(kept, style: span.style)) }
                    break outer
                }
                kept.append(character)
                used += w
            }
            if !kept.isEmpty { result.append(Span(kept, style: span.style)) }
        }
        result.append(Span("…", style: lastStyle))
        return StyledText(result)
    }
}
