import TravauxCore

/// Clicks select (a second click opens), a click on a link follows it, the wheel scrolls
/// whatever is under the pointer.
enum MouseHandling {
    static let wheelLines = 3

    static func handle(_ state: inout AppState, _ event: MouseEvent) -> [Effect] {
        // The editor keeps the keyboard until it is saved or closed; a click beside or through
        // it (a ✎ marker, a tab, a link) would replace or hide the note being typed.
        guard state.editor == nil else { return [] }
        guard !state.isTooSmall, !state.overlay.isPresent else {
            if case .press = event.kind, state.overlay.isPresent { state.overlay = nil }
            return []
        }
        if state.comparison.isPresent { return ComparisonHandling.handleMouse(&state, event) }
        let layout = ScreenLayout(state)
        switch event.kind {
        case .wheelUp, .wheelDown:
            let delta = event.kind == .wheelDown ? wheelLines : -wheelLines
            if let reader = layout.reader, reader.contains(x: event.x, y: event.y) {
                Reducer.scrollReader(&state, by: delta)
            } else if let list = layout.list, list.contains(x: event.x, y: event.y) {
                // The list takes the keyboard, as a click gives it: a selection moved under a
                // reader that stayed on another item would be annotated by `a` unseen.
                state.focus = .list
                var cursor = state.currentCursor
                cursor.move(by: delta, in: state.currentRows, viewport: state.listViewport)
                state.cursors[state.pane] = cursor
                state.syncReader()
            }
        case .press(.left):
            if layout.tabs.contains(x: event.x, y: event.y) {
                if let index = TabBar.tabs(for: state, width: layout.tabs.width).index(atColumn: event.x, in: layout.tabs),
                   TabBar.panes(for: state).indices.contains(index) {
                    Reducer.switchPane(&state, to: TabBar.panes(for: state)[index])
                }
            } else if let list = layout.list, list.contains(x: event.x, y: event.y) {
                clickList(&state, row: event.y - list.y + state.currentCursor.offset)
            } else if let reader = layout.reader, reader.contains(x: event.x, y: event.y) {
                clickReader(&state, line: event.y - reader.y + (state.reader?.scroll ?? 0), column: event.x - reader.x)
            }
        default:
            break
        }
        return []
    }

    private static func clickList(_ state: inout AppState, row: Int) {
        let rows = state.currentRows
        guard rows.indices.contains(row), rows[row].itemID != nil else { return }
        if state.focus == .list && state.currentCursor.selected == row {
            Reducer.open(&state)
            return
        }
        state.focus = .list
        var cursor = state.currentCursor
        cursor.select(row, in: rows, viewport: state.listViewport)
        state.cursors[state.pane] = cursor
        state.syncReader()
    }

    private static func clickReader(_ state: inout AppState, line: Int, column: Int) {
        guard let layout = state.reader?.layout else { return }
        if let link = layout.link(atLine: line, column: column) {
            state.reader?.selectedLink = link
            Reducer.follow(&state, layout.links[link].target)
        } else if state.focus != .reader {
            state.history.append(Reducer.location(of: state))
            state.focus = .reader
        }
    }
}
