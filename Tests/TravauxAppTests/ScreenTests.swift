import Testing
import TravauxCore
import TravauxTestSupport
@testable import TravauxTUI

@Suite("Screens as text")
struct ScreenTests {
    static let sizes = [(120, 40), (60, 20)]

    func check(_ state: AppState, _ name: String) throws {
        let (ok, message) = try Snapshot.matches(Screen.render(state), named: name)
        #expect(ok, "\(message)")
    }

    @Test("a menu's or a prompt's own hints (never the pane's, whose letters are text there) keep the most needed on a narrow line", arguments: [
        (["3", "y"], "1–9 Enter copy"), (["f"], "Enter choose"), (["?"], "Esc close"),
        (["S"], "Enter set"), (["5", "/"], "Enter keep"), (["/"], "Enter results"),
    ])
    func narrowOverlayHints(_ keys: [String], _ kept: String) throws {
        var state = try AppFixture.state(width: 40, height: 20)
        for key in keys { AppFixture.press(&state, key) }
        let status = try #require(Screen.render(state).snapshot().split(separator: "\n").last.map(String.init))
        #expect(status.contains(kept) && !status.contains("q quit"), "\(status)")
        var wide = try AppFixture.state(width: 120, height: 40)
        for key in keys { AppFixture.press(&wide, key) }
        let all = try #require(StatusLine.ownHints(wide)).map(\.text).joined(separator: "  ")
        #expect(try #require(Screen.render(wide).snapshot().split(separator: "\n").last).hasSuffix(all))
    }

    @Test("a search typed at 40 columns keeps `Enter results`: where the query does not fit beside it, its count is said without it (the prompt's row shows it); the results say both")
    func narrowTypedSearch() throws {
        var state = try AppFixture.state(width: 40, height: 20)
        AppFixture.type(&state, "/weapons")
        let rows = Screen.render(state).snapshot().split(separator: "\n").map(String.init)
        let status = try #require(rows.last)
        let count = try #require(state.search?.hits.count)
        #expect(count > 0)
        #expect(status.contains("Enter results") && status.contains("(\(count))") && !status.contains("/weapons"), "\(status)")
        #expect(rows.dropLast().last?.contains("/weapons") == true, "\(rows.suffix(2))")
        AppFixture.press(&state, "Enter")
        let results = try #require(Screen.render(state).snapshot().split(separator: "\n").last.map(String.init))
        #expect(results.contains("/weapons (\(count))"), "\(results)")
        // A query that fits beside it is said in full.
        var short = try AppFixture.state(width: 40, height: 20)
        AppFixture.type(&short, "/osce")
        let shortStatus = try #require(Screen.render(short).snapshot().split(separator: "\n").last.map(String.init))
        #expect(shortStatus.contains("/osce (") && shortStatus.contains("Enter results"), "\(shortStatus)")
    }

    @Test("less's and vim's Ctrl-f Ctrl-b (a page) and Ctrl-e Ctrl-y (a line) move as PgDn PgUp j k do", arguments: [
        ("Ctrl-f", "PgDn"), ("Ctrl-e", "j"),
    ])
    func lessKeys(_ key: String, _ same: String) throws {
        var pressed = try AppFixture.state(width: 100, height: 12, record: try AppFixture.shippedRecord())
        var known = pressed
        AppFixture.press(&pressed, key, key)
        AppFixture.press(&known, same, same)
        #expect(pressed.currentCursor.selected == known.currentCursor.selected)
        #expect(pressed.currentCursor.selected != 0)
        AppFixture.press(&pressed, key == "Ctrl-f" ? "Ctrl-b" : "Ctrl-y")
        AppFixture.press(&known, same == "PgDn" ? "PgUp" : "k")
        #expect(pressed.currentCursor.selected == known.currentCursor.selected)
        #expect(pressed.message == nil, "\(pressed.message ?? "")")
    }

    @Test("at 40 columns the help's descriptions follow their keys on the same line, not a 19-column key column's narrow strip")
    func narrowHelp() throws {
        let state = try AppFixture.state(width: 40, height: 15)
        let keymap = state.keymap
        let narrow = HelpOverlay.lines(keymap, width: 34).map(\.plainText)
        let wide = HelpOverlay.lines(keymap, width: 120).map(\.plainText)
        #expect(narrow.contains("j ↓ Ctrl-e  Move down one item"), "\(narrow.prefix(6))")
        #expect(narrow.allSatisfy { DisplayWidth.of($0) <= 34 })
        // Every word of every description is still there.
        let words = { (lines: [String]) in lines.joined(separator: " ").split(separator: " ").filter { !$0.isEmpty } }
        #expect(words(narrow) == words(wide))
        #expect(narrow.count < 190, "\(narrow.count) lines")
    }

    @Test("an empty list's words wrap in its width rather than being cut (the first Notes pane beside the reader)")
    func emptyListWraps() throws {
        var state = try AppFixture.state(width: 100, height: 30)
        AppFixture.press(&state, "5")
        let rows = Screen.render(state).snapshot().split(separator: "\n").map(String.init)
        let list = rows.compactMap { $0.split(separator: "│").first.map { $0.trimmingCharacters(in: .whitespaces) } }.filter { !$0.isEmpty }
        #expect(list.joined(separator: " ").contains("no notes yet: select an item and press a to annotate it"), "\(rows.prefix(4))")
    }

    @Test("a long record title is cut before its version, which stays whole")
    func recordVersionKept() throws {
        let record = try AppFixture.shippedRecord()
        let state = try AppFixture.state(width: 120, height: 40, record: record)
        let header = try #require(Screen.render(state).snapshot().split(separator: "\n").first.map(String.init))
        #expect(header.hasSuffix("… · v\(record.manifest.version)"), "\(header)")
        #expect(header.contains("travaux record: outer-space"))
    }

    @Test("the empty editor's hint wraps at words, and is said shorter where it has one row too few")
    func editorHintWraps() throws {
        func bodyRows(_ width: Int, _ height: Int) throws -> [String] {
            var state = try AppFixture.state(width: width, height: height)
            AppFixture.press(&state, "a")
            return Screen.render(state).snapshot().split(separator: "\n").flatMap { $0.split(separator: "│") }
                .map { $0.trimmingCharacters(in: .whitespaces) }
        }
        let roomy = try bodyRows(40, 12)
        #expect(roomy.contains("Markdown. Enter starts a new line;") && roomy.contains("Ctrl-S saves."), "\(roomy)")
        let tight = try bodyRows(40, 10)
        #expect(tight.contains("Markdown; Ctrl-S saves."), "\(tight)")
        #expect(!tight.contains { $0.hasSuffix("Ctr") })
        #expect(try bodyRows(120, 40).contains("Markdown. Enter starts a new line; Ctrl-S saves."))
    }

    @Test("with the search tab taking the title's room, the record's version stays, named; with tabs cut to numbers, nothing")
    func recordVersionBesideSearch() throws {
        let record = try AppFixture.shippedRecord()
        var state = try AppFixture.state(width: 100, height: 30, record: record)
        AppFixture.press(&state, "/")
        AppFixture.type(&state, "ppwt")
        let header = try #require(Screen.render(state).snapshot().split(separator: "\n").first.map(String.init))
        #expect(header.contains("/ Search"))
        #expect(header.hasSuffix("record v\(record.manifest.version)"), "\(header)")
        var narrow = try AppFixture.state(width: 40, height: 20, record: record)
        AppFixture.press(&narrow, "/")
        let cut = try #require(Screen.render(narrow).snapshot().split(separator: "\n").first.map(String.init))
        #expect(!cut.contains("record"), "\(cut)")
    }

    @Test("a message too long for the status line is shown whole above it, over the editor too, until the next key")
    func longMessage() throws {
        var state = try AppFixture.state(width: 80, height: 24)
        let message = "note not saved: /home/ana/notes/01M7ZS065PFCMRST86R6JDCEC0.json: Read-only file system; "
            + "check that the notes store can be read and written (--store DIR or TRAVAUX_STORE) (your text is back in the editor)"
        AppFixture.press(&state, "a")
        state.message = message
        let rows = Screen.render(state).snapshot().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let band = rows[20..<23].map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(band.joined(separator: " ") == message)
        #expect(!rows[23].contains("Read-only"))
        #expect(rows[23].contains("Timeline"))
        // A short one stays in the status line, with nothing above it.
        state.message = "note saved"
        let short = Screen.render(state).snapshot().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(short[23].contains("— note saved"))
        AppFixture.press(&state, "Esc")
        #expect(state.message == nil)

        // With a prompt open, the band stands above it, and what is typed stays in view.
        AppFixture.press(&state, "/")
        AppFixture.type(&state, "verif")
        state.message = message
        let prompted = Screen.render(state).snapshot().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(prompted[22].hasPrefix("/verif"))
        #expect(prompted[19..<22].map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ") == message)
    }

    @Test("a question wider than a narrow screen is cut at its start, and what is typed stays in view")
    func narrowPrompt() throws {
        var state = try AppFixture.state(width: 60, height: 20)
        state.prompt = PromptState(purpose: .exportFile(replace: true), label: "/tmp/seminar/out.md exists; y or Enter replaces it, n or Esc keeps it: ",
                                   text: "/tmp/seminar/out.md")
        state.relayoutReader()
        AppFixture.type(&state, "XYZ")
        let rows = Screen.render(state).snapshot().split(separator: "\n", omittingEmptySubsequences: false)
        let promptRow = try #require(rows.first { $0.contains("replaces it, n or Esc keeps it:") })
        #expect(promptRow.hasPrefix("…"))
        #expect(promptRow.contains("XYZ"))
        let cursor = try #require(Screen.cursor(state))
        #expect(cursor.x < 60)
        // The hints are the question's keys, not those of the name asked before it.
        let hints = StatusLine.ownHints(state)?.map(\.text) ?? []
        #expect(hints == ["y replace", "n keep"], "\(hints)")
    }

    @Test("each pane at 120×40 and 60×20", arguments: ["1", "2", "3", "4"])
    func panes(_ key: String) throws {
        for (width, height) in Self.sizes {
            var state = try AppFixture.state(width: width, height: height)
            AppFixture.press(&state, key)
            try check(state, "pane-\(state.pane.title.lowercased())-\(width)x\(height)")
        }
    }

    @Test("the reader of a proposal at 120×40 and 60×20")
    func reader() throws {
        for (width, height) in Self.sizes {
            var state = try AppFixture.state(width: width, height: height)
            AppFixture.press(&state, "2", "Enter", "Tab")
            try check(state, "reader-proposal-\(width)x\(height)")
        }
    }

    @Test("one pane at a time on a wide screen: the list's titles whole, then the reader at full width")
    func onePane() throws {
        var state = try AppFixture.state(width: 120, height: 40)
        AppFixture.press(&state, "z", "j")
        try check(state, "one-pane-list-120x40")
        AppFixture.press(&state, "Enter")
        try check(state, "one-pane-reader-120x40")
    }

    @Test("the selection is one bar of one style while the list has the keyboard; beside a focused reader it keeps the row's colours, underlined")
    func selectionBar() throws {
        var state = try AppFixture.state(width: 120, height: 40)
        AppFixture.press(&state, "j")
        let list = try #require(ScreenLayout(state).list)
        let selected = try #require(state.currentCursor.selected)
        let y = list.y + selected - state.currentCursor.offset
        func styles(_ canvas: Canvas, row: Int) -> Set<Style> {
            Set((list.x..<list.maxX).compactMap { canvas.cell(x: $0, y: row)?.style })
        }
        #expect(styles(Screen.render(state), row: y) == [Style(foreground: .black, background: .cyan)])
        var monochrome = state
        monochrome.monochrome = true
        #expect(styles(Screen.render(monochrome), row: y) == [Style(reverse: true)])
        // The same row unselected has colours of its own, which the bar covers.
        var above = state
        AppFixture.press(&above, "k")
        #expect(styles(Screen.render(above), row: y).count >= 2)
        state.focus = .reader   // the reader has the keyboard, the list keeps its selection
        #expect(state.showsReader)
        let beside = styles(Screen.render(state), row: y)
        #expect(beside.count >= 2)
        #expect(beside.allSatisfy { $0.underline })
    }

    @Test("a Timeline row changes style only where it shows: the blank after a date keeps the style before it; an inferred date's ~ follows it, a blank before the domain")
    func timelineRowStyles() throws {
        let record = try AppFixture.shippedRecord()
        let certain = try #require(record.events.first { $0.date != nil && $0.dateInferred == nil })
        let inferred = try #require(record.events.first { $0.date != nil && $0.dateInferred != nil })
        let plain = ListPaneView.itemLabel(certain.id, record: record)
        // The date and the blank after it are one span, so the terminal changes style once.
        #expect(plain.spans.map(\.style) == [Palette.dim, Palette.domain(certain.domain), .plain])
        #expect(plain.spans[0].text.count == 13 && plain.spans[0].text.last == " ")
        let marked = ListPaneView.itemLabel(inferred.id, record: record)
        #expect(marked.spans.map(\.style) == [Palette.dim, Palette.inferred, Palette.domain(inferred.domain), .plain])
        #expect(marked.spans[1].text.hasPrefix("~ "))
        // Both line up: the domain's marker is in the fourteenth column either way, and the
        // longest date (`31 Jan 2010~`) still has a blank before it.
        #expect(Array(plain.plainText)[13] == Character(certain.domain.marker))
        #expect(Array(marked.plainText)[13] == Character(inferred.domain.marker))
        let longest = try #require(record.events.first { $0.dateInferred != nil && ($0.date?.natural.count ?? 0) == 11 })
        #expect(Array(ListPaneView.itemLabel(longest.id, record: record).plainText)[11...13] == ["~", " ", Character(longest.domain.marker)])
    }

    @Test("a comparison's status line names every version key: paired when the line is short, in full when it is wide")
    func comparisonHintsWhenNarrow() throws {
        var narrow = try AppFixture.state(width: 60, height: 24)
        AppFixture.press(&narrow, "2", "c")
        let narrowStatus = try #require(Screen.render(narrow).snapshot().split(separator: "\n").last)
        #expect(narrowStatus.contains("[ ] from  { } to"), "\(narrowStatus)")
        var wide = try AppFixture.state(width: 200, height: 24)
        AppFixture.press(&wide, "2", "c")
        let wideStatus = try #require(Screen.render(wide).snapshot().split(separator: "\n").last)
        #expect(wideStatus.contains("[ from earlier  ] from later  { to earlier  } to later"), "\(wideStatus)")
    }

    @Test("a proposal's row cut to the list's width keeps its count of versions in view")
    func proposalRowKeepsVersions() throws {
        let record = try AppFixture.shippedRecord()
        let proposal = try #require(record.proposals.first { $0.title.count > 60 })
        let versions = "  \(proposal.versions.count)v"
        for width in [12, 20, 45, 60] {
            let row = ListPaneView.itemLabel(proposal.id, record: record, width: width)
            #expect(row.displayWidth <= width)
            #expect(row.plainText.hasSuffix("…" + versions), "\(width): \(row.plainText)")
        }
        let whole = ListPaneView.itemLabel(proposal.id, record: record, width: 400)
        #expect(whole == ListPaneView.itemLabel(proposal.id, record: record))
        #expect(!whole.plainText.contains("…") && whole.plainText.hasSuffix(versions))
        // In a list too narrow for a title beside the count, the row is cut as any other.
        #expect(ListPaneView.itemLabel(proposal.id, record: record, width: 6).truncated(toWidth: 6).plainText.hasPrefix(proposal.domain.marker + " "))
    }

    @Test("a style that shows on a blank begins and ends on text: links, footnote numbers, note marks and a comparison's changed words, not the blanks beside them")
    func visibleStylesEndOnText() throws {
        let record = try AppFixture.shippedRecord()
        var compared = 0
        for pane in ["1", "2", "3", "4"] {
            var state = try AppFixture.state(width: 120, height: 40, record: record)
            AppFixture.press(&state, pane)
            for _ in 0..<(state.currentRows.count) {
                Self.expectVisibleStylesOnText(Screen.render(state), "pane \(pane), \(state.selectedItemID ?? "a heading")")
                if pane == "2", ComparisonHandling.canCompare(state) {
                    AppFixture.press(&state, "c")
                    Self.expectVisibleStylesOnText(Screen.render(state), "comparing \(state.selectedItemID ?? "")")
                    compared += state.comparison.isPresent ? 1 : 0
                    AppFixture.press(&state, "Esc")
                }
                AppFixture.press(&state, "j")
            }
        }
        #expect(compared >= 5)
        var search = try AppFixture.state(width: 120, height: 40, record: record)
        AppFixture.press(&search, "/")
        AppFixture.type(&search, "code of conduct")
        for _ in 0..<12 {
            Self.expectVisibleStylesOnText(Screen.render(search), "searching, \(search.selectedItemID ?? "")")
            AppFixture.press(&search, "Down")
        }
    }

    /// Underline, reverse video and a background show on a blank; bold, dim, italics and a
    /// colour do not. Each is followed along the row whatever else the cells hold (a link's
    /// underline runs on under a search match). The bars that span a row on purpose (the
    /// selection, the status bar, the shown tab) are left out.
    static func expectVisibleStylesOnText(_ canvas: Canvas, _ screen: String) {
        let bars = [Palette.selection(monochrome: false), Palette.selection(monochrome: true), Palette.statusBar, Palette.activeTab]
        let shown: [(name: String, on: (Style) -> Bool)] = [("underline", { $0.underline }), ("reverse", { $0.reverse }),
                                                            ("background", { $0.background != nil })]
        for (name, on) in shown {
            for y in 0..<canvas.height {
                var x = 0
                func inRun(_ x: Int) -> Bool {
                    guard let style = canvas.cell(x: x, y: y)?.style else { return false }
                    return on(style) && !bars.contains(style)
                }
                while x < canvas.width {
                    guard inRun(x) else { x += 1; continue }
                    var run: [String] = []
                    while x < canvas.width, inRun(x) {
                        if let symbol = canvas.cell(x: x, y: y)?.symbol, !symbol.isEmpty { run.append(symbol) }   // a wide glyph's second column is empty
                        x += 1
                    }
                    #expect(run.first != " " && run.last != " ", "\(screen), row \(y), \(name): \"\(run.joined())\"")
                }
            }
        }
    }

    @Test("the reader lays every item of the shipped record out within its width, from 20 columns up: nothing is cut at the edge")
    func readerFitsItsWidth() throws {
        let record = try AppFixture.shippedRecord()
        var stacked = 0
        for id in record.allIDs {
            let document = try #require(record.detail(of: id))
            for width in [20, 30, 45, 60, 80, 110] {
                let layout = ReaderLayout(document: document, width: width)
                for (index, line) in layout.lines.enumerated() {
                    #expect(line.displayWidth <= width, "\(id) at \(width), line \(index): \(line.plainText)")
                }
                // The id is all there, to be copied for the command line.
                let text = layout.lines.map(\.plainText).joined(separator: "\n")
                #expect(text.replacingOccurrences(of: "\n", with: "").contains(id), "\(id) at \(width)")
                stacked += layout.lines.count { line in document.fields.contains { line.plainText == $0.label + ":" } }
            }
        }
        #expect(stacked > 0)
    }

    @Test("a field's value sits in the labels' column, beside a long label when it fits there, and under its label when the reader is narrow")
    func readerFields() throws {
        let record = try AppFixture.shippedRecord()
        let event = try #require(record.events.first { $0.date != nil && $0.actors.count >= 2 })
        let document = try #require(record.detail(of: event.id))
        let wide = ReaderLayout(document: document, width: 80).lines.map(\.plainText)
        #expect(wide.contains { $0.hasPrefix("Domain:") && $0.dropFirst("Domain:".count).hasPrefix(" ") && $0.hasSuffix(event.domain.rawValue) })
        let narrow = ReaderLayout(document: document, width: 20).lines.map(\.plainText)
        #expect(narrow.contains("Domain: " + event.domain.rawValue))
        let date = try #require(narrow.firstIndex(of: "Date:"))
        let natural = try #require(event.date?.natural)
        #expect(narrow[date + 1] == "  " + natural || narrow[date + 1].hasPrefix("  " + natural + " "))
    }

    @Test("a citation's titles are drawn in italics, without the record's asterisks")
    func citationItalics() throws {
        let record = try AppFixture.shippedRecord()
        let source = try #require(record.sources.first { $0.citation.filter { $0 == "*" }.count >= 2 })
        let layout = ReaderLayout(document: try #require(record.detail(of: source.id)), width: 80)
        let spans = layout.lines.flatMap(\.spans)
        let italic = spans.filter { $0.style.italic }.map(\.text).joined()
        #expect(!italic.isEmpty)
        #expect(source.citation.contains(italic.split(separator: " ").first.map(String.init) ?? "?"))
        #expect(!layout.lines.contains { $0.plainText.contains("*") })
        // Drawn: the first italic cell on screen has the attribute.
        var state = try AppFixture.state(record: record)
        var reader = ReaderState(itemID: source.id)
        reader.layout = ReaderLayout(document: try #require(record.detail(of: source.id)), width: state.readerWidth)
        state.reader = reader
        let canvas = Screen.render(state)
        #expect(canvas.cells.contains { $0.style.italic })
        // The Sources pane's rows, too.
        var sources = try AppFixture.state(record: record)
        AppFixture.press(&sources, "3")
        let list = Screen.render(sources)
        let listWidth = try #require(ScreenLayout(sources).list).maxX
        let rows = (0..<list.height).map { y in (0..<listWidth).map { list.cells[y * list.width + $0].symbol }.joined() }
        #expect(rows.contains { $0.contains("Treaty on Principles Governing") })
        #expect(!rows.contains { $0.contains("*") })
        #expect((0..<list.height).contains { y in (0..<listWidth).contains { list.cells[y * list.width + $0].style.italic } })
    }

    @Test("the help overlay; on a narrow screen its descriptions wrap rather than being cut, and G shows its end")
    func help() throws {
        var state = try AppFixture.state()
        AppFixture.press(&state, "?")
        try check(state, "help-120x40")
        var narrow = try AppFixture.state(width: 60, height: 20)
        AppFixture.press(&narrow, "?")
        try check(narrow, "help-60x20")
        let wrapped = HelpOverlay.lines(narrow.keymap, width: 40).map(\.plainText)
        #expect(wrapped.allSatisfy { DisplayWidth.of($0) <= 40 })
        for binding in narrow.keymap.bindings {
            let words = binding.help.split(separator: " ").map(String.init)
            #expect(words.allSatisfy { word in wrapped.contains { $0.contains(word) } }, "\(binding.help)")
        }
        AppFixture.press(&narrow, "G")
        try check(narrow, "help-60x20-end")
        let last = HelpOverlay.maxScroll(narrow)
        #expect(narrow.overlay == .help(scroll: last) && last > 0)
        AppFixture.press(&narrow, "j", "j", "k")
        #expect(narrow.overlay == .help(scroll: last - 1))
    }

    @Test("the help opens at the keys of the place it is asked from: a comparison's, the reader's, the Notes pane's; from a list at the top")
    func helpOpensAtItsPlace() throws {
        for (keys, heading) in [(["2", "c"], "Comparing versions"), (["Enter"], "In the reader"), (["5"], "In the Notes pane"), ([], "Everywhere")] {
            var state = try AppFixture.state(record: try AppFixture.shippedRecord())
            for key in keys { AppFixture.press(&state, key) }
            AppFixture.press(&state, "?")
            let rows = Screen.render(state).snapshot().split(separator: "\n").map(String.init)
            let box = try #require(rows.firstIndex { $0.contains("Help — Esc, q or ? closes") })
            if keys.isEmpty {
                #expect(rows[box + 1].contains(heading), "\(rows[box + 1])")
            } else {
                // At the top of the box, or as near as the end of the help lets it.
                let shown = rows[(box + 1)...].firstIndex { $0.contains("│ " + heading) }
                #expect(shown != nil, "\(keys)")
                if case .help(let scroll)? = state.overlay { #expect(scroll > 0, "\(keys)") }
            }
        }
    }

    @Test("the filter menu")
    func filterMenu() throws {
        var state = try AppFixture.state()
        AppFixture.press(&state, "f")
        try check(state, "filter-120x40")
    }

    @Test("a forum name longer than the filter menu ends in …")
    func filterMenuCutsNames() throws {
        var state = try AppFixture.state(width: 50, height: 30, record: try AppFixture.shippedRecord())
        AppFixture.press(&state, "f", "j", "Enter")
        let rows = Screen.render(state).snapshot().split(separator: "\n").filter { $0.contains("│") }
        let cut = rows.filter { $0.contains("…") }
        #expect(!cut.isEmpty)
        // Every name reaching the box's edge is marked cut: none ends flush against the border.
        let inner = rows.compactMap { row -> Substring? in
            guard let first = row.firstIndex(of: "│"), let last = row.lastIndex(of: "│"), first < last else { return nil }
            return row[row.index(after: first)..<last]
        }
        #expect(inner.allSatisfy { $0.last == " " || $0.last == "…" || $0.allSatisfy { $0 == " " } })
    }

    @Test("search results, with the matches highlighted")
    func searchHighlight() throws {
        var state = try AppFixture.state()
        AppFixture.press(&state, "/")
        AppFixture.type(&state, "osce")
        let canvas = Screen.render(state)
        try check(state, "search-120x40")
        // The highlighted cells spell the match, in the list and in the reader.
        var highlighted: [String] = []
        for y in 0..<canvas.height {
            var run = ""
            for x in 0..<canvas.width {
                if let cell = canvas.cell(x: x, y: y), cell.style.background == Palette.match.background { run += cell.symbol }
                else if !run.isEmpty { highlighted.append(run); run = "" }
            }
            if !run.isEmpty { highlighted.append(run) }
        }
        #expect(!highlighted.isEmpty)
        #expect(highlighted.allSatisfy { $0.lowercased() == "osce" })
        #expect(Screen.cursor(state) != nil)
    }

    @Test("a long item's last reader row shows how far down it is, and every row above it is the item's text, uncovered")
    func scrollLabelCoversNothing() throws {
        let record = try AppFixture.shippedRecord()
        for (width, height) in [(120, 40), (60, 20)] {
            var state = try AppFixture.state(width: width, height: height, record: record)
            AppFixture.press(&state, "2")
            if !state.showsReader { AppFixture.press(&state, "Enter") }
            var long = 0
            for step in 0..<12 {
                let layout = try #require(state.reader?.layout)
                let reader = try #require(state.reader)
                let rows = Screen.render(state).snapshot().components(separatedBy: "\n")
                let readerX = state.width - state.readerWidth
                func readerText(_ row: Int) -> String {
                    String(rows[1 + row].dropFirst(readerX)).replacingOccurrences(of: " +$", with: "", options: .regularExpression)
                }
                for row in 0..<state.readerViewport where reader.scroll + row < layout.lines.count {
                    #expect(readerText(row) == layout.lines[reader.scroll + row].plainText.replacingOccurrences(of: " +$", with: "", options: .regularExpression),
                            "\(reader.itemID) row \(row) at \(width)×\(height)")
                }
                if layout.lines.count > state.bodyHeight {
                    long += 1
                    #expect(state.readerViewport == state.bodyHeight - 1)
                    #expect(readerText(state.bodyHeight - 1).trimmingCharacters(in: .whitespaces).hasSuffix("%"))
                    #expect(readerText(state.bodyHeight - 1).trimmingCharacters(in: .whitespaces).allSatisfy { $0.isNumber || $0 == "%" })
                }
                AppFixture.press(&state, step % 3 == 2 ? "G" : "j")
            }
            #expect(long > 0)
        }
    }

    @Test("a source whose citation begins with its symbol shows the symbol once")
    func sourceSymbolOnce() throws {
        let state = try AppFixture.state(record: try AppFixture.shippedRecord())
        let row = ListPaneView.itemLabel("pmp-fn-13", record: state.record).plainText
        #expect(row.hasPrefix("[13] A/66/359. See also the Agreement"))
        #expect(ListPaneView.itemLabel("meyer-fn-15", record: state.record).plainText.hasPrefix("[15] CD/1679 "))
    }

    @Test("a terminal below the smallest usable size gets a clear message")
    func tooSmall() throws {
        let state = try AppFixture.state(width: 30, height: 8)
        let text = Screen.render(state).snapshot()
        #expect(text.contains("Terminal too small"))
        #expect(text.contains("need 40×10, have 30×8"))
        #expect(Screen.render(try AppFixture.state(width: 0, height: 0)).snapshot() == "")
        // Smaller still, a shorter wording, never one cut before its way out.
        for (width, height, expected) in [(20, 5, "q quits"), (12, 3, "q quits"), (9, 1, "q quits"), (3, 1, "q")] {
            let small = Screen.render(try AppFixture.state(width: width, height: height)).snapshot()
            #expect(small.contains(expected), "\(width)×\(height): \(small)")
        }
        #expect(Screen.render(try AppFixture.state(width: 20, height: 5)).snapshot().contains("Too small: 20×5"))
    }

    @Test("wide characters keep the columns aligned")
    func wideCharacters() throws {
        let record = try AppFixture.record().changingEvents { events in
            events[0].title = "中国和俄罗斯 draft 草案"
            events[1].title = "Café ré\u{301}sumé"
        }
        let state = AppState(record: record, width: 120, height: 40)
        let canvas = Screen.render(state)
        let lines = canvas.snapshot().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // The separator between list and reader stays in one column whatever the titles hold.
        let separatorColumns = Set(lines.dropFirst().prefix(8).map { line -> Int in
            var column = 0
            for character in line {
                if character == "│" { return column }
                column += DisplayWidth.of(character)
            }
            return -1
        })
        #expect(separatorColumns == [state.listWidth])
        #expect(lines.contains { $0.contains("中国和俄罗斯 draft 草案") })
        #expect(lines.contains { $0.contains("Café ré\u{301}sumé") })
    }
}

@Suite("Note screens as text")
struct NoteScreenTests {
    static func stateWithNote(width: Int, height: Int) throws -> AppState {
        var state = try AppFixture.state(width: width, height: height)
        let time = NoteTime(millisecondsSince1970: 1_795_288_316_654)
        let note = Note(id: "01M7ZRGDZTQY8XKGSREPC0PREQ", target: NoteTarget(item: "ppwt", version: "2008"),
                        body: "No verification in the 2008 draft — 検証なし.\nAsk about the 2014 revision.",
                        tags: ["verification", "seminar"], session: "seminar-3", author: "ana", created: time)
        _ = Reducer.reduce(&state, .notesReloaded(NoteCollection(notes: [note])))
        return state
    }

    @Test("the note editor at 120×40 and 60×20")
    func editor() throws {
        for (width, height) in ScreenTests.sizes {
            var state = try Self.stateWithNote(width: width, height: height)
            AppFixture.press(&state, "2", "a")
            AppFixture.type(&state, "Compare with the OSCE measures: 信頼醸成 and the “best practices” wording.")
            AppFixture.press(&state, "Tab")
            AppFixture.type(&state, "veri")
            let (ok, message) = try Snapshot.matches(Screen.render(state), named: "editor-\(width)x\(height)")
            #expect(ok, "\(message)")
            #expect(Screen.cursor(state) != nil)
        }
    }

    @Test("at 40×10, Ctrl-T's parts are listed in the editor's two text rows, without a frame")
    func attachListSmallest() throws {
        var state = try AppFixture.state(width: 40, height: 10, record: AppFixture.shippedRecord())
        AppFixture.press(&state, "2", "j", "a", "Ctrl-t", "Ctrl-t")
        let (ok, message) = try Snapshot.matches(Screen.render(state), named: "editor-attach-40x10")
        #expect(ok, "\(message)")
        let screen = Screen.render(state).snapshot()
        #expect(screen.contains("Attach to — ↑ ↓ Enter"), "\(screen)")
    }

    @Test("editing a note shows its id, which the command line takes")
    func editorShowsID() throws {
        var state = try Self.stateWithNote(width: 120, height: 40)
        AppFixture.press(&state, "5", "e")
        let screen = Screen.render(state).snapshot()
        #expect(screen.contains("┌─ Edit note 01M7ZRGDZTQY8XKGSREPC0PREQ ─"))
        #expect(screen.contains("│Session: seminar-3 · by ana · created 2026-11-21 "))
        // Whole on a narrow screen too.
        var narrow = try Self.stateWithNote(width: 60, height: 20)
        AppFixture.press(&narrow, "5", "Enter", "e")
        #expect(Screen.render(narrow).snapshot().contains("Edit note 01M7ZRGDZTQY8XKGSREPC0PREQ"))
    }

    @Test("a note longer than the editor's box says how many lines are out of view above and below")
    func editorOverflow() throws {
        var state = try AppFixture.state(width: 60, height: 20)
        AppFixture.press(&state, "2", "a")
        // The box at 60×20 shows 11 lines of text.
        let lines = (1...20).map { "line \($0)" }
        for (index, line) in lines.enumerated() {
            AppFixture.type(&state, line)
            if index < lines.count - 1 { AppFixture.press(&state, "Enter") }
        }
        func row(above tags: String) -> String {
            let rows = Screen.render(state).snapshot().split(separator: "\n", omittingEmptySubsequences: false)
            guard let index = rows.firstIndex(where: { $0.contains("Tags:") }), index > 0 else { return "" }
            return String(rows[index - 1])
        }
        #expect(row(above: "Tags:").hasSuffix("↑ 9 more lines│"), "\(row(above: "Tags:"))")
        AppFixture.press(&state, "Up", "Up", "Up", "Up", "Up", "Up", "Up", "Up", "Up", "Up", "Up")
        #expect(row(above: "Tags:").hasSuffix("↑ 8 more lines  ↓ 1 more line│"), "\(row(above: "Tags:"))")
        AppFixture.press(&state, "PgUp", "PgUp")
        #expect(row(above: "Tags:").hasSuffix("↓ 9 more lines│"), "\(row(above: "Tags:"))")
        // A note that fits says nothing.
        AppFixture.press(&state, "Esc", "Esc", "a")
        AppFixture.type(&state, "short")
        #expect(row(above: "Tags:").allSatisfy { $0 == " " || $0 == "│" })
    }

    @Test("the Notes pane, with the note shown in its item at 120×40 and 60×20")
    func notesPane() throws {
        for (width, height) in ScreenTests.sizes {
            var state = try Self.stateWithNote(width: width, height: height)
            AppFixture.press(&state, "5")
            let (ok, message) = try Snapshot.matches(Screen.render(state), named: "notes-\(width)x\(height)")
            #expect(ok, "\(message)")
        }
    }
}
