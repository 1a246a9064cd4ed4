/// Rows to choose from in a box (the `f` menu's values, the editor's parts), from `offset`
/// on, the `selected` one under the selection bar. A label longer than the box ends in "…",
/// so that it is not read as a shorter one.
struct ChoiceList {
    var labels: [String]
    var selected: Int
    var offset: Int

    func render(into canvas: inout Canvas, area: Rect, selection: Style) {
        for row in 0..<area.height where labels.indices.contains(offset + row) {
            let index = offset + row, y = area.y + row
            _ = canvas.put(" " + truncate(labels[index], toWidth: max(1, area.width - 2)), x: area.x, y: y, maxWidth: area.width)
            if index == selected { canvas.patchStyle(Rect(x: area.x, y: y, width: area.width, height: 1), with: selection) }
        }
    }
}
