/// `?`: every binding of the keymap, grouped by where it applies.
enum HelpOverlay {
    static func lines(_ keymap: Keymap) -> [StyledText] {
        var lines: [StyledText] = []
        let keyWidth = keymap.bindings.map { DisplayWidth.of($0.keyNames) }.max() ?? 10
        for context in KeyContext.allCases {
            let bindings = keymap.bindings.filter { $0.context == context }
            guard !bindings.isEmpty else { continue }
            if !lines.isEmpty { lines.append(StyledText()) }
            lines.append(StyledText(title(context), style: Palette.sectionTitle))
            for binding in bindings {
                let keys = binding.keyNames
                var line = StyledText(keys + String(repeating: " ", count: max(1, keyWidth + 2 - DisplayWidth.of(keys))), style: Palette.strong)
                line.append(Span(binding.help))
                lines.append(line)
            }
        }
        lines.append(StyledText())
        lines.append(StyledText("In the search prompt: type to search, ↑/↓ move through results, Enter keeps them, Esc closes.", style: Palette.dim))
        lines.append(StyledText("In the note editor: type freely; Enter starts a new line; arrows, Home/End, Ctrl-←/→ or Alt-b/f by word,", style: Palette.dim))
        lines.append(StyledText("Ctrl-W, Ctrl-K and Ctrl-U delete; pasted text goes in whole. Drafts are saved every few seconds.", style: Palette.dim))
        lines.append(StyledText("Mouse: click selects, a second click opens, click a link to follow it, the wheel scrolls.", style: Palette.dim))
        return lines
    }

    static func title(_ context: KeyContext) -> String {
        switch context {
        case .global: return "Everywhere"
        case .list: return "In a list"
        case .reader: return "In the reader"
        case .notes: return "In the Notes pane"
        case .editor: return "In the note editor"
        case .comparison: return "Comparing versions"
        }
    }

    static func render(_ state: AppState, scroll: Int, into canvas: inout Canvas, area: Rect) {
        let content = lines(state.keymap)
        let width = min(area.width - 2, max(40, (content.map(\.displayWidth).max() ?? 40) + 4))
        let height = min(area.height - 2, content.count + 2)
        let overlay = Overlay(title: "Help — Esc or ? closes", width: width, height: height)
        overlay.render(into: &canvas, area: area)
        let inner = overlay.contentArea(in: area)
        let start = min(scroll, max(0, content.count - inner.height))
        for row in 0..<inner.height where content.indices.contains(start + row) {
            _ = canvas.put(content[start + row], x: inner.x + 1, y: inner.y + row, maxWidth: inner.width - 1)
        }
    }
}
