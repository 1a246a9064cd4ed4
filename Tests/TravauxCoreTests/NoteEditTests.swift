import Foundation
import Testing
@testable import TravauxCore

/// `travaux note edit`'s change, applied to the note as it is on disk.
@Suite("An edit applied to the note as it is on disk")
struct NoteEditTests {
    /// A store with one note, read (`base`), then changed on disk by "another process".
    func changedMeanwhile(_ change: (inout Note) -> Void) throws -> (NoteStore, base: Note, notes: NoteCollection) {
        let store = try makeStore()
        let base = try store.save(store.makeNote(target: NoteTarget(item: "ppwt"), body: "first text", tags: ["old"], author: "ana"),
                                  base: nil).saved
        let notes = try store.load()
        var other = base
        change(&other)
        _ = try store.save(other, base: base)
        return (store, base, notes)
    }

    @Test("tags added and a session set keep what another process changed meanwhile, without a conflict copy")
    func tagsOverOtherEdits() throws {
        let (store, base, notes) = try changedMeanwhile { $0.tags.append("theirs"); $0.body = "their text" }
        let edit = NoteEdit(removedTags: ["old"], addedTags: ["mine"], session: .some("s1"))
        guard case .saved(let outcome) = try store.apply(edit, base: base, spelling: notes) else { Issue.record("not saved"); return }
        #expect(outcome.conflictCopy == nil)
        let note = try #require(try store.load().note(base.id))
        #expect(note.tags == ["theirs", "mine"])
        #expect(note.body == "their text")
        #expect(note.session == "s1")
        #expect(try store.load().count == 1)
    }

    @Test("new text over tags changed meanwhile is applied, the tags kept")
    func textOverOtherTags() throws {
        let (store, base, notes) = try changedMeanwhile { $0.tags = ["theirs"] }
        guard case .saved(let outcome) = try store.apply(NoteEdit(body: "my text"), base: base, spelling: notes) else {
            Issue.record("not saved"); return
        }
        #expect(outcome.conflictCopy == nil)
        let note = try #require(try store.load().note(base.id))
        #expect(note.body == "my text" && note.tags == ["theirs"])
    }

    @Test("new text over text changed meanwhile cannot be put together: both are kept, one as a conflict copy")
    func textOverOtherText() throws {
        let (store, base, notes) = try changedMeanwhile { $0.body = "their text" }
        guard case .saved(let outcome) = try store.apply(NoteEdit(body: "my text", addedTags: ["mine"]), base: base, spelling: notes),
              let copy = outcome.conflictCopy else { Issue.record("no conflict copy"); return }
        let all = try store.load()
        #expect(all.count == 2)
        #expect(Set(all.all.map(\.body)) == ["my text", "their text"])
        #expect(all.note(copy.id)?.conflictOf == base.id)
    }

    @Test("an edit that changes nothing leaves the file as it was; a note deleted meanwhile is said to be gone")
    func unchangedAndGone() throws {
        let store = try makeStore()
        let base = try store.save(store.makeNote(target: NoteTarget(item: "ppwt"), body: "text", tags: ["old"], author: "ana"), base: nil).saved
        let notes = try store.load()
        let path = store.directory + "/" + base.id + ".json"
        let before = try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date
        guard case .unchanged(let current) = try store.apply(NoteEdit(addedTags: ["old"]), base: base, spelling: notes) else {
            Issue.record("written"); return
        }
        #expect(current == base)
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date == before)
        try store.delete(base.id, base: base)
        #expect(throws: NoteStoreError.noSuchNote(base.id, suggestions: [])) {
            try store.apply(NoteEdit(body: "late"), base: base, spelling: notes)
        }
        #expect(try store.load().isEmpty)
    }
}
