import TravauxCore

/// The reader: the laid-out item, scrolled, with the selected link and search matches shown.
enum ReaderView {
    static func render(_ state: AppState, into canvas: inout Canvas, area: Rect) {
        guard let reader = state.reader, let layout = reader.layout else {
            _ = canvas.put(state.currentRows.isEmpty ? "" : "select an item", x: area.x + 1, y: area.y,
                           style: Palette.dim, maxWidth: area.width - 1)
            return
        }
        let words = state.highlightWords
        let needles = Highlighter.needles(for: words)
        let selected = reader.selectedLink.flatMap { layout.links.indices.contains($0) ? layout.links[$0] : nil }
        for row in 0..<ScrollPosition.textRows(height: area.height, lineCount: layout.lines.count) {
            let lineIndex = reader.scroll + row
            guard layout.lines.indices.contains(lineIndex) else { break }
            if words.isEmpty, area.width == layout.width, layout.keptLines.indices.contains(lineIndex) {
                canvas.place(layout.keptLines[lineIndex], x: area.x, y: area.y + row)
            } else {
                var line = layout.lines[lineIndex]
                if !words.isEmpty {
                    line = line.highlighting(Highlighter.ranges(in: line.plainText, needles: needles),
                                             with: lineIndex == reader.matchLine ? Palette.currentMatch(monochrome: state.monochrome) : Palette.match)
                }
                _ = canvas.put(line, x: area.x, y: area.y + row, maxWidth: area.width)
            }
            for segment in selected?.segments ?? [] where segment.line == lineIndex {
                let rect = Rect(x: area.x + segment.columns.lowerBound, y: area.y + row,
                                width: min(segment.columns.count, max(0, area.width - segment.columns.lowerBound)), height: 1)
                canvas.patchStyle(rect, with: Palette.selectedLink)
            }
        }
        ScrollPosition.render(scroll: reader.scroll, lineCount: layout.lines.count, into: &canvas, area: area)
    }
}
