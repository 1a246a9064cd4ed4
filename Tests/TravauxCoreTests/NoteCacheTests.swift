import Foundation
import Testing
@testable import TravauxCore
import TravauxTestSupport

/// A large store loads from its cache only what is unchanged on disk.
@Suite("The notes cache", .serialized)
struct NoteCacheTests {
    /// A store past its cache threshold (lowered for the tests), written straight to disk
    /// (as git or a copy would).
    static func largeStore(notes count: Int = 60) throws -> (NoteStore, [Note]) {
        var store = try makeStore()
        store.cacheThreshold = 20
        var notes: [Note] = []
        for index in 0..<count {
            notes.append(Note(id: NoteID.make(at: NoteTime(millisecondsSince1970: 1_795_000_000_000 + Int64(index))),
                              target: NoteTarget(item: "item-\(index % 40)", version: index % 7 == 0 ? "v1" : nil),
                              body: "Note \(index): sécurité 外空\n\n- \"quoted\" \\ line", tags: index % 3 == 0 ? ["PPWT", "外空"] : [],
                              session: index % 2 == 0 ? "seminar-\(index % 5)" : nil, author: "Zoë",
                              created: NoteTime(millisecondsSince1970: 1_795_000_000_000 + Int64(index))))
        }
        try store.save(notes[0], base: nil)
        for note in notes.dropFirst() {
            try note.storedForm.write(toFile: store.path(of: note.id), atomically: false, encoding: .utf8)
        }
        return (store, notes)
    }

    static var cachePath: (NoteStore) -> String { { NoteCache.path(in: $0.directory) } }

    @Test("a large store reads its files once, then loads the same notes from its cache")
    func sameNotes() throws {
        let (store, notes) = try Self.largeStore()
        let first = try store.load()
        #expect(first.all == notes)
        #expect(NoteCache.read(Self.cachePath(store)).notes.compactMap { $0 }.sorted { $0.id < $1.id } == notes)
        let second = try store.load()
        #expect(second.all == notes)
        #expect(second.problems.isEmpty)
        #expect(try String(contentsOfFile: store.directory + "/.gitignore", encoding: .utf8).contains("\ncache/\n"))
        // The cache is not a note.
        #expect(second.count == notes.count)
    }

    @Test("a note saved, rewritten in place, added or deleted after caching is read from disk")
    func changesAfterCaching() throws {
        let (store, notes) = try Self.largeStore()
        _ = try store.load()
        var edited = notes[1]
        edited.body = "edited through the store"
        try store.save(edited, base: notes[1])
        // In place, same length, same inode: only the times tell.
        let inPlace = notes[2]
        var sameLength = inPlace
        sameLength.body = String(inPlace.body.reversed())
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: store.path(of: inPlace.id)))
        try handle.write(contentsOf: Data(sameLength.storedForm.utf8))
        try handle.close()
        let added = store.makeNote(target: NoteTarget(item: "new"), body: "added", author: "a")
        try store.save(added, base: nil)
        try FileManager.default.removeItem(atPath: store.path(of: notes[3].id))

        let loaded = try store.load()
        #expect(loaded.note(edited.id)?.body == "edited through the store")
        #expect(loaded.note(inPlace.id)?.body == sameLength.body)
        #expect(loaded.note(added.id) == added)
        #expect(loaded.note(notes[3].id) == nil)
        #expect(loaded.count == notes.count)
    }

    static func rewriteInPlace(_ note: Note, body: String, in store: NoteStore) throws -> Note {
        var changed = note
        changed.body = body
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: store.path(of: note.id)))
        try handle.truncate(atOffset: 0)
        try handle.write(contentsOf: Data(changed.storedForm.utf8))
        try handle.close()
        return changed
    }

    @Test("trusting the cache: an unchanged directory opens from the cache alone, and a verifying load corrects it")
    func trustedCache() throws {
        var (store, notes) = try Self.largeStore()
        store.cacheSettleNanoseconds = 0
        // The first load creates cache/, which changes the directory once; the second records a stamp that holds.
        #expect(try store.load(trustingCache: true).all == notes)
        #expect(try store.load(trustingCache: true).all == notes)
        #expect(NoteCache.read(Self.cachePath(store)).directory == StoreFiles.stamp(store.directory))

        #expect(try store.load(trustingCache: true).unverified)
        #expect(try !store.load().unverified)
        // Edited in place, the directory keeps its stamp: the trusted load still has the cached text...
        let edited = try Self.rewriteInPlace(notes[4], body: "edited in place, no rename", in: store)
        #expect(try store.load(trustingCache: true).note(edited.id)?.body == notes[4].body)
        // ...which the verifying load sees, and corrects in the cache for the next start.
        #expect(try store.load().note(edited.id)?.body == edited.body)
        #expect(try store.load(trustingCache: true).note(edited.id)?.body == edited.body)

        // A note added or deleted changes the directory: never served from a stale cache.
        let added = store.makeNote(target: NoteTarget(item: "new"), body: "added", author: "a")
        try store.save(added, base: nil)
        #expect(try store.load(trustingCache: true).note(added.id) == added)
        try FileManager.default.removeItem(atPath: store.path(of: notes[7].id))
        let afterDelete = try store.load(trustingCache: true)
        #expect(afterDelete.note(notes[7].id) == nil)
        #expect(afterDelete.count == notes.count)
    }

    @Test("a directory changed just before its stamp was taken is not trusted (coarse file times)")
    func racyStamp() throws {
        let (store, notes) = try Self.largeStore()   // the default margin: the directory changed a moment ago
        _ = try store.load(trustingCache: true)
        _ = try store.load(trustingCache: true)
        let edited = try Self.rewriteInPlace(notes[4], body: "edited in place, no rename", in: store)
        #expect(try store.load(trustingCache: true).note(edited.id)?.body == edited.body)
    }

    @Test("a damaged or foreign cache is ignored and the notes come from their files")
    func damagedCache() throws {
        let (store, notes) = try Self.largeStore()
        _ = try store.load()
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: Self.cachePath(store))))
        bytes[bytes.count / 2] ^= 0x5A
        try Data(bytes).write(to: URL(fileURLWithPath: Self.cachePath(store)))
        #expect(try store.load().all == notes)
        try Data("not a cache".utf8).write(to: URL(fileURLWithPath: Self.cachePath(store)))
        #expect(try store.load().all == notes)
        try Data(bytes.prefix(bytes.count / 3)).write(to: URL(fileURLWithPath: Self.cachePath(store)))
        #expect(try store.load().all == notes)
    }

    @Test("a damaged file in place of a cached note is quarantined; a newer schema's note is reported and left in place")
    func checksStillApply() throws {
        let (store, notes) = try Self.largeStore()
        _ = try store.load()
        try TestFiles.replace(store.path(of: notes[5].id), with: "{\"id\": \"trunc")
        let loaded = try store.load()
        #expect(loaded.note(notes[5].id) == nil)
        #expect(loaded.problems.count == 1 && loaded.problems.first?.movedTo != nil)

        var future = notes[6]
        future.schema = Note.schemaVersion + 1
        try TestFiles.replace(store.path(of: future.id), with: future.storedForm)
        let again = try store.load()
        #expect(again.note(future.id) == nil && again.note(notes[7].id) != nil)
        #expect(again.problems.map(\.file) == [store.path(of: future.id)] && again.problems.first?.movedTo == nil)
        #expect(try String(contentsOfFile: store.path(of: future.id), encoding: .utf8) == future.storedForm)
    }

    @Test("a store read without its cache (a fresh clone) is read in parts: the same notes, damaged files quarantined, a newer schema changing nothing")
    func firstReadInParts() throws {
        let (store, notes) = try Self.largeStore(notes: 2_500)
        let damaged = [3, 1_250, 2_499].map { notes[$0] }
        for note in damaged { try TestFiles.replace(store.path(of: note.id), with: "{\"id\": \"trunc") }
        let kept = notes.filter { note in !damaged.contains { $0.id == note.id } }
        let loaded = try store.load()
        #expect(loaded.all == kept)
        #expect(loaded.problems.map(\.file).sorted() == damaged.map { store.path(of: $0.id) }.sorted())
        #expect(loaded.problems.allSatisfy { $0.movedTo != nil })
        // Read again from the cache just written, then once more without it: the same notes.
        #expect(try store.load().all == kept)
        try FileManager.default.removeItem(atPath: Self.cachePath(store))
        #expect(try store.load().all == kept)

        // Beside a note of a newer schema the other notes load, but a damaged file is not
        // moved (it may be that newer travaux's), in a first read as in a refresh.
        try FileManager.default.removeItem(atPath: Self.cachePath(store))
        try TestFiles.replace(store.path(of: kept[10].id), with: "{\"id\": \"trunc")
        var future = kept[2_000]
        future.schema = Note.schemaVersion + 1
        try TestFiles.replace(store.path(of: future.id), with: future.storedForm)
        let beside = try store.load()
        #expect(beside.all == kept.filter { $0.id != kept[10].id && $0.id != future.id })
        #expect(Set(beside.problems.map(\.file)) == [store.path(of: kept[10].id), store.path(of: future.id)])
        #expect(beside.problems.allSatisfy { $0.movedTo == nil })
        #expect(beside.problems.contains { $0.reason.hasSuffix("not moved to quarantine while a newer travaux's note is in the store") })
        #expect(try store.refresh(beside).problems.allSatisfy { $0.movedTo == nil })
        #expect(FileManager.default.fileExists(atPath: store.path(of: kept[10].id)), "the damaged file was moved")
        // Once the newer note is gone, the damaged file goes to quarantine as before.
        try FileManager.default.removeItem(atPath: store.path(of: future.id))
        #expect(try store.refresh(beside).problems.map(\.movedTo).allSatisfy { $0 != nil })
        #expect(!FileManager.default.fileExists(atPath: store.path(of: kept[10].id)))
    }

    @Test("a store whose .gitignore is the user's own gets no cache")
    func userGitignore() throws {
        let (store, notes) = try Self.largeStore()
        try TestFiles.replace(store.directory + "/.gitignore", with: "*.swp\n")
        #expect(try store.load().all == notes)
        #expect(!FileManager.default.fileExists(atPath: Self.cachePath(store)))
        #expect(try String(contentsOfFile: store.directory + "/.gitignore", encoding: .utf8) == "*.swp\n")
    }

    @Test("a .gitignore travaux wrote before the cache existed learns to ignore it")
    func olderGitignore() throws {
        let (store, notes) = try Self.largeStore()
        try TestFiles.replace(store.directory + "/.gitignore", with: NoteStore.gitignoreHeader + "\n.lock\n.tmp-*\ndrafts/\n")
        #expect(try store.load().all == notes)
        #expect(FileManager.default.fileExists(atPath: Self.cachePath(store)))
        #expect(try String(contentsOfFile: store.directory + "/.gitignore", encoding: .utf8).hasSuffix("drafts/\ncache/\n"))
    }

    @Test("a store below the threshold keeps no cache")
    func smallStore() throws {
        let (store, notes) = try Self.largeStore(notes: 10)
        #expect(try store.load().all == notes)
        #expect(!FileManager.default.fileExists(atPath: Self.cachePath(store)))
    }

    @Test("the cache reads back exactly what was written, in parts on several processors")
    func roundTrip() throws {
        for count in [0, 1, 2_500] {
            let (_, notes) = try Self.largeStore(notes: 1)
            let entries = (0..<count).map { index in
                var note = notes[0]
                note.id = NoteID.make(at: NoteTime(millisecondsSince1970: Int64(index)))
                note.body += String(repeating: "外", count: index % 5)
                note.tags = index % 2 == 0 ? [] : ["Grand-Tag", "外空"]
                note.conflictOf = index % 3 == 0 ? "X" : nil
                return NoteCache.Entry(stamp: StoreFiles.Stamp(inode: UInt64(index) + 7, size: Int64(index), modified: -1, changed: Int64.max),
                                       note: note)
            }
            let path = try Fixture.temporaryDirectory() + "/cache"
            try StoreFiles.replaceUnsynced(NoteCache.encode(entries), at: path, temporaryTag: "test")
            let contents = NoteCache.read(path)
            #expect(contents.notes == entries.map(\.note))
            #expect(contents.stamps == entries.map(\.stamp))
            if let last = entries.last {
                #expect(contents.entry(stamp: last.stamp) == count - 1)
                var touched = last.stamp
                touched.modified += 1
                #expect(contents.entry(stamp: touched) == nil)
            }
        }
    }

    @Test("a cache whose checksum holds but whose offsets or times do not is ignored, not trusted")
    func forgedCache() throws {
        let (_, notes) = try Self.largeStore(notes: 1)
        let entry = NoteCache.Entry(stamp: StoreFiles.Stamp(inode: 1, size: 1, modified: 1, changed: 1), note: notes[0])
        let directory = try Fixture.temporaryDirectory()
        let header = NoteCache.magic.count + 8 * 8   // then the offset table, which the checksum covers with the rest
        func read(_ bytes: [UInt8]) throws -> NoteCache.Contents {
            var bytes = bytes
            let sum = bytes.withUnsafeBufferPointer { NoteCache.checksum(UnsafeBufferPointer(rebasing: $0[header...])) }
            withUnsafeBytes(of: Int64(bitPattern: sum).littleEndian) { bytes.replaceSubrange(header - 8..<header, with: $0) }
            try StoreFiles.replaceUnsynced(bytes, at: directory + "/cache", temporaryTag: "test")
            return NoteCache.read(directory + "/cache")
        }
        var bytes = NoteCache.encode([entry])
        #expect(try read(bytes).notes == [notes[0]])
        withUnsafeBytes(of: Int64.max.littleEndian) { bytes.replaceSubrange(header..<header + 8, with: $0) }
        #expect(try read(bytes).notes.isEmpty)
        for created in [Int64.min, Int64.max, NoteTime.written.upperBound + 1] {
            var timed = entry
            timed.note.created = NoteTime(millisecondsSince1970: created)
            #expect(try read(NoteCache.encode([timed])).notes.isEmpty, "\(created)")
        }
    }

    @Test("a store loaded from its cache refreshes like any other")
    func refreshAfterCache() throws {
        let (store, notes) = try Self.largeStore()
        _ = try store.load()
        let mine = try store.load()
        #expect(try store.refresh(mine).all == notes)
        var changed = notes[4]
        changed.body = "changed elsewhere"
        try store.save(changed, base: notes[4])
        try store.delete(notes[8].id, base: notes[8])
        let refreshed = try store.refresh(mine)
        #expect(refreshed.note(changed.id)?.body == "changed elsewhere")
        #expect(refreshed.note(notes[8].id) == nil)
        #expect(refreshed.count == notes.count - 1)
    }
}
