import TravauxCore

/// The note editor: what the note is on, the text, the tags and the editor's keys.
enum EditorView {
    static func render(_ state: AppState, editor: NoteEditor, into canvas: inout Canvas) {
        let layout = EditorLayout(state)
        // An edited note's id in the title, whole however narrow the box: it is what
        // `travaux note edit` and `note rm` take.
        let title = editor.base.map { "Edit note " + $0.id } ?? "New note"
        Overlay(title: title + (editor.isDirty ? " •" : ""), width: layout.frame.width, height: layout.frame.height,
                borderStyle: Palette.border, titleStyle: Palette.strong)
            .render(into: &canvas, area: layout.frame)

        _ = canvas.put(onLine(state, editor: editor, width: layout.header.width), x: layout.header.x, y: layout.header.y,
                       maxWidth: layout.header.width)
        var stamp = "Session: " + (editor.session ?? "none") + " · by " + (editor.base?.author ?? (state.author.isEmpty ? "you" : state.author))
        if let base = editor.base { stamp += " · created " + state.zone.day(of: base.created) }
        // Cut with a `…`, as the lines above it are: cut at the edge, "by root" read "by roo".
        _ = canvas.put(truncate(stamp, toWidth: layout.header.width), x: layout.header.x, y: layout.header.y + 1, style: Palette.dim,
                       maxWidth: layout.header.width)
        _ = canvas.put(String(repeating: "─", count: layout.header.width), x: layout.header.x, y: layout.header.y + 2, style: Palette.border)

        if editor.body.isEmpty && editor.field == .body {
            // Wrapped at words, shorter where it does not fit: cut at the edge, a narrow editor said "Ctr".
            let style = Palette.suggestion(showsDim: state.showsDim), rows = max(1, layout.body.height)
            let hints = ["Markdown. Enter starts a new line; Ctrl-S saves.", "Markdown; Ctrl-S saves.", "Ctrl-S saves."]
                .lazy.map { TextWrapper.wrap(StyledText($0, style: style), width: layout.body.width) }
            let hint = hints.first { $0.count <= rows } ?? hints[hints.index(before: hints.endIndex)]
            for (row, line) in hint.prefix(rows).enumerated() {
                _ = canvas.put(line.text, x: layout.body.x, y: layout.body.y + row, maxWidth: layout.body.width)
            }
        } else {
            editor.body.render(into: &canvas, area: layout.body)
            renderOverflow(editor.body, layout: layout, into: &canvas)
        }

        if editor.choosingTargetFrom != nil { renderTargets(state, editor: editor, layout: layout, into: &canvas) }

        let label = StyledText("Tags: ", style: editor.field == .tags ? Palette.selectedLink : Palette.label)
        _ = canvas.put(label, x: layout.tags.x, y: layout.tags.y, maxWidth: layout.tags.width)
        let field = tagsFieldArea(layout)
        let suggestion = Palette.suggestion(showsDim: state.showsDim)
        editor.tags.render(into: &canvas, area: field, placeholderStyle: suggestion)
        if let tag = editor.completedTag(from: state.knownTags) {
            CompletionHint.render(tag, typed: Tag.normalise(editor.partialTag), field: editor.tags, area: field,
                                  style: suggestion, into: &canvas)
        }

        var hints = ""
        for binding in state.keymap.hints(in: .editor) {
            let next = (hints.isEmpty ? "" : hints + "  ") + (binding.keys.first?.name ?? "") + " " + binding.label
            guard DisplayWidth.of(next) <= layout.hints.width else { break }
            hints = next
        }
        _ = canvas.put(hints, x: layout.hints.x, y: layout.hints.y, style: Palette.hint, maxWidth: layout.hints.width)
    }

    /// `On: EU Code, <version>, “move the process…”  (10/15, Ctrl-T)`: what the note is on,
    /// and that `Ctrl-T` changes it. A version's label is long (a full title and its date): it
    /// is cut first, so that the quoted text or element the note is on, and the count with
    /// `Ctrl-T`, stay in sight.
    static func onLine(_ state: AppState, editor: NoteEditor, width: Int) -> StyledText {
        let parts = state.record.labelParts(of: editor.target)
        let count = editor.targets.count > 1 ? "  (\(editor.targetIndex + 1)/\(editor.targets.count), Ctrl-T)" : ""
        let fixed = "On: " + parts.item + (parts.part.map { ", " + $0 } ?? "") + count
        var label = parts.item
        if let version = parts.version {
            let room = width - DisplayWidth.of(fixed) - 2
            if DisplayWidth.of(version) <= room {
                label += ", " + version
            } else if room >= 8 {
                label += ", " + truncate(version, toWidth: room)
            }
        }
        if let part = parts.part { label += ", " + part }
        var on = StyledText("On: ", style: Palette.label)
        // The count is the last to go: cut the label before it.
        on.append(Span(truncate(label, toWidth: max(1, width - 4 - DisplayWidth.of(count))), style: Palette.strong))
        if !count.isEmpty { on.append(Span(count, style: Palette.dim)) }
        return on.truncated(toWidth: width)
    }

    /// How many wrapped lines of a long note are out of view above and below, on the blank
    /// line under the text: without it, a note cut at the box's edge looks whole.
    static func renderOverflow(_ body: TextArea, layout: EditorLayout, into canvas: inout Canvas) {
        let y = layout.body.maxY
        guard y < layout.tags.y else { return }
        let rows = body.visualRows(width: layout.body.width).count
        let above = body.scroll, below = max(0, rows - body.scroll - layout.body.height)
        guard above > 0 || below > 0 else { return }
        let parts = [above > 0 ? "↑ \(above) more line\(above == 1 ? "" : "s")" : nil,
                     below > 0 ? "↓ \(below) more line\(below == 1 ? "" : "s")" : nil].compactMap { $0 }
        let text = parts.joined(separator: "  ")
        let width = DisplayWidth.of(text)
        _ = canvas.put(text, x: max(layout.body.x, layout.body.maxX - width), y: y, style: Palette.dim, maxWidth: layout.body.width)
    }

    /// The parts `Ctrl-T` lists, over the text, the one chosen highlighted.
    static func renderTargets(_ state: AppState, editor: NoteEditor, layout: EditorLayout, into canvas: inout Canvas) {
        // The item is named once, on the `On:` line above; a quoted text sits under its version.
        let labels = editor.targets.map { ($0.quote != nil ? "  " : "") + state.record.partLabel(of: $0) }
        guard layout.body.height >= 3 else {
            // Too short for a framed box (40×10): the part chosen on the text's rows and the keys
            // on the row under them, so the list that ↑ ↓ Enter and Esc now act on is seen.
            canvas.fill(layout.body)
            var list = layout.body
            let keys = "Attach to — ↑ ↓ Enter, Esc goes back"
            if list.maxY < layout.tags.y {
                let row = Rect(x: list.x, y: list.maxY, width: list.width, height: 1)
                canvas.fill(row)
                _ = canvas.put(keys, x: row.x, y: row.y, style: Palette.strong, maxWidth: row.width)
            } else if list.height >= 2 {
                _ = canvas.put(keys, x: list.x, y: list.y, style: Palette.strong, maxWidth: list.width)
                list = Rect(x: list.x, y: list.y + 1, width: list.width, height: list.height - 1)
            }
            guard list.height > 0 else { return }
            let offset = max(0, min(editor.targetIndex - list.height / 2, labels.count - list.height))
            ChoiceList(labels: labels, selected: editor.targetIndex, offset: offset)
                .render(into: &canvas, area: list, selection: Palette.selection(monochrome: state.monochrome))
            return
        }
        let area = Rect(x: layout.body.x, y: layout.body.y, width: layout.body.width, height: min(layout.body.height, labels.count + 2))
        let overlay = Overlay(title: "Attach to — ↑ ↓ Enter, Esc goes back", width: area.width, height: area.height,
                              borderStyle: Palette.border, titleStyle: Palette.strong)
        overlay.render(into: &canvas, area: area)
        let inner = overlay.contentArea(in: area)
        guard inner.height > 0 else { return }
        let offset = max(0, min(editor.targetIndex - inner.height / 2, labels.count - inner.height))
        ChoiceList(labels: labels, selected: editor.targetIndex, offset: offset)
            .render(into: &canvas, area: inner, selection: Palette.selection(monochrome: state.monochrome))
        // On a short screen the parts do not all fit: said on the border, as other lists say it.
        overlay.markScroll(into: &canvas, area: area, hiddenAbove: offset, hiddenBelow: max(0, labels.count - offset - inner.height))
    }

    static func tagsFieldArea(_ layout: EditorLayout) -> Rect {
        Rect(x: layout.tags.x + 6, y: layout.tags.y, width: max(1, layout.tags.width - 6), height: 1)
    }

    static func cursor(_ state: AppState, editor: NoteEditor) -> (x: Int, y: Int)? {
        let layout = EditorLayout(state)
        guard editor.choosingTargetFrom == nil else { return nil }
        switch editor.field {
        case .body: return editor.body.cursorPosition(in: layout.body)
        case .tags: return editor.tags.cursorPosition(in: tagsFieldArea(layout))
        }
    }
}
