extension Canvas {
    /// What tests hold the changed spans to, or nil when they keep to it: comparing every row,
    /// kept or not, must find no cell that the spans miss, and the spans may hold more only as a
    /// whole row whose glyphs are those of `previous` (a row that differs only in style, such
    /// as the one the selection bar left or reached, is sent whole without being compared); a
    /// span marked `stylesOnly` must show the glyphs of `previous` in every column.
    func spanProblem(from previous: Canvas) -> String? {
        var sent: [ChangedSpan] = [], differing: [ChangedSpan] = []
        changedSpans(from: previous, into: &sent, skippingKeyedRows: true)
        changedSpans(from: previous, into: &differing, skippingKeyedRows: false)
        guard previous.width == width, previous.height == height else {
            return sent == differing ? nil : "after a resize, not every row was sent whole"
        }
        func columns(_ spans: [ChangedSpan], row y: Int) -> Set<Int> {
            Set(spans.filter { $0.y == y }.flatMap { $0.start..<$0.end })
        }
        // A span said to change only styles is restyled in place by the backend: a glyph it
        // hides would stay on the screen.
        for span in sent where span.stylesOnly {
            for x in span.start..<span.end {
                guard let now = cell(x: x, y: span.y), let before = previous.cell(x: x, y: span.y) else { continue }
                if now.glyph != before.glyph || now.width != before.width {
                    return "row \(span.y): sent as a change of styles only, though column \(x) shows something else"
                }
            }
        }
        for y in 0..<height {
            let sentColumns = columns(sent, row: y), differingColumns = columns(differing, row: y)
            if let missed = differingColumns.subtracting(sentColumns).min() {
                return "row \(y): column \(missed) differs and was not sent"
            }
            guard sentColumns != differingColumns else { continue }
            guard sentColumns.count == width else {
                return "row \(y): columns sent that did not change, in part of the row"
            }
            for x in 0..<width {
                guard let now = cell(x: x, y: y), let before = previous.cell(x: x, y: y) else { continue }
                if now.symbol != before.symbol || now.width != before.width {
                    return "row \(y) sent whole without being compared, though column \(x) shows something else"
                }
            }
        }
        return nil
    }
}
