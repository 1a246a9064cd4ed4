import TravauxCore

/// `f`: choose a filter, then its value.
enum FilterOverlay {
    static func render(_ state: AppState, menu: FilterMenu, into canvas: inout Canvas, area: Rect) {
        // The rows once a frame: a level of tags counts and sorts every tag to list them.
        let all = menu.allChoices(in: state)
        let choices = menu.narrowed(all, in: state.record)
        let overlay = box(menu: menu, all: all, choices: choices, area: area)
        overlay.render(into: &canvas, area: area)
        var inner = overlay.contentArea(in: area)
        guard inner.height > 0 else { return }
        if let search = menu.search {
            _ = canvas.put("/", x: inner.x, y: inner.y, style: Palette.strong)
            search.render(into: &canvas, area: Rect(x: inner.x + 1, y: inner.y, width: max(1, inner.width - 1), height: 1))
            inner = Rect(x: inner.x, y: inner.y + 1, width: inner.width, height: inner.height - 1)
            if choices.isEmpty, inner.height > 0 {
                _ = canvas.put(" nothing holds '\(search.text)'", x: inner.x, y: inner.y, style: Palette.dim, maxWidth: inner.width)
            }
        }
        guard inner.height > 0 else { return }
        let offset = max(0, min(menu.selected - inner.height + 1, choices.count - inner.height))
        ChoiceList(labels: choices.map(\.label), selected: menu.selected, offset: offset)
            .render(into: &canvas, area: inner, selection: Palette.selection(monochrome: state.monochrome))
        overlay.markScroll(into: &canvas, area: area, hiddenAbove: offset, hiddenBelow: max(0, choices.count - offset - inner.height))
    }

    /// The box, as wide as the level's longest row whatever is typed, so that it stays put
    /// while the list narrows; one row taller for the words typed after `/`.
    static func box(menu: FilterMenu, all: [(label: String, value: String?)], choices: [(label: String, value: String?)],
                    area: Rect) -> Overlay {
        let title: String
        switch menu.level {
        case .kinds: title = "Filter — Enter chooses, Esc closes"
        case .domain: title = "Domain"
        case .forum: title = "Forum — / narrows"
        case .actor: title = "Actor — / narrows"
        case .tag: title = "Tag — / narrows"
        case .session: title = "Session — / narrows"
        }
        let labels = all.map { DisplayWidth.of($0.label) }
        let width = min(area.width - 2, max(DisplayWidth.of(title) + 6, (labels.max() ?? 20) + 6))
        let rows = menu.search == nil ? labels.count : max(1, choices.count) + 1
        return Overlay(title: title, width: width, height: min(area.height - 2, rows + 2))
    }

    /// Where the terminal cursor goes while words are typed after `/`.
    static func cursor(_ state: AppState, menu: FilterMenu, area: Rect) -> (x: Int, y: Int)? {
        guard let search = menu.search else { return nil }
        let all = menu.allChoices(in: state)
        let inner = box(menu: menu, all: all, choices: menu.narrowed(all, in: state.record), area: area).contentArea(in: area)
        guard inner.height > 0, inner.width > 1 else { return nil }
        return search.cursorPosition(in: Rect(x: inner.x + 1, y: inner.y, width: inner.width - 1, height: 1))
    }
}
