import Testing
import TravauxCore
@testable import TravauxTUI

@Suite("Search finds the user's notes too")
struct SearchNotesTests {
    /// Three notes on two items, saved one second apart: "zanzibar" is in two bodies and a tag.
    func stateWithNotes() throws -> (StoreLoop, AppState, [Note]) {
        let loop = try StoreLoop()
        var state = try AppFixture.state()
        var saved: [Note] = []
        for (item, body, tags) in [("ppwt", "Zanzibar clause missing", ["verification"]),
                                   ("osce-cbms", "nothing about islands", ["zanzibar-tag"]),
                                   ("ppwt", "a second zanzibar remark", [String]())] {
            saved.append(try loop.store.save(loop.store.makeNote(target: NoteTarget(item: item), body: body, tags: tags, author: "a"),
                                             base: nil).saved)
        }
        try loop.run([.refreshNotes], &state)
        return (loop, state, saved)
    }

    @Test("an item with notes is marked ✎ among the search results, as in every list")
    func notedHitsMarked() throws {
        var (_, state, _) = try stateWithNotes()
        AppFixture.press(&state, "/")
        AppFixture.type(&state, "ppwt")
        let rows = state.currentRows
        let hit = try #require(rows.firstIndex(of: .item("ppwt")))
        #expect(ListPaneView.label(for: rows[hit], state: state, width: 60).plainText.hasPrefix("✎"))
        let unnoted = try #require(rows.firstIndex { if case .item(let id) = $0 { id != "ppwt" && !state.notes.hasNotes(on: id) } else { false } })
        #expect(ListPaneView.label(for: rows[unnoted], state: state, width: 60).plainText.hasPrefix(" "))
    }

    @Test("the notes holding the words follow the record's hits, newest first under their day, counted in the status")
    func notesAfterHits() throws {
        var (_, state, saved) = try stateWithNotes()
        AppFixture.press(&state, "/")
        AppFixture.type(&state, "zanzi")
        let rows = state.currentRows
        #expect(state.pane == .search)
        #expect(state.search?.hits.isEmpty == true)
        #expect(rows.compactMap(\.noteID) == [saved[2].id, saved[1].id, saved[0].id])
        #expect(rows.first == .heading("Your notes · " + saved[2].updated.day))
        #expect(state.search?.noteCount == 3)
        let screen = Screen.render(state).snapshot()
        #expect(screen.contains("/zanzi (0, 3 notes)"))
        #expect(screen.contains("✎"))

        // The quotes of a phrase are the record search's; the notes still see the words.
        AppFixture.press(&state, "Ctrl-u")
        AppFixture.type(&state, "\"second zanzibar\"")
        #expect(state.currentRows.compactMap(\.noteID) == [saved[2].id])
        // A tag typed as one asks the notes for a tag, as in the Notes filter.
        AppFixture.press(&state, "Ctrl-u")
        AppFixture.type(&state, "#zanz")
        #expect(state.currentRows.compactMap(\.noteID) == [saved[1].id])
    }

    @Test("a note among the results shows in its item in the reader; Enter keeps results that are only notes")
    func noteResultInReader() throws {
        var (_, state, saved) = try stateWithNotes()
        AppFixture.press(&state, "/")
        AppFixture.type(&state, "islands")
        #expect(state.selectedItemID == "osce-cbms")
        #expect(state.reader?.itemID == "osce-cbms")
        let layout = try #require(state.reader?.layout)
        let marker = try #require(layout.links.firstIndex { $0.target == saved[1].id })
        #expect(state.reader?.selectedLink == marker)
        AppFixture.press(&state, "Enter")
        #expect(state.message == nil)
        #expect(state.search?.editing == false && state.focus == .list)
        AppFixture.press(&state, "Enter")
        #expect(state.focus == .reader && state.reader?.itemID == "osce-cbms")
        // Enter on the marker the reader opened with edits that note.
        AppFixture.press(&state, "Enter")
        #expect(state.editor?.base?.id == saved[1].id)
    }

    @Test("on a narrow screen, Enter on a note's row opens its item at the note, from the Notes pane and from the search")
    func narrowOpensAtTheNote() throws {
        let loop = try StoreLoop()
        var state = try AppFixture.state(width: 60, height: 20)
        let saved = try loop.store.save(loop.store.makeNote(target: NoteTarget(item: "ppwt"), body: "zanzibar at the end", author: "a"),
                                        base: nil).saved
        try loop.run([.refreshNotes], &state)
        func expectAtTheNote(_ step: String) throws {
            #expect(state.focus == .reader && !state.showsBothPanes, "\(step)")
            let reader = try #require(state.reader)
            let layout = try #require(reader.layout)
            let marker = try #require(layout.links.firstIndex { $0.target == saved.id })
            #expect(reader.selectedLink == marker, "\(step)")
            let line = try #require(layout.links[marker].segments.first?.line)
            #expect(reader.scroll > 0 && (reader.scroll..<reader.scroll + state.readerViewport).contains(line), "\(step)")
        }
        try loop.press(&state, "5", "Enter")
        try expectAtTheNote("Notes pane")
        try loop.press(&state, "Esc", "/")
        AppFixture.type(&state, "zanzibar")
        try loop.press(&state, "Enter", "Enter")
        try expectAtTheNote("search")
    }

    @Test("a note opened from the Notes pane starts the reader: under the heading for the first, at its marker for a later one, never below another note's last line")
    func openedAtItsMarker() throws {
        let loop = try StoreLoop()
        var state = try AppFixture.state(width: 80, height: 24, record: try AppFixture.shippedRecord())
        var saved: [Note] = []
        for body in ["Russia: the first note\nends on this line", "UK: the second note"] {
            saved.append(try loop.store.save(loop.store.makeNote(target: NoteTarget(item: "ppwt"), body: body, author: "a"), base: nil).saved)
        }
        try loop.run([.refreshNotes], &state)
        for (note, above) in [(saved[0], "Your notes"), (saved[1], nil)] {
            try loop.press(&state, "5")
            let row = try #require(state.currentRows.firstIndex { $0.noteID == note.id })
            var cursor = state.currentCursor
            cursor.selected = row
            state.cursors[.notes] = cursor
            try loop.press(&state, "Enter")
            let reader = try #require(state.reader)
            let layout = try #require(reader.layout)
            let marker = try #require(layout.links.firstIndex { $0.target == note.id })
            let line = try #require(layout.links[marker].segments.first?.line)
            if let above {
                #expect(reader.scroll == line - 1 && layout.lines[line - 1].plainText.contains(above))
            } else {
                #expect(reader.scroll == line)
            }
            try loop.press(&state, "Esc")
        }
    }

    @Test("the note stays in view as the reader changes width: z both ways and a resize")
    func noteKeptInViewAcrossWidths() throws {
        let loop = try StoreLoop()
        var state = try AppFixture.state(width: 100, height: 30, record: try AppFixture.shippedRecord())
        try loop.press(&state, "2", "a")
        AppFixture.type(&state, "zanzibar across widths")
        try loop.press(&state, "Ctrl-s")
        let id = try #require(state.notes.all.first?.id)
        func expectAtTheNote(_ step: String) throws {
            let reader = try #require(state.reader)
            let layout = try #require(reader.layout)
            #expect(layout.width == state.readerWidth, "\(step)")
            let marker = try #require(layout.links.firstIndex { $0.target == id })
            #expect(reader.selectedLink == marker, "\(step)")
            let line = try #require(layout.links[marker].segments.first?.line)
            #expect((reader.scroll..<reader.scroll + state.readerViewport).contains(line), "\(step)")
        }
        try loop.press(&state, "z", "5", "Enter")
        try expectAtTheNote("one pane, opened")
        try loop.press(&state, "Esc", "z")
        try expectAtTheNote("both panes again")
        _ = Reducer.reduce(&state, .input(.resize(width: 120, height: 30)))
        try expectAtTheNote("resized")
    }

    @Test("a note edited out of the results: the selection moves to the next, and the reader with it, so e and d act on the note shown")
    func editedOutOfTheResults() throws {
        var (loop, state, saved) = try stateWithNotes()
        AppFixture.press(&state, "/")
        AppFixture.type(&state, "zanzibar")
        AppFixture.press(&state, "Enter")
        // The second note, on the OSCE (found by its tag), then edited to no longer match.
        let row = try #require(state.currentRows.firstIndex { $0.noteID == saved[1].id })
        var cursor = state.currentCursor
        cursor.selected = row
        state.cursors[.search] = cursor
        state.syncReader()
        #expect(state.reader?.itemID == "osce-cbms")
        // Its tag, which the search found, taken off.
        try loop.run(AppFixture.press(&state, "t"), &state)
        AppFixture.press(&state, "Ctrl-u")
        try loop.run(AppFixture.press(&state, "Ctrl-s"), &state)
        #expect(!state.currentRows.contains { $0.noteID == saved[1].id })
        let selected = try #require(state.selectedNote)
        #expect(selected.id != saved[1].id)
        #expect(state.reader?.itemID == selected.target.item)
        #expect(state.reader?.layout?.links.firstIndex { $0.target == selected.id } == state.reader?.selectedLink)
    }

    @Test("a note saved while the results show joins them; without notes the results are the record's alone")
    func resultsFollowTheStore() throws {
        var (loop, state, _) = try stateWithNotes()
        AppFixture.press(&state, "/")
        AppFixture.type(&state, "zanzibar")
        AppFixture.press(&state, "Enter")
        #expect(state.search?.noteCount == 3)
        let added = try loop.store.save(loop.store.makeNote(target: NoteTarget(item: "ppwt"), body: "zanzibar again", author: "a"), base: nil)
        try loop.run([.refreshNotes], &state)
        #expect(state.currentRows.compactMap(\.noteID).first == added.saved.id)
        #expect(state.search?.noteCount == 4)

        var bare = try AppFixture.state()
        AppFixture.press(&bare, "/")
        AppFixture.type(&bare, "osce")
        #expect(bare.currentRows.allSatisfy { $0.noteID == nil && !$0.isHeading })
        #expect(Screen.render(bare).snapshot().contains("/osce (\(bare.search?.hits.count ?? -1))"))
        AppFixture.press(&bare, "Ctrl-u")
        AppFixture.type(&bare, "zanzibar")
        AppFixture.press(&bare, "Enter")
        #expect(bare.message == "nothing matches 'zanzibar'")
    }
}

extension SearchNotesTests {
    @Test("off the search's tab, its note count follows the notes saved, deleted and read from the store")
    func countOffItsTab() throws {
        var (loop, state, saved) = try stateWithNotes()
        AppFixture.press(&state, "/")
        AppFixture.type(&state, "zanzibar")
        AppFixture.press(&state, "Enter", "2")
        #expect(state.pane == .proposals && state.search?.noteCount == 3)
        try loop.press(&state, "a")
        AppFixture.type(&state, "zanzibar mention in the debate")
        try loop.press(&state, "Ctrl-s")
        #expect(state.pane == .proposals && state.editor == nil)
        #expect(state.search?.noteCount == 4)
        #expect(Screen.render(state).snapshot().contains("/zanzibar (0, 4 notes)"))
        // A note another window saved, read with the store.
        try loop.save(loop.store.makeNote(target: NoteTarget(item: "ppwt"), body: "zanzibar again", author: "b"), &state)
        #expect(state.search?.noteCount == 5)
        // A note deleted, and one saved that does not hold the word.
        try loop.run([.deleteNote(saved[0])], &state)
        try loop.press(&state, "a")
        AppFixture.type(&state, "about something else")
        try loop.press(&state, "Ctrl-s")
        #expect(state.search?.noteCount == 4)
        // Its own tab lists as many.
        for _ in 0..<Pane.allCases.count where state.pane != .search { AppFixture.press(&state, "Shift-Tab") }
        #expect(state.pane == .search && state.currentRows.count { $0.noteID != nil } == 4 && state.search?.noteCount == 4)
    }
}

@Suite("Searching before the index is built")
struct SearchWhileIndexingTests {
    @Test("a query typed before the index is ready says so, and the results replace that word when it comes")
    func indexingMessageGoes() throws {
        let record = try AppFixture.record()
        var state = AppState(record: record, width: 120, height: 40)
        AppFixture.press(&state, "/")
        AppFixture.type(&state, "osce")
        #expect(state.message == "indexing…")
        _ = Reducer.reduce(&state, .tick(now: NoteTime(millisecondsSince1970: 0)))
        #expect(state.message == "indexing…")
        _ = Reducer.reduce(&state, .searchIndexReady(SearchIndex(record: record)))
        #expect(state.message == nil)
        #expect(state.search?.hits.isEmpty == false)
    }

    @Test("a query typed before the index and the notes are ready lists the notes once both are, in either order")
    func notesAndIndexLate() throws {
        let loop = try StoreLoop()
        let record = try AppFixture.record()
        for body in ["zanzibar one", "zanzibar two"] {
            try loop.store.save(loop.store.makeNote(target: NoteTarget(item: "ppwt"), body: body, author: "a"), base: nil)
        }
        let notes = try loop.store.load()
        for notesFirst in [true, false] {
            var state = AppState(record: record, width: 120, height: 40)
            state.notesLoading = true
            AppFixture.press(&state, "/")
            AppFixture.type(&state, "zanz")
            let index = Action.searchIndexReady(SearchIndex(record: record))
            _ = Reducer.reduce(&state, notesFirst ? .notesReloaded(notes) : index)
            if !notesFirst { #expect(Screen.render(state).snapshot().contains("/zanz (0, reading the notes…)")) }
            _ = Reducer.reduce(&state, notesFirst ? index : .notesReloaded(notes))
            #expect(state.pane == .search)
            #expect(state.currentRows.compactMap(\.noteID).count == 2, "notes first: \(notesFirst)")
            #expect(state.search?.noteCount == 2, "notes first: \(notesFirst)")
        }
    }
}
