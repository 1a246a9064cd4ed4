/// How far down a scrolled view is, as " 64% " in its bottom-right corner, as `less` shows it.
enum ScrollPosition {
    /// Draws the label when `lineCount` lines do not fit in `visibleLines` from `scroll`.
    static func render(scroll: Int, visibleLines: Int, lineCount: Int, into canvas: inout Canvas, area: Rect) {
        guard lineCount > visibleLines, visibleLines > 0, area.width > 8 else { return }
        let percent = min(100, (scroll + visibleLines) * 100 / max(1, lineCount))
        let label = " \(percent)% "
        let width = DisplayWidth.of(label)
        // On blanks of its own: text is laid over the style beneath it, and a link under the
        // label would underline it in the link's colour.
        let place = Rect(x: area.maxX - width, y: area.maxY - 1, width: width, height: 1)
        canvas.fill(place)
        _ = canvas.put(label, x: place.x, y: place.y, style: Palette.dim)
    }
}
