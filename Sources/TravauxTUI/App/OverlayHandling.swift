import TravauxCore

/// Keys while the help, the filter menu or the copy menu is open.
enum OverlayHandling {
    static func handleKey(_ state: inout AppState, _ key: KeyEvent) -> [Effect] {
        switch state.overlay {
        case .help(let scroll)?:
            let command = state.keymap.command(for: key, in: .list)
            // Kept within the text, so a key back up moves at once after going past the end.
            let last = HelpOverlay.maxScroll(state)
            func scrolled(by lines: Int) -> OverlayState { .help(scroll: max(0, min(last, scroll + lines))) }
            switch command {
            case .moveDown?: state.overlay = scrolled(by: 1)
            case .moveUp?: state.overlay = scrolled(by: -1)
            // A page as the reader turns one (the next begins after the last row shown); half
            // a page for Ctrl-d and Ctrl-u, as the help itself says.
            case .pageDown?: state.overlay = scrolled(by: HelpOverlay.pageRows(state))
            case .pageUp?: state.overlay = scrolled(by: -HelpOverlay.pageRows(state))
            case .halfPageDown?: state.overlay = scrolled(by: max(1, HelpOverlay.pageRows(state) / 2))
            case .halfPageUp?: state.overlay = scrolled(by: -max(1, HelpOverlay.pageRows(state) / 2))
            case .top?: state.overlay = .help(scroll: 0)
            case .bottom?: state.overlay = .help(scroll: last)
            // `q` closes the help, as in tig and less: a reader of the help is not done with
            // travaux. Ctrl-C still quits from anywhere.
            case .quit?:
                state.overlay = nil
            case .help?, .back?: state.overlay = nil
            default:
                if key == .enter { state.overlay = nil }
            }
            return []
        case .filter(var menu)?:
            if menu.search != nil { return searchKey(&state, &menu, key) }
            let choices = menu.choices(in: state)
            let command = state.keymap.command(for: key, in: .list)
            switch command {
            case .moveDown?: menu.selected = min(choices.count - 1, menu.selected + 1)
            case .moveUp?: menu.selected = max(0, menu.selected - 1)
            case .pageDown?, .halfPageDown?: menu.selected = min(choices.count - 1, menu.selected + 10)
            case .pageUp?, .halfPageUp?: menu.selected = max(0, menu.selected - 10)
            case .top?: menu.selected = 0
            case .bottom?: menu.selected = max(0, choices.count - 1)
            case .open?: return choose(&state, menu, choices)
            case .back?:
                if menu.level == .kinds { state.overlay = nil; return [] }
                menu = FilterMenu()
            case .quit?:
                state.overlay = nil
                return []
            case .filter?: state.overlay = nil; return []
            case .search? where menu.level != .kinds:
                menu.search = TextField()
                menu.selected = 0
            default: break
            }
            state.overlay = .filter(menu)
            return []
        case .copy(let menu)?:
            return CopyHandling.handleKey(&state, menu, key)
        case nil:
            return []
        }
    }

    /// Keys while words are typed after `/` in a list of values: the arrows move, Enter
    /// chooses, Esc lists every value again on the one selected.
    private static func searchKey(_ state: inout AppState, _ menu: inout FilterMenu, _ key: KeyEvent) -> [Effect] {
        let choices = menu.choices(in: state)
        switch key {
        case .down: menu.selected = min(max(0, choices.count - 1), menu.selected + 1)
        case .up: menu.selected = max(0, menu.selected - 1)
        case .pageDown: menu.selected = min(max(0, choices.count - 1), menu.selected + 10)
        case .pageUp: menu.selected = max(0, menu.selected - 10)
        case .enter:
            guard !choices.isEmpty else { return [] }
            return choose(&state, menu, choices)
        case .escape:
            let value = choices.indices.contains(menu.selected) ? choices[menu.selected].value : nil
            menu.search = nil
            menu.selected = value.flatMap { value in menu.choices(in: state).firstIndex { $0.value == value } } ?? 0
        default:
            var field = menu.search ?? TextField()
            field.apply(key)
            guard field.text != menu.search?.text else { menu.search = field; break }
            menu.search = field
            // A value named exactly as typed is the one Enter takes (`workshop`, not `Geneva
            // workshop` above it); else the first that holds the words.
            let typed = TextFolding.fold(SessionLabel.normalise(field.text))
            menu.selected = menu.choices(in: state).firstIndex { choice in
                guard let value = choice.value else { return false }
                return TextFolding.fold(SessionLabel.normalise(menu.searchName(choice.label, value))) == typed
            } ?? 0
        }
        state.overlay = .filter(menu)
        return []
    }

    private static func choose(_ state: inout AppState, _ menu: FilterMenu,
                               _ choices: [(label: String, value: String?)]) -> [Effect] {
        guard choices.indices.contains(menu.selected) else { return [] }
        let value = choices[menu.selected].value
        var next = FilterMenu()
        var filters = state.filters
        switch menu.level {
        case .kinds:
            switch value {
            case "domain": next.level = .domain
            case "forum": next.level = .forum
            case "actor": next.level = .actor
            case "tag": next.level = .tag
            case "session": next.level = .session
            default:
                state.noteFilter = NoteFilter()
                Reducer.applyFilters(&state, RecordFilter())
                state.overlay = nil
                return []
            }
            if next.level == .tag && state.notes.tagCounts.isEmpty || next.level == .session && state.notes.sessions.isEmpty {
                state.message = next.level == .tag ? "no tags yet: tag a note with t" : "no sessions yet: S sets one for new notes"
                return []
            }
            if next.level == .session { next.sessionOrder = state.notes.sessionSummaries.compactMap(\.name) }
            // Open the list on the value in force.
            let current: String?
            switch next.level {
            case .domain: current = filters.domain?.rawValue
            case .forum: current = filters.forum
            case .actor: current = filters.actor
            case .tag: current = filters.tag?.name
            case .session:
                // With no session filter, the session being taken: the one most likely wanted.
                current = state.noteFilter.withoutSession ? FilterMenu.withoutSession
                    : state.noteFilter.session ?? state.session.flatMap { label in
                        next.choices(in: state).lazy.compactMap(\.value).first { SessionLabel.same($0, label) } }
            case .kinds: current = nil
            }
            next.selected = next.choices(in: state).firstIndex { $0.value == current } ?? 0
            state.overlay = .filter(next)
            return []
        case .domain: filters.domain = value.flatMap(Domain.init(rawValue:))
        case .forum: filters.forum = value
        case .actor: filters.actor = value
        case .tag: filters.tag = value.map { TagFilter(name: $0, notes: state.notes) }
        case .session:
            state.noteFilter.withoutSession = value == FilterMenu.withoutSession
            state.noteFilter.session = state.noteFilter.withoutSession ? nil : value
        }
        Reducer.applyFilters(&state, filters)
        state.overlay = nil
        if menu.level == .session, state.pane != .notes, let session = value {
            // The session filter keeps notes only: the items listed here are all still there.
            let outside = session == FilterMenu.withoutSession
            let count = outside ? state.notes.countWithoutSession : state.notes.count(inSession: session)
            let them = count == 1 ? "it" : "them"
            let which = outside ? "outside any session" : "from session '\(session)'"
            state.message = "\(count) note\(count == 1 ? "" : "s") \(which): 5 lists \(them), x exports \(them)"
            return []
        }
        let count = (state.rows[state.pane] ?? []).filter { $0.itemID != nil }.count
        state.message = filters.isEmpty && state.noteFilter.isEmpty ? "filters cleared" : "\(count) \(state.pane == .notes ? "note" : "item")\(count == 1 ? " matches" : "s match")"
        return []
    }
}
