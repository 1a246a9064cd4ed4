import Testing
import TravauxCore
@testable import TravauxTUI

/// Notes the store holds but cannot show (a git merge conflict, a damaged file left to mend)
/// are said when read, stay said on the status line once the message is gone, and stop being
/// said once mended.
@Suite("Notes held out of the interface")
struct HeldOutNotesTests {
    @Test("a note in a merge conflict is said, then counted on the status line; once resolved, neither")
    func conflictSaidUntilResolved() throws {
        var state = try AppFixture.state()
        var notes = NoteCollection()
        notes.problems = [NoteStoreProblem(file: "/s/01M7ZS065PFCMRST86R6JDCEC0.json", reason: "it holds a git merge conflict", movedTo: nil, mergeConflict: true)]
        _ = Reducer.reduce(&state, .notesReloaded(notes))
        #expect(state.message?.hasPrefix("1 note file could not be read: /s/01M7ZS065PFCMRST86R6JDCEC0.json") == true)
        AppFixture.press(&state, "j")
        #expect(state.message == nil)
        #expect(Screen.render(state).snapshot().contains("1 note in a merge conflict"))

        // Read again (another note arrived): the same file is not said again; it stays counted.
        _ = Reducer.reduce(&state, .notesReloaded(notes))
        #expect(state.message == nil)
        #expect(Screen.render(state).snapshot().contains("1 note in a merge conflict"))
        // Read again after the conflict was resolved: no message left over, nothing counted.
        _ = Reducer.reduce(&state, .notesReloaded(notes))
        var mended = notes
        mended.problems = []
        _ = Reducer.reduce(&state, .notesReloaded(mended))
        #expect(state.message == nil)
        #expect(!Screen.render(state).snapshot().contains("merge conflict"))

        // A damaged file left in place (a store under git) is counted as held out.
        var damaged = NoteCollection()
        damaged.problems = [NoteStoreProblem(file: "/s/x.json", reason: "not valid JSON", movedTo: nil)]
        _ = Reducer.reduce(&state, .notesReloaded(damaged))
        AppFixture.press(&state, "j")
        #expect(Screen.render(state).snapshot().contains("1 note file held out"))
        // Both kinds at once: both counted.
        var both = damaged
        both.problems.append(NoteStoreProblem(file: "/s/01M7ZS065PFCMRST86R6JDCEC0.json", reason: "conflict", movedTo: nil, mergeConflict: true))
        _ = Reducer.reduce(&state, .notesReloaded(both))
        AppFixture.press(&state, "j")
        let line = Screen.render(state).snapshot()
        #expect(line.contains("1 note in a merge conflict  1 note file held out"), "\(line)")
        // One moved to quarantine is out of the store: nothing to count.
        damaged.problems[0].movedTo = "/s/quarantine/x.json"
        _ = Reducer.reduce(&state, .notesReloaded(damaged))
        AppFixture.press(&state, "j")
        #expect(!Screen.render(state).snapshot().contains("held out"))
    }
}
