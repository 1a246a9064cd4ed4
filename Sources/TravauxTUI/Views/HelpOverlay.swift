/// `?`: every binding of the keymap, grouped by where it applies.
enum HelpOverlay {
    /// The help's lines, each description wrapped under itself so that nothing is cut on a
    /// narrow terminal.
    static func lines(_ keymap: Keymap, width: Int = .max) -> [StyledText] {
        var lines: [StyledText] = []
        let keyWidth = keymap.bindings.map { DisplayWidth.of($0.keyNames) }.max() ?? 10
        // Beside the keys while that leaves the descriptions room; on a narrow screen (40
        // columns) right after them, the lines after the first indented: beside a 19-column
        // key column they wrapped every 15 columns, some 217 lines to scroll.
        let stacked = width - (keyWidth + 2) < 28
        let indent = String(repeating: " ", count: stacked ? 2 : keyWidth + 2)
        let descriptionWidth = max(12, width - indent.count)
        for context in KeyContext.allCases {
            let bindings = keymap.bindings.filter { $0.context == context }
            guard !bindings.isEmpty else { continue }
            if !lines.isEmpty { lines.append(StyledText()) }
            lines.append(StyledText(title(context), style: Palette.sectionTitle))
            for binding in bindings {
                let keys = binding.keyNames
                if stacked {
                    let hanging = TextWrapper.wrap(StyledText(keys, style: Palette.strong) + StyledText("  " + binding.help),
                                                   width: descriptionWidth)
                    for (index, part) in hanging.enumerated() { lines.append(index == 0 ? part.text : StyledText(indent) + part.text) }
                    continue
                }
                let wrapped = TextWrapper.wrap(StyledText(binding.help), width: descriptionWidth)
                for (index, part) in wrapped.enumerated() {
                    let lead = index == 0
                        ? StyledText(keys + String(repeating: " ", count: max(1, keyWidth + 2 - DisplayWidth.of(keys))), style: Palette.strong)
                        : StyledText(indent)
                    lines.append(lead + part.text)
                }
            }
        }
        lines.append(StyledText())
        // Paragraphs, wrapped as the keys' lines are wide: lines broken by hand left a line of
        // a few words wherever the box was narrower than they were.
        let natural = lines.map(\.displayWidth).max() ?? 40
        let notes = [
            "In the search prompt: type to search, ↑/↓ move through results, Enter keeps them, Esc closes.",
            "In the export prompt (x): Ctrl-T switches the handout between by item and as taken (a meeting's minutes).",
            "In the note editor: type freely; Enter starts a new line; arrows, Home/End, Ctrl-←/→ or Alt-b/f by word, "
                + "Ctrl-W, Ctrl-K and Ctrl-U delete; pasted text goes in whole. Drafts are saved every few seconds.",
            "Mouse: click selects, a second click opens, click a link to follow it, the wheel scrolls; "
                + "Shift-drag (Option-drag on macOS) selects text for the terminal to copy.",
        ]
        for note in notes {
            lines += TextWrapper.wrap(StyledText(note, style: Palette.dim), width: max(12, min(width, natural))).map(\.text)
        }
        return lines
    }

    /// The box on a screen of this size, and the width its lines are wrapped to.
    private static func box(_ keymap: Keymap, screenWidth: Int, screenHeight: Int) -> (overlay: Overlay, lines: [StyledText]) {
        let natural = lines(keymap).map(\.displayWidth).max() ?? 40
        let width = max(0, min(screenWidth - 2, max(40, natural + 4)))
        // The interior is width - 2 columns; lines keep a blank column on either side.
        let content = lines(keymap, width: width - 4)
        let height = max(0, min(screenHeight - 2, content.count + 2))
        return (Overlay(title: "Help — Esc, q or ? closes", width: width, height: height), content)
    }

    /// How far the help scrolls before its last line is at the bottom of the box.
    /// The rows of keys the help shows at once: a page, for PgDn and Space.
    static func pageRows(_ state: AppState) -> Int {
        let (overlay, _) = box(state.keymap, screenWidth: state.width, screenHeight: state.height)
        return max(1, overlay.height - 2)
    }

    static func maxScroll(_ state: AppState) -> Int {
        let (overlay, content) = box(state.keymap, screenWidth: state.width, screenHeight: state.height)
        return max(0, content.count - max(0, overlay.height - 2))
    }

    /// Where the help opens: in a comparison, the reader or the Notes pane, at that place's own
    /// keys, which come after the forty that work everywhere (the status line hints at them);
    /// in a list, at the top, where those forty are.
    static func openingScroll(_ state: AppState) -> Int {
        let context = state.keyContext
        guard context == .comparison || context == .reader || context == .notes || context == .editor else { return 0 }
        let (_, content) = box(state.keymap, screenWidth: state.width, screenHeight: state.height)
        let heading = title(context)
        guard let line = content.firstIndex(where: { $0.plainText == heading }) else { return 0 }
        return min(line, maxScroll(state))
    }

    static func render(_ state: AppState, scroll: Int, into canvas: inout Canvas, area: Rect) {
        let (overlay, content) = box(state.keymap, screenWidth: area.width, screenHeight: area.height)
        overlay.render(into: &canvas, area: area)
        let inner = overlay.contentArea(in: area)
        let start = min(scroll, max(0, content.count - inner.height))
        for row in 0..<inner.height where content.indices.contains(start + row) {
            _ = canvas.put(content[start + row], x: inner.x + 1, y: inner.y + row, maxWidth: inner.width - 1)
        }
        overlay.markScroll(into: &canvas, area: area, hiddenAbove: start, hiddenBelow: max(0, content.count - start - inner.height))
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
}
