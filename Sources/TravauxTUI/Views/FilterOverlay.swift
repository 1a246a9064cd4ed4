import TravauxCore

/// `f`: choose a filter, then its value.
enum FilterOverlay {
    static func render(_ state: AppState, menu: FilterMenu, into canvas: inout Canvas, area: Rect) {
        let choices = menu.choices(in: state)
        let title: String
        switch menu.level {
        case .kinds: title = "Filter — Enter chooses, Esc closes"
        case .domain: title = "Domain"
        case .forum: title = "Forum"
        case .actor: title = "Actor"
        case .tag: title = "Tag"
        case .session: title = "Session"
        }
        let width = min(area.width - 2, max(DisplayWidth.of(title) + 6, (choices.map { DisplayWidth.of($0.label) }.max() ?? 20) + 6))
        let height = min(area.height - 2, choices.count + 2)
        let overlay = Overlay(title: title, width: width, height: height)
        overlay.render(into: &canvas, area: area)
        let inner = overlay.contentArea(in: area)
        guard inner.height > 0 else { return }
        let offset = max(0, min(menu.selected - inner.height + 1, choices.count - inner.height))
        for row in 0..<inner.height where choices.indices.contains(offset + row) {
            let index = offset + row
            let y = inner.y + row
            // A name longer than the box ends in "…", so it is not read as a shorter name.
            _ = canvas.put(" " + truncate(choices[index].label, toWidth: max(1, inner.width - 2)), x: inner.x, y: y, maxWidth: inner.width)
            if index == menu.selected { canvas.patchStyle(Rect(x: inner.x, y: y, width: inner.width, height: 1), with: Palette.selection(monochrome: state.monochrome)) }
        }
    }
}
