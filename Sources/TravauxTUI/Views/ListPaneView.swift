import TravauxCore

/// The list of the current pane: headings and items, the selection, search matches.
enum ListPaneView {
    static func render(_ state: AppState, into canvas: inout Canvas, area: Rect, cache: inout ListRowCache) {
        let rows = state.currentRows
        let cursor = state.currentCursor
        let words = state.pane == .search ? state.highlightWords : []
        let focused = state.focus == .list || !state.showsBothPanes
        guard !rows.isEmpty else {
            // Wrapped, not cut: it says what to do, and beside the reader the list is narrow.
            let lines = TextWrapper.wrap(StyledText(emptyText(state), style: Palette.dim), width: max(1, area.width - 1))
            for (row, line) in lines.prefix(area.height).enumerated() {
                _ = canvas.put(line.text, x: area.x + 1, y: area.y + row, maxWidth: area.width - 1)
            }
            return
        }
        cache.beginFrame(ListRowCache.Context(width: area.width, marksNotes: state.pane != .search, words: words,
                                              notesRevision: state.notes.revision, notesOrder: listedOrder(state)),
                         rows: state.rowsRevision, first: cursor.offset)
        defer { cache.endFrame() }
        let needles = words.isEmpty ? [] : Highlighter.needles(for: words)
        for line in 0..<area.height {
            let index = cursor.offset + line
            guard rows.indices.contains(index) else { break }
            let y = area.y + line
            if !cache.placeKept(at: index, of: rows, into: &canvas, x: area.x, y: y) {
                let cells = CellRun(rowCells(rows[index], state: state, width: area.width, needles: needles))
                cache.keep(cells, at: index, of: rows)
                canvas.place(cells, x: area.x, y: y)
            }
            if index == cursor.selected {
                let row = Rect(x: area.x, y: y, width: area.width, height: 1)
                // With the keyboard, one bar of one style (as tig's cursor line); beside a
                // focused reader, the row keeps its colours, underlined.
                if focused {
                    canvas.setStyle(row, style: Palette.selection(monochrome: state.monochrome))
                } else {
                    canvas.patchStyle(row, with: Palette.dim.patched(with: Style(underline: true)))
                }
            }
        }
    }

    /// One row as cells, as it is drawn on a blank list `width` columns wide.
    static func rowCells(_ row: PaneRow, state: AppState, width: Int, needles: [Highlighter.Needle]) -> [Cell] {
        var text = label(for: row, state: state, width: width)
        if !needles.isEmpty {
            text = text.highlighting(Highlighter.ranges(in: text.plainText, needles: needles), with: Palette.match)
        }
        var line = Canvas(width: width, height: 1)
        _ = line.put(text.truncated(toWidth: width), x: 0, y: 0, maxWidth: width)
        return line.cells
    }

    static func emptyText(_ state: AppState) -> String {
        if state.pane == .search {
            return state.search?.query.isEmpty ?? true ? "type to search" : "nothing matches"
        }
        if state.pane == .notes && state.notes.isEmpty, state.notesUnreadable != nil {
            return "the notes could not be read (the message said why); they are read again when the store changes"
        }
        if state.pane == .notes && state.notes.isEmpty && state.notesLoading {
            return "reading the notes…"
        }
        if state.pane == .notes && state.notes.isEmpty {
            return "no notes yet: select an item and press a to annotate it"
        }
        return state.filters.isEmpty && state.noteFilter.isEmpty ? "nothing here" : "nothing matches the filters (F clears them)"
    }

    /// One row of a pane as styled text; its first column is the ✎ mark of noted items.
    static func label(for row: PaneRow, state: AppState, width: Int) -> StyledText {
        let record = state.record
        switch row {
        case .heading(let title):
            return StyledText(" ") + StyledText(title, style: Palette.heading)
        case .note(let id, let itemID):
            // Among search results a note is marked as one; in the Notes pane every row is.
            let mark = state.pane == .search ? StyledText("✎", style: Palette.noted) : StyledText(" ")
            return mark + noteLabel(state.notes.note(id), itemID: itemID, state: state, width: width - 1)
        case .item(let id):
            // Items with notes are marked in every list, search results too (the notes
            // themselves come after them, under their own headings), as mail is flagged.
            let mark = state.notes.hasNotes(on: id)
                ? StyledText("✎", style: Palette.noted) : StyledText(" ")
            // Among search results, where every kind is listed, a proposal and a theme say which
            // they are, as actors and forums do: both show only a domain and a title.
            return mark + itemLabel(id, record: record, width: width - mark.displayWidth, showsKind: state.pane == .search)
        }
    }

    /// The order the shown pane lists notes in: the Notes pane's (`o`); search results' notes
    /// always by last change.
    static func listedOrder(_ state: AppState) -> NotesOrder {
        state.pane == .notes ? state.notesOrder : .changed
    }

    static func noteLabel(_ note: Note?, itemID: String, state: AppState, width: Int) -> StyledText {
        guard let note else { return StyledText(itemID, style: Palette.dim) }
        // The time the note is listed by: of its last change, or when it was taken.
        var text = StyledText(state.zone.minuteOfDay(of: listedOrder(state).time(of: note)) + " ", style: Palette.dim)
        let item = state.record.item(itemID)
        let name: String
        if case .proposal(let proposal)? = item, let short = proposal.shortName { name = short } else { name = item?.title ?? itemID }
        // The note's own words need the room most: the item's name takes a quarter of the row
        // (10 to 40 columns) and the part a sixth (8 to 18), so that a list beside the reader
        // still shows the note's first words after them.
        text.append(Span(truncate(name, toWidth: max(10, min(40, width / 4))), style: Palette.strong))
        // The part the note is on, marked as the CLI marks it ("@2008-draft", "#element-3",
        // ">title-2002"): notes on successive versions of one proposal are told apart in the
        // list. Only the most precise part, and not at the cost of the note's own line.
        if let part = note.target.mostPrecisePart { text.append(Span(truncate(part, toWidth: max(8, min(18, width / 6))), style: Palette.dim)) }
        text.append(Span(" "))
        // Before the tags, which may take the rest of a narrow row: a copy must be told from
        // its original, whose tags it shares.
        if note.conflictOf != nil { text.append(Span("conflict copy ", style: Palette.error)) }
        if !note.tags.isEmpty { text.append(Span(note.tags.map { "#" + $0 }.joined(separator: " ") + " ", style: Palette.tag)) }
        text.append(Span(note.headline))
        return text
    }

    /// An item's row; `width`, when given, is the room it has, which a proposal's title is cut
    /// to so that its version count stays in view.
    static func itemLabel(_ id: String, record: Record, width: Int? = nil, showsKind: Bool = false) -> StyledText {
        let kind = showsKind ? StyledText(pad(record.item(id)?.kind.rawValue ?? "", 9), style: Palette.dim) : StyledText()
        switch record.item(id) {
        case .event(let event)?:
            let date = event.date.map { $0.natural } ?? "undated"
            // The "~" follows the date it qualifies, and a blank always parts it from the domain
            // (`31 Jan 2010~ C`). Without it the blanks keep the date's style: a blank shows no
            // colour, and one style change fewer is a `tparm` and 10 bytes fewer for every row drawn.
            var text: StyledText
            if event.dateInferred != nil {
                text = StyledText(date, style: Palette.dim)
                text.append(Span("~" + String(repeating: " ", count: max(1, 12 - DisplayWidth.of(date))), style: Palette.inferred))
            } else {
                text = StyledText(pad(date, 13), style: Palette.dim)
            }
            text.append(Span(event.domain.marker, style: Palette.domain(event.domain)))
            text.append(Span(" " + event.title))
            return text
        case .proposal(let proposal)?:
            var text = kind + StyledText(proposal.domain.marker, style: Palette.domain(proposal.domain))
            let name = " " + (proposal.shortName.map { $0 + " — " } ?? "") + proposal.title
            let versions = Span("  \(proposal.versions.count)v", style: Palette.dim)
            // A title cut short keeps its count of versions in view, as a mail client keeps
            // the date column: how far a text went is what the list is read for.
            let room = width.map { $0 - text.displayWidth - DisplayWidth.of(versions.text) } ?? .max
            text.append(Span(room < DisplayWidth.of(name) && room >= 4 ? truncate(name, toWidth: room) : name))
            text.append(versions)
            return text
        case .source(let source)?:
            // The number underlined and the blanks after it not: an underline shows on a blank.
            // They go with the symbol, in bold, which a blank does not show.
            // Among search results footnotes of both works meet: `[Meyer 26]` and `[PMP 13]`,
            // as the reader names them, where the Sources pane heads each work's own.
            let number = showsKind && record.works.count > 1 ? record.footnoteLabel(id, qualified: true) : "[\(source.number)]"
            var text = StyledText(number, style: Palette.footnote)
            let padding = String(repeating: " ", count: max(1, 5 - DisplayWidth.of(number)))
            var citation = source.citation
            if let symbol = source.symbol, citation.hasPrefix(symbol) {
                // A citation that is the symbol first ("A/66/359. See also…") shows it once.
                text.append(Span(padding + symbol, style: Palette.strong))
                citation.removeFirst(symbol.count)
            } else if let symbol = source.symbol {
                text.append(Span(padding + symbol + " ", style: Palette.strong))
            } else {
                text.append(Span(padding))
            }
            for span in DetailSpan.citation(citation) {
                if case .emphasis(let title) = span {
                    text.append(Span(title, style: Palette.emphasis))
                } else {
                    text.append(Span(span.plain))
                }
            }
            return text
        case .theme(let theme)?:
            var text = kind + StyledText(theme.domain.marker, style: Palette.domain(theme.domain))
            text.append(Span(" " + theme.title))
            return text
        case let item?:
            var text = StyledText(pad(item.kind.rawValue, 9), style: Palette.dim)
            text.append(Span(item.title))
            return text
        case nil:
            return StyledText(id, style: Palette.dim)
        }
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - DisplayWidth.of(text)))
    }
}
