import TravauxCore

/// `y`: what can be copied from the selection, each row its number, what it is and the
/// opening of its text on one line.
enum CopyOverlay {
    static func render(_ state: AppState, menu: CopyMenu, into canvas: inout Canvas, area: Rect) {
        let rows = labels(menu)
        let title = "Copy from " + truncate(menu.source, toWidth: 32) + " — Enter or 1–9 copies, Esc closes"
        let longest = rows.map(DisplayWidth.of).max() ?? 20
        let width = min(area.width - 2, max(DisplayWidth.of(title) + 6, min(100, longest + 4)))
        let overlay = Overlay(title: title, width: width, height: min(area.height - 2, rows.count + 2))
        overlay.render(into: &canvas, area: area)
        let inner = overlay.contentArea(in: area)
        guard inner.height > 0 else { return }
        let offset = max(0, min(menu.selected - inner.height + 1, rows.count - inner.height))
        ChoiceList(labels: rows, selected: menu.selected, offset: offset)
            .render(into: &canvas, area: inner, selection: Palette.selection(monochrome: state.monochrome))
        overlay.markScroll(into: &canvas, area: area, hiddenAbove: offset, hiddenBelow: max(0, rows.count - offset - inner.height))
    }

    /// "1 Citation    United Nations General Assembly…": the labels in a column of their own.
    static func labels(_ menu: CopyMenu) -> [String] {
        let column = min(30, menu.choices.map { DisplayWidth.of($0.label) }.max() ?? 0)
        return menu.choices.enumerated().map { index, choice in
            let number = index < 9 ? "\(index + 1) " : "  "
            let label = truncate(choice.label, toWidth: column)
            let padding = String(repeating: " ", count: max(0, column - DisplayWidth.of(label)))
            // The opening alone is drawn: a whole note's body is not split on every frame.
            let text = choice.text.prefix(300).split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
            return number + label + padding + "  " + text
        }
    }
}
