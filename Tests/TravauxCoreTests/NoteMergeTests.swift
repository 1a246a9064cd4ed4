import Testing
@testable import TravauxCore

/// Two edits of one note made from the same version, merged field by field on save.
@Suite("Edits of one note merged field by field")
struct NoteMergeTests {
    let base = Note(id: "01M7ZS065PFCMRST86R6JDCEC0", target: NoteTarget(item: "ppwt"), body: "text", tags: ["a", "b"],
                    session: "seminar 4", author: "ana", created: NoteTime(millisecondsSince1970: 1_000))

    @Test("a field one side changed takes that side's value; both changed alike is that value")
    func fieldByField() throws {
        var mine = base, theirs = base
        mine.body = "text, edited in the window"
        mine.updated = NoteTime(millisecondsSince1970: 3_000)
        theirs.session = "seminar 3"
        theirs.target = NoteTarget(item: "ppwt", version: "2008")
        theirs.updated = NoteTime(millisecondsSince1970: 2_000)
        let merged = try #require(NoteMerge.merged(base: base, mine: mine, theirs: theirs))
        #expect(merged.note.body == "text, edited in the window" && merged.note.session == "seminar 3")
        #expect(merged.note.target.version == "2008" && merged.note.updated.millisecondsSince1970 == 3_000)
        #expect(merged.theirFields == ["place", "session"])
        #expect(NoteMerge.merged(base: base, mine: mine, theirs: mine)?.theirFields == [])
    }

    @Test("tags merge as sets: each side's additions and removals apply, whatever the case")
    func tagsAsSets() throws {
        var mine = base, theirs = base
        mine.tags = ["a", "b", "mine"]          // added one
        theirs.tags = ["A", "theirs"]            // re-spelled a, removed b, added one
        let merged = try #require(NoteMerge.merged(base: base, mine: mine, theirs: theirs))
        #expect(merged.note.tags == ["A", "theirs", "mine"])
        mine.tags = ["b"]                         // removed a here
        #expect(NoteMerge.merged(base: base, mine: mine, theirs: theirs)?.note.tags == ["theirs"])
    }

    @Test("a field both changed otherwise does not merge: the save keeps a conflict copy")
    func bothChanged() {
        var mine = base, theirs = base
        mine.body = "mine"
        theirs.body = "theirs"
        #expect(NoteMerge.merged(base: base, mine: mine, theirs: theirs)?.note == nil)
        theirs = base
        theirs.session = "x"
        mine.session = "y"
        #expect(NoteMerge.merged(base: base, mine: mine, theirs: theirs)?.note == nil)
    }

    @Test("a save over a note whose session was renamed meanwhile keeps the rename and the edit, without a conflict copy; a base known only by its time does not merge")
    func saveMerges() throws {
        let store = try makeStore()
        let note = try store.save(store.makeNote(target: NoteTarget(item: "ppwt"), body: "text", session: "seminar 4", author: "a"), base: nil).saved
        #expect(try store.renameSession("seminar 4", to: "seminar 3").count == 1)
        var edited = note
        edited.body = "text, edited"
        let outcome = try store.save(edited, base: note)
        #expect(outcome.conflictCopy == nil && outcome.keptFromElsewhere == ["session"])
        #expect(try store.load().all.map { "\($0.body) · \($0.session ?? "-")" } == ["text, edited · seminar 3"])
        // Not merged when the base is not the note as it was.
        let current = try #require(try store.load().note(note.id))
        #expect(try store.renameSession("seminar 3", to: "seminar 5").count == 1)
        var again = current
        again.body = "text, edited twice"
        #expect(try store.save(again, base: current, merges: false).conflictCopy != nil)
    }
}
