/// A scrolling view of word-wrapped styled text: an event's summary, a proposal's
/// quoted text, a note. Search matches can be highlighted.
///
/// The text is wrapped to the width of the area at each render; a caller that needs
/// the line count (to scroll, to show a position) asks `lineCount(width:)`.
public struct WrappedTextView: Sendable {
    public var text: StyledText
    /// The style of the whole area (the text's spans are laid over it).
    public var style: Style
    /// Character ranges of `text` to highlight (see `StyledText.highlighting`).
    public var highlights: [Range<Int>]
    public var highlightStyle: Style

    public init(
        _ text: StyledText,
        style: Style = .plain,
        highlights: [Range<Int>] = [],
        highlightStyle: Style = Style(reverse: true)
    ) {
        self.text = text
        self.style = style
        self.highlights = highlights
        self.highlightStyle = highlightStyle
    }

    /// The wrapped lines for a view `width` columns wide.
    public func lines(width: Int) -> [WrappedLine] {
        TextWrapper.wrap(text.highlighting(highlights, with: highlightStyle), width: width)
    }

    public func lineCount(width: Int) -> Int {
        lines(width: width).count
    }

    public func render(into canvas: inout Canvas, area: Rect, state: ScrollState) {
        let area = area.intersection(canvas.area)
        guard !area.isEmpty else { return }
        canvas.fill(area, style: style)
        let lines = lines(width: area.width)
        let offset = state.clampedOffset(contentHeight: lines.count, viewportHeight: area.height)
        for row in 0..<area.height {
            let index = offset + row
            guard index < lines.count else { break }
            canvas.put(lines[index].text, x: area.x, y: area.y + row, maxWidth: area.width)
        }
    }
}
