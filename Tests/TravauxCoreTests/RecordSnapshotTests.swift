import Foundation
import Testing
@testable import TravauxCore
import TravauxTestSupport

@Suite("The record's snapshot")
struct RecordSnapshotTests {
    /// One value of every part of the model with every field filled, so that a field the
    /// snapshot forgets fails the round trip (and `everyFieldFilled` fails for a new field left empty here).
    static let fullRecord: Record = {
        let date = PartialDate(year: 2008, month: 2, day: 12)
        let manifest = RecordManifest(title: "Récord", version: "9", description: "every field")
        let work = Work(id: "w", title: "Chapter", author: "A. Author", abbreviation: "Au", form: "book chapter",
                        date: date, dateWording: "Feb. 2008", dateInferred: "from the preface", footnoteCount: 2,
                        seed: "000.txt", summary: "A chapter — with “quotes” and 日本語.")
        let source = Source(id: "w-1", work: "w", number: 1, citation: "CD/1985, p. 3", author: "UN", title: "Report",
                            date: date, dateWording: "1985", symbols: ["CD/1985", "A/RES/69/31"], urls: ["http://x.org"],
                            refersTo: "w-2", documentType: "report", remark: "misnumbered",
                            documents: [CitedDocument(id: "cd-1985", author: "CD", title: "Draft", date: date, dateWording: "12 Feb 2008",
                                                      symbols: ["CD/1985"], urls: ["http://x.org"], documentType: "draft treaty"),
                                        CitedDocument(id: "a-res-69-31", author: "UN", title: "Resolution", date: PartialDate(year: 2014),
                                                      dateWording: "2014", symbols: ["A/RES/69/31"], urls: ["http://x.org"], documentType: "resolution")])
        let source2 = Source(id: "w-2", work: "w", number: 2, citation: "Ibid.", author: "UN", title: "Report",
                             date: date, dateWording: "1985", symbols: ["CD/1985"], urls: ["http://x.org"],
                             refersTo: "w-1", documentType: "report", remark: "short form")
        let vote = Vote(yes: 179, no: -1, abstain: 0, yesActors: ["st"], noActors: ["st"], abstainActors: ["st"], wording: "adopted")
        let event = Event(id: "e", title: "Event", domain: .cyber, type: "resolution", date: date, dateWording: "12 Feb",
                          dateInferred: "from the symbol", forum: "f", actors: ["st"], summary: "Summary.",
                          symbols: ["A/RES/69/31"], vote: vote, facts: [Fact(label: "members", value: "20", source: "w-1")],
                          sources: ["w-1"], proposals: ["p"], related: ["t"])
        let version = ProposalVersion(id: "2008", label: "Draft", date: date, dateWording: "2008", dateInferred: "guess",
                                      symbols: ["CD/1839"], changes: "First.",
                                      quotes: [Quote(id: "q", text: "shall not", source: "w-1", context: "key commitment")],
                                      sources: ["w-1"], sponsors: ["st"], legalCharacter: .politicallyBinding, status: "tabled")
        let proposal = Proposal(id: "p", title: "Treaty", shortName: "PPWT", aliases: ["the draft"], domain: .space,
                                type: "treaty", legalCharacter: .legallyBinding, sponsors: ["st"], forum: "f", status: "stalled",
                                summary: "A treaty.", versions: [version],
                                elements: [ProposalElement(id: "el", number: "(a)", text: "Item.", quote: "“item”",
                                                           sources: ["w-1"], versions: ["2008"])],
                                criticisms: [Criticism(by: ["st"], byWording: "other states", summary: "Weak.",
                                                       version: "2008", sources: ["w-2"])],
                                events: ["e"], sources: ["w-1"], related: ["e"])
        let actor = Actor(id: "st", name: "A State", kind: .state, aliases: ["the State"], summary: "A state.", sources: ["w-1"])
        let forum = Forum(id: "f", name: "Forum", parent: "f0", aliases: ["CD"], summary: "A forum.", sources: ["w-2"])
        let parent = Forum(id: "f0", name: "UN", parent: "f", aliases: ["United Nations"], summary: "Top.", sources: ["w-1"])
        let theme = Theme(id: "t", title: "Theme", type: "similarity", domain: .general, work: "w", summary: "Both.",
                          events: ["e"], proposals: ["p"], sources: ["w-1"], related: ["st"])
        return Record(manifest: manifest, works: [work], sources: [source, source2], events: [event], proposals: [proposal],
                      actors: [actor], forums: [forum, parent], themes: [theme], directory: "/somewhere")
    }()

    static let key = RecordSnapshot.Key(directory: "/somewhere", program: nil,
                                        files: [StoreFiles.Stamp(inode: 7, size: 100, modified: 1, changed: 2), nil])

    @Test("the full record fills every field of every part of the model")
    func everyFieldFilled() {
        let record = Self.fullRecord
        let values: [Any] = [record.manifest, record.works, record.sources, record.events, record.proposals,
                             record.actors, record.forums, record.themes]
        #expect(values.flatMap { Self.emptyFields($0, path: "\(type(of: $0))") } == [])
    }

    @Test("a record goes into a snapshot and comes back the same, tables included")
    func roundTrip() throws {
        for record in [Self.fullRecord, try Fixture.record(), try RecordLoader.load(directory: Fixture.shippedRecordDirectory)] {
            let bytes = RecordSnapshot.encode(record, key: Self.key)
            let restored = try #require(bytes.withUnsafeBytes { RecordSnapshot.decode($0, key: Self.key, directory: "/elsewhere") })
            #expect(restored.manifest == record.manifest)
            #expect(restored.works == record.works)
            #expect(restored.sources == record.sources)
            #expect(restored.events == record.events)
            #expect(restored.proposals == record.proposals)
            #expect(restored.actors == record.actors)
            #expect(restored.forums == record.forums)
            #expect(restored.themes == record.themes)
            #expect(restored.allIDs == record.allIDs)
            #expect(restored.directory == "/elsewhere")
            for id in record.allIDs {
                #expect(restored.backlinks(to: id) == record.backlinks(to: id))
                #expect(restored.item(id) == record.item(id))
            }
        }
    }

    @Test("a footnote's documents come back from the snapshot; a snapshot of the format before them is not read")
    func documents() throws {
        let record = try RecordLoader.load(directory: Fixture.shippedRecordDirectory)
        let bytes = RecordSnapshot.encode(record, key: Self.key)
        let restored = try #require(bytes.withUnsafeBytes { RecordSnapshot.decode($0, key: Self.key, directory: "/d") })
        guard case .source(let source)? = restored.item("meyer-fn-15") else { Issue.record("no meyer-fn-15"); return }
        #expect(source.documents.map(\.id) == ["cd-1679", "cd-1839", "cd-1985"])
        #expect(source.documents.map { $0.date?.iso } == ["2002-06-28", "2008-02-29", "2014-06-12"])
        #expect(source.documents.map(\.symbols) == [["CD/1679"], ["CD/1839"], ["CD/1985"]])
        #expect(source.documents[1].title == nil && source.documents[1].urls.isEmpty)
        // Format 1 had no documents: its sources read as format 2 would be garbled, so it is not read at all.
        var older = bytes
        let magic = Array("travaux record snapshot 1\n".utf8)
        older.replaceSubrange(0..<RecordSnapshot.magic.count, with: magic)
        #expect(older.withUnsafeBytes { RecordSnapshot.decode($0, key: Self.key, directory: "/d") } == nil)
    }

    @Test("the backlink tables say what a dictionary of lists would: each citing item once, in record order")
    func backlinksAsBefore() throws {
        for record in [Self.fullRecord, try RecordLoader.load(directory: Fixture.shippedRecordDirectory)] {
            var expected: [String: [String]] = [:]
            func visit<Item: ItemReferences>(_ items: [Item]) {
                for item in items {
                    item.forEachReference { target in
                        guard target != item.id, record.item(target) != nil else { return }
                        if expected[target, default: []].last != item.id { expected[target, default: []].append(item.id) }
                    }
                }
            }
            visit(record.works); visit(record.sources); visit(record.events); visit(record.proposals)
            visit(record.actors); visit(record.forums); visit(record.themes)
            for id in record.allIDs { #expect(record.backlinks(to: id) == expected[id] ?? [], "\(id)") }
            #expect(record.backlinks(to: "no-such-item") == [])
        }
        #expect(Self.fullRecord.backlinks(to: "w-1").contains("w-2"))
        #expect(Self.fullRecord.backlinks(to: "f") == ["e", "p", "f0"])
    }

    @Test("a snapshot made for other files, torn, cut short or with a byte changed is not used")
    func damaged() throws {
        let bytes = RecordSnapshot.encode(Self.fullRecord, key: Self.key)
        func decodes(_ bytes: [UInt8], key: RecordSnapshot.Key = Self.key) -> Bool {
            bytes.withUnsafeBytes { RecordSnapshot.decode($0, key: key, directory: "/d") } != nil
        }
        #expect(decodes(bytes))
        var otherFiles = Self.key
        otherFiles.files[0]?.modified += 1
        #expect(!decodes(bytes, key: otherFiles))
        var otherDirectory = Self.key
        otherDirectory.directory = "/other"
        #expect(!decodes(bytes, key: otherDirectory))
        var otherProgram = Self.key
        otherProgram.program = StoreFiles.Stamp(inode: 1, size: 1, modified: 1, changed: 1)
        #expect(!decodes(bytes, key: otherProgram))
        #expect(!decodes([]))
        for cut in [1, 10, bytes.count / 2, bytes.count - 1] { #expect(!decodes(Array(bytes.prefix(cut)))) }
        for position in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 97)) {
            var changed = bytes
            changed[position] ^= 0x5A
            #expect(!decodes(changed), "a changed byte at \(position) went unnoticed")
        }
        #expect(!decodes(bytes + [0]))
    }

    // MARK: the cache

    static func settledCopy() throws -> (record: String, cache: RecordCache) {
        let directory = try Fixture.temporaryDirectory()
        for name in try FileManager.default.contentsOfDirectory(atPath: Fixture.recordDirectory) {
            try FileManager.default.copyItem(atPath: Fixture.recordDirectory + "/" + name, toPath: directory + "/" + name)
        }
        var cache = RecordCache(directory: try Fixture.temporaryDirectory() + "/cache")
        cache.settleNanoseconds = 0
        return (directory, cache)
    }

    @Test("the second start reads the snapshot the first one saved, and gets the same record")
    func secondStart() throws {
        let (directory, cache) = try Self.settledCopy()
        let first = try cache.load(directory: directory)
        #expect(!first.fromSnapshot)
        let pending = try #require(first.pendingSnapshot)
        #expect(pending.save())
        let second = try cache.load(directory: directory)
        #expect(second.fromSnapshot)
        #expect(second.pendingSnapshot == nil)
        #expect(second.record.events == first.record.events)
        #expect(second.record.directory == directory)
        // The same files through another path are the same record.
        let other = try cache.load(directory: directory + "/./")
        #expect(other.fromSnapshot)
    }

    @Test("an edited, added or removed file is read and validated again, never served from the snapshot")
    func changedFiles() throws {
        let (directory, cache) = try Self.settledCopy()
        #expect(try cache.load(directory: directory).pendingSnapshot?.save() == true)
        // An edit that breaks the record is reported, as without a snapshot.
        let events = directory + "/events.json"
        let text = try String(contentsOfFile: events, encoding: .utf8)
        try text.replacingOccurrences(of: "\"domain\": \"space\"", with: "\"domain\": \"sea\"")
            .write(toFile: events, atomically: false, encoding: .utf8)
        #expect(throws: RecordLoadError.self) { try cache.load(directory: directory) }
        try text.write(toFile: events, atomically: false, encoding: .utf8)
        let again = try cache.load(directory: directory)
        #expect(!again.fromSnapshot)
        #expect(again.pendingSnapshot?.save() == true)
        #expect(try cache.load(directory: directory).fromSnapshot)
        // A kind's file that was absent appears.
        let themes = directory + "/themes.json"
        let themesText = try String(contentsOfFile: themes, encoding: .utf8)
        try FileManager.default.removeItem(atPath: themes)
        let withoutThemes = try cache.load(directory: directory)
        #expect(!withoutThemes.fromSnapshot)
        #expect(withoutThemes.record.themes.isEmpty)
        #expect(withoutThemes.pendingSnapshot?.save() == true)
        #expect(try cache.load(directory: directory).fromSnapshot)
        try TestFiles.replace(themes, with: themesText)
        let withThemes = try cache.load(directory: directory)
        #expect(!withThemes.fromSnapshot)
        #expect(!withThemes.record.themes.isEmpty)
    }

    @Test("an edit of the same length with its modification time set back (touch -r) is still seen: the change time is in the key")
    func editWithTimeSetBack() throws {
        let (directory, cache) = try Self.settledCopy()
        #expect(try cache.load(directory: directory).pendingSnapshot?.save() == true)
        let events = directory + "/events.json"
        var before = stat()
        #expect(stat(events, &before) == 0)
        let text = try String(contentsOfFile: events, encoding: .utf8)
        // Of the same length: a domain the record does not have.
        let sameSize = text.replacingOccurrences(of: "\"domain\": \"space\"", with: "\"domain\": \"spade\"")
        #expect(sameSize != text && sameSize.utf8.count == text.utf8.count)
        try sameSize.write(toFile: events, atomically: false, encoding: .utf8)
        // As `touch -r` does: the file's times set back to those it had, to the nanosecond.
        let times = [before.st_atim, before.st_mtim]
        #expect(utimensat(AT_FDCWD, events, times, 0) == 0)
        var after = stat()
        #expect(stat(events, &after) == 0)
        #expect(after.st_mtim.tv_sec == before.st_mtim.tv_sec && after.st_mtim.tv_nsec == before.st_mtim.tv_nsec && after.st_size == before.st_size)
        #expect(throws: RecordLoadError.self, "read again, and the unknown domain reported") { try cache.load(directory: directory) }
    }

    @Test("validating reads the files whatever the snapshot, and a valid record leaves one for the next start")
    func validateLeavesSnapshot() throws {
        let (directory, cache) = try Self.settledCopy()
        let read = cache.read(directory: directory)
        #expect(read.record != nil)
        #expect(!read.problems.contains { $0.severity == .error })
        #expect(read.pendingSnapshot?.save() == true)
        let next = try cache.load(directory: directory)
        #expect(next.fromSnapshot)
        #expect(next.record.events == read.record?.events)
        // With a snapshot there, the files are still what is read and reported.
        let events = directory + "/events.json"
        let text = try String(contentsOfFile: events, encoding: .utf8)
        try text.replacingOccurrences(of: "\"domain\": \"space\"", with: "\"domain\": \"sea\"")
            .write(toFile: events, atomically: false, encoding: .utf8)
        let broken = cache.read(directory: directory)
        #expect(broken.problems.contains { $0.severity == .error })
        #expect(broken.pendingSnapshot == nil, "no snapshot of a record with errors")
        // Files just written are not snapshotted, as for a start.
        try text.write(toFile: events, atomically: false, encoding: .utf8)
        let unsettled = RecordCache(directory: cache.directory).read(directory: directory)
        #expect(unsettled.record != nil)
        #expect(unsettled.pendingSnapshot == nil)
    }

    @Test("files changed just before they were stamped are not snapshotted (coarse file times)")
    func unsettled() throws {
        let (directory, settled) = try Self.settledCopy()
        let cache = RecordCache(directory: settled.directory)
        // The copy was just written: within the margin.
        #expect(try cache.load(directory: directory).pendingSnapshot == nil)
    }

    @Test("a damaged snapshot file falls back to the files, and the next save replaces it")
    func damagedFile() throws {
        let (directory, cache) = try Self.settledCopy()
        #expect(try cache.load(directory: directory).pendingSnapshot?.save() == true)
        let files = try FileManager.default.contentsOfDirectory(atPath: cache.directory).filter { $0.hasPrefix("record-") }
        let path = cache.directory + "/" + (try #require(files.first))
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        bytes[bytes.count - 3] ^= 0xFF
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let loading = try cache.load(directory: directory)
        #expect(!loading.fromSnapshot)
        #expect(loading.record.events == (try Fixture.record()).events)
        #expect(loading.pendingSnapshot?.save() == true)
        #expect(try cache.load(directory: directory).fromSnapshot)
    }

    /// Paths of the fields of `value` that are nil or empty, looking into nested values and the
    /// first element of every list.
    static func emptyFields(_ value: Any, path: String) -> [String] {
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            guard let wrapped = mirror.children.first?.value else { return [path] }
            return emptyFields(wrapped, path: path)
        case .collection:
            guard let first = mirror.children.first?.value else { return [path] }
            return emptyFields(first, path: path + "[0]")
        case .struct:
            return mirror.children.flatMap { child in
                emptyFields(child.value, path: path + "." + (child.label ?? "?"))
            }
        default:
            if let text = value as? String, text.isEmpty { return [path] }
            return []
        }
    }
}
