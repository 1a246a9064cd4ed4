/// The pane tabs on the top row; the search tab appears while a search is open.
enum TabBar {
    static func panes(for state: AppState) -> [Pane] {
        Pane.browsable + (showsSearch(state) ? [.search] : [])
    }

    /// Whether the search tab shows: all that changes which panes the bar lists.
    static func showsSearch(_ state: AppState) -> Bool {
        state.search.isPresent
    }

    /// The tabs as they fit in `width` columns. A narrow terminal first loses the spaces
    /// around the dividers, then the names of the tabs not selected (their numbers stay, and
    /// are the keys), then the selected tab's name, so every tab can still be seen and clicked.
    static func tabs(for state: AppState, width: Int) -> Tabs {
        let panes = panes(for: state)
        let selected = panes.firstIndex(of: state.pane)
        let numbers = panes.map { pane in Pane.browsable.firstIndex(of: pane).map { "\($0 + 1)" } ?? "/" }
        let titles = zip(numbers, panes).map { $0 + " " + $1.title }
        func laidOut(_ titles: [String], divider: String) -> Tabs {
            Tabs(titles: titles, selected: selected, style: Palette.tab, highlightStyle: Palette.activeTab, divider: divider)
        }
        let fits = [
            laidOut(titles, divider: " │ "),
            laidOut(titles, divider: "│"),
            laidOut(numbers.indices.map { $0 == selected ? titles[$0] : numbers[$0] }, divider: "│"),
        ]
        return fits.first { $0.width <= width } ?? laidOut(numbers, divider: "│")
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
        let tabs = tabs(for: state, width: area.width)
        tabs.render(into: &canvas, area: area)
        let version = " · v" + state.record.manifest.version
        let used = tabs.width
        let room = area.width - used - 2
        // The record's title is the first thing to give way: never beside a tab cut to its number,
        // nor cut to a stub ("travaux re…") that names nothing. Its version is kept whole: which
        // edition of the record is open is what a cut title hid.
        // Too narrow for the title (the search tab open at 100 columns), the version stays, named.
        guard tabs.titles.allSatisfy({ $0.count > 1 }) else { return }
        let shown: String
        if room >= 20 {
            let versionWidth = DisplayWidth.of(version)
            shown = versionWidth + 12 <= room
                ? truncate(state.record.manifest.title, toWidth: room - versionWidth) + version
                : truncate(state.record.manifest.title + version, toWidth: room)
        } else {
            shown = "record v" + state.record.manifest.version
            guard DisplayWidth.of(shown) <= room else { return }
        }
        _ = canvas.put(shown, x: area.maxX - DisplayWidth.of(shown) - 1, y: area.y, style: Palette.dim)
    }
}
