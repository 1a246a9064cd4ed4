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

    /// The bar without its left text, and the columns its right text takes: what a caller
    /// keeps while the right text is the same (the key hints change less often than where you
    /// are, and were most of the bar's drawing).
    struct Background: Sendable {
        var bar: CellRun
        var rightWidth: Int
    }

    /// Draws on the first row of `area`.
    public func render(into canvas: inout Canvas, area: Rect) {
        let row = Rect(x: area.x, y: area.y, width: area.width, height: min(1, area.height)).intersection(canvas.area)
        guard !row.isEmpty else { return }
        render(into: &canvas, row: row, over: background(width: row.width))
    }

    /// The bar `width` columns wide without its left text.
    func background(width: Int) -> Background {
        var line = Canvas(width: width, height: 1)
        line.fill(line.area, style: style)
        let rightWidth = right.displayWidth
        if rightWidth >= width {
            line.put(right.truncated(toWidth: width), x: 0, y: 0, maxWidth: width)
        } else {
            line.put(right, x: width - rightWidth, y: 0, maxWidth: rightWidth)
        }
        return Background(bar: CellRun(line.cells), rightWidth: rightWidth)
    }

    /// Draws the bar on `row`, a row of the canvas, over `background`: this bar's own for
    /// the row's width.
    func render(into canvas: inout Canvas, row: Rect, over background: Background) {
        canvas.place(background.bar, x: row.x, y: row.y)
        guard let leftWidth = Self.leftWidth(of: row, over: background) else { return }
        canvas.put(left.truncated(toWidth: leftWidth), x: row.x, y: row.y, maxWidth: leftWidth)
    }

    /// `render(into:row:over:)` with a left text of printable ASCII bytes instead of `left`:
    /// written as they are when they fit whole, cut as any other text when they do not.
    func render(into canvas: inout Canvas, row: Rect, over background: Background, printableASCIILeft bytes: [UInt8]) {
        canvas.place(background.bar, x: row.x, y: row.y)
        guard let leftWidth = Self.leftWidth(of: row, over: background) else { return }
        if bytes.count <= leftWidth {
            canvas.put(printableASCII: bytes, x: row.x, y: row.y, maxWidth: leftWidth)
        } else {
            canvas.put(StyledText(String(decoding: bytes, as: UTF8.self)).truncated(toWidth: leftWidth),
                       x: row.x, y: row.y, maxWidth: leftWidth)
        }
    }

    /// The columns the left text may take: the row less the right text and the gap before it,
    /// or nil when the right text takes the whole row.
    private static func leftWidth(of row: Rect, over background: Background) -> Int? {
        guard background.rightWidth < row.width else { return nil }
        return row.width - background.rightWidth - (background.rightWidth > 0 ? 1 : 0)
    }
}
