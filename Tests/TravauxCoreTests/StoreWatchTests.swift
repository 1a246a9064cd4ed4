import Testing
@testable import TravauxCore

@Suite("When the interface reads the store again, and which reads it keeps")
struct StoreWatchTests {
    @Test("a read begins only when the stamp moved, and never two at once")
    func beginsOnChange() {
        var answer = false
        var watch = StoreWatch(stamp: 10)
        answer = watch.beginRead(stamp: 10)
        #expect(!answer)
        answer = watch.beginRead(stamp: 11)
        #expect(answer)
        #expect(watch.isReading)
        answer = watch.beginRead(stamp: 12)
        #expect(!answer, "one read at a time")
        answer = watch.endRead()
        #expect(answer)
        answer = watch.beginRead(stamp: 11)
        #expect(!answer, "seen when the read answer")
        answer = watch.beginRead(stamp: 12)
        #expect(answer, "a change made while reading is read at the next look")
    }

    @Test("the first read is forced whatever the stamp")
    func forcedFirstRead() {
        var answer = false
        var watch = StoreWatch(stamp: 10)
        answer = watch.beginRead(stamp: 10, force: true)
        #expect(answer)
        answer = watch.beginRead(stamp: 10, force: true)
        #expect(!answer, "not while one is under way")
        answer = watch.endRead()
        #expect(answer)
    }

    @Test("a read overtaken by this window's save is not kept, and the store is read again")
    func overtakenRead() {
        var answer = false
        var watch = StoreWatch(stamp: 10)
        answer = watch.beginRead(stamp: 11)
        #expect(answer)
        watch.wrote(before: 11, after: 12)
        answer = watch.endRead()
        #expect(!answer)
        answer = watch.beginRead(stamp: 12)
        #expect(answer, "read again, though the stamp is our own save's")
        answer = watch.endRead()
        #expect(answer, "nothing written meanwhile")
    }

    @Test("this window's own save is not read back, but another window's just before it is")
    func ownWrites() {
        var answer = false
        var watch = StoreWatch(stamp: 10)
        watch.wrote(before: 10, after: 11)
        answer = watch.beginRead(stamp: 11)
        #expect(!answer, "only our save changed the directory")
        // Another window saved (stamp 12) before this one's next save, with no look between.
        watch.wrote(before: 12, after: 13)
        answer = watch.beginRead(stamp: 13)
        #expect(answer)
    }

    @Test("a store with no stamp is read once, then again only when it gets one")
    func missingStamp() {
        var answer = false
        var watch = StoreWatch(stamp: nil)
        answer = watch.beginRead(stamp: nil)
        #expect(!answer)
        answer = watch.beginRead(stamp: 5)
        #expect(answer)
        answer = watch.endRead()
        #expect(answer)
        answer = watch.beginRead(stamp: 5)
        #expect(!answer)
    }
}
