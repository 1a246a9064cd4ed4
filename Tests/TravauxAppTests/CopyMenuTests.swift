import Testing
import TravauxCore
@testable import TravauxTUI

@Suite("y: copying from the selection")
struct CopyMenuTests {
    static func menu(_ state: AppState) -> CopyMenu? {
        if case .copy(let menu)? = state.overlay { return menu }
        return nil
    }

    @Test("y on a footnote lists its citation first; a row's number copies it and closes the menu")
    func footnote() throws {
        var state = try AppFixture.state()
        AppFixture.press(&state, "3")
        let id = try #require(state.selectedItemID)
        AppFixture.press(&state, "y")
        let menu = try #require(Self.menu(state))
        #expect(menu.choices == state.record.copyChoices(for: NoteTarget(item: id)))
        #expect(menu.choices.first?.label == "Citation")
        let effects = AppFixture.press(&state, "1")
        #expect(effects == [.copyToClipboard(text: try #require(menu.choices.first?.text), label: "Citation")])
        #expect(state.overlay == nil)
    }

    @Test("the list's keys move in the menu, Enter copies the row selected, Esc and y close it unchanged")
    func keys() throws {
        var state = try AppFixture.state()
        AppFixture.press(&state, "3", "y", "j", "j")
        let menu = try #require(Self.menu(state))
        #expect(menu.selected == 2)
        #expect(AppFixture.press(&state, "Enter") == [.copyToClipboard(text: menu.choices[2].text, label: menu.choices[2].label)])
        for close in ["Esc", "y", "q"] {
            AppFixture.press(&state, "y")
            #expect(Self.menu(state) != nil)
            #expect(AppFixture.press(&state, close).isEmpty, "\(close)")
            #expect(state.overlay == nil && state.pane == .sources, "\(close)")
        }
        // A number past the rows is not a row: nothing is copied, the menu stays.
        AppFixture.press(&state, "y")
        #expect(AppFixture.press(&state, "9").isEmpty)
        #expect(Self.menu(state) != nil)
        #expect(AppFixture.press(&state, "Ctrl-c") == [.quit])
    }

    @Test("in the reader: a selected footnote marker offers that footnote; else the part of the item in view")
    func reader() throws {
        var state = try AppFixture.state()
        AppFixture.press(&state, "2", "Enter")
        #expect(state.reader?.itemID == "ppwt")
        AppFixture.press(&state, "y")
        #expect(Self.menu(state)?.choices.first?.label == "Title")
        AppFixture.press(&state, "Esc")
        let layout = try #require(state.reader?.layout)
        let footnote = try #require(layout.links.firstIndex { $0.target == "chapter-fn-1" })
        for _ in 0...footnote { AppFixture.press(&state, "Tab") }
        AppFixture.press(&state, "y")
        let menu = try #require(Self.menu(state))
        #expect(menu.source == "Treaty on the Prevention of the Placement of Weapons in Outer Space")
        #expect(menu.choices.first?.label == "Footnote [Meyer 1]")
        // The marker after the quoted text: its citation, then the quote, as `a` would annotate it.
        AppFixture.press(&state, "Esc")
        let quoteLine = try #require(layout.anchors.first { $0.target.quote == "q-no-weapons" }?.line)
        let quoteMarker = try #require(layout.links.firstIndex { $0.target == "chapter-fn-1" && ($0.segments.first?.line ?? 0) >= quoteLine })
        while state.reader?.selectedLink != quoteMarker { AppFixture.press(&state, "Tab") }
        AppFixture.press(&state, "y")
        #expect(Self.menu(state)?.choices.prefix(2) == [
            CopyChoice("Footnote [Meyer 1]", "'Draft Treaty on the Prevention of the Placement of Weapons in Outer Space', CD/1985 (Conference on Disarmament, 12 June 2014)."),
            CopyChoice("Quoted text", "not to place in orbit around the Earth any objects carrying any kinds of weapons")])
        // A link to another item: that item's own rows.
        AppFixture.press(&state, "Esc")
        let related = try #require(layout.links.firstIndex { $0.target == "osce-cbms" })
        while state.reader?.selectedLink != related { AppFixture.press(&state, "Tab") }
        AppFixture.press(&state, "y")
        #expect(Self.menu(state)?.source == "OSCE confidence-building measures for ICTs")
        #expect(Self.menu(state)?.choices.last == CopyChoice("Id", "osce-cbms"))
    }

    @Test("in the Notes pane the note's text comes first; with nothing selected y says what to select")
    func notesPane() throws {
        var state = try AppFixture.state()
        AppFixture.press(&state, "5", "y")
        #expect(state.overlay == nil)
        #expect(state.message == "select an item or a note to copy from")
        let note = FrameReuseTests.note("CP", on: "ppwt", body: "Ask about verification.\nAnd the 2014 text.")
        _ = Reducer.reduce(&state, .notesReloaded(NoteCollection(notes: [note])))
        AppFixture.press(&state, "y")
        let menu = try #require(Self.menu(state))
        #expect(menu.source == "your note")
        #expect(menu.choices.prefix(2) == [CopyChoice("Note text", note.body), CopyChoice("Note id", note.id)])
    }

    @Test("the status line names the keys of what has the keyboard: a menu, the help, a ✎ marker")
    func hints() throws {
        var state = try AppFixture.state()
        func status() -> String { Screen.render(state).snapshot().split(separator: "\n").last.map(String.init) ?? "" }
        AppFixture.press(&state, "f")
        #expect(status().hasSuffix("Enter choose  Esc close"))
        AppFixture.press(&state, "Enter")
        #expect(status().hasSuffix("Enter choose  / narrow  Esc back"))
        AppFixture.press(&state, "/")
        #expect(status().hasSuffix("↑ ↓ move  Enter choose  Esc all"))
        AppFixture.press(&state, "Esc", "Esc", "Esc", "?")
        #expect(status().hasSuffix("j k scroll  Esc close"))
        AppFixture.press(&state, "Esc")
        #expect(status().contains("Enter open"))
        let note = FrameReuseTests.note("MK", on: "ppwt", body: "A marker.")
        _ = Reducer.reduce(&state, .notesReloaded(NoteCollection(notes: [note])))
        AppFixture.press(&state, "2", "Enter")
        #expect(status().contains("Enter follow"))
        let layout = try #require(state.reader?.layout)
        let marker = try #require(layout.links.firstIndex { $0.target == note.id })
        while state.reader?.selectedLink != marker { AppFixture.press(&state, "Tab") }
        #expect(status().contains("Enter edit") && !status().contains("Enter follow"), "\(status())")
    }

    @Test("the report of where the text went is the message")
    func report() throws {
        var state = try AppFixture.state()
        _ = Reducer.reduce(&state, .copied(ClipboardReport(label: "Citation", characters: 12, delivered: [.tmux], failures: [])))
        #expect(state.message == "Citation (12 characters) copied to tmux's paste buffer")
    }

    @Test("the menu as drawn: numbers, labels in a column, each text's opening on one line")
    func snapshots() throws {
        for (width, height) in ScreenTests.sizes {
            var state = try AppFixture.state(width: width, height: height)
            AppFixture.press(&state, "3", "y", "j")
            let (ok, message) = try Snapshot.matches(Screen.render(state), named: "copy-\(width)x\(height)")
            #expect(ok, "\(message)")
        }
    }
}

@Suite("The copy menu's rows")
struct CopyMenuRowTests {
    @Test("two texts that agree past what a row shows (a citation and its Markdown) are each shown from where they part")
    func partedTexts() {
        let comment = "See notably the resolution which is annually adopted by the UN General Assembly with near universal support: "
        let menu = CopyMenu(source: "PAROS", choices: [
            CopyChoice("Citation", comment + "United Nations, General Assembly resolution 69/31, Prevention of an Arms Race in Outer Space, A/RES/69/31."),
            CopyChoice("Citation, Markdown", comment + "United Nations, General Assembly resolution 69/31, *Prevention of an Arms Race in Outer Space*, A/RES/69/31."),
            CopyChoice("Symbol", "A/RES/69/31"),
        ])
        let rows = CopyOverlay.labels(menu, width: 80).map { truncate($0, toWidth: 80) }
        #expect(rows[0] == "1 Citation            …Assembly resolution 69/31, Prevention of an Arms Race in…")
        #expect(rows[1] == "2 Citation, Markdown  …Assembly resolution 69/31, *Prevention of an Arms Race i…")
        #expect(rows[2] == "3 Symbol              A/RES/69/31", "a text unlike the others starts at its start")
        // Where the row shows where they part, or is not given, each starts at its start.
        #expect(CopyOverlay.labels(menu).allSatisfy { !$0.contains("…") })
        #expect(CopyOverlay.labels(menu, width: 400).allSatisfy { !$0.contains("…") })
    }
}
