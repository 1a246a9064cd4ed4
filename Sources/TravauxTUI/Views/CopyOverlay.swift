import TravauxCore

/// `y`: what can be copied from the selection, each row its number, what it is and the
/// opening of its text on one line.
enum CopyOverlay {
    static func render(_ state: AppState, menu: CopyMenu, into canvas: inout Canvas, area: Rect) {
        let title = "Copy from " + truncate(menu.source, toWidth: 32) + " — Enter or 1–9 copies, Esc closes"
        let texts = openings(menu)
        let column = labelColumn(menu)
        // A row's full width: its number, its label's column and up to 300 characters of text.
        let longest = texts.map { 2 + column + 2 + DisplayWidth.of(String($0.prefix(300))) }.max() ?? 20
        let width = min(area.width - 2, max(DisplayWidth.of(title) + 6, min(100, longest + 4)))
        let overlay = Overlay(title: title, width: width, height: min(area.height - 2, menu.choices.count + 2))
        overlay.render(into: &canvas, area: area)
        let inner = overlay.contentArea(in: area)
        guard inner.height > 0 else { return }
        // ChoiceList draws each row after a space and cuts it a column short of the edge.
        let rows = labels(menu, texts: texts, width: inner.width - 2)
        let offset = max(0, min(menu.selected - inner.height + 1, rows.count - inner.height))
        ChoiceList(labels: rows, selected: menu.selected, offset: offset)
            .render(into: &canvas, area: inner, selection: Palette.selection(monochrome: state.monochrome))
        overlay.markScroll(into: &canvas, area: area, hiddenAbove: offset, hiddenBelow: max(0, rows.count - offset - inner.height))
    }

    /// "1 Citation    United Nations General Assembly…": the labels in a column of their own.
    /// With `width`, two texts that agree further than a row shows (a citation and the same
    /// in Markdown) are each shown from a little before where they part, after a `…`: cut at
    /// the same place, the two rows would read alike.
    static func labels(_ menu: CopyMenu, width: Int? = nil) -> [String] {
        labels(menu, texts: openings(menu), width: width)
    }

    private static func labels(_ menu: CopyMenu, texts: [[Character]], width: Int?) -> [String] {
        let column = labelColumn(menu)
        let room = width.map { $0 - 2 - column - 2 } ?? Int.max
        return menu.choices.enumerated().map { index, choice in
            let number = index < 9 ? "\(index + 1) " : "  "
            let label = truncate(choice.label, toWidth: column)
            let padding = String(repeating: " ", count: max(0, column - DisplayWidth.of(label)))
            return number + label + padding + "  " + window(of: texts[index], among: texts, room: room)
        }
    }

    private static func labelColumn(_ menu: CopyMenu) -> Int {
        min(30, menu.choices.map { DisplayWidth.of($0.label) }.max() ?? 0)
    }

    /// Each choice's opening on one line. The opening alone is drawn: a whole note's body is
    /// not split on every frame. A citation's Markdown may first differ after its long
    /// comment, hence 2,000.
    private static func openings(_ menu: CopyMenu) -> [[Character]] {
        menu.choices.map { Array($0.text.prefix(2_000).split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")) }
    }

    /// The text from where it parts from the text it agrees with longest, when that is past
    /// `room`; else from its start.
    private static func window(of text: [Character], among texts: [[Character]], room: Int) -> String {
        guard room > 12, text.count > room else { return String(text.prefix(300)) }
        let shared = texts.map { other in
            other == text ? 0 : zip(text, other).prefix { $0 == $1 }.count
        }.max() ?? 0
        guard shared >= room - 1 else { return String(text.prefix(300)) }
        // A third of the row before the parting, from the start of a word.
        var start = shared - room / 3
        while start > 0, text[start - 1] != " ", start > shared - room / 2 { start -= 1 }
        return "…" + String(text[start...].prefix(300))
    }
}
