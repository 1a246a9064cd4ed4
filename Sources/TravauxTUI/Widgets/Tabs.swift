/// A row of tab titles with the selected one highlighted: the panes of the workbench
/// (timeline, proposals, sources, notes…).
///
/// Each title is padded with a space on either side and separated by `divider`; titles
/// that do not fit are cut at the edge of the area.
public struct Tabs: Sendable {
    public var titles: [String]
    public var selected: Int?
    public var style: Style
    public var highlightStyle: Style
    public var divider: String

    public init(
        titles: [String],
        selected: Int? = nil,
        style: Style = .plain,
        highlightStyle: Style = Style(bold: true, reverse: true),
        divider: String = "│"
    ) {
        self.titles = titles
        self.selected = selected
        self.style = style
        self.highlightStyle = highlightStyle
        self.divider = divider
    }

    /// The columns (relative to the area's left edge) each padded title takes, for
    /// telling which tab a mouse click hit.
    public func titleColumns() -> [Range<Int>] {
        var result: [Range<Int>] = []
        var column = 0
        let dividerWidth = DisplayWidth.of(TextSanitizer.sanitize(divider))
        for (index, title) in titles.enumerated() {
            if index > 0 { column += dividerWidth }
            let width = DisplayWidth.of(TextSanitizer.sanitize(title)) + 2
            result.append(column..<(column + width))
            column += width
        }
        return result
    }

    /// The columns all the titles and dividers take.
    public var width: Int { titleColumns().last?.upperBound ?? 0 }

    /// The tab under a column of the area, if any.
    public func index(atColumn column: Int, in area: Rect) -> Int? {
        let relative = column - area.x
        return titleColumns().firstIndex { $0.contains(relative) && relative < area.width }
    }

    /// Draws on the first row of `area`.
    public func render(into canvas: inout Canvas, area: Rect) {
        let row = Rect(x: area.x, y: area.y, width: area.width, height: min(1, area.height)).intersection(canvas.area)
        guard !row.isEmpty else { return }
        canvas.fill(row, style: style)
        let columns = titleColumns()
        for (index, title) in titles.enumerated() {
            let range = columns[index]
            let x = row.x + range.lowerBound
            guard x < row.maxX else { break }
            if index > 0 {
                canvas.put(divider, x: x - DisplayWidth.of(TextSanitizer.sanitize(divider)), y: row.y, maxWidth: row.maxX - x)
            }
            canvas.put(" " + title + " ", x: x, y: row.y, maxWidth: row.maxX - x)
            if index == selected {
                let width = min(range.count, row.maxX - x)
                canvas.patchStyle(Rect(x: x, y: row.y, width: width, height: 1), with: highlightStyle)
            }
        }
    }
}
