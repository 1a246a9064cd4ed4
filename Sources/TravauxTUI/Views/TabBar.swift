/// The pane tabs on the top row; the search tab appears while a search is open.
enum TabBar {
    static func panes(for state: AppState) -> [Pane] {
        Pane.browsable + (showsSearch(state) ? [.search] : [])
    }

    /// Whether the search tab shows: all that changes which panes the bar lists.
    static func showsSearch(_ state: AppState) -> Bool {
        state.search.isPresent
    }

    static func tabs(for state: AppState) -> Tabs {
        let panes = panes(for: state)
        let titles = panes.map { pane -> String in
            let number = Pane.browsable.firstIndex(of: pane).map { "\($0 + 1) " } ?? "/ "
            return number + pane.title
        }
        return Tabs(titles: titles, selected: panes.firstIndex(of: state.pane),
                    style: Palette.tab, highlightStyle: Palette.activeTab, divider: " │ ")
    }

    /// What the tab bar shows besides the record's title, which a cache serves only one of. The
    /// panes are known by `showsSearch`, not listed, so a frame builds no array to ask whether
    /// the bar changed.
    struct Key: Hashable, Sendable {
        var area: Rect
        var showsSearch: Bool
        var selected: Pane
    }

    /// Draws the tab bar, or copies the one kept from an earlier frame if it shows the same.
    static func render(_ state: AppState, into canvas: inout Canvas, area: Rect, kept: inout KeptRow<Key>) {
        // Only a whole row is kept; anything else is drawn afresh.
        guard area.height == 1, area.x == 0, area.width == canvas.width, area.y >= 0, area.y < canvas.height else {
            render(state, into: &canvas, area: area)
            return
        }
        let key = Key(area: area, showsSearch: showsSearch(state), selected: state.pane)
        kept.render(key, into: &canvas, y: area.y) { render(state, into: &$0, area: area) }
    }

    static func render(_ state: AppState, into canvas: inout Canvas, area: Rect) {
        let tabs = tabs(for: state)
        tabs.render(into: &canvas, area: area)
        let title = state.record.manifest.title + " · v" + state.record.manifest.version
        let used = tabs.titleColumns().last?.upperBound ?? 0
        let room = area.width - used - 2
        if room >= 10 {
            let shown = truncate(title, toWidth: room)
            _ = canvas.put(shown, x: area.maxX - DisplayWidth.of(shown) - 1, y: area.y, style: Palette.dim)
        }
    }
}
