import TravauxCore

/// The comparison in place of the list and the reader: its fixed header, then the
/// scrolled lines, with how far down they are in the corner.
enum ComparisonView {
    static func render(_ state: AppState, into canvas: inout Canvas, area: Rect) {
        guard let comparison = state.comparison, let layout = comparison.layout else { return }
        for (row, line) in layout.header.enumerated() where row < area.height {
            _ = canvas.put(line, x: area.x, y: area.y + row, maxWidth: area.width)
        }
        let top = area.y + min(layout.header.count, area.height)
        let height = max(0, area.maxY - top)
        for row in 0..<ScrollPosition.textRows(height: height, lineCount: layout.lines.count) {
            let index = comparison.scroll + row
            guard layout.lines.indices.contains(index) else { break }
            _ = canvas.put(layout.lines[index], x: area.x, y: top + row, maxWidth: area.width)
        }
        ScrollPosition.render(scroll: comparison.scroll, lineCount: layout.lines.count, into: &canvas,
                              area: Rect(x: area.x, y: top, width: area.width, height: height))
    }
}
