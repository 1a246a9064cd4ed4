import TravauxCore

/// Draws a whole state into a canvas; the backend writes only what changed.
public enum Screen {
    public static func render(_ state: AppState) -> Canvas {
        var canvas = Canvas(width: 0, height: 0)
        var cache = FrameCache()
        render(state, into: &canvas, cache: &cache)
        return canvas
    }

    /// Renders into `canvas` with rows kept from earlier frames: the run loop passes back
    /// the frame before last and keeps one `FrameCache` for the whole session.
    public static func render(_ state: AppState, into canvas: inout Canvas, cache: inout FrameCache) {
        // Rows drawn from the same kept runs as the frame already in `canvas` are left as they are.
        canvas.beginFrame(width: max(0, state.width), height: max(0, state.height))
        defer { canvas.endFrame() }
        if state.isTooSmall {
            renderTooSmall(state, into: &canvas)
            return
        }
        let layout = ScreenLayout(state)
        TabBar.render(state, into: &canvas, area: layout.tabs, kept: &cache.tabBar)
        if let list = layout.list { ListPaneView.render(state, into: &canvas, area: list, cache: &cache.listRows) }
        if let separator = layout.separator {
            let bar = CellRun([Cell(symbol: "│", width: 1, style: Palette.border)])
            for y in separator.y..<separator.maxY { canvas.place(bar, x: separator.x, y: y) }
        }
        if let reader = layout.reader { ReaderView.render(state, into: &canvas, area: reader) }
        if let comparison = layout.comparison { ComparisonView.render(state, into: &canvas, area: comparison) }
        if let area = layout.prompt {
            if let question = state.prompt {
                let used = promptLabelWidth(question.label, width: area.width)
                _ = canvas.put(promptLabel(question.label, width: used), x: area.x, y: area.y, style: Palette.strong, maxWidth: used)
                let field = Rect(x: area.x + used, y: area.y, width: max(1, area.width - used), height: 1)
                let suggestion = Palette.suggestion(showsDim: state.showsDim)
                question.field.render(into: &canvas, area: field, placeholderStyle: suggestion)
                if let completion = question.completion {
                    CompletionHint.render(completion, typed: question.field.text, field: question.field, area: field,
                                          style: suggestion, into: &canvas)
                } else if let cycle = question.tabCycle, cycle.shown == question.field.text {
                    let count = question.suggestions(beginning: cycle.typed).count
                    if count > 1 {
                        let x = field.x + question.field.cursorColumn(width: field.width)
                        _ = canvas.put("  (Tab: the next of \(count))", x: x, y: field.y, style: suggestion, maxWidth: field.maxX - x)
                    }
                }
            } else if let search = state.search {
                _ = canvas.put("/", x: area.x, y: area.y, style: Palette.strong)
                search.field.render(into: &canvas, area: Rect(x: area.x + 1, y: area.y, width: area.width - 1, height: 1),
                                    placeholderStyle: Palette.suggestion(showsDim: state.showsDim))
            }
        }
        let band = StatusLine.render(state, into: &canvas, area: layout.status, cache: &cache.statusLine)
        // The editor under an overlay: the only one it can have is the help (F1).
        if let editor = state.editor { EditorView.render(state, editor: editor, into: &canvas) }
        switch state.overlay {
        case .help(let scroll)?: HelpOverlay.render(state, scroll: scroll, into: &canvas, area: canvas.area)
        case .filter(let menu)?: FilterOverlay.render(state, menu: menu, into: &canvas, area: canvas.area)
        case .copy(let menu)?: CopyOverlay.render(state, menu: menu, into: &canvas, area: canvas.area)
        case nil: break
        }
        // Above the prompt when one is open, so that what is being typed stays in view.
        MessageBand.render(band, into: &canvas, above: layout.prompt ?? layout.status)
    }

    /// The columns a prompt's question gets: all it needs, unless that would leave what is
    /// typed fewer than 20 columns (or half a narrow screen).
    static func promptLabelWidth(_ label: String, width: Int) -> Int {
        min(DisplayWidth.of(label), max(0, width - min(20, width / 2)))
    }

    /// A question cut to `width` at its start, where it names what it is about (a long file
    /// name): its end says which keys answer it.
    static func promptLabel(_ label: String, width: Int) -> String {
        guard DisplayWidth.of(label) > width, width > 0 else { return label }
        var kept = ""
        var used = 1
        for character in label.reversed() {
            let columns = DisplayWidth.of(character)
            guard used + columns <= width else { break }
            kept.insert(character, at: kept.startIndex)
            used += columns
        }
        return "…" + kept
    }

    /// Where the terminal cursor goes: in the editor or a prompt while typing, hidden otherwise.
    public static func cursor(_ state: AppState) -> (x: Int, y: Int)? {
        guard !state.isTooSmall else { return nil }
        if let editor = state.editor { return state.overlay.isPresent ? nil : EditorView.cursor(state, editor: editor) }
        if case .filter(let menu)? = state.overlay { return FilterOverlay.cursor(state, menu: menu, area: Rect(x: 0, y: 0, width: state.width, height: state.height)) }
        guard !state.overlay.isPresent, let area = ScreenLayout(state).prompt else { return nil }
        if let question = state.prompt {
            let used = promptLabelWidth(question.label, width: area.width)
            return question.field.cursorPosition(in: Rect(x: area.x + used, y: area.y, width: max(1, area.width - used), height: 1))
        }
        return state.search?.field.cursorPosition(in: Rect(x: area.x + 1, y: area.y, width: area.width - 1, height: 1))
    }

    static func renderTooSmall(_ state: AppState, into canvas: inout Canvas) {
        let need = "\(AppState.minimumWidth)×\(AppState.minimumHeight)", have = "\(state.width)×\(state.height)"
        // The longest wording that fits whole, down to a tiny pane: the way out is always shown.
        let wordings = [
            ["Terminal too small", "need \(need), have \(have)", "enlarge it, or press q to quit"],
            ["Too small: \(have)", "need \(need)", "q quits"],
            ["Too small", "q quits"],
            ["q quits"],
            ["q"],
        ]
        let lines = wordings.first { lines in
            lines.count <= state.height && lines.allSatisfy { DisplayWidth.of($0) <= state.width }
        } ?? []
        let top = max(0, (state.height - lines.count) / 2)
        for (index, line) in lines.enumerated() where top + index < state.height {
            let x = max(0, (state.width - DisplayWidth.of(line)) / 2)
            _ = canvas.put(line, x: x, y: top + index, style: index == 0 ? Palette.error : .plain, maxWidth: state.width - x)
        }
    }
}
