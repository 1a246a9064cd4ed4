/// A bordered box centred over whatever is beneath, its interior cleared: the help
/// overlay, a prompt, a confirmation.
///
/// The box is `width` × `height` cells (border included), shrunk to the area it is
/// drawn in. Render the overlay, then draw its content into `contentArea(in:)`.
public struct Overlay: Sendable {
    public var title: String
    public var width: Int
    public var height: Int
    public var style: Style
    public var borderStyle: Style
    public var titleStyle: Style

    public init(
        title: String = "",
        width: Int,
        height: Int,
        style: Style = .plain,
        borderStyle: Style = .plain,
        titleStyle: Style = Style(bold: true)
    ) {
        self.title = title
        self.width = width
        self.height = height
        self.style = style
        self.borderStyle = borderStyle
        self.titleStyle = titleStyle
    }

    /// The box, border included.
    public func boxArea(in area: Rect) -> Rect {
        area.centered(width: width, height: height)
    }

    /// The interior of the box, where the content goes.
    public func contentArea(in area: Rect) -> Rect {
        boxArea(in: area).inset(by: 1)
    }

    public func render(into canvas: inout Canvas, area: Rect) {
        let bounds = area.intersection(canvas.area)
        let box = boxArea(in: bounds)
        guard !box.isEmpty else { return }
        canvas.fill(box, style: style)
        guard box.width >= 2, box.height >= 2 else { return }
        // A one-cell sliver beside the box would show a character cut out of the text
        // beneath (a stray "d"): it is cleared with the box.
        if box.x - bounds.x == 1 { canvas.fill(Rect(x: bounds.x, y: box.y, width: 1, height: box.height)) }
        if bounds.maxX - box.maxX == 1 { canvas.fill(Rect(x: box.maxX, y: box.y, width: 1, height: box.height)) }
        let border = style.patched(with: borderStyle)
        let horizontal = String(repeating: "─", count: box.width - 2)
        canvas.put("┌" + horizontal + "┐", x: box.x, y: box.y, style: border)
        canvas.put("└" + horizontal + "┘", x: box.x, y: box.maxY - 1, style: border)
        for y in (box.y + 1)..<(box.maxY - 1) {
            canvas.put("│", x: box.x, y: y, style: border)
            canvas.put("│", x: box.maxX - 1, y: y, style: border)
        }
        // " Title " on the top border, leaving a corner and a rule on each side.
        let titleRoom = box.width - 4
        if !title.isEmpty, titleRoom >= 3 {
            let shown = " " + truncate(title, toWidth: titleRoom - 2) + " "
            canvas.put(shown, x: box.x + 2, y: box.y, style: titleStyle, maxWidth: titleRoom)
        }
    }

    /// " ↑ 3  ↓ 12 more " on the bottom border, right-aligned, when the content scrolls:
    /// a box cut at its last row looked like the whole list.
    public func markScroll(into canvas: inout Canvas, area: Rect, hiddenAbove: Int, hiddenBelow: Int) {
        let box = boxArea(in: area.intersection(canvas.area))
        guard box.width >= 8, box.height >= 2, hiddenAbove > 0 || hiddenBelow > 0 else { return }
        var parts: [String] = []
        if hiddenAbove > 0 { parts.append("↑ \(hiddenAbove)") }
        if hiddenBelow > 0 { parts.append("↓ \(hiddenBelow) more") }
        let mark = " " + parts.joined(separator: "  ") + " "
        let width = DisplayWidth.of(mark)
        guard width <= box.width - 4 else { return }
        canvas.put(mark, x: box.maxX - 2 - width, y: box.maxY - 1, style: style.patched(with: borderStyle))
    }
}
