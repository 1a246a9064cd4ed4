/// How far down a scrolled view is, as " 64% " in its bottom-right corner, as `less` shows it.
/// A view too long for its area gives its last row to the label, so no text is covered.
enum ScrollPosition {
    /// Rows of text a view of `height` rows shows for `lineCount` lines: one fewer when the
    /// lines do not fit, for the label.
    static func textRows(height: Int, lineCount: Int) -> Int {
        lineCount > height && height > 1 ? height - 1 : height
    }

    /// Draws the label in the last row of `area` when `lineCount` lines do not fit in it.
    static func render(scroll: Int, lineCount: Int, into canvas: inout Canvas, area: Rect) {
        let visibleLines = textRows(height: area.height, lineCount: lineCount)
        guard visibleLines < area.height, visibleLines > 0, area.width > 8 else { return }
        let percent = min(100, (scroll + visibleLines) * 100 / max(1, lineCount))
        let label = " \(percent)% "
        _ = canvas.put(label, x: area.maxX - DisplayWidth.of(label), y: area.maxY - 1, style: Palette.dim)
    }
}
