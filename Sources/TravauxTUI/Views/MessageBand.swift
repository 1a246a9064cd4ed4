/// A message too long for the status line, shown whole in rows just above it until the next
/// key: an error's second half is usually what to do about it ("your text is back in the
/// editor", "moved to quarantine/…"), and a cut line loses exactly that.
enum MessageBand {
    /// At most this share of the screen's rows; what does not fit still ends in `…`.
    static let maximumShare = 3

    /// The message as wrapped lines, or none when it fits the status line beside `left`.
    static func lines(_ message: String, statusWidth: Int, leftWidth: Int, screenHeight: Int) -> [WrappedLine] {
        let wanted = leftWidth + DisplayWidth.of("  — " + message) + 1
        guard wanted > statusWidth, statusWidth > 2 else { return [] }
        var lines = TextWrapper.wrap(StyledText(message, style: Palette.statusBar), width: statusWidth - 2)
        let room = max(1, screenHeight / maximumShare)
        if lines.count > room {
            lines.removeSubrange(room...)
            let last = lines[room - 1].text.spans.map(\.text).joined()
            lines[room - 1].text = StyledText(last + " …", style: Palette.statusBar).truncated(toWidth: statusWidth - 2)
        }
        return lines
    }

    /// Draws `lines` in the rows ending just above `status`.
    static func render(_ lines: [WrappedLine], into canvas: inout Canvas, above status: Rect) {
        guard !lines.isEmpty, status.y > 0 else { return }
        let top = max(0, status.y - lines.count)
        for (index, y) in (top..<status.y).enumerated() {
            let row = Rect(x: status.x, y: y, width: status.width, height: 1)
            canvas.fill(row, style: Palette.statusBar)
            _ = canvas.put(lines[index].text, x: status.x + 1, y: y, maxWidth: status.width - 2)
        }
    }
}
