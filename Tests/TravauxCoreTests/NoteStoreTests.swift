import Foundation
import Testing
@testable import TravauxCore

/// A clock that moves one second per reading, so every save has its own time.
final class SteppingClock: @unchecked Sendable {
    private let lock = NSLock()
    private var time: Int64
    init(start: Int64 = 1_795_000_000_000) { time = start }
    func next() -> NoteTime {
        lock.lock(); defer { lock.unlock() }
        time += 1000
        return NoteTime(millisecondsSince1970: time)
    }
    var clock: NoteClock { NoteClock { self.next() } }
}

func makeStore(clock: NoteClock? = nil) throws -> NoteStore {
    let directory = try Fixture.temporaryDirectory() + "/notes"
    return NoteStore(directory: directory, clock: clock ?? SteppingClock().clock)
}

@Suite("The notes store")
struct NoteStoreTests {
    @Test("a note's file is canonical: sorted keys, two spaces, final newline, omitted empties")
    func canonicalFile() {
        let time = NoteTime(millisecondsSince1970: 1_795_288_316_654)
        let note = Note(id: "01M7ZRGDZTQY8XKGSREPC0PREQ", target: NoteTarget(item: "ppwt", version: "2014"),
                        body: "Line \"one\"\n\ttab é 中 \u{1}", tags: ["#verification", "Verification", "dual use"],
                        session: "seminar-1", author: "ana", created: time)
        let text = NoteFile.encode(note)
        #expect(text == """
        {
          "author": "ana",
          "body": "Line \\"one\\"\\n\\ttab é 中 \\u0001",
          "created": "2026-11-21T19:11:56.654Z",
          "id": "01M7ZRGDZTQY8XKGSREPC0PREQ",
          "schema": 1,
          "session": "seminar-1",
          "tags": [
            "verification",
            "dual-use"
          ],
          "target": {
            "item": "ppwt",
            "version": "2014"
          },
          "updated": "2026-11-21T19:11:56.654Z"
        }

        """)
        let empty = Note(id: "01M7ZRGDZTQY8XKGSREPC0PREQ", target: NoteTarget(item: "x"), body: "", author: "", created: time)
        #expect(NoteFile.encode(empty).contains("\"tags\": []"))
    }

    @Test("what is written reads back identical, whatever the text")
    func roundTrip() throws {
        let bodies = ["", "plain", "# heading\n\n---\n[^1]: x", "emoji 🛰️ and CJK 宇宙 and e\u{301}", "\\ \" \u{0} \u{7F} \u{2028}"]
        let store = try makeStore()
        var saved: [Note] = []
        for (index, body) in bodies.enumerated() {
            let note = store.makeNote(target: NoteTarget(item: "item-\(index)", quote: index == 2 ? "q" : nil), body: body,
                                      tags: ["t\(index)"], session: index == 1 ? "s" : nil, author: "ana")
            try store.save(note, base: nil)
            saved.append(note)
        }
        let loaded = try store.load()
        #expect(loaded.problems.isEmpty)
        #expect(loaded.all == saved)
    }

    @Test("times print and parse as ISO 8601 to the millisecond, across eras")
    func times() {
        for ms: Int64 in [0, 1, 951_782_400_000, 1_795_288_316_654, -1, 4_102_444_800_000, 253_402_300_799_999] {
            let time = NoteTime(millisecondsSince1970: ms)
            #expect(NoteTime(iso8601: time.iso8601) == time, "\(time.iso8601)")
        }
        #expect(NoteTime(millisecondsSince1970: 951_782_400_000).iso8601 == "2000-02-29T00:00:00.000Z")
        #expect(NoteTime(iso8601: "2000-02-29T00:00:00Z")?.millisecondsSince1970 == 951_782_400_000)
        #expect(NoteTime(iso8601: "0000-01-01T00:00:00Z")?.millisecondsSince1970 == NoteTime.written.lowerBound)
        #expect(NoteTime(iso8601: "9999-12-31T23:59:59.999Z")?.millisecondsSince1970 == NoteTime.written.upperBound)
        #expect(NoteTime(iso8601: "2026-11-21T19:11:56Z")?.millisecondsSince1970 == 1_795_288_316_000)
        #expect(NoteTime(iso8601: "2026-11-21T19:11:56.6Z")?.millisecondsSince1970 == 1_795_288_316_600)
        // More digits than milliseconds (Python's isoformat writes six) once crashed every
        // command that read the store: read to the millisecond, the rest dropped.
        for digits in ["1234", "123456", "1239999", "123456789"] {
            #expect(NoteTime(iso8601: "2026-11-21T19:11:56.\(digits)Z")?.millisecondsSince1970 == 1_795_288_316_123, "\(digits)")
        }
        // Python's isoformat gives an offset, never Z: the same moment, kept in UTC.
        for offset in ["2026-11-21T19:11:56.123456+00:00", "2026-11-21T19:11:56.123z", "2026-11-21T20:11:56.123+01:00",
                       "2026-11-21T14:11:56.123-05:00", "2026-11-21T20:41:56.123+0130", "2026-11-21T21:11:56.123+02"] {
            #expect(NoteTime(iso8601: offset)?.millisecondsSince1970 == 1_795_288_316_123, "\(offset)")
        }
        #expect(NoteTime(iso8601: "2026-11-22T01:00:00+01:00")?.iso8601 == "2026-11-22T00:00:00.000Z")
        for bad in ["", "2026-11-21", "2026-13-01T00:00:00Z", "2026-11-21T19:11:56.Z", "2026-11-21T19:11:56", "x026-11-21T19:11:56Z",
                    "2026-02-29T00:00:00Z", "2026-04-31T00:00:00Z", "2026-11-21T23:59:60Z", "2026-11-21T19:11:56+1:00",
                    "2026-11-21T19:11:56+01:60", "2026-11-21T19:11:56+24:00", "2026-11-21T19:11:56+01:00Z", "0000-01-01T00:30:00+01:00"] {
            #expect(NoteTime(iso8601: bad) == nil, "\(bad)")
        }
        #expect(NoteTime.problem(with: "2026-11-21T19:11:56.123456").hasPrefix("has no time zone; end it with Z"))
        #expect(NoteTime.problem(with: "21/11/2026").hasPrefix("is not an ISO 8601 time"))
    }

    @Test("ids sort by creation time and do not repeat")
    func ids() {
        let early = NoteID.make(at: NoteTime(millisecondsSince1970: 1_000))
        let late = NoteID.make(at: NoteTime(millisecondsSince1970: 2_000))
        #expect(early < late)
        #expect(NoteID.isValid(early) && early.count == 26)
        let many = (0..<10_000).map { _ in NoteID.make(at: NoteTime(millisecondsSince1970: 5)) }
        #expect(Set(many).count == many.count)
        #expect(!NoteID.isValid("01M7ZRGDZTQY8XKGSREPC0PREU"))   // U is not in Crockford's alphabet
    }

    @Test("tags are trimmed, de-hashed, hyphenated, parted at commas and unique regardless of case")
    func tags() {
        #expect(Tag.normalise([" #Verification ", "verification", "dual use", "", "#", "a,b"]) == ["Verification", "dual-use", "a", "b"])
        // As the tags line reads `norms, cbms,`: the comma parts tags, and is never one's end.
        #expect(Tag.normalise(["norms, #cbms,", ",", "A"]) == ["norms", "cbms", "A"])
    }

    @Test("files 0600, directories 0700, and a .gitignore for per-user files")
    func permissions() throws {
        let store = try makeStore()
        let note = store.makeNote(target: NoteTarget(item: "ppwt"), body: "x", author: "a")
        try store.save(note, base: nil)
        #expect(StoreFiles.permissions(store.directory) == 0o700)
        #expect(StoreFiles.permissions(store.path(of: note.id)) == 0o600)
        #expect(StoreFiles.permissions(store.directory + "/store.json") == 0o600)
        let ignore = try String(contentsOfFile: store.directory + "/.gitignore", encoding: .utf8)
        #expect(ignore.contains("drafts/") && ignore.contains(".lock"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: store.directory).filter { $0.hasPrefix(".tmp-") }
        #expect(leftovers.isEmpty)
    }

    @Test("a note a script wrote with microseconds and offsets, as Python's isoformat does, loads to the millisecond, and can be deleted")
    func microsecondTimes() throws {
        let store = try makeStore()
        let other = store.makeNote(target: NoteTarget(item: "ppwt"), body: "typed", author: "a")
        try store.save(other, base: nil)
        let id = NoteID.make(at: NoteTime(millisecondsSince1970: 1_795_288_316_123))
        let file = "{\"author\":\"x\",\"body\":\"by hand\",\"created\":\"2026-11-21T19:11:56.123456+00:00\",\"id\":\"\(id)\","
            + "\"schema\":1,\"session\":null,\"tags\":[],\"target\":{\"item\":\"ppwt\"},\"updated\":\"2026-11-21T20:11:57.123456+01:00\"}\n"
        try file.write(toFile: store.path(of: id), atomically: false, encoding: .utf8)
        let loaded = try store.load()
        #expect(loaded.problems.isEmpty)
        let note = try #require(loaded.all.first { $0.id == id })
        #expect(note.created.millisecondsSince1970 == 1_795_288_316_123 && note.body == "by hand")
        #expect(note.updated.millisecondsSince1970 == 1_795_288_317_123)
        _ = try store.delete(note.id, base: note)
        #expect(try store.load().all.map(\.id) == [other.id])
    }

    @Test("a corrupt note is quarantined with its reason, never overwritten, and the rest loads")
    func quarantine() throws {
        let store = try makeStore()
        let good = store.makeNote(target: NoteTarget(item: "ppwt"), body: "good", author: "a")
        try store.save(good, base: nil)
        let badID = NoteID.make(at: NoteTime(millisecondsSince1970: 9))
        let damaged = "{\"id\": \"\(badID)\", \"body\": \"trunc"
        try damaged.write(toFile: store.path(of: badID), atomically: false, encoding: .utf8)
        let wrongID = NoteID.make(at: NoteTime(millisecondsSince1970: 10))
        try NoteFile.encode(good).write(toFile: store.path(of: wrongID), atomically: false, encoding: .utf8)

        let loaded = try store.load()
        #expect(loaded.all.map(\.id) == [good.id])
        #expect(loaded.problems.count == 2)
        let problem = try #require(loaded.problems.first { $0.file.hasSuffix(badID + ".json") })
        #expect(problem.reason.contains("not valid JSON"))
        let moved = try #require(problem.movedTo)
        #expect(try String(contentsOfFile: moved, encoding: .utf8) == damaged)
        #expect(try String(contentsOfFile: moved + ".reason.txt", encoding: .utf8).contains("not valid JSON"))
        #expect(loaded.problems.contains { $0.reason.contains("does not match its file name") })
        #expect(!FileManager.default.fileExists(atPath: store.path(of: badID)))

        // A second damaged file of the same name does not overwrite the first in quarantine.
        try "also bad".write(toFile: store.path(of: badID), atomically: false, encoding: .utf8)
        let again = try store.load()
        #expect(again.problems.first?.movedTo == moved + ".2")
        #expect(try String(contentsOfFile: moved, encoding: .utf8) == damaged)
        #expect(again.all.map(\.id) == [good.id])
    }

    @Test("in a store shared through git a damaged note is left in place, said, never moved (a move is a deletion git shares); the store's own folder or one above holds .git")
    func damagedLeftInPlaceUnderGit() throws {
        for gitAbove in [false, true] {
            let store = try makeStore()
            let good = store.makeNote(target: NoteTarget(item: "ppwt"), body: "good", author: "a")
            try store.save(good, base: nil)
            let parent = (store.directory as NSString).deletingLastPathComponent
            try FileManager.default.createDirectory(atPath: gitAbove ? parent + "/.git" : store.directory + "/.git", withIntermediateDirectories: true)
            #expect(store.isInGitWorkTree)
            // A conflict half mended (the markers deleted, a field left twice), and a note file renamed by hand.
            let halfMended = NoteFile.encode(good).replacingOccurrences(of: "\"body\": \"good\",", with: "\"body\": \"good\",\n  \"body\": \"mine\",")
            let badID = NoteID.make(at: NoteTime(millisecondsSince1970: 9))
            try halfMended.write(toFile: store.path(of: badID), atomically: false, encoding: .utf8)
            let loaded = try store.load()
            #expect(loaded.all.map(\.id) == [good.id])
            let problem = try #require(loaded.problems.first)
            #expect(problem.movedTo == nil && problem.reason.contains("not moved to quarantine, since the store is shared through git"), "\(problem.reason)")
            #expect(try String(contentsOfFile: store.path(of: badID), encoding: .utf8) == halfMended)
            #expect(!FileManager.default.fileExists(atPath: store.directory + "/quarantine"))
            // Read again for another window: the same.
            let refreshed = try store.refresh(try store.load())
            #expect(refreshed.problems.first?.movedTo == nil && FileManager.default.fileExists(atPath: store.path(of: badID)))
        }
        #expect(try !makeStore().isInGitWorkTree)
    }

    @Test("the files git mergetool writes beside a note (_LOCAL_, _REMOTE_, _BASE_, _BACKUP_) are left alone for it, never read or moved")
    func mergeToolFilesLeftAlone() throws {
        let store = try makeStore()
        let good = store.makeNote(target: NoteTarget(item: "ppwt"), body: "good", author: "a")
        try store.save(good, base: nil)
        let names = ["_LOCAL_21837", "_REMOTE_21837", "_BASE_21837", "_BACKUP_5"].map { good.id + $0 + ".json" }
        for name in names { try NoteFile.encode(good).write(toFile: store.directory + "/" + name, atomically: false, encoding: .utf8) }
        // Not git's: a hand copy with an underscore is still read, and set aside.
        try "{}".write(toFile: store.directory + "/my_LOCAL_copy.json", atomically: false, encoding: .utf8)
        let loaded = try store.load()
        #expect(loaded.all.map(\.id) == [good.id])
        #expect(loaded.problems.map { ($0.file as NSString).lastPathComponent } == ["my_LOCAL_copy.json"])
        for name in names { #expect(FileManager.default.fileExists(atPath: store.directory + "/" + name)) }
        #expect(try store.refresh(loaded).problems.isEmpty)
    }

    @Test("the store's .gitignore keeps quarantine/ and mergetool's *.orig copies out of git, and an older one learns them at the next save")
    func gitignoreLines() throws {
        let store = try makeStore()
        try store.save(store.makeNote(target: NoteTarget(item: "ppwt"), body: "x", author: "a"), base: nil)
        let path = store.directory + "/.gitignore"
        let written = try String(contentsOfFile: path, encoding: .utf8)
        #expect(written == NoteStore.gitignoreHeader + "\n.lock\n.tmp-*\ndrafts/\ncache/\nquarantine/\n*.orig\n")
        let older = NoteStore.gitignoreHeader + "\n.lock\n.tmp-*\ndrafts/\ncache/\n*.swp\n"
        try older.write(toFile: path, atomically: true, encoding: .utf8)
        try store.save(store.makeNote(target: NoteTarget(item: "ppwt"), body: "y", author: "a"), base: nil)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == older + "quarantine/\n*.orig\n")
        // A .gitignore of the user's own is theirs.
        try "*.swp\n".write(toFile: path, atomically: true, encoding: .utf8)
        try store.save(store.makeNote(target: NoteTarget(item: "ppwt"), body: "z", author: "a"), base: nil)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "*.swp\n")
    }

    @Test("a directory of JSON files without a manifest (a record, a project given as --store) is refused, read or written, and left untouched")
    func notAStore() throws {
        let store = try makeStore()
        try FileManager.default.createDirectory(atPath: store.directory, withIntermediateDirectories: true)
        try "{\"events\": []}\n".write(toFile: store.directory + "/events.json", atomically: false, encoding: .utf8)
        let refusal = NoteStoreError.notAStore(directory: store.directory, jsonFiles: 1)
        #expect(throws: refusal) { try store.load() }
        #expect(throws: refusal) { try store.refresh(NoteCollection(notes: [])) }
        #expect(throws: refusal) { try store.save(store.makeNote(target: NoteTarget(item: "ppwt"), body: "x", author: "a"), base: nil) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: store.directory) == ["events.json"])
        #expect(refusal.description.contains("holds 1 JSON file but no store.json, so it is not a travaux notes store; nothing was read or changed"))
        // A directory without JSON files becomes a store with its first note.
        try FileManager.default.removeItem(atPath: store.directory + "/events.json")
        try "notes to self".write(toFile: store.directory + "/README", atomically: false, encoding: .utf8)
        #expect(try store.load().all.isEmpty)
        try store.save(store.makeNote(target: NoteTarget(item: "ppwt"), body: "x", author: "a"), base: nil)
        #expect(try store.load().all.count == 1)
    }

    @Test("a note of a newer schema is reported and left untouched while the others load; a store of a newer schema is refused")
    func newerSchema() throws {
        let store = try makeStore()
        let note = store.makeNote(target: NoteTarget(item: "ppwt"), body: "x", author: "a")
        try store.save(note, base: nil)
        var future = note
        future.schema = Note.schemaVersion + 1
        future.id = NoteID.make(at: NoteTime(millisecondsSince1970: 99))
        let futureText = NoteFile.encode(future)
        try futureText.write(toFile: store.path(of: future.id), atomically: false, encoding: .utf8)
        let loaded = try store.load()
        #expect(loaded.all == [note])
        #expect(loaded.problems.map(\.description) == [
            "\(store.path(of: future.id)): written by a newer travaux (note schema \(Note.schemaVersion + 1), this one reads up to \(Note.schemaVersion)); upgrade travaux to read it; left in place"])
        #expect(try store.refresh(loaded).problems == loaded.problems)
        #expect(try String(contentsOfFile: store.path(of: future.id), encoding: .utf8) == futureText)

        try FileManager.default.removeItem(atPath: store.path(of: future.id))
        try "{\"schema\": 7}\n".write(toFile: store.directory + "/store.json", atomically: false, encoding: .utf8)
        let error = #expect(throws: NoteStoreError.self) { try store.load() }
        #expect(error?.description.contains("newer travaux") == true)
        #expect(throws: NoteStoreError.self) { try store.save(store.makeNote(target: NoteTarget(item: "a"), body: "b", author: "c"), base: nil) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: store.directory).filter { $0.hasSuffix(".json") }.count == 2)
    }

    @Test("a save or a delete over a file damaged since it was read keeps that file in quarantine; a newer travaux's note is left alone")
    func damagedOrNewerFileUnderASave() throws {
        let store = try makeStore()
        let note = try store.save(store.makeNote(target: NoteTarget(item: "ppwt"), body: "read", author: "a"), base: nil).saved
        // Someone edits the file by hand and leaves it half done.
        let handEdit = "{\"body\": \"a paragraph typed by hand, not yet closed\n"
        try handEdit.write(toFile: store.path(of: note.id), atomically: false, encoding: .utf8)
        var edited = note
        edited.body = "edited in the window"
        let outcome = try store.save(edited, base: note)
        let kept = try #require(outcome.quarantined?.movedTo)
        #expect(try String(contentsOfFile: kept, encoding: .utf8) == handEdit)
        #expect(try store.load().note(note.id)?.body == "edited in the window")

        try handEdit.write(toFile: store.path(of: note.id), atomically: false, encoding: .utf8)
        try store.delete(note.id, base: outcome.saved)
        #expect(!FileManager.default.fileExists(atPath: store.path(of: note.id)))
        let quarantined = try FileManager.default.contentsOfDirectory(atPath: store.directory + "/quarantine").filter { !$0.hasSuffix(".reason.txt") }
        #expect(quarantined.count == 2)

        var future = note
        future.schema = Note.schemaVersion + 1
        let futureText = NoteFile.encode(future)
        try futureText.write(toFile: store.path(of: note.id), atomically: false, encoding: .utf8)
        #expect(throws: NoteStoreError.newerSchema(path: store.path(of: note.id), version: Note.schemaVersion + 1)) {
            try store.save(edited, base: note)
        }
        #expect(throws: NoteStoreError.newerSchema(path: store.path(of: note.id), version: Note.schemaVersion + 1)) {
            try store.delete(note.id, base: note)
        }
        #expect(try String(contentsOfFile: store.path(of: note.id), encoding: .utf8) == futureText)

        // Git's conflict markers: neither replaced nor moved, and the edit is refused whole.
        let conflicted = "<<<<<<< HEAD\n{\"body\": \"ours\"}\n=======\n{\"body\": \"theirs\"}\n>>>>>>> origin/main\n"
        try conflicted.write(toFile: store.path(of: note.id), atomically: false, encoding: .utf8)
        #expect(throws: NoteStoreError.mergeConflict(path: store.path(of: note.id))) { try store.save(edited, base: note) }
        #expect(throws: NoteStoreError.mergeConflict(path: store.path(of: note.id))) { try store.delete(note.id, base: note) }
        #expect(try String(contentsOfFile: store.path(of: note.id), encoding: .utf8) == conflicted)
        // Checked out with CRLF line ends (git's autocrlf), the markers are found all the same.
        let crlf = conflicted.replacingOccurrences(of: "\n", with: "\r\n")
        try crlf.write(toFile: store.path(of: note.id), atomically: false, encoding: .utf8)
        #expect(throws: NoteStoreError.mergeConflict(path: store.path(of: note.id))) { try store.save(edited, base: note) }
        #expect(try String(contentsOfFile: store.path(of: note.id), encoding: .utf8) == crlf)

        // A damaged file that cannot be moved aside (a file where quarantine/ goes) is left alone.
        try FileManager.default.removeItem(atPath: store.directory + "/quarantine")
        try Data().write(to: URL(fileURLWithPath: store.directory + "/quarantine"))
        try handEdit.write(toFile: store.path(of: note.id), atomically: false, encoding: .utf8)
        #expect(throws: NoteStoreError.self) { try store.save(edited, base: note) }
        #expect(throws: NoteStoreError.self) { try store.delete(note.id, base: note) }
        #expect(try String(contentsOfFile: store.path(of: note.id), encoding: .utf8) == handEdit)
    }

    @Test("a draft is a running window's only while that very process runs: a later one given its id sees it, and writes beside it")
    func draftsOfAReusedProcessID() throws {
        let store = try makeStore()
        try store.save(store.makeNote(target: NoteTarget(item: "ppwt"), body: "x", author: "a"), base: nil)
        let pid = getpid()
        let start = try #require(NoteDraft.startOfProcess(pid))
        func draft(_ body: String, start: Int64?) -> NoteDraft {
            NoteDraft(id: "edit-1", target: NoteTarget(item: "ppwt"), body: body, tags: [], session: nil, baseID: nil,
                      saved: NoteTime(millisecondsSince1970: 1_000), pid: pid, processStart: start)
        }
        // This process's own draft is a live window's: not offered.
        try store.saveDraft(draft("mine", start: start))
        #expect(store.abandonedDrafts().isEmpty)
        // An earlier process had the same id (a container's PID 1): its draft is offered, and
        // this process's draft of the same number does not replace it.
        try store.saveDraft(draft("a closed window's", start: start - 1))
        #expect(store.abandonedDrafts().map(\.body) == ["a closed window's"])
        try store.saveDraft(draft("mine, later", start: start))
        #expect(store.abandonedDrafts().map(\.body) == ["a closed window's"])
        // A draft written before process starts were kept counts as live while its id runs.
        try store.saveDraft(draft("old format", start: nil))
        #expect(store.abandonedDrafts().map(\.body) == ["a closed window's"])
    }

    @Test("a resumed draft is claimed by one window alone, its file renamed to this window's: a failed claim leaves it where it was, a second finds it gone")
    func claimDraft() throws {
        let store = try makeStore()
        try store.save(store.makeNote(target: NoteTarget(item: "ppwt"), body: "x", author: "a"), base: nil)
        func draft(_ body: String, pid: Int32) -> NoteDraft {
            NoteDraft(id: "edit-1", target: NoteTarget(item: "ppwt"), body: body, tags: [], session: nil, baseID: nil,
                      saved: NoteTime(millisecondsSince1970: 1_000), pid: pid, processStart: nil)
        }
        let closed = draft("typed before the window closed", pid: 4_000_001)
        try store.saveDraft(closed)
        let drafts = store.directory + "/drafts"
        // A draft that cannot be written (the draft's file name taken by a directory).
        let mine = draft("typed before the window closed", pid: 4_000_002)
        try FileManager.default.createDirectory(atPath: drafts + "/edit-1-4000002.json", withIntermediateDirectories: false)
        #expect(throws: NoteStoreError.self) { try store.claimDraft(closed, as: mine) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: drafts).contains("edit-1-4000001.json"))
        try FileManager.default.removeItem(atPath: drafts + "/edit-1-4000002.json")
        #expect(FileManager.default.fileExists(atPath: drafts + "/edit-1-4000001.json"))
        #expect(try store.claimDraft(closed, as: mine))
        #expect(try FileManager.default.contentsOfDirectory(atPath: drafts).filter { $0.hasSuffix(".json") } == ["edit-1-4000002.json"])
        #expect(!FileManager.default.fileExists(atPath: drafts + "/edit-1-4000001.json"))
        // Another window that offered the same draft finds it taken, and writes nothing.
        let theirs = draft("typed before the window closed", pid: 4_000_003)
        #expect(try store.claimDraft(closed, as: theirs) == false)
        #expect(try FileManager.default.contentsOfDirectory(atPath: drafts).filter { $0.hasSuffix(".json") } == ["edit-1-4000002.json"])
    }

    @Test("a note git could not merge is left in place, with how to resolve it, and comes back once resolved")
    func mergeConflictLeftInPlace() throws {
        let store = try makeStore()
        let note = try store.save(store.makeNote(target: NoteTarget(item: "ppwt"), body: "ours", author: "a"), base: nil).saved
        let resolved = NoteFile.encode(note)
        let conflicted = resolved.replacingOccurrences(of: "  \"body\": \"ours\",\n",
                                                       with: "<<<<<<< HEAD\n  \"body\": \"ours\",\n=======\n  \"body\": \"theirs\",\n>>>>>>> origin/main\n")
        #expect(conflicted != resolved)
        try conflicted.write(toFile: store.path(of: note.id), atomically: false, encoding: .utf8)
        let loaded = try store.load()
        #expect(loaded.isEmpty)
        #expect(loaded.problems.map(\.movedTo) == [nil])
        #expect(loaded.problems.first?.description.contains("git merge conflict; resolve it") == true)
        #expect(try String(contentsOfFile: store.path(of: note.id), encoding: .utf8) == conflicted)
        #expect(!FileManager.default.fileExists(atPath: store.directory + "/quarantine"))
        try resolved.write(toFile: store.path(of: note.id), atomically: false, encoding: .utf8)
        #expect(try store.load().note(note.id)?.body == "ours")
    }

    @Test("a note saved as new over one saved again meanwhile (u after another window's edit) keeps both, the later as the note")
    func newOverExisting() throws {
        let store = try makeStore()
        let note = store.makeNote(target: NoteTarget(item: "a"), body: "original", author: "a")
        try store.save(note, base: nil)
        // Deleted here; another window, which had it open, saves its edit.
        try store.delete(note.id, base: note)
        var edited = note
        edited.body = "original + the other window's edit"
        try store.save(edited, base: note)
        let outcome = try store.save(note, base: nil)   // brought back
        #expect(outcome.saved.body == "original + the other window's edit")
        #expect(outcome.conflictCopy?.body == "original" && outcome.copyIsMine)
        #expect(try store.load().all.map(\.body).sorted() == ["original", "original + the other window's edit"])
        // The same note again is no conflict.
        #expect(try store.save(outcome.saved, base: nil).conflictCopy == nil)
    }

    @Test("modify changes a note as it is on disk, so an edit made meanwhile is kept, not put back into a conflict copy")
    func modifyKeepsEditsMadeMeanwhile() throws {
        let store = try makeStore()
        let note = store.makeNote(target: NoteTarget(item: "a"), body: "original", tags: ["old"], author: "a")
        try store.save(note, base: nil)
        var edited = note
        edited.body = "edited by the command line"
        try store.save(edited, base: note)
        // A rename that read the note before that edit.
        let renamed = try store.modify(note.id) { current in
            var changed = current
            changed.tags = ["new"]
            return changed
        }
        #expect(renamed?.body == "edited by the command line" && renamed?.tags == ["new"])
        let all = try store.load().all
        #expect(all.count == 1 && all.first?.body == "edited by the command line" && all.first?.tags == ["new"])
        // Nothing to change, or no such note: nothing written.
        #expect(try store.modify(note.id) { _ in nil } == nil)
        #expect(try store.modify("01NOSUCHNOTE0000000000000") { $0 } == nil)
        #expect(try store.renameTag("new", to: "newer").map(\.body) == ["edited by the command line"])
    }

    @Test("a directory, a pipe or a device named like a note is skipped and reported, left where it is; the other notes load")
    func oddEntriesSkipped() throws {
        let store = try makeStore()
        let note = store.makeNote(target: NoteTarget(item: "a"), body: "kept", author: "a")
        try store.save(note, base: nil)
        let directory = store.directory + "/01M85AAAAAAAAAAAAAAAAAAAAA.json"
        let pipe = store.directory + "/01M85BBBBBBBBBBBBBBBBBBBBB.json"
        let device = store.directory + "/01M85CCCCCCCCCCCCCCCCCCCCC.json"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: false)
        #expect(mkfifo(pipe, 0o600) == 0)
        try FileManager.default.createSymbolicLink(atPath: device, withDestinationPath: "/dev/zero")
        for collection in [try store.load(), try store.refresh(NoteCollection(notes: []))] {
            #expect(collection.all.map(\.body) == ["kept"])
            #expect(collection.problems.count == 3)
            #expect(collection.problems.allSatisfy { $0.movedTo == nil && $0.reason.hasSuffix("; skipped (move it out of the store)") },
                    "\(collection.problems)")
            #expect(collection.problems.contains { $0.file == directory && $0.reason.hasPrefix("a directory") })
        }
        #expect(FileManager.default.fileExists(atPath: pipe) && FileManager.default.fileExists(atPath: directory))
    }

    @Test("a field given twice in a note's file is quarantined, naming it, rather than one value dropped")
    func duplicateField() throws {
        let store = try makeStore()
        let note = store.makeNote(target: NoteTarget(item: "a"), body: "note 1", author: "a")
        try store.save(note, base: nil)
        let path = store.path(of: note.id)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try text.replacingOccurrences(of: "\"body\": \"note 1\",", with: "\"body\": \"note 1\",\n  \"body\": \"second\",")
            .write(toFile: path, atomically: true, encoding: .utf8)
        let loaded = try store.load()
        #expect(loaded.isEmpty)
        #expect(loaded.problems.first?.reason == "field 'body' appears twice; keep one")
        #expect(loaded.problems.first?.movedTo != nil)
    }

    @Test("fields of a note's file that travaux does not know are kept by every change made to it")
    func otherFieldsKept() throws {
        let store = try makeStore()
        let note = store.makeNote(target: NoteTarget(item: "a"), body: "original", tags: ["old"], author: "a")
        try store.save(note, base: nil)
        let path = store.path(of: note.id)
        var text = try String(contentsOfFile: path, encoding: .utf8)
        text = text.replacingOccurrences(of: "{\n", with: "{\n  \"attachments\": [\"scan-p3.pdf\"],\n  \"x-tool\": {\"seen\": true, \"n\": 2.5},\n")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let read = try #require(try store.load().note(note.id))
        var edited = read
        edited.body = "edited"
        try store.save(edited, base: read)
        try store.modify(note.id) { var renamed = $0; renamed.tags = ["new"]; return renamed }
        let written = try String(contentsOfFile: path, encoding: .utf8)
        #expect(written.contains("\"attachments\": [\"scan-p3.pdf\"]") && written.contains("\"x-tool\": {\"seen\": true, \"n\": 2.5}"), "\(written)")
        #expect(try store.load().note(note.id)?.body == "edited")
        #expect(try store.load().note(note.id)?.tags == ["new"])
        // Written again unchanged, the file is the same bytes: the kept fields do not drift.
        let again = try #require(try store.load().note(note.id))
        var touched = again
        touched.body = "edited again"
        try store.save(touched, base: again)
        touched.body = "edited"
        try store.save(touched, base: try #require(try store.load().note(note.id)))
        let stable = try String(contentsOfFile: path, encoding: .utf8)
        #expect(stable.replacing(#/"updated": "[^"]*"/#, with: "") == written.replacing(#/"updated": "[^"]*"/#, with: ""))
        // Two edits of one field that cross: the conflict copy keeps the fields too.
        let base = try #require(try store.load().note(note.id))
        var there = base, here = base
        there.body = "there"
        try store.save(there, base: base)
        here.body = "here"
        let crossed = try store.save(here, base: base, merges: false)
        let copy = try #require(crossed.conflictCopy)
        let copyText = try String(contentsOfFile: store.path(of: copy.id), encoding: .utf8)
        #expect(copyText.contains("\"attachments\": [\"scan-p3.pdf\"]"), "\(copyText)")
        #expect(try String(contentsOfFile: path, encoding: .utf8).contains("\"attachments\": [\"scan-p3.pdf\"]"))
    }

    /// A note whose file another tool gave `fields` (JSON members), then edited and saved
    /// by travaux: its store and its file's path.
    /// A note saved, then given `fields` in its file by another tool: the store, the note and its file.
    func noteFile(withFields fields: String) throws -> (NoteStore, Note, String) {
        let store = try makeStore()
        let note = store.makeNote(target: NoteTarget(item: "a"), body: "kept", author: "a")
        try store.save(note, base: nil)
        let path = store.path(of: note.id)
        try String(contentsOfFile: path, encoding: .utf8).replacing("{\n", with: "{\n  " + fields + ",\n", maxReplacements: 1)
            .write(toFile: path, atomically: true, encoding: .utf8)
        return (store, note, path)
    }

    func editedNote(withFields fields: String) throws -> (NoteStore, String) {
        let (store, note, path) = try noteFile(withFields: fields)
        let read = try #require(try store.load().note(note.id))
        var edited = read
        edited.body = "edited"
        try store.save(edited, base: read)
        return (store, path)
    }

    @Test("other fields are kept even when two of their keys are one text only by Unicode's equivalence (é, and e with its accent apart)")
    func equivalentOtherKeysKept() throws {
        let (_, path) = try editedNote(withFields: "\"caf\\u00e9\": 3, \"cafe\\u0301\": 4, \"meta\": {\"caf\\u00e9\": 1, \"cafe\\u0301\": 2}")
        let written = try String(contentsOfFile: path, encoding: .utf8)
        #expect(written.contains("\"cafe\u{301}\": 4") && written.contains("\"caf\u{E9}\": 3"), "\(written)")
        #expect(written.contains("\"meta\": {\"caf\\u00e9\": 1, \"cafe\\u0301\": 2}"), "\(written)")
    }

    @Test("a key twice inside a field another tool wrote is that tool's: the note loads and keeps it; a field of the note twice is refused")
    func keyTwiceInsideOtherField() throws {
        let (store, path) = try editedNote(withFields: "\"attachments\": [{\"name\": \"a.pdf\", \"n\\u0061me\": \"b.pdf\"}]")
        #expect(try String(contentsOfFile: path, encoding: .utf8).contains("\"attachments\": [{\"name\": \"a.pdf\", \"n\\u0061me\": \"b.pdf\"}]"))
        // The note's own field twice, in the target: refused, named.
        let twice = try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(of: "\"item\": \"a\"", with: "\"item\": \"a\", \"it\\u0065m\": \"b\"")
        try twice.write(toFile: path, atomically: true, encoding: .utf8)
        let problems = try store.load().problems
        #expect(problems.first?.reason.hasPrefix("field 'item' appears twice; keep one") == true, "\(problems)")
    }

    @Test("a note deleted and brought back with its deletion has its file's other fields again; a new note of another id does not take them")
    func otherFieldsBroughtBack() throws {
        let (store, note, path) = try noteFile(withFields: "\"attachments\": [\"scan-p3.pdf\"]")
        let deletion = try #require(try store.delete(note.id, base: note))
        #expect(deletion.note == note && !FileManager.default.fileExists(atPath: path))
        try store.save(deletion.note, base: nil, restoring: deletion)
        #expect(try String(contentsOfFile: path, encoding: .utf8).contains("\"attachments\": [\"scan-p3.pdf\"]"))
        #expect(try store.load().note(note.id) == note)
        let other = store.makeNote(target: NoteTarget(item: "a"), body: "new", author: "a")
        try store.save(other, base: nil, restoring: deletion)
        #expect(try !String(contentsOfFile: store.path(of: other.id), encoding: .utf8).contains("attachments"))
    }

    @Test("refresh sees another writer's new, changed and deleted notes")
    func refresh() throws {
        let store = try makeStore()
        let first = store.makeNote(target: NoteTarget(item: "a"), body: "1", author: "a")
        let second = store.makeNote(target: NoteTarget(item: "b"), body: "2", author: "a")
        try store.save(first, base: nil)
        try store.save(second, base: nil)
        let mine = try store.load()
        // "Another process" works on the same directory.
        let other = NoteStore(directory: store.directory, clock: store.clock)
        let third = other.makeNote(target: NoteTarget(item: "c"), body: "3", author: "b")
        try other.save(third, base: nil)
        var changed = first
        changed.body = "1 changed"
        try other.save(changed, base: first)
        try other.delete(second.id, base: second)

        let refreshed = try store.refresh(mine)
        #expect(refreshed.all.map(\.id) == [first.id, third.id])
        #expect(refreshed.note(first.id)?.body == "1 changed")
    }

    @Test("a note deleted elsewhere goes even when the file system gives its file number to the note added next")
    func refreshAfterInodeReuse() throws {
        let store = try makeStore()
        let deleted = store.makeNote(target: NoteTarget(item: "a"), body: "deleted elsewhere", author: "a")
        let kept = store.makeNote(target: NoteTarget(item: "b"), body: "kept", author: "a")
        try store.save(deleted, base: nil)
        try store.save(kept, base: nil)
        var mine = try store.load()
        try store.delete(deleted.id, base: deleted)
        let added = try store.save(store.makeNote(target: NoteTarget(item: "c"), body: "added elsewhere", author: "b"), base: nil).saved
        // Whatever number the file system chose, say the deleted note's file had the new one's.
        var status = stat()
        try #require(stat(store.directory + "/" + added.id + ".json", &status) == 0)
        let reused = UInt64(status.st_ino)
        mine.idsByInode = mine.idsByInode.filter { $0.value != deleted.id }
        mine.idsByInode[reused] = deleted.id
        let refreshed = try store.refresh(mine)
        #expect(refreshed.all.map(\.id).sorted() == [kept.id, added.id].sorted())
        #expect(refreshed.idsByInode[reused] == added.id)
    }

    @Test("an edit saved over a note deleted elsewhere brings it back and says so; a new note or an unchanged base does not")
    func editOfDeletedNote() throws {
        let store = try makeStore()
        let note = try store.save(store.makeNote(target: NoteTarget(item: "ppwt"), body: "first", author: "a"), base: nil).saved
        try store.delete(note.id, base: note)
        var edited = note
        edited.body = "first, edited in another window"
        let outcome = try store.save(edited, base: note)
        #expect(outcome.broughtBack && outcome.conflictCopy == nil)
        #expect(try store.load().note(note.id)?.body == "first, edited in another window")
        edited.body = "again"
        #expect(try store.save(edited, base: outcome.saved).broughtBack == false)
        #expect(try store.save(store.makeNote(target: NoteTarget(item: "a"), body: "new", author: "a"), base: nil).broughtBack == false)
    }

    @Test("a full disk is said as one, with no advice about permissions, which are fine")
    func fullDisk() {
        let full = NoteStoreError(StoreFiles.Failure(path: "/notes/01M.json", reason: "No space left on device", code: ENOSPC))
        #expect(full.description == "/notes/01M.json: No space left on device; free some space on that disk and try again")
        let denied = NoteStoreError(StoreFiles.Failure(path: "/notes/01M.json", reason: "Permission denied", code: EACCES))
        #expect(denied.description.hasSuffix("check that the notes store can be read and written (--store DIR or TRAVAUX_STORE)"))
    }

    @Test("a note changed elsewhere on its old file number (two saves by rename, a git pull) is read again")
    func refreshAfterReplacementOnSameInode() throws {
        let store = try makeStore()
        let note = store.makeNote(target: NoteTarget(item: "a"), body: "as first read", author: "a")
        let other = store.makeNote(target: NoteTarget(item: "b"), body: "other", author: "a")
        try store.save(note, base: nil)
        try store.save(other, base: nil)
        let path = store.path(of: note.id)
        var status = stat()
        try #require(stat(path, &status) == 0)
        let inode = status.st_ino
        let mine = try store.load()
        // The file system's reuse of the freed number, made certain: the new text written into
        // the same file, and the directory touched as a rename or a pull touches it.
        var changed = note
        changed.body = "pulled from a colleague"
        changed.updated = NoteTime(millisecondsSince1970: note.updated.millisecondsSince1970 + 1_000)
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: 0)
        try handle.write(contentsOf: Data(NoteFile.encode(changed).utf8))
        try handle.close()
        try Data().write(to: URL(fileURLWithPath: store.directory + "/touch.tmp"))
        try FileManager.default.removeItem(atPath: store.directory + "/touch.tmp")
        try #require(stat(path, &status) == 0 && status.st_ino == inode)
        let refreshed = try store.refresh(mine)
        #expect(refreshed.note(note.id)?.body == "pulled from a colleague")
        #expect(refreshed.note(other.id)?.body == "other")
        // Unchanged since, it is not read again: the same note comes back.
        #expect(try store.refresh(refreshed).note(note.id)?.body == "pulled from a colleague")
        // And two saves by rename in a row, whatever numbers they get, leave the last text.
        var again = changed
        for text in ["second", "third"] {
            again.body = text
            again = try store.save(again, base: nil).saved
        }
        #expect(try store.refresh(refreshed).note(note.id)?.body == "third")
    }

    @Test("two edits of one note: the later wins and the other is kept as a conflict copy")
    func conflict() throws {
        let store = try makeStore()
        let original = store.makeNote(target: NoteTarget(item: "ppwt"), body: "original", tags: ["t"], author: "a")
        try store.save(original, base: nil)
        var theirs = original
        theirs.body = "their edit"
        try store.save(theirs, base: original)
        var mine = original
        mine.body = "my edit"
        let outcome = try store.save(mine, base: original)
        #expect(outcome.saved.body == "my edit")
        let copy = try #require(outcome.conflictCopy)
        #expect(copy.body == "their edit")
        #expect(copy.conflictOf == original.id)
        #expect(copy.tags == ["t"])
        let loaded = try store.load()
        #expect(Set(loaded.all.map(\.body)) == ["my edit", "their edit"])

        // Saving again from the now-current version is an ordinary save.
        var next = outcome.saved
        next.body = "settled"
        #expect(try store.save(next, base: outcome.saved).conflictCopy == nil)
    }

    @Test("deleting a note another process changed meanwhile is refused")
    func deleteChanged() throws {
        let store = try makeStore()
        let note = store.makeNote(target: NoteTarget(item: "ppwt"), body: "x", author: "a")
        try store.save(note, base: nil)
        var changed = note
        changed.body = "changed elsewhere"
        try store.save(changed, base: note)
        #expect(throws: NoteStoreError.changedElsewhere(id: note.id)) { try store.delete(note.id, base: note) }
        #expect(try store.load().note(note.id)?.body == "changed elsewhere")
    }

    @Test("an edit of a note deleted elsewhere brings it back instead of losing the edit")
    func editDeleted() throws {
        let store = try makeStore()
        let note = store.makeNote(target: NoteTarget(item: "ppwt"), body: "x", author: "a")
        try store.save(note, base: nil)
        try store.delete(note.id, base: nil)
        var edited = note
        edited.body = "edited"
        try store.save(edited, base: note)
        #expect(try store.load().note(note.id)?.body == "edited")
    }

    @Test("renaming a tag renames it everywhere and merges it into an existing tag")
    func renameTag() throws {
        let store = try makeStore()
        try store.save(store.makeNote(target: NoteTarget(item: "a"), body: "1", tags: ["verif", "space"], author: "a"), base: nil)
        try store.save(store.makeNote(target: NoteTarget(item: "b"), body: "2", tags: ["Verif", "verification"], author: "a"), base: nil)
        try store.save(store.makeNote(target: NoteTarget(item: "c"), body: "3", tags: ["other"], author: "a"), base: nil)
        let changed = try store.renameTag("verif", to: "verification")
        #expect(changed.count == 2)
        let loaded = try store.load()
        #expect(loaded.all.map(\.tags) == [["verification", "space"], ["verification"], ["other"]])
        #expect(loaded.tagCounts.map(\.tag) == ["verification", "other", "space"])
    }

    @Test("renaming a session renames it on its notes in every spelling, merges it into a session in use, and leaves other sessions alone")
    func renameSession() throws {
        let store = try makeStore()
        func add(_ item: String, _ session: String?) throws -> Note {
            let note = store.makeNote(target: NoteTarget(item: item), body: item, tags: [], session: session, author: "a")
            try store.save(note, base: nil)
            return note
        }
        _ = try add("a", "seminar 3")
        _ = try add("b", "Seminar 3")
        let handWritten = try add("c", "seminar 3")
        _ = try add("d", "seminar 4")
        _ = try add("e", "Seminar 4")
        _ = try add("f", nil)
        // A file edited by hand: stray spaces, still the session.
        var spaced = handWritten
        spaced.session = " seminar  3"
        try store.save(spaced, base: handWritten)
        // Re-spelled: every spelling takes the one typed, white space made single.
        #expect(try store.renameSession("SEMINAR 3", to: " Seminar   3").map(\.body) == ["a", "c"])
        #expect(try store.load().all.map(\.session) == ["Seminar 3", "Seminar 3", "Seminar 3", "seminar 4", "Seminar 4", nil])
        #expect(try store.renameSession("seminar 3", to: "Seminar 3").isEmpty)
        // Merged into a session in use: its notes' spelling (a tie: the first in code order).
        #expect(try store.renameSession("seminar 3", to: "SEMINAR 4").count == 3)
        #expect(try store.load().all.map(\.session) == ["Seminar 4", "Seminar 4", "Seminar 4", "seminar 4", "Seminar 4", nil])
        // Renamed to a new session; the notes outside any stay outside.
        #expect(try store.renameSession("seminar 4", to: "OEWG 2").count == 5)
        #expect(try store.load().all.map(\.session) == ["OEWG 2", "OEWG 2", "OEWG 2", "OEWG 2", "OEWG 2", nil])
        #expect(try store.renameSession("no such session", to: "x").isEmpty)
    }

    @Test("an id is found by any unique beginning of four characters or more, case-insensitively")
    func resolve() throws {
        let a = Note(id: "01AAAAAAAAAAAAAAAAAAAAAAAA", target: NoteTarget(item: "x"), body: "", author: "", created: NoteTime(millisecondsSince1970: 0))
        let b = Note(id: "01AABAAAAAAAAAAAAAAAAAAAAA", target: NoteTarget(item: "x"), body: "", author: "", created: NoteTime(millisecondsSince1970: 0))
        let notes = NoteCollection(notes: [a, b])
        #expect(try notes.resolve("01aaa").id == a.id)
        #expect(try notes.resolve("01aab").id == b.id)
        #expect(throws: NoteStoreError.ambiguousNote("01aa", matches: [a.id, b.id])) { try notes.resolve("01aa") }
        #expect(throws: NoteStoreError.self) { try notes.resolve("zzzz") }
        // Too short a prefix names nothing, even when it would be unique: an unset variable must not pick a note.
        let one = NoteCollection(notes: [a])
        for short in ["", " ", "0", "01A"] {
            #expect(throws: NoteStoreError.shortNotePrefix(short)) { try one.resolve(short) }
        }
        #expect(NoteStoreError.shortNotePrefix("").description == "no note id given; give the note's id or at least its first 4 characters ('travaux note list' shows them)")
        #expect(NoteStoreError.shortNotePrefix("01A").description.hasPrefix("'01A' is too short to name a note"))
    }

    @Test("a note written by hand with an id of its own is named by that id, however short, or by its beginning")
    func resolveHandWrittenID() throws {
        let time = NoteTime(millisecondsSince1970: 0)
        let intro = Note(id: "foo", target: NoteTarget(item: "x"), body: "", author: "", created: time)
        let seminar = Note(id: "seminar-intro", target: NoteTarget(item: "x"), body: "", author: "", created: time)
        let notes = NoteCollection(notes: [intro, seminar])
        #expect(try notes.resolve("foo").id == "foo")
        #expect(try notes.resolve("FOO").id == "foo")
        #expect(try notes.resolve("semi").id == "seminar-intro")
        #expect(throws: NoteStoreError.shortNotePrefix("fo")) { try notes.resolve("fo") }
    }

    @Test("filters combine tags, session, items and words")
    func filter() {
        let t = NoteTime(millisecondsSince1970: 0)
        let a = Note(id: "01A", target: NoteTarget(item: "ppwt"), body: "Vérification matters", tags: ["verification"], session: "s1", author: "", created: t)
        let b = Note(id: "01B", target: NoteTarget(item: "osce"), body: "CBMs", tags: ["cbm", "verification"], session: "s2", author: "", created: t)
        let notes = NoteCollection(notes: [a, b])
        #expect(NoteFilter(tags: ["#Verification"]).apply(to: notes).map(\.id) == ["01A", "01B"])
        #expect(NoteFilter(tags: ["verification", "cbm"]).apply(to: notes).map(\.id) == ["01B"])
        #expect(NoteFilter(session: "s1").apply(to: notes).map(\.id) == ["01A"])
        #expect(NoteFilter(itemIDs: ["osce"]).apply(to: notes).map(\.id) == ["01B"])
        #expect(NoteFilter(text: "verif").apply(to: notes).map(\.id) == ["01A", "01B"])
        #expect(NoteFilter(text: "matters verification").apply(to: notes).map(\.id) == ["01A"])
    }

    @Test("a note's target is checked against the record with a useful message")
    func targets() throws {
        let record = try Fixture.record()
        #expect(record.problem(with: NoteTarget(item: "ppwt")) == nil)
        #expect(record.problem(with: NoteTarget(item: "ppvt"))?.contains("did you mean 'ppwt'") == true)
        #expect(record.problem(with: NoteTarget(item: "ppwt", version: "1999"))?.contains("its versions are") == true)
        let versions = record.noteTargets(of: "ppwt")
        #expect(versions.first == NoteTarget(item: "ppwt"))
        for target in versions { #expect(record.problem(with: target) == nil, "\(target.description)") }
    }
}

@Suite("The notes store's housekeeping")
struct NoteStoreHousekeepingTests {
    @Test("a temporary file left a minute ago by a dead process is removed; a live one's, or a fresh one, is left alone")
    func temporaries() throws {
        let store = try makeStore()
        try store.save(store.makeNote(target: NoteTarget(item: "a"), body: "1", author: "a"), base: nil)
        let dead = store.directory + "/.tmp-01ABC-999999999"
        let live = store.directory + "/.tmp-01ABC-\(ProcessInfo.processInfo.processIdentifier)"
        // A writer in another PID namespace looks dead from here while it writes.
        let fresh = store.directory + "/.tmp-01DEF-999999998"
        for file in [dead, live, fresh] { try "half".write(toFile: file, atomically: false, encoding: .utf8) }
        let minutesAgo = Date().addingTimeInterval(-120)
        for file in [dead, live] { try FileManager.default.setAttributes([.modificationDate: minutesAgo], ofItemAtPath: file) }
        let loaded = try store.load()
        #expect(loaded.count == 1 && loaded.problems.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: dead))
        #expect(FileManager.default.fileExists(atPath: live))
        #expect(FileManager.default.fileExists(atPath: fresh))
    }
}

@Suite("A store that goes away")
struct StoreGoneTests {
    @Test("known to exist, a store gone is an error to read and to write, and is not made again; back, it is read as before")
    func goneIsNotEmpty() throws {
        var store = try makeStore()
        let first = try store.save(store.makeNote(target: NoteTarget(item: "ppwt"), body: "before", author: "a"), base: nil).saved
        store.knownToExist = try store.checkReadable()
        #expect(store.knownToExist)
        let read = try store.load()
        let moved = store.directory + "-elsewhere"
        try FileManager.default.moveItem(atPath: store.directory, toPath: moved)
        #expect(throws: NoteStoreError.storeGone(directory: store.directory)) { try store.refresh(read) }
        #expect(throws: NoteStoreError.storeGone(directory: store.directory)) {
            try store.save(store.makeNote(target: NoteTarget(item: "ppwt"), body: "after", author: "a"), base: nil)
        }
        let draft = NoteDraft(id: "edit-1", target: NoteTarget(item: "ppwt"), body: "after", tags: [], session: nil, baseID: nil,
                              saved: NoteTime(millisecondsSince1970: 1_795_288_316_654), pid: 1)
        #expect(throws: NoteStoreError.storeGone(directory: store.directory)) { try store.saveDraft(draft) }
        #expect(!FileManager.default.fileExists(atPath: store.directory))
        #expect(NoteStoreError.storeGone(directory: store.directory).description.contains("is gone (moved, deleted or unmounted)"))
        // Put back, it is read and written again.
        try FileManager.default.moveItem(atPath: moved, toPath: store.directory)
        #expect(try store.refresh(read).all.map(\.id) == [first.id])
        #expect(try store.save(store.makeNote(target: NoteTarget(item: "ppwt"), body: "after", author: "a"), base: nil).saved.body == "after")
        // A command, which does not know it, makes a store where there is none, as always.
        let fresh = try makeStore()
        #expect(try fresh.checkReadable() == false)
        #expect(try fresh.save(fresh.makeNote(target: NoteTarget(item: "ppwt"), body: "first", author: "a"), base: nil).saved.body == "first")
    }
}
