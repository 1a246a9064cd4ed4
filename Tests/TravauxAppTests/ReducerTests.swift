import Testing
import TravauxCore
@testable import TravauxTUI

@Suite("Keys to states")
struct ReducerTests {
    @Test("the interface opens on the timeline with the oldest event selected")
    func opensOnTimeline() throws {
        let state = try AppFixture.state()
        #expect(state.pane == .timeline)
        #expect(state.selectedItemID == "russian-resolutions")
        #expect(state.reader?.itemID == "russian-resolutions")
    }

    @Test("j and k move between events, skipping the year headings")
    func moveSkipsHeadings() throws {
        var state = try AppFixture.state()
        AppFixture.press(&state, "j")
        #expect(state.selectedItemID == "ppwt-2008-draft")
        AppFixture.press(&state, "j", "j")
        #expect(state.selectedItemID == "global-cyber-treaty-call")
        AppFixture.press(&state, "j")
        #expect(state.selectedItemID == "global-cyber-treaty-call")
        AppFixture.press(&state, "k")
        #expect(state.selectedItemID == "osce-initial-cbms")
        AppFixture.press(&state, "g")
        #expect(state.selectedItemID == "russian-resolutions")
        AppFixture.press(&state, "G")
        #expect(state.selectedItemID == "global-cyber-treaty-call")
    }

    @Test("the reader follows the selection to every item, ids of one length included; the same item keeps its place")
    func readerFollowsSelection() throws {
        #expect(AppState.sameID("osce-2013", "osce-2013"))
        #expect(!AppState.sameID("osce-2013", "osce-2016"))
        #expect(!AppState.sameID("osce-2013", "osce-2013-a"))
        for onePane in [false, true] {
            var state = try AppFixture.state()
            state.onePane = onePane
            var lengths: [Int: Int] = [:]
            for _ in 0..<state.currentRows.count {
                #expect(state.reader?.itemID == state.selectedItemID)
                if let id = state.selectedItemID { lengths[id.utf8.count, default: 0] += 1 }
                AppFixture.press(&state, "j")
            }
            #expect(lengths.values.contains { $0 > 1 })   // some ids share a length
            // At the end, j selects the same item: its reader keeps its scroll.
            state.reader?.scroll = 2
            AppFixture.press(&state, "j")
            #expect(state.reader?.scroll == 2 || !state.showsReader)
        }
    }

    @Test("Tab and the number keys switch panes")
    func switchPanes() throws {
        var state = try AppFixture.state()
        AppFixture.press(&state, "Tab")
        #expect(state.pane == .proposals)
        #expect(state.selectedItemID == "ppwt")
        AppFixture.press(&state, "3")
        #expect(state.pane == .sources)
        #expect(state.selectedItemID == "chapter-fn-1")
        AppFixture.press(&state, "Shift-Tab")
        #expect(state.pane == .proposals)
        AppFixture.press(&state, "1")
        #expect(state.pane == .timeline)
    }

    @Test("a pane keeps its selection when you come back to it")
    func paneKeepsSelection() throws {
        var state = try AppFixture.state()
        AppFixture.press(&state, "j", "j", "2", "1")
        #expect(state.selectedItemID == "osce-initial-cbms")
    }

    @Test("Enter opens the reader; Back returns exactly where you were")
    func openAndBack() throws {
        var state = try AppFixture.state()
        AppFixture.press(&state, "2", "Enter")
        #expect(state.focus == .reader)
        #expect(state.reader?.itemID == "ppwt")
        AppFixture.press(&state, "j", "j")
        #expect(state.reader?.scroll == 2)
        AppFixture.press(&state, "Esc")
        #expect(state.focus == .list)
        #expect(state.pane == .proposals)
        #expect(state.selectedItemID == "ppwt")
    }

    @Test("Tab selects links in the reader and Enter follows a footnote to its source; Back comes back to it")
    func followFootnote() throws {
        var state = try AppFixture.state()
        AppFixture.press(&state, "j", "Enter")
        let layout = try #require(state.reader?.layout)
        let footnote = try #require(layout.links.firstIndex { $0.target == "chapter-fn-1" })
        for _ in 0...footnote { AppFixture.press(&state, "Tab") }
        #expect(state.reader?.selectedLink == footnote)
        AppFixture.press(&state, "Enter")
        #expect(state.reader?.itemID == "chapter-fn-1")
        #expect(state.history.count == 2)
        AppFixture.press(&state, "Backspace")
        #expect(state.reader?.itemID == "ppwt-2008-draft")
        #expect(state.reader?.selectedLink == footnote)
        AppFixture.press(&state, "Esc")
        #expect(state.focus == .list)
        #expect(state.selectedItemID == "ppwt-2008-draft")
        AppFixture.press(&state, "Esc")
        #expect(state.message == "nothing to go back to")
    }

    @Test("Esc in a list goes back through that pane's places only: a reader opened in another pane is not where it leads")
    func backStaysInItsPane() throws {
        var state = try AppFixture.state()
        AppFixture.press(&state, "2", "Enter")
        #expect(state.focus == .reader)
        AppFixture.press(&state, "1", "j", "j")
        let selected = state.selectedItemID
        AppFixture.press(&state, "Esc")
        #expect(state.pane == .timeline && state.selectedItemID == selected)
        #expect(state.message == "nothing to go back to")
        // In its own pane, the place is still there to go back to.
        AppFixture.press(&state, "2", "Esc")
        #expect(state.pane == .proposals && state.history.isEmpty)
        // In the Notes pane, Esc with nowhere of its own to go clears the words filter.
        state.noteFilter.text = "verif"
        AppFixture.press(&state, "2", "Enter", "5", "Esc")
        #expect(state.pane == .notes && state.noteFilter.text.isEmpty)
        #expect(state.message == "the Notes' words filter is cleared")
    }

    @Test("the reader scrolls with j, k, Ctrl-d and G without passing the end")
    func readerScroll() throws {
        var state = try AppFixture.state(width: 120, height: 12)
        AppFixture.press(&state, "2", "Enter")
        let lines = try #require(state.reader?.layout?.lines.count)
        AppFixture.press(&state, "G")
        #expect(state.reader?.scroll == lines - state.readerViewport)
        AppFixture.press(&state, "j")
        #expect(state.reader?.scroll == lines - state.readerViewport)
        AppFixture.press(&state, "g", "Ctrl-d")
        #expect(state.reader?.scroll == (state.bodyHeight - 1) / 2)
    }

    @Test("search updates its results on every keystroke and ranks a symbol's item first")
    func incrementalSearch() throws {
        var state = try AppFixture.state()
        AppFixture.press(&state, "/")
        #expect(state.search?.editing == true)
        AppFixture.type(&state, "PC.DEC/1")
        #expect(state.pane == .search)
        #expect(state.search?.hits.first?.id == "osce-cbms")
        AppFixture.type(&state, "106")
        #expect(state.selectedItemID == "osce-cbms")
        AppFixture.press(&state, "Backspace", "Backspace", "Backspace", "Backspace", "Backspace", "Backspace", "Backspace", "Backspace", "Backspace", "Backspace", "Backspace")
        AppFixture.type(&state, "toure")
        #expect(state.search?.hits.first?.id == "toure")
    }

    @Test("Enter keeps the results, n and N step through them, Back closes the search")
    func searchResultsAndSteps() throws {
        var state = try AppFixture.state()
        AppFixture.press(&state, "2", "/")
        AppFixture.type(&state, "osce")
        AppFixture.press(&state, "Enter")
        #expect(state.search?.editing == false)
        let hits = try #require(state.search?.hits)
        #expect(hits.count >= 2)
        #expect(state.selectedItemID == hits[0].id)
        AppFixture.press(&state, "n")
        #expect(state.selectedItemID == hits[1].id)
        AppFixture.press(&state, "N")
        #expect(state.selectedItemID == hits[0].id)
        AppFixture.press(&state, "Esc")
        #expect(state.search == nil)
        #expect(state.pane == .proposals)
    }

    @Test("a search started from the reader returns to it, scrolled as it was, whether closed from the prompt or the results; Back then goes on as before")
    func searchFromTheReader() throws {
        for closeFromResults in [true, false] {
            var state = try AppFixture.state(width: 120, height: 20, record: try AppFixture.shippedRecord())
            AppFixture.press(&state, "2", "j")
            let row = state.currentCursor.selected
            AppFixture.press(&state, "Enter", "j", "j")
            let reader = try #require(state.reader)
            #expect(state.focus == .reader && reader.scroll == 2)
            AppFixture.press(&state, "/")
            AppFixture.type(&state, "osce")
            if closeFromResults {
                AppFixture.press(&state, "Enter", "j")
                #expect(state.pane == .search && state.focus == .list)
            }
            AppFixture.press(&state, "Esc")
            #expect(state.search == nil)
            #expect(state.pane == .proposals && state.focus == .reader)
            #expect(state.reader?.itemID == reader.itemID && state.reader?.scroll == 2)
            AppFixture.press(&state, "Esc")
            #expect(state.focus == .list && state.currentCursor.selected == row)
        }
    }

    @Test("/ again offers the last search selected: typing replaces it, a move keeps it to edit, Backspace clears it")
    func lastSearchOfferedSelected() throws {
        var state = try AppFixture.state()
        AppFixture.press(&state, "/")
        AppFixture.type(&state, "osce")
        AppFixture.press(&state, "Enter", "/")
        #expect(state.search?.field.isSelected == true)
        #expect(Screen.render(state).snapshot().contains("/osce"))
        AppFixture.type(&state, "ppwt")
        #expect(state.search?.query == "ppwt")
        AppFixture.press(&state, "Enter", "/", "End")
        AppFixture.type(&state, " 2008")
        #expect(state.search?.query == "ppwt 2008")
        AppFixture.press(&state, "Enter", "/", "Backspace")
        #expect(state.search?.query == "")
    }

    @Test("/ offers the last search after it was closed too; Enter runs it again")
    func closedSearchOffered() throws {
        var state = try AppFixture.state()
        AppFixture.press(&state, "2", "/")
        AppFixture.type(&state, "osce")
        let hits = state.search?.hits
        AppFixture.press(&state, "Enter", "Esc")
        #expect(state.search == nil && state.pane == .proposals)
        AppFixture.press(&state, "/")
        #expect(state.search?.field.text == "osce" && state.search?.field.isSelected == true)
        #expect(state.pane == .proposals, "offered, not yet run")
        AppFixture.press(&state, "Enter")
        #expect(state.pane == .search && state.focus == .list)
        #expect(state.search?.query == "osce" && state.search?.hits == hits)
        // Typing replaces it, as before.
        AppFixture.press(&state, "Esc", "/")
        AppFixture.type(&state, "ppwt")
        #expect(state.search?.query == "ppwt")
    }

    @Test("an open search's results are reached again from another pane: by Tab, and by / then Enter as they were")
    func backToResults() throws {
        var state = try AppFixture.state()
        AppFixture.press(&state, "/")
        AppFixture.type(&state, "osce")
        AppFixture.press(&state, "Enter", "j")
        let selected = state.currentCursor.selected
        AppFixture.press(&state, "3")
        AppFixture.press(&state, "Tab", "Tab", "Tab")
        #expect(state.pane == .search, "Tab goes from Notes to the results")
        #expect(state.currentCursor.selected == selected)
        AppFixture.press(&state, "Tab")
        #expect(state.pane == .timeline)
        AppFixture.press(&state, "Shift-Tab")
        #expect(state.pane == .search)
        AppFixture.press(&state, "2", "/")
        #expect(state.search?.query == "osce" && state.pane == .proposals)
        #expect(Screen.render(state).snapshot().contains("/osce"))
        AppFixture.press(&state, "Enter")
        #expect(state.pane == .search && state.search?.editing == false)
        #expect(state.currentCursor.selected == selected, "the results as they were left")
        // Without a search, Tab cycles the five panes.
        AppFixture.press(&state, "Esc", "Esc")
        #expect(state.search == nil)
        AppFixture.press(&state, "5", "Tab")
        #expect(state.pane == .timeline)
    }

    @Test("Esc in another pane's list, with nowhere to go back to, closes a search left open")
    func escClosesSearchLeftOpen() throws {
        var state = try AppFixture.state()
        AppFixture.press(&state, "/")
        AppFixture.type(&state, "osce")
        AppFixture.press(&state, "Enter", "1")
        #expect(state.search != nil && state.pane == .timeline)
        AppFixture.press(&state, "Esc")
        #expect(state.search == nil)
        #expect(state.message == "search closed")
        #expect(state.pane == .timeline)
    }

    @Test("Esc in the prompt cancels the search and returns to the pane")
    func cancelSearch() throws {
        var state = try AppFixture.state()
        AppFixture.press(&state, "3", "/")
        AppFixture.type(&state, "cd")
        AppFixture.press(&state, "Esc")
        #expect(state.search == nil)
        #expect(state.pane == .sources)
    }

    @Test("n in the reader scrolls to the next line with a match")
    func nextMatchInReader() throws {
        var state = try AppFixture.state(width: 120, height: 12)
        AppFixture.press(&state, "/")
        AppFixture.type(&state, "ppwt")
        AppFixture.press(&state, "Enter", "Enter")
        #expect(state.focus == .reader)
        let before = state.reader?.scroll ?? 0
        AppFixture.press(&state, "n")
        #expect((state.reader?.scroll ?? 0) > before || state.message == "no more matches below")
    }

    @Test("a search listing only the first 200 items says there were more")
    func searchLimit() throws {
        var state = try AppFixture.state(record: try AppFixture.shippedRecord())
        AppFixture.press(&state, "/")
        AppFixture.type(&state, "t")
        #expect(state.search?.hits.count == SearchState.shownLimit)
        #expect(state.search?.hasMore == true)
        #expect(Screen.render(state).snapshot().contains("/t (200+"))
        AppFixture.type(&state, "reaty")
        #expect(state.search?.hasMore == false)
        let count = try #require(state.search?.hits.count)
        #expect(Screen.render(state).snapshot().contains("/treaty (\(count))"))
    }

    @Test("a symbol searched is marked whole, not as its letters and numbers")
    func symbolHighlight() throws {
        var state = try AppFixture.state(record: try AppFixture.shippedRecord())
        AppFixture.press(&state, "/")
        AppFixture.type(&state, "A/68")
        #expect(state.highlightWords == ["a/68"])
        #expect(Highlighter.ranges(in: "Also called A/68/189 and a note", words: state.highlightWords) == [12..<16])
    }

    @Test("ideographs typed together are marked together, not each wherever it stands")
    func unspacedRunHighlight() throws {
        var state = try AppFixture.state(record: try AppFixture.shippedRecord())
        AppFixture.press(&state, "/")
        AppFixture.type(&state, "外层 ppwt")
        #expect(state.highlightWords == ["外层", "ppwt"])
        #expect(Highlighter.ranges(in: "外空与和平利用外层空间 PPWT", words: state.highlightWords) == [7..<9, 12..<16])
        // The word typed last stays last, a prefix however short; a quoted run is marked whole too.
        AppFixture.press(&state, "Esc")
        AppFixture.press(&state, "/")
        AppFixture.type(&state, "外层 外 co")
        #expect(state.highlightWords == ["外层", "外", "co"])
        #expect(Highlighter.ranges(in: "外层空间 code", words: state.highlightWords) == [0..<2, 0..<1, 5..<7])
        AppFixture.press(&state, "Esc")
        AppFixture.press(&state, "/")
        AppFixture.type(&state, "\"空间\" 外层")
        #expect(state.highlightWords == ["外层", "空间"])
    }

    @Test("n and N step through every line with a match, the last screenful too, marking the current one; past the last, they say so")
    func stepEveryMatch() throws {
        var state = try AppFixture.state(width: 120, height: 20, record: try AppFixture.shippedRecord())
        AppFixture.press(&state, "/")
        AppFixture.type(&state, "verification")
        AppFixture.press(&state, "Enter", "Enter")
        #expect(state.focus == .reader)
        let layout = try #require(state.reader?.layout)
        let words = state.highlightWords
        let matching = layout.lines.indices.filter { !Highlighter.ranges(in: layout.lines[$0].plainText, words: words).isEmpty }
        let expected = matching.filter { $0 > 0 }
        #expect(expected.count >= 2)
        var visited: [Int] = []
        for _ in 0..<(expected.count + 1) {
            AppFixture.press(&state, "n")
            if let line = state.reader?.matchLine, visited.last != line { visited.append(line) }
        }
        #expect(visited == expected)
        #expect(state.message == "no more matches below")
        let canvas = Screen.render(state)
        #expect(canvas.cells.contains { $0.style == Palette.currentMatch(monochrome: false) })
        // Without colour the current match is reverse video alone, unlike a selected link or
        // footnote marker (bold, reverse and their underline), which is what Enter follows.
        state.monochrome = true
        #expect(Screen.render(state).cells.contains { $0.style == Palette.currentMatch(monochrome: true) })
        for link in [Palette.link, Palette.footnote, Palette.noteMarker] {
            #expect(link.patched(with: Palette.selectedLink).attributes != Palette.currentMatch(monochrome: true).attributes)
            #expect(link.patched(with: Palette.selectedLink).attributes != Palette.match.attributes)
        }
        AppFixture.press(&state, "N")
        #expect(state.reader?.matchLine == expected.dropLast().last)
    }

    @Test("the filter menu narrows the timeline to a domain, and F clears it")
    func filterByDomain() throws {
        var state = try AppFixture.state()
        AppFixture.press(&state, "f")
        #expect(state.overlay != nil)
        AppFixture.press(&state, "Enter", "j", "Enter")
        #expect(state.overlay == nil)
        #expect(state.filters.domain == .space)
        #expect(state.currentRows.compactMap(\.itemID) == ["ppwt-2008-draft"])
        #expect(state.selectedItemID == "ppwt-2008-draft")
        AppFixture.press(&state, "F")
        #expect(state.filters.isEmpty)
        #expect(state.currentRows.compactMap(\.itemID).count == 4)
        #expect(state.selectedItemID == "ppwt-2008-draft")
        // What was cleared is said, the Notes pane's words too; with nothing to clear, so is that.
        #expect(state.message == "filters cleared (domain: space)")
        state.noteFilter.text = "verification"
        AppFixture.press(&state, "F")
        #expect(state.message == "filters cleared (words: verification)" && state.noteFilter.isEmpty)
        AppFixture.press(&state, "F")
        #expect(state.message == "no filters to clear; f sets them")
    }

    @Test("each pane has its own slot for rows, cursor and staleness, as a dictionary by pane would")
    func perPaneSlots() {
        // Slots are found by the pane's raw value: the panes must number 0, 1, 2… in order.
        #expect(Pane.allCases.map(\.rawValue) == Array(Pane.allCases.indices))
        var stale = PerPane<String?>()
        for pane in Pane.allCases { #expect(!stale[pane].isPresent) }
        stale[.themes] = .some(nil)
        stale[.search] = "ppwt"
        #expect(Pane.allCases.filter { stale[$0].isPresent } == [.themes, .search])
        #expect(stale[.themes] == .some(nil) && stale[.search] == "ppwt")
        stale[.themes] = nil
        #expect(!stale[.themes].isPresent)
    }

    @Test("a pane's rows are worked out when it is first shown, with the filters of that moment, and keep its selection")
    func rowsWhenShown() throws {
        var state = try AppFixture.state()
        // Only the pane on screen (and the empty search) has rows at first.
        #expect(state.rows[.proposals] == nil)
        #expect(state.staleRows[.proposals].isPresent)
        AppFixture.press(&state, "2", "j")
        #expect(state.selectedItemID == "osce-cbms")
        AppFixture.press(&state, "1")
        AppFixture.press(&state, "f", "Enter", "j", "Enter")
        #expect(state.filters.domain == .space)
        // The hidden pane is out of date until shown; then it is filtered, and its
        // selection, filtered out, falls back to the first item.
        #expect(state.rows[.proposals]?.compactMap(\.itemID) == ["ppwt", "osce-cbms"])
        AppFixture.press(&state, "2")
        #expect(state.currentRows.compactMap(\.itemID) == ["ppwt"])
        #expect(state.selectedItemID == "ppwt")
        #expect(state.staleRows[.proposals] == nil)
        AppFixture.press(&state, "F")
        #expect(state.currentRows.compactMap(\.itemID) == ["ppwt", "osce-cbms"])
        #expect(state.selectedItemID == "ppwt")
    }

    @Test("idle lays out the selection's neighbours ahead; the next key shows the same layout a fresh one would")
    func idleLaysOutNeighbours() throws {
        var state = try AppFixture.state()
        #expect(state.hasIdleWork)
        #expect(state.neighboursToLayOut == ["ppwt-2008-draft"])
        state.message = "kept"
        _ = Reducer.reduce(&state, .idle)
        #expect(!state.hasIdleWork)
        #expect(state.message == "kept")
        #expect(state.readerLayouts.contains(itemID: "ppwt-2008-draft", width: state.readerWidth, notesRevision: state.notes.revision))
        AppFixture.press(&state, "j")
        let fresh = try #require(state.record.detail(of: "ppwt-2008-draft", notes: []))
        var freshLayout = ReaderLayout(document: fresh, width: state.readerWidth)
        freshLayout.keepLines(state.readerViewport)
        #expect(state.reader?.layout == freshLayout)
        // Both neighbours now; a change to the notes makes every cached layout stale.
        #expect(state.neighboursToLayOut.count == 1)
        _ = Reducer.reduce(&state, .idle)
        _ = Reducer.reduce(&state, .notesReloaded(NoteCollection(notes: [])))
        #expect(state.neighboursToLayOut.count == 2)
        // The reader in focus, or a narrow screen's list alone, previews nothing.
        AppFixture.press(&state, "Enter")
        #expect(!state.hasIdleWork)
    }

    @Test("a forum filter includes the bodies within it")
    func filterByForum() throws {
        var state = try AppFixture.state()
        AppFixture.press(&state, "f", "j", "Enter")
        guard case .filter(let menu)? = state.overlay else { Issue.record("no filter menu"); return }
        let un = try #require(menu.choices(in: state).firstIndex { $0.value == "un" })
        for _ in 0..<un { AppFixture.press(&state, "j") }
        AppFixture.press(&state, "Enter")
        #expect(state.filters.forum == "un")
        #expect(Set(state.currentRows.compactMap(\.itemID)) == ["russian-resolutions", "ppwt-2008-draft"])
    }

    @Test("? opens the help and Esc or q closes it; q then quits, and Ctrl-C quits from the help")
    func helpAndQuit() throws {
        var state = try AppFixture.state()
        AppFixture.press(&state, "?")
        #expect(state.overlay == .help(scroll: 0))
        AppFixture.press(&state, "Esc")
        #expect(state.overlay == nil)
        AppFixture.press(&state, "?")
        #expect(AppFixture.press(&state, "q").isEmpty)
        #expect(state.overlay == nil)
        #expect(AppFixture.press(&state, "q") == [.quit])
        AppFixture.press(&state, "?")
        #expect(AppFixture.press(&state, "Ctrl-c") == [.quit])
    }

    @Test("a narrow terminal shows the list or the reader, one at a time")
    func narrowLayout() throws {
        var state = try AppFixture.state(width: 60, height: 20)
        #expect(!state.isWide && !state.showsReader)
        AppFixture.press(&state, "Enter")
        #expect(state.showsReader)
        #expect(state.reader?.layout?.width == 60)
        AppFixture.press(&state, "Esc")
        #expect(!state.showsReader)
    }

    @Test("z shows one pane at a time on a wide screen, at full width, and z again both")
    func onePane() throws {
        var state = try AppFixture.state(width: 120, height: 40)
        let splitReaderWidth = state.readerWidth
        AppFixture.press(&state, "z")
        #expect(state.onePane && !state.showsBothPanes && !state.showsReader)
        #expect(state.listWidth == 120)
        #expect(state.message?.contains("Enter opens the reader") == true)
        // Moving through the list leaves the reader alone: nothing to lay out ahead.
        AppFixture.press(&state, "j")
        #expect(!state.hasIdleWork)
        AppFixture.press(&state, "Enter")
        #expect(state.showsReader && state.reader?.layout?.width == 120)
        AppFixture.press(&state, "z")
        #expect(!state.onePane && state.focus == .reader)
        #expect(state.reader?.layout?.width == splitReaderWidth)
        #expect(state.message == nil)
        AppFixture.press(&state, "z", "Esc")
        #expect(state.focus == .list && !state.showsReader)
        // A resize keeps the choice.
        _ = Reducer.reduce(&state, .input(.resize(width: 160, height: 50)))
        #expect(state.onePane && state.listWidth == 160)
        // Started with one pane (`--one-pane`): no reader is laid out for a width it never has.
        var started = AppState(record: state.record, width: 120, height: 40, onePane: true)
        #expect(started.reader?.layout == nil)
        AppFixture.press(&started, "Enter")
        #expect(started.reader?.layout?.width == 120)
    }

    @Test("z says why it does nothing where panes already take turns, or in a comparison")
    func onePaneWhereItCannot() throws {
        var narrow = try AppFixture.state(width: 60, height: 20)
        AppFixture.press(&narrow, "z")
        #expect(!narrow.onePane)
        #expect(narrow.message?.contains("already take turns") == true)
        var comparing = try AppFixture.state()
        AppFixture.press(&comparing, "2", "c")
        #expect(comparing.comparison != nil)
        AppFixture.press(&comparing, "z")
        #expect(!comparing.onePane && comparing.comparison != nil)
        #expect(comparing.message == "Esc closes the comparison")
    }

    @Test("a resize reflows the reader and keeps the selection")
    func resize() throws {
        var state = try AppFixture.state()
        AppFixture.press(&state, "j")
        _ = Reducer.reduce(&state, .input(.resize(width: 160, height: 50)))
        #expect(state.reader?.layout?.width == state.readerWidth)
        #expect(state.selectedItemID == "ppwt-2008-draft")
        _ = Reducer.reduce(&state, .input(.resize(width: 20, height: 5)))
        #expect(state.isTooSmall)
        _ = Reducer.reduce(&state, .input(.resize(width: 120, height: 40)))
        #expect(state.selectedItemID == "ppwt-2008-draft")
    }

    @Test("a resize keeps the reader's place: a selected link stays on screen, else the part read stays at the top")
    func resizeKeepsReaderPlace() throws {
        var state = try AppFixture.state(width: 120, height: 20, record: AppFixture.shippedRecord())
        AppFixture.press(&state, "2", "Enter")
        #expect(state.reader?.itemID == "ppwt")
        func selectedLinkShows(_ state: AppState) -> Bool {
            guard let reader = state.reader, let layout = reader.layout, let link = reader.selectedLink else { return false }
            return Reducer.isVisible(layout.links[link], scroll: reader.scroll, viewport: state.readerViewport)
        }
        // A link well down the item, then screens wider, narrower and shorter: Enter must
        // still act on a link the user can see, and it is the same link.
        while (state.reader?.scroll ?? 0) < 25 { AppFixture.press(&state, "Tab") }
        let target = try #require(state.reader.flatMap { reader in reader.selectedLink.map { reader.layout?.links[$0].target } })
        for (width, height) in [(200, 20), (70, 20), (120, 40), (120, 12), (44, 10), (120, 20)] {
            _ = Reducer.reduce(&state, .input(.resize(width: width, height: height)))
            let shows = selectedLinkShows(state)
            #expect(shows, "at \(width)×\(height)")
            #expect(state.reader.flatMap { reader in reader.selectedLink.map { reader.layout?.links[$0].target } } == target)
        }
        // No link selected: the part of the item at the top stays there.
        AppFixture.press(&state, "Esc", "Enter")
        #expect(state.reader?.selectedLink == nil)
        for _ in 0..<80 where state.reader?.layout?.noteTarget(atLine: state.reader?.scroll ?? 0).version != "2008-draft" {
            AppFixture.press(&state, "j")
        }
        AppFixture.press(&state, "j")
        let top = try #require(state.reader?.layout?.noteTarget(atLine: state.reader?.scroll ?? 0))
        #expect(top.version == "2008-draft")
        for (width, height) in [(200, 20), (70, 20), (120, 20)] {
            _ = Reducer.reduce(&state, .input(.resize(width: width, height: height)))
            #expect(state.reader?.layout?.noteTarget(atLine: state.reader?.scroll ?? 0) == top, "at \(width)×\(height)")
        }
    }

    @Test("a click selects a row, a second click opens it, the wheel scrolls")
    func mouse() throws {
        var state = try AppFixture.state()
        // Row 1 is the 1998 heading, row 2 the first event, row 3 the 2008 heading, row 4 the PPWT draft.
        AppFixture.click(&state, x: 5, y: 4)
        #expect(state.selectedItemID == "ppwt-2008-draft")
        #expect(state.focus == .list)
        AppFixture.click(&state, x: 5, y: 4)
        #expect(state.focus == .reader)
        _ = Reducer.reduce(&state, .input(.mouse(MouseEvent(x: 5, y: 4, kind: .wheelDown))))
        #expect(state.selectedItemID == "global-cyber-treaty-call")
        // The wheel over the list, the reader focused, gives the list the keyboard as a click
        // does, and the reader follows the selection: `a` annotates what is shown.
        #expect(state.focus == .list)
        #expect(state.reader?.itemID == "global-cyber-treaty-call")
    }

    @Test("clicking a tab switches to its pane")
    func clickTab() throws {
        var state = try AppFixture.state()
        let columns = TabBar.tabs(for: state, width: 120).titleColumns()
        AppFixture.click(&state, x: columns[1].lowerBound + 1, y: 0)
        #expect(state.pane == .proposals)
    }

    @Test("the record's title shows where it can say something, and not as a stub")
    func recordTitle() throws {
        func bar(_ width: Int) throws -> String {
            let canvas = Screen.render(try AppFixture.state(width: width, height: 20))
            return String(canvas.snapshot().split(separator: "\n", omittingEmptySubsequences: false)[0])
        }
        #expect(try bar(120).contains("travaux test fixture"))
        // 80 columns leave 11 beside the tabs: "travaux te…" would name nothing.
        #expect(try !bar(80).contains("travaux"))
    }

    @Test("on a narrow terminal every tab still shows, and a click on its number switches to it",
          arguments: [(60, false), (60, true), (45, true), (40, true)])
    func narrowTabs(width: Int, searching: Bool) throws {
        var state = try AppFixture.state(width: width, height: 20)
        if searching { AppFixture.press(&state, "/"); AppFixture.type(&state, "treaty"); AppFixture.press(&state, "Enter") }
        let tabs = TabBar.tabs(for: state, width: width)
        #expect(tabs.width <= width)
        let canvas = Screen.render(state)
        let bar = canvas.snapshot().split(separator: "\n", omittingEmptySubsequences: false)[0]
        for number in ["1", "2", "3", "4", "5"] + (searching ? ["/"] : []) {
            #expect(bar.contains(number), "tab \(number) is missing from \(bar)")
        }
        // The selected tab keeps its name while anything of it fits.
        let selectedTitle = searching ? "Search" : "Timeline"
        #expect(bar.contains(selectedTitle), "\(bar)")
        // A tab's name goes before the record's title does.
        if !bar.contains("Proposals") { #expect(!bar.contains("travaux"), "\(bar)") }
        AppFixture.press(&state, "Esc")
        let columns = TabBar.tabs(for: state, width: width).titleColumns()
        AppFixture.click(&state, x: columns[2].lowerBound + 1, y: 0)
        #expect(state.pane == .sources)
    }

    @Test("a termination signal quits")
    func terminate() throws {
        var state = try AppFixture.state()
        #expect(Reducer.reduce(&state, .input(.terminate(.hangup))) == [.quit])
    }
}

@Suite("The keymap")
struct KeymapTests {
    @Test("every command has at least one key")
    func everyCommandBound() {
        let bound = Set(Keymap.standard.bindings.map(\.command))
        #expect(bound == Set(Command.allCases))
    }

    @Test("no key means two things in one context")
    func noConflicts() {
        for context in KeyContext.allCases {
            let keys = Keymap.standard.bindings.filter { $0.context == context }.flatMap(\.keys)
            #expect(keys.count == Set(keys).count, "a key is bound twice in \(context)")
        }
    }

    @Test("a context's own binding wins over the global one")
    func contextWins() {
        #expect(Keymap.standard.command(for: .tab, in: .list) == .nextPane)
        #expect(Keymap.standard.command(for: .tab, in: .reader) == .nextLink)
        #expect(Keymap.standard.command(for: .character("j"), in: .reader) == .moveDown)
    }

    @Test("a key's command is the first binding that has it in the most specific layer, after a change too")
    func commandLookupFollowsLayers() {
        func searched(_ keymap: Keymap, _ key: KeyEvent, _ context: KeyContext) -> Command? {
            for layer in context.layers {
                if let binding = keymap.bindings.first(where: { $0.context == layer && $0.keys.contains(key) }) { return binding.command }
            }
            return nil
        }
        #expect(KeyContext.allCases.enumerated().allSatisfy { $0.element.position == $0.offset })
        var keymap = Keymap.standard
        let keys = Set(keymap.bindings.flatMap(\.keys)).union([.character("Z"), .character("é"), .character("e\u{301}"), .character("\r\n"),
                                                                         .character("\u{7F}"), .control("z"), .alt("j")])
        for context in KeyContext.allCases {
            for key in keys { #expect(keymap.command(for: key, in: context) == searched(keymap, key, context), "\(key) in \(context)") }
        }
        // Rebinding j in the list to the reader's next link: the list's own binding now wins.
        keymap.bindings.insert(KeyBinding(command: .nextLink, keys: [.character("j")], context: .list, label: "", help: "", hint: false), at: 0)
        #expect(keymap.command(for: .character("j"), in: .list) == .nextLink)
        #expect(keymap.command(for: .character("j"), in: .notes) == .nextLink)
        for context in KeyContext.allCases {
            for key in keys { #expect(keymap.command(for: key, in: context) == searched(keymap, key, context), "\(key) in \(context)") }
        }
    }

    @Test("the help overlay lists every binding")
    func helpListsAll() {
        let text = HelpOverlay.lines(.standard).map(\.plainText).joined(separator: "\n")
        for binding in Keymap.standard.bindings {
            #expect(text.contains(binding.help))
            #expect(text.contains(binding.keyNames))
        }
    }

    @Test("the status hints come from the keymap")
    func hintsFromKeymap() throws {
        var state = try AppFixture.state()
        AppFixture.press(&state, "2")  // a proposal with two versions: `c` applies
        let hints = StatusLine.hints(state)
        for binding in Keymap.standard.hints(in: .list) { #expect(hints.contains(binding.label)) }
    }

    @Test("a list with nothing in it does not offer the keys that act on a selection")
    func hintsOfEmptyList() throws {
        var state = try AppFixture.state()
        AppFixture.press(&state, "5")
        #expect(state.currentRows.allSatisfy { $0.itemID == nil }, "no notes yet")
        let notes = StatusLine.hints(state)
        #expect(notes == "/ filter notes  Esc back  f filter  ? help  q quit ", "\(notes)")
        // A filter that keeps nothing, and then one that keeps something again.
        AppFixture.press(&state, "1")
        Reducer.applyFilters(&state, RecordFilter(domain: .general))
        let emptied = StatusLine.hints(state)
        #expect(state.currentRows.allSatisfy { $0.itemID == nil } && !emptied.contains("Enter open") && !emptied.contains("annotate"), "\(emptied)")
        AppFixture.press(&state, "F")
        #expect(StatusLine.hints(state).hasPrefix("Enter open  Esc back  a annotate"))
    }

    @Test("the hints follow a change to the keymap, and cut where the room ends, whole, keeping ? help")
    func hintsFollowKeymap() throws {
        var state = try AppFixture.state()
        let full = StatusLine.hints(state)
        #expect(full == "Enter open  Esc back  a annotate  / search  f filter  ? help  q quit ")
        for room in [0, 5, 20, 40, 80] {
            let cut = StatusLine.hints(state, fitting: room)
            #expect(DisplayWidth.of(cut) <= room)
            // A beginning of the full line, ending at a whole hint, then `? help` when there is room for it.
            let kept = cut.hasSuffix("? help ") && !full.hasPrefix(cut) ? String(cut.dropLast(" ? help ".count)) : cut
            #expect(full.hasPrefix(kept.dropLast()))
            if !kept.isEmpty { #expect(full.dropFirst(kept.count - 1).hasPrefix("  ") || kept == full) }
            if room >= 8 { #expect(cut.contains("? help"), "\(room): \(cut)") }
        }
        #expect(StatusLine.hints(state, fitting: 41) == "Enter open  Esc back  a annotate  ? help ")
        // On a proposal (`c compare` among the list's keys) too, at any room that holds it.
        AppFixture.press(&state, "2")
        for room in 8...60 { #expect(StatusLine.hints(state, fitting: room).contains("? help"), "\(room)") }
        let search = try #require(state.keymap.bindings.firstIndex { $0.command == .search })
        state.keymap.bindings[search].label = "look up"
        #expect(state.keymap.hints(in: .list).contains { $0.label == "look up" })
        #expect(StatusLine.hints(state).contains("look up"))
        #expect(!StatusLine.hints(state).contains(" search"))
    }
}

@Suite("Crossing a list by its groups")
struct GroupJumpTests {
    @Test("} goes to the first item of the next group, { to the first of the selection's own and then of the one before, heading in sight; at either end they say so")
    func yearsOfTheTimeline() throws {
        var state = try AppFixture.state(width: 120, height: 20, record: try AppFixture.shippedRecord())
        let rows = state.currentRows
        let headings = rows.indices.filter { rows[$0].isHeading }
        #expect(headings.count > 10)
        func heading(of row: Int) -> PaneRow? { headings.last { $0 < row }.map { rows[$0] } }
        // Down through every year, each time on its first event.
        for (number, expected) in headings.dropFirst().enumerated() {
            AppFixture.press(&state, "}")
            let selected = try #require(state.currentCursor.selected)
            #expect(selected == expected + 1, "jump \(number + 1)")
            #expect(state.currentCursor.offset <= expected, "the year's heading is in sight")
            #expect(state.reader?.itemID == rows[selected].itemID)
        }
        AppFixture.press(&state, "}")
        #expect(state.message == "no group after this one")
        // From inside a group, { goes to its first item, then to the group before's.
        AppFixture.press(&state, "G")
        let last = try #require(state.currentCursor.selected)
        AppFixture.press(&state, "{")
        let start = try #require(state.currentCursor.selected)
        #expect(heading(of: start) == heading(of: last) && rows[start - 1].isHeading && start < last)
        AppFixture.press(&state, "{")
        let before = try #require(state.currentCursor.selected)
        #expect(heading(of: before) != heading(of: last))
        #expect(rows[before - 1].isHeading)
        AppFixture.press(&state, "g", "{")
        #expect(state.message == "no group before this one" && state.currentCursor.selected == headings[0] + 1)
    }
}
