import Testing
import TravauxBench
import TravauxCore
@testable import TravauxTUI

/// A save or a delete moves only its note's row in the Notes pane (`NoteRowPatch`); whatever
/// it does must be what making the rows again gives.
@Suite("The Notes pane's rows after a save or a delete")
struct NoteRowPatchTests {
    static let day: Int64 = 86_400_000
    static let noon: Int64 = 1_795_262_400_000   // 2026-11-21, 12:00 UTC

    /// The filters a seminar uses while taking notes, each a case below.
    enum Filtering: CaseIterable, CustomTestStringConvertible {
        case none, words, noteTag, recordTag, domain, session

        var testDescription: String { "\(self)" }

        func apply(to state: inout AppState) {
            switch self {
            case .none: break
            case .words: state.noteFilter.text = "verification"
            case .noteTag: state.noteFilter.tags = ["ppwt"]
            case .recordTag: state.filters.tag = TagFilter(name: "ppwt", notes: state.notes)
            case .domain: state.filters.domain = .space
            case .session: state.noteFilter.session = "CD 2014"
            }
        }
    }

    /// Random saves (new notes, edits to another day or the same millisecond as another note,
    /// moves to another item, conflict copies) and deletes, each checked against the rows made again.
    /// The days are UTC's in half the cases, and in the others those of a zone five hours behind
    /// that moves its clocks on in the middle of the notes' days, so that local days are patched too.
    @Test(arguments: Filtering.allCases, NotesOrder.allCases)
    func patchedRowsAreTheRowsMadeAgain(filtering: Filtering, order: NotesOrder) throws {
        var random = SeededGenerator(seed: 2026).derived("\(filtering) \(order)")
        var state = try AppFixture.state()
        if ((Filtering.allCases.firstIndex(of: filtering) ?? 0) + (order == .taken ? 1 : 0)) % 2 == 1 {
            state.zone = LocalZone(offsetSeconds: -5 * 3600, changes: [(NoteTime(millisecondsSince1970: Self.noon - Self.day - 5 * 3_600_000), -4 * 3600)])
        }
        let items = state.record.events.map(\.id) + state.record.proposals.map(\.id)
        var made = 0
        func newNote() -> Note {
            made += 1
            let time = Self.noon + Int64.random(in: -3 * Self.day...Self.day, using: &random)
            return Note(id: "01M7ZRGDZTQY8XKGSRE1" + String(100_000 + made), target: NoteTarget(item: items.randomElement(using: &random) ?? "ppwt"),
                        body: random.chance(0.5) ? "verification first" : "a point on sponsors",
                        tags: random.chance(0.5) ? ["ppwt"] : ["venue"], session: random.chance(0.5) ? "CD 2014" : nil,
                        author: "a", created: NoteTime(millisecondsSince1970: time))
        }
        _ = Reducer.reduce(&state, .notesReloaded(NoteCollection(notes: (0..<40).map { _ in newNote() })))
        AppFixture.press(&state, "5")
        filtering.apply(to: &state)
        state.orderNotes(order)
        state.refreshRows(.notes)

        var patched = 0
        for step in 0..<300 {
            let existing = state.notes.unordered
            var change = NoteChange(listed: [], current: [])
            switch Int.random(in: 0..<10, using: &random) {
            case 0..<3:
                change.current = [newNote()]
            case 3..<7:
                guard var note = existing.randomElement(using: &random) else { continue }
                change.listed = [note]
                if random.chance(0.3), let other = existing.randomElement(using: &random) {
                    note.updated = other.updated   // a tie: the ids decide
                } else {
                    note.updated = NoteTime(millisecondsSince1970: Self.noon + Int64.random(in: -4 * Self.day...2 * Self.day, using: &random))
                }
                if random.chance(0.3) { note.body = random.chance(0.5) ? "verification later" : "nothing of it" }
                if random.chance(0.2) { note.tags = random.chance(0.5) ? ["ppwt"] : [] }
                if random.chance(0.2) { note.target = NoteTarget(item: items.randomElement(using: &random) ?? "ppwt") }
                // A file edited by hand may change its creation too, onto another note's (a tie).
                if random.chance(0.1), let other = existing.randomElement(using: &random) { note.created = other.created }
                change.current = [note]
                if random.chance(0.2) { change.current.append(newNote()) }   // a conflict copy
            default:
                guard let note = existing.randomElement(using: &random) else { continue }
                change.listed = [note]
            }
            for note in change.listed where !change.current.contains(where: { $0.id == note.id }) { state.notes.remove(note.id) }
            for note in change.current { state.notes.put(note) }
            let before = state.rows[.notes]
            let took = state.patchNoteRows(change)
            #expect(took, "step \(step): the patch gave up")
            if state.rows[.notes] != before { patched += 1 }
            var again = state
            again.refreshRows(.notes)
            #expect(state.rows[.notes] == again.rows[.notes], "step \(step), \(change.listed.map(\.id)) → \(change.current.map(\.id))")
            if state.rows[.notes] != again.rows[.notes] { return }
        }
        #expect(patched > 50, "too few steps changed the rows to tell anything")
    }

    @Test("a save and a delete in the Notes pane keep the selected note selected, and a day left empty loses its heading")
    func reducerKeepsSelection() throws {
        var state = try AppFixture.state()
        func note(_ number: Int, _ body: String, at time: Int64) -> Note {
            Note(id: "01M7ZRGDZTQY8XKGSRE100000\(number)", target: NoteTarget(item: "ppwt"), body: body, author: "a",
                 created: NoteTime(millisecondsSince1970: time))
        }
        let lone = note(1, "alone on its day", at: Self.noon - 2 * Self.day)
        _ = Reducer.reduce(&state, .notesReloaded(NoteCollection(notes: [
            lone, note(2, "yesterday", at: Self.noon - Self.day), note(3, "today", at: Self.noon),
        ])))
        AppFixture.press(&state, "5", "j")
        #expect(state.selectedRowNoteID == "01M7ZRGDZTQY8XKGSRE1000002")

        var edited = note(3, "today, edited", at: Self.noon)
        edited.updated = NoteTime(millisecondsSince1970: Self.noon + 60_000)
        _ = Reducer.reduce(&state, .noteSaved(NoteStore.SaveOutcome(saved: edited)))
        #expect(state.selectedRowNoteID == "01M7ZRGDZTQY8XKGSRE1000002")
        _ = Reducer.reduce(&state, .noteDeleted(lone))
        #expect(state.selectedRowNoteID == "01M7ZRGDZTQY8XKGSRE1000002")
        #expect(state.rows[.notes] == [
            .heading("2026-11-21"), .note(id: "01M7ZRGDZTQY8XKGSRE1000003", item: "ppwt"),
            .heading("2026-11-20"), .note(id: "01M7ZRGDZTQY8XKGSRE1000002", item: "ppwt"),
        ])
        let screen = Screen.render(state).snapshot()
        #expect(screen.contains("today, edited") && !screen.contains("2026-11-19"), "\(screen)")
    }

    @Test("rows that no longer agree with the notes are made again, not patched")
    func staleRowsAreMadeAgain() throws {
        var state = try AppFixture.state()
        let first = Note(id: "01M7ZRGDZTQY8XKGSRE1000001", target: NoteTarget(item: "ppwt"), body: "one", author: "a",
                         created: NoteTime(millisecondsSince1970: Self.noon))
        _ = Reducer.reduce(&state, .notesReloaded(NoteCollection(notes: [first])))
        AppFixture.press(&state, "5")
        // A note the rows never listed, removed behind their back: the patch cannot find its row.
        let unlisted = Note(id: "01M7ZRGDZTQY8XKGSRE1000009", target: NoteTarget(item: "ppwt"), body: "two", author: "a",
                            created: NoteTime(millisecondsSince1970: Self.noon + 1))
        let took = state.patchNoteRows(NoteChange(listed: [unlisted], current: []))
        #expect(!took)
        // The reducer then makes them again from the notes.
        _ = Reducer.reduce(&state, .noteSaved(NoteStore.SaveOutcome(saved: unlisted)))
        #expect(state.rows[.notes]?.compactMap(\.noteID) == [unlisted.id, first.id])
    }

    @Test("o lists the notes as taken, oldest first, under days that say so, and back; the selected note stays selected, and in that order an edit moves nothing while a new note comes last")
    func orderAsTaken() throws {
        var state = try AppFixture.state()
        func note(_ number: Int, _ body: String, at time: Int64, changed: Int64? = nil) -> Note {
            var note = Note(id: "01M7ZRGDZTQY8XKGSRE100000\(number)", target: NoteTarget(item: "ppwt"), body: body, author: "a",
                            created: NoteTime(millisecondsSince1970: time))
            if let changed { note.updated = NoteTime(millisecondsSince1970: changed) }
            return note
        }
        // The first note taken, edited last.
        _ = Reducer.reduce(&state, .notesReloaded(NoteCollection(notes: [
            note(1, "first taken, edited today", at: Self.noon - Self.day, changed: Self.noon + 60_000),
            note(2, "second", at: Self.noon - Self.day + 60_000), note(3, "third", at: Self.noon),
        ])))
        AppFixture.press(&state, "5", "j")
        #expect(state.rows[.notes]?.compactMap(\.noteID).map { $0.suffix(1) } == ["1", "3", "2"])
        #expect(state.selectedRowNoteID == "01M7ZRGDZTQY8XKGSRE1000003")

        AppFixture.press(&state, "o")
        #expect(state.notesOrder == .taken)
        #expect(state.message == "notes as taken, oldest first, as in a meeting's minutes (o: by last change)")
        #expect(state.rows[.notes] == [
            .heading("2026-11-20 · as taken"), .note(id: "01M7ZRGDZTQY8XKGSRE1000001", item: "ppwt"), .note(id: "01M7ZRGDZTQY8XKGSRE1000002", item: "ppwt"),
            .heading("2026-11-21 · as taken"), .note(id: "01M7ZRGDZTQY8XKGSRE1000003", item: "ppwt"),
        ])
        #expect(state.selectedRowNoteID == "01M7ZRGDZTQY8XKGSRE1000003")
        // Each row shows the time it is listed by: the first note's taking, not its edit.
        let screen = Screen.render(state).snapshot()
        #expect(screen.contains("12:00 PPWT first taken") && screen.contains("12:01 PPWT second"), "\(screen)")

        // An edit keeps its place; a new note is the last.
        var edited = note(2, "second, edited", at: Self.noon - Self.day + 60_000, changed: Self.noon + 120_000)
        edited.updated = NoteTime(millisecondsSince1970: Self.noon + 120_000)
        _ = Reducer.reduce(&state, .noteSaved(NoteStore.SaveOutcome(saved: edited)))
        let new = note(4, "fourth", at: Self.noon + 180_000)
        _ = Reducer.reduce(&state, .noteSaved(NoteStore.SaveOutcome(saved: new)))
        #expect(state.rows[.notes]?.compactMap(\.noteID).map { $0.suffix(1) } == ["1", "2", "3", "4"])

        AppFixture.press(&state, "o")
        #expect(state.notesOrder == .changed)
        #expect(state.rows[.notes]?.first == .heading("2026-11-21"))
        #expect(state.rows[.notes]?.compactMap(\.noteID).map { $0.suffix(1) } == ["4", "2", "1", "3"])
    }
}
