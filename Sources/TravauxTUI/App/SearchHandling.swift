import TravauxCore

/// `/`: the prompt, search as you type, the results pane and `n`/`N`.
enum SearchHandling {
    static func start(_ state: inout AppState) -> [Effect] {
        var search = SearchState()
        if let previous = state.search {
            // Offered selected: typing starts a new search, a move edits this one, Enter goes
            // back to its results as they were.
            search = previous
            search.field.setText(previous.query)
            search.field.selectAll()
        } else {
            // A search closed is offered all the same; its results come back as it is run.
            if !state.lastSearchQuery.isEmpty {
                search.field.setText(state.lastSearchQuery)
                search.field.selectAll()
            }
            if state.pane != .search { search.origin = Reducer.location(of: state) }
        }
        search.editing = true
        state.search = search
        state.relayoutReader()
        // The notes are searched too.
        return (state.searchIndex == nil ? [.buildSearchIndex] : []) + state.foldNoteTextAhead
    }

    static func handlePromptKey(_ state: inout AppState, _ key: KeyEvent) -> [Effect] {
        guard var search = state.search else { return [] }
        switch key {
        case .escape:
            close(&state)
            return []
        case .enter:
            if search.field.text != search.query {
                // The search offered by `/` after it was closed, not yet run.
                state.search = search
                runQuery(&state)
                search = state.search ?? search
            } else if state.pane != .search, !(state.rows[.search] ?? []).isEmpty {
                // The open search offered again, from another pane: back to its results.
                Reducer.switchPane(&state, to: .search)
            }
            search.editing = false
            state.search = search
            if (state.rows[.search] ?? []).isEmpty {
                state.message = search.query.isEmpty ? nil : "nothing matches '\(search.query)'"
                if search.query.isEmpty { close(&state) }
                return []
            }
            state.focus = .list
            state.relayoutReader()
            return []
        case .down, .control("n"):
            Reducer.move(&state, by: 1)
            return []
        case .up, .control("p"):
            Reducer.move(&state, by: -1)
            return []
        default:
            guard search.field.apply(key) else { return [] }
        }
        state.search = search
        // Run once no key is waiting (`TypingHandling`).
        state.typingOwed = .search
        return []
    }

    static let indexingMessage = "indexing…"

    /// Runs the prompt's text against the index and shows the hits in the search pane.
    static func runQuery(_ state: inout AppState) {
        guard var search = state.search else { return }
        search.query = search.field.text
        guard let index = state.searchIndex else {
            state.search = search
            state.message = indexingMessage
            return
        }
        // Said while the index was built; the results now answer it.
        if state.message == indexingMessage { state.message = nil }
        // One more than is shown, to know whether there were more: the status line says "200+".
        search.hits = index.search(search.query, limit: SearchState.shownLimit + 1)
        search.hasMore = search.hits.count > SearchState.shownLimit
        if search.hasMore { search.hits.removeLast(search.hits.count - SearchState.shownLimit) }
        state.reader?.matchLine = nil
        state.search = search
        state.refreshRows(.search)
        var cursor = ListCursor()
        cursor.move(by: 0, in: state.rows[.search] ?? [], viewport: state.listViewport)
        state.cursors[.search] = cursor
        state.pane = .search
        state.focus = .list
        state.syncReader()
    }

    /// Leaves the search: back to exactly where it started, the reader too.
    static func close(_ state: inout AppState) {
        let origin = state.search?.origin
        if let query = state.search?.query, !query.isEmpty { state.lastSearchQuery = query }
        state.search = nil
        state.refreshRows(.search)
        state.history.removeAll { $0.pane == .search }
        if state.pane == .search, let origin {
            Reducer.restore(&state, origin)
            return
        }
        if state.pane == .search { state.pane = .timeline }
        state.focus = .list
        state.syncReader()
    }

    /// `n`/`N`: the next match in the reader, or the next result in the list.
    static func stepMatch(_ state: inout AppState, forward: Bool) {
        guard let search = state.search, !search.query.isEmpty else {
            state.message = "no search yet; press / to search"
            return
        }
        if state.focus == .reader && state.showsReader, var reader = state.reader, let layout = reader.layout {
            // From the match stepped to last, which is marked, so that matches in the last
            // screenful, where the reader cannot scroll further, are reached too.
            let needles = Highlighter.needles(for: state.highlightWords)
            // A marked match scrolled out of view by hand no longer says where to go on from.
            let visible = reader.scroll..<(reader.scroll + state.readerViewport)
            let from = reader.matchLine.flatMap { visible.contains($0) ? $0 : nil } ?? reader.scroll
            let lines = forward ? Array((from + 1)..<max(from + 1, layout.lines.count))
                                : Array((0..<max(0, min(from, layout.lines.count))).reversed())
            guard let line = lines.first(where: { !Highlighter.ranges(in: layout.lines[$0].plainText, needles: needles).isEmpty }) else {
                state.message = forward ? "no more matches below" : "no more matches above"
                return
            }
            reader.matchLine = line
            reader.scroll = min(line, max(0, layout.lines.count - state.readerViewport))
            state.reader = reader
            return
        }
        if state.pane != .search { state.pane = .search; state.focus = .list }
        let before = state.currentCursor.selected
        Reducer.move(&state, by: forward ? 1 : -1)
        if state.currentCursor.selected == before { state.message = forward ? "last result" : "first result" }
    }
}
