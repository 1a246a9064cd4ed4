import Testing
import TravauxCore
@testable import TravauxTUI

@Suite("The place kept between starts")
struct LastPlaceTests {
    static func note(_ suffix: String, on item: String) -> Note {
        Note(id: "01M7ZRGDZTQY8XKGSREPC0PR" + suffix, target: NoteTarget(item: item), body: "note " + suffix,
             author: "ana", created: NoteTime(millisecondsSince1970: 1_795_288_316_654))
    }

    /// A new window on the same record, given the place the other was left at.
    func reopened(_ place: LastPlace, record: Record, width: Int = 120, height: Int = 40) throws -> AppState {
        var state = try AppFixture.state(width: width, height: height, record: record)
        state.restore(place)
        return state
    }

    @Test("the pane, each pane's selection and the reader with the keyboard come back, at the line it was read at")
    func paneSelectionAndReader() throws {
        let record = try AppFixture.shippedRecord()
        var state = try AppFixture.state(record: record)
        AppFixture.press(&state, "j", "j", "j", "2", "j", "Enter", "Ctrl-d")
        let left = try #require(state.reader)
        #expect(state.focus == .reader && left.scroll > 0)
        let place = state.lastPlace
        #expect(place.pane == "proposals")
        #expect(place.items["timeline"] == state.rows[.timeline]?[state.cursors[.timeline]?.selected ?? 0].itemID)

        let again = try reopened(place, record: record)
        #expect(again.pane == .proposals && again.focus == .reader)
        #expect(again.selectedItemID == state.selectedItemID)
        #expect(again.reader?.itemID == left.itemID && again.reader?.scroll == left.scroll)
        #expect(again.reader?.layout != nil)
        #expect(Screen.render(again).snapshot() == Screen.render(state).snapshot())
        // Esc leaves the reader for the list, as after opening it by hand.
        var back = again
        AppFixture.press(&back, "Escape")
        #expect(back.focus == .list && back.pane == .proposals)
        // The Timeline's selection was kept too, while its rows were made only when shown.
        AppFixture.press(&back, "1")
        #expect(back.selectedItemID == place.items["timeline"])
    }

    @Test("an open comparison comes back with the versions chosen; Esc then goes to the list")
    func comparison() throws {
        let record = try AppFixture.shippedRecord()
        var state = try AppFixture.state(record: record)
        AppFixture.press(&state, "2", "c", "]")
        let compared = try #require(state.comparison)
        let again = try reopened(state.lastPlace, record: record)
        #expect(again.comparison?.proposalID == compared.proposalID)
        #expect(again.comparison?.fromID == compared.fromID && again.comparison?.toID == compared.toID)
        #expect(again.comparison?.layout != nil)
        #expect(Screen.render(again).snapshot() == Screen.render(state).snapshot())
        var closed = again
        AppFixture.press(&closed, "Escape")
        #expect(closed.comparison == nil && closed.pane == .proposals && closed.selectedItemID == compared.proposalID)
    }

    @Test("a comparison comes back scrolled as it was, and the reader's selected link or ✎ marker once the notes are read")
    func scrollAndLink() throws {
        let record = try AppFixture.shippedRecord()
        var state = try AppFixture.state(width: 120, height: 16, record: record)
        AppFixture.press(&state, "2", "c", "j", "j", "j")
        let scrolled = try #require(state.comparison?.scroll)
        #expect(scrolled == 3)
        #expect(try reopened(state.lastPlace, record: record, width: 120, height: 16).comparison?.scroll == scrolled)

        let note = Note(id: "01M7ZRGDZTQY8XKGSREPC0PRA1", target: NoteTarget(item: "ppwt"), body: "a note", author: "ana",
                        created: NoteTime(millisecondsSince1970: 1_795_288_316_654))
        var reading = try AppFixture.state(record: record)
        _ = Reducer.reduce(&reading, .notesReloaded(NoteCollection(notes: [note])))
        AppFixture.press(&reading, "2", "Enter")
        let link = try #require(reading.reader?.layout?.links.firstIndex { $0.target == note.id })
        reading.reader?.selectedLink = link
        #expect(reading.selectedNote?.id == note.id)
        var again = try reopened(reading.lastPlace, record: record)
        #expect(again.reader?.selectedLink == nil, "not before the notes are read")
        _ = Reducer.reduce(&again, .notesReloaded(NoteCollection(notes: [note])))
        #expect(again.reader?.selectedLink == link && again.selectedNote?.id == note.id)
    }

    @Test("what the record no longer has is passed over: an item gone leaves its pane at the top, versions gone open no comparison, a pane unknown is the Timeline")
    func goneFromTheRecord() throws {
        let record = try AppFixture.shippedRecord()
        let place = LastPlace(pane: "proposals", items: ["proposals": "no-such-proposal", "timeline": "unclos-1982"],
                              reader: .init(item: "no-such-item", scroll: 40),
                              comparison: .init(proposal: "ppwt", from: "no-such-version", to: "2014-revision"))
        let state = try reopened(place, record: record)
        let fresh = try AppFixture.state(record: record)
        #expect(state.pane == .proposals && state.focus == .list && state.comparison == nil)
        #expect(state.currentCursor.selected == 1 && state.selectedItemID == "ppwt")
        #expect(state.reader?.itemID == "ppwt")
        var timeline = state
        AppFixture.press(&timeline, "1")
        #expect(timeline.selectedItemID == "unclos-1982")

        let unknown = try reopened(LastPlace(pane: "mail", items: [:]), record: record)
        #expect(unknown.pane == .timeline && unknown.selectedItemID == fresh.selectedItemID)
        // Versions in the wrong order are not a comparison either.
        let reversed = try reopened(LastPlace(pane: "proposals", comparison: .init(proposal: "ppwt", from: "2014-revision", to: "2008-draft")), record: record)
        #expect(reversed.comparison == nil)
    }

    @Test("left in the search's results, the place is where the search began, and / offers its words again")
    func search() throws {
        let record = try AppFixture.shippedRecord()
        var state = try AppFixture.state(record: record)
        AppFixture.press(&state, "2", "j", "/")
        AppFixture.type(&state, "debris")
        AppFixture.press(&state, "Enter", "j")
        #expect(state.pane == .search)
        let place = state.lastPlace
        #expect(place.pane == "proposals" && place.search == "debris")
        #expect(place.items["proposals"] == "eu-space-code")

        var again = try reopened(place, record: record)
        #expect(again.pane == .proposals && again.selectedItemID == "eu-space-code" && again.search == nil)
        AppFixture.press(&again, "/")
        #expect(again.search?.field.text == "debris")
    }

    @Test("the Notes pane's order comes back with its note; an order a newer travaux wrote is passed over")
    func notesOrder() throws {
        let record = try AppFixture.shippedRecord()
        var late = Self.note("C3", on: "eu-space-code")
        late.created = NoteTime(millisecondsSince1970: late.created.millisecondsSince1970 + 60_000)
        let notes = [Self.note("A1", on: "ppwt"), late]
        var state = try AppFixture.state(record: record)
        #expect(state.lastPlace.notesOrder == nil)
        _ = Reducer.reduce(&state, .notesReloaded(NoteCollection(notes: notes)))
        AppFixture.press(&state, "5", "o", "j")
        let place = state.lastPlace
        #expect(place.notesOrder == "taken" && place.note == late.id)

        var again = try reopened(place, record: record)
        again.notesLoading = true
        _ = Reducer.reduce(&again, .notesReloaded(NoteCollection(notes: notes)))
        #expect(again.notesOrder == .taken)
        #expect(again.rows[.notes]?.compactMap(\.noteID) == notes.map(\.id))
        #expect(again.selectedNote?.id == late.id)

        var newer = place
        newer.notesOrder = "by-weight"
        #expect(try reopened(newer, record: record).notesOrder == .changed)
    }

    @Test("the Notes pane's note is selected once the notes are read, after the first frame; a note deleted since leaves the first")
    func noteAfterTheNotesAreRead() throws {
        let record = try AppFixture.shippedRecord()
        let notes = [Self.note("A1", on: "ppwt"), Self.note("B2", on: "unclos-1982"), Self.note("C3", on: "eu-space-code")]
        var state = try AppFixture.state(record: record)
        _ = Reducer.reduce(&state, .notesReloaded(NoteCollection(notes: notes)))
        AppFixture.press(&state, "5", "j")
        let chosen = try #require(state.selectedNote)
        let place = state.lastPlace
        #expect(place.pane == "notes" && place.note == chosen.id)

        var again = try reopened(place, record: record)
        again.notesLoading = true
        #expect(again.pane == .notes && again.currentRows.isEmpty)
        // Asked before the notes arrive, the place is still the one given.
        #expect(again.lastPlace.note == chosen.id)
        _ = Reducer.reduce(&again, .notesReloaded(NoteCollection(notes: notes)))
        #expect(again.selectedNote?.id == chosen.id)
        #expect(again.reader?.itemID == chosen.target.item)
        // A second read (the verified one after the cache) leaves the selection alone.
        AppFixture.press(&again, "k")
        let moved = again.selectedNote?.id
        _ = Reducer.reduce(&again, .notesReloaded(NoteCollection(notes: notes)))
        #expect(again.selectedNote?.id == moved)

        var gone = try reopened(place, record: record)
        _ = Reducer.reduce(&gone, .notesReloaded(NoteCollection(notes: notes.filter { $0.id != chosen.id })))
        #expect(gone.currentCursor.selected == gone.currentRows.firstIndex { $0.noteID != nil })

        // Kept from the Timeline, the note is found selected on going to Notes.
        var elsewhere = try reopened(LastPlace(pane: "timeline", note: chosen.id), record: record)
        _ = Reducer.reduce(&elsewhere, .notesReloaded(NoteCollection(notes: notes)))
        AppFixture.press(&elsewhere, "5")
        #expect(elsewhere.selectedNote?.id == chosen.id)
    }

    @Test("the last window's session is said at the start, not taken up unasked; S then Enter takes it up; --session wins")
    func session() throws {
        let record = try AppFixture.shippedRecord()
        var state = try AppFixture.state(record: record)
        state.session = "OEWG day 1"
        let place = state.lastPlace
        #expect(place.session == "OEWG day 1")
        var again = try reopened(place, record: record)
        #expect(again.session == nil)
        #expect(again.message == "notes are taken without a session; the last window had 'OEWG day 1': S then Enter takes it up again")
        AppFixture.press(&again, "S")
        #expect(again.message == "'OEWG day 1' was the last window's session: Enter takes it, typing replaces it")
        AppFixture.press(&again, "Enter")
        #expect(again.session == "OEWG day 1")
        // Started with a session of its own, nothing is said.
        var given = try AppFixture.state(record: record)
        given.session = "OEWG day 2"
        given.restore(place)
        #expect(given.session == "OEWG day 2" && given.message == nil)
    }

    @Test("a window closed mid-seminar with a draft: its session is said with the draft, and passed on until one is set")
    func sessionWithDraft() throws {
        let record = try AppFixture.shippedRecord()
        let place = LastPlace(pane: "proposals", session: "Seminar 2")
        let draft = NoteDraft(id: "edit-1", target: NoteTarget(item: "ppwt"), body: "Russia: supports", tags: [],
                              session: "Seminar 2", baseID: nil, saved: NoteTime(millisecondsSince1970: 1_795_288_316_654), pid: 1)
        // As the interface starts: the place, then the drafts.
        var again = try reopened(place, record: record)
        again.offerRecoveredDrafts([draft])
        #expect(again.message == "1 unsaved draft from a closed window: R resumes it; the last window had session 'Seminar 2': S then Enter takes it up")
        // A window that sets none passes it on, after its draft is resumed too.
        AppFixture.press(&again, "R")
        #expect(again.editor?.session == "Seminar 2")
        #expect(again.session == nil && again.lastPlace.session == "Seminar 2")
        // A window that sets one, none included, passes that on.
        var chosen = try reopened(place, record: record)
        AppFixture.press(&chosen, "S")
        for _ in 0..<"Seminar 2".count { AppFixture.press(&chosen, "Backspace") }
        AppFixture.press(&chosen, "Enter")
        #expect(chosen.session == nil && chosen.lastPlace.session == nil)
        // A draft's session is what S offers in a window without one.
        var other = try reopened(LastPlace(pane: "proposals"), record: record)
        other.offerRecoveredDrafts([draft])
        #expect(other.message == "1 unsaved draft from a closed window: R resumes it")
        AppFixture.press(&other, "R")
        // Its text changed since the draft: Esc asks, a second one closes.
        AppFixture.press(&other, "Esc", "Esc")
        #expect(other.editor == nil)
        AppFixture.press(&other, "S")
        #expect(other.prompt?.field.text == "Seminar 2")
    }

    @Test("a narrow screen takes back the reader full screen, scrolled no further than its last page")
    func narrowReader() throws {
        let record = try AppFixture.shippedRecord()
        let place = LastPlace(pane: "proposals", items: ["proposals": "ppwt"], reader: .init(item: "ppwt", scroll: 10_000))
        let state = try reopened(place, record: record, width: 80, height: 24)
        #expect(state.focus == .reader && !state.showsBothPanes && state.showsReader)
        let lines = try #require(state.reader?.layout?.lines.count)
        #expect(state.reader?.scroll == lines - state.readerViewport)
    }
}
