/// The one-row bar at the bottom of the screen: where you are on the left, key hints or
/// a position on the right.
///
/// The bar fills its whole row. The right text is kept whole as long as it fits; the
/// left text gives way first and ends in `…` when the row is too narrow for both.
public struct StatusBar: Sendable {
    public var left: StyledText
    public var right: StyledText
    public var style: Style

    public init(left: StyledText = StyledText(), right: StyledText = StyledText(), style: Style = Style(reverse: true)) {
        self.left = left
        self.right = right
        self.style = style
    }

    /// Draws on the first row of `area`.
    public func render(into canvas: inout Canvas, area: Rect) {
        let row = Rect(x: area.x, y: area.y, width: area.width, height: min(1, area.height)).intersection(canvas.area)
        guard !row.isEmpty else { return }
        canvas.fill(row, style: style)
        let rightWidth = right.displayWidth
        if rightWidth >= row.width {
            canvas.put(right.truncated(toWidth: row.width), x: row.x, y: row.y, maxWidth: row.width)
            return
        }
        let gap = rightWidth > 0 ? 1 : 0
        let leftWidth = row.width - rightWidth - gap
        canvas.put(left.truncated(toWidth: leftWidth), x: row.x, y: row.y, maxWidth: leftWidth)
        canvas.put(right, x: row.maxX - rightWidth, y: row.y, maxWidth: rightWidth)
    }
}
