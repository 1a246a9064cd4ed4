import Testing
@testable import TravauxCore

@Suite("When the interface reads the store again, and what a read that comes back lacks")
struct StoreWatchTests {
    static func note(_ id: String, _ body: String, updated: Int64) -> Note {
        Note(id: id, target: NoteTarget(item: "ppwt"), body: body, tags: [], session: nil, author: "a",
             created: NoteTime(millisecondsSince1970: 1), updated: NoteTime(millisecondsSince1970: updated))
    }

    static func collection(_ notes: Note...) -> NoteCollection {
        var collection = NoteCollection()
        for note in notes { collection.put(note) }
        return collection
    }

    @Test("a read begins only when the stamp moved, and never two at once")
    func beginsOnChange() {
        var watch = StoreWatch(stamp: 10)
        var began = watch.beginRead(stamp: 10)
        #expect(!began)
        began = watch.beginRead(stamp: 11)
        #expect(began)
        #expect(watch.isReading)
        began = watch.beginRead(stamp: 12)
        #expect(!began, "one read at a time")
        watch.endRead()
        #expect(!watch.isReading)
        began = watch.beginRead(stamp: 11)
        #expect(!began, "seen when the read began")
        began = watch.beginRead(stamp: 12)
        #expect(began, "a change made while reading is read at the next look")
    }

    @Test("the first read is forced whatever the stamp, and a store with no stamp is read when it gets one")
    func forcedAndMissingStamps() {
        var watch = StoreWatch(stamp: nil)
        var began = watch.beginRead(stamp: nil)
        #expect(!began)
        began = watch.beginRead(stamp: nil, force: true)
        #expect(began)
        watch.endRead()
        began = watch.beginRead(stamp: 5)
        #expect(began)
    }

    @Test("this window's own save is not read back, but another window's just before it is")
    func ownWrites() {
        var watch = StoreWatch(stamp: 10)
        watch.wrote([.saved(Self.note("A", "mine", updated: 5))], before: 10, after: 11)
        var began = watch.beginRead(stamp: 11)
        #expect(!began, "only our save changed the directory")
        // Another window saved (stamp 12) before this one's next save, with no look between.
        watch.wrote([.saved(Self.note("B", "mine too", updated: 6))], before: 12, after: 13)
        began = watch.beginRead(stamp: 13)
        #expect(began)
    }

    @Test("a save and a delete made while reading are made again on the read's notes")
    func replaysChanges() {
        var watch = StoreWatch(stamp: 10)
        let kept = Self.note("K", "kept", updated: 3)
        let deleted = Self.note("D", "to delete", updated: 4)
        _ = watch.beginRead(stamp: 11)
        let saved = Self.note("N", "saved while reading", updated: 20)
        watch.wrote([.saved(saved)], before: 11, after: 12)
        watch.wrote([.deleted(deleted)], before: 12, after: 13)
        // The read listed the files before both changes.
        var read = Self.collection(kept, deleted)
        watch.replayChanges(on: &read)
        #expect(read.note("N") == saved)
        #expect(read.note("D") == nil)
        #expect(read.note("K") == kept)
        // Listed after both: the same notes.
        var later = Self.collection(kept, saved)
        watch.replayChanges(on: &later)
        #expect(later.all == read.all)
        watch.endRead()
        var next = Self.collection(kept)
        watch.replayChanges(on: &next)
        #expect(next.count == 1, "nothing is made again once the read is over")
    }

    @Test("another window's later edit, which the read found, is not undone by the replay")
    func laterEditKept() {
        var watch = StoreWatch(stamp: 10)
        _ = watch.beginRead(stamp: 11)
        watch.wrote([.saved(Self.note("A", "mine", updated: 20))], before: 11, after: 12)
        watch.wrote([.deleted(Self.note("B", "deleted here", updated: 21))], before: 12, after: 13)
        let theirs = Self.note("A", "theirs, after mine", updated: 30)
        let recreated = Self.note("B", "edited there after the delete", updated: 31)
        var read = Self.collection(theirs, recreated)
        watch.replayChanges(on: &read)
        #expect(read.note("A") == theirs)
        #expect(read.note("B") == recreated)
    }

    @Test("no change while reading leaves the read's notes untouched")
    func nothingToReplay() {
        var watch = StoreWatch(stamp: 10)
        _ = watch.beginRead(stamp: 11)
        let read = Self.collection(Self.note("A", "a", updated: 2))
        var replayed = read
        watch.replayChanges(on: &replayed)
        #expect(replayed.all == read.all)
    }
}
