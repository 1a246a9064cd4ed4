import Testing
import TravauxCore
@testable import TravauxTUI

@Suite("The interface shows notes' days and times where they were taken")
struct LocalTimeTests {
    /// 2026-11-21, 23:30 UTC: already the 22nd in Geneva, still the 21st in New York.
    static let lateEvening = NoteTime(millisecondsSince1970: 1_795_303_800_000)

    static func state(zone: LocalZone) throws -> AppState {
        var state = try AppFixture.state()
        state.zone = zone
        let note = Note(id: "01M7ZRGDZTQY8XKGSRE1000001", target: NoteTarget(item: "ppwt"), body: "late point on verification",
                        author: "a", created: lateEvening)
        _ = Reducer.reduce(&state, .notesReloaded(NoteCollection(notes: [note])))
        AppFixture.press(&state, "5")
        return state
    }

    @Test("the Notes pane heads a note with its local day and lists it at its local time; the reader and the editor say that day")
    func notesPaneReaderAndEditor() throws {
        var geneva = try Self.state(zone: LocalZone(offsetSeconds: 3600))
        #expect(geneva.rows[.notes]?.first == .heading("2026-11-22"))
        let screen = Screen.render(geneva).snapshot()
        #expect(screen.contains("00:30 PPWT"), "\(screen)")
        #expect(screen.contains("✎ 2026-11-22"), "\(screen)")
        #expect(!screen.contains("2026-11-21") && !screen.contains("23:30"), "\(screen)")
        AppFixture.press(&geneva, "e")
        #expect(Screen.render(geneva).snapshot().contains("created 2026-11-22"))

        let newYork = try Self.state(zone: LocalZone(offsetSeconds: -5 * 3600))
        #expect(newYork.rows[.notes]?.first == .heading("2026-11-21"))
        #expect(Screen.render(newYork).snapshot().contains("18:30 PPWT"))
    }

    @Test("search results head the notes they find with the notes' local days")
    func searchResults() throws {
        var state = try Self.state(zone: LocalZone(offsetSeconds: 3600))
        AppFixture.press(&state, "1", "/")
        AppFixture.type(&state, "verification")
        #expect(state.pane == .search)
        #expect(state.currentRows.contains(.heading("Your notes · 2026-11-22")), "\(state.currentRows)")
    }
}
