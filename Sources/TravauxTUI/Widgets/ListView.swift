/// A scrolling list of styled rows with one selected row, such as the timeline of
/// events or the list of proposals.
///
/// The widget is rebuilt every frame from the items; what persists (selection, scroll
/// position) is the `ListState` passed to `render`. Rows too wide for the area end in `…`.
public struct ListView: Sendable {
    public var items: [StyledText]
    /// The style of every row.
    public var style: Style
    /// Laid over the selected row.
    public var highlightStyle: Style
    /// Shown before the selected row (e.g. `"▸ "`); other rows get blanks as wide.
    public var highlightSymbol: String
    /// Shown, dimmed, when there are no items.
    public var emptyText: String

    public init(
        items: [StyledText],
        style: Style = .plain,
        highlightStyle: Style = Style(reverse: true),
        highlightSymbol: String = "",
        emptyText: String = ""
    ) {
        self.items = items
        self.style = style
        self.highlightStyle = highlightStyle
        self.highlightSymbol = highlightSymbol
        self.emptyText = emptyText
    }

    public func render(into canvas: inout Canvas, area: Rect, state: ListState) {
        let area = area.intersection(canvas.area)
        guard !area.isEmpty else { return }
        canvas.fill(area, style: style)
        if items.isEmpty {
            canvas.put(emptyText, x: area.x, y: area.y, style: Style(dim: true), maxWidth: area.width)
            return
        }
        let symbol = TextSanitizer.sanitize(highlightSymbol)
        let symbolWidth = min(DisplayWidth.of(symbol), area.width)
        let textWidth = area.width - symbolWidth
        let offset = min(state.visibleOffset(forHeight: area.height), max(0, items.count - 1))
        for row in 0..<area.height {
            let index = offset + row
            guard index < items.count else { break }
            let y = area.y + row
            let isSelected = index == state.selected
            if isSelected, symbolWidth > 0 {
                canvas.put(symbol, x: area.x, y: y, maxWidth: symbolWidth)
            }
            canvas.put(items[index].truncated(toWidth: textWidth), x: area.x + symbolWidth, y: y, maxWidth: textWidth)
            if isSelected {
                canvas.patchStyle(Rect(x: area.x, y: y, width: area.width, height: 1), with: highlightStyle)
            }
        }
    }
}
