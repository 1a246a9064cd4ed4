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

    /// What the bar without its left text is drawn from.
    struct Background: Hashable, Sendable {
        var right: StyledText
        var style: Style
        var width: Int
    }

    /// The bar without its left text, and the columns its right text takes.
    typealias KeptBackground = Kept<Background, (bar: CellRun, rightWidth: Int)>

    /// Draws on the first row of `area`.
    public func render(into canvas: inout Canvas, area: Rect) {
        var unkept = KeptBackground()
        render(into: &canvas, area: area, kept: &unkept)
    }

    /// `render(into:area:)` with the bar and its right text kept while they are the same: the
    /// key hints change less often than where you are, and were most of the bar's drawing.
    func render(into canvas: inout Canvas, area: Rect, kept: inout KeptBackground) {
        let row = Rect(x: area.x, y: area.y, width: area.width, height: min(1, area.height)).intersection(canvas.area)
        guard !row.isEmpty else { return }
        let background = kept.value(for: Background(right: right, style: style, width: row.width)) {
            var line = Canvas(width: row.width, height: 1)
            line.fill(line.area, style: style)
            let rightWidth = right.displayWidth
            if rightWidth >= row.width {
                line.put(right.truncated(toWidth: row.width), x: 0, y: 0, maxWidth: row.width)
            } else {
                line.put(right, x: row.width - rightWidth, y: 0, maxWidth: rightWidth)
            }
            return (CellRun(line.cells), rightWidth)
        }
        canvas.place(background.bar, x: row.x, y: row.y)
        guard background.rightWidth < row.width else { return }
        let gap = background.rightWidth > 0 ? 1 : 0
        let leftWidth = row.width - background.rightWidth - gap
        canvas.put(left.truncated(toWidth: leftWidth), x: row.x, y: row.y, maxWidth: leftWidth)
    }
}
