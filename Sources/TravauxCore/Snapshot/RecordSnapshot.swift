#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A validated record in binary: what the interface and the CLI read at start instead of
/// decoding and validating the JSON, while the files are the ones it was made from.
///
/// The file: the magic line, the key, a checksum and the length of the body, then the body:
/// the manifest, each kind's items as a section of its own (so that sections are read on
/// several threads), and the backlink tables.
enum RecordSnapshot {
    /// The format's version is in the magic line: 2 since a source carries its `documents`.
    static let magic = Array("travaux record snapshot 2\n".utf8)

    /// What a snapshot stands for. While every part is unchanged, the snapshot is the record.
    struct Key: Sendable, Equatable {
        /// The record directory, resolved: the same relative path from two places is two records.
        var directory: String
        /// The running program: a snapshot never outlives the code that wrote its format.
        var program: StoreFiles.Stamp?
        /// `record.json`, then each kind's file in `ItemKind.allCases` order; nil where absent.
        var files: [StoreFiles.Stamp?]

        /// The key of `directory` as it is now, or nil if it cannot be resolved.
        static func current(directory: String) -> Key? {
            guard let path = StoreFiles.resolved(directory) else { return nil }
            let names = [RecordLoader.manifestFile] + ItemKind.allCases.map(\.fileName)
            return Key(directory: path, program: StoreFiles.stamp("/proc/self/exe"),
                       files: names.map { StoreFiles.stamp(path + "/" + $0) })
        }

        /// Whether no file changed within `margin` ns before `takenAt`. File times are coarse:
        /// a file rewritten within the same tick as the change before it keeps its time, so a
        /// snapshot is only made of files that had been still for a while when they were stamped.
        func isSettled(takenAt: Int64, margin: Int64) -> Bool {
            files.allSatisfy { stamp in
                guard let stamp else { return true }
                return stamp.modified <= takenAt - margin && stamp.changed <= takenAt - margin
            }
        }

        fileprivate func write(to writer: inout SnapshotWriter) {
            writer.string(directory)
            writer.optional(program) { $0.stamp($1) }
            writer.integer(files.count)
            for file in files { writer.optional(file) { $0.stamp($1) } }
        }

        init(directory: String, program: StoreFiles.Stamp?, files: [StoreFiles.Stamp?]) {
            self.directory = directory
            self.program = program
            self.files = files
        }

        fileprivate init(from reader: inout SnapshotReader) throws(SnapshotDamage) {
            directory = try reader.string()
            program = try reader.optional { reader throws(SnapshotDamage) in try reader.stamp() }
            let count = try reader.count()
            files = []
            for _ in 0..<count { files.append(try reader.optional { reader throws(SnapshotDamage) in try reader.stamp() }) }
        }
    }

    static func encode(_ record: Record, key: Key) -> [UInt8] {
        var body = SnapshotWriter(capacity: 1 << 16)
        body.value(record.manifest)
        func section<Item: SnapshotCodable>(_ items: [Item]) {
            var writer = SnapshotWriter()
            writer.list(items)
            body.integer(writer.bytes.count)
            body.raw(writer.bytes)
        }
        section(record.works)
        section(record.sources)
        section(record.events)
        section(record.proposals)
        section(record.actors)
        section(record.forums)
        section(record.themes)
        body.int32s(record.backlinkTable.starts)
        body.int32s(record.backlinkTable.sources)
        var file = SnapshotWriter(capacity: body.bytes.count + 1024)
        file.raw(magic)
        key.write(to: &file)
        file.uint64(body.bytes.withUnsafeBufferPointer { NoteCache.checksum($0) })
        file.integer(body.bytes.count)
        file.raw(body.bytes)
        return file.bytes
    }

    /// The record in `bytes` if it was made for `key` and reads back whole; otherwise nil.
    /// `directory` is the path the caller named, which the record keeps as its `directory`.
    static func decode(_ bytes: UnsafeRawBufferPointer, key: Key, directory: String) -> Record? {
        var reader = SnapshotReader(bytes: bytes)
        do throws(SnapshotDamage) {
            try reader.expect(magic)
            guard try Key(from: &reader) == key else { return nil }
            let checksum = try reader.uint64()
            let length = try reader.count()
            guard length == bytes.count - reader.position else { return nil }
            let body = UnsafeRawBufferPointer(rebasing: bytes[reader.position...])
            guard NoteCache.checksum(body.bindMemory(to: UInt8.self)) == checksum else { return nil }
            return try decodeBody(body, directory: directory)
        } catch {
            return nil
        }
    }

    /// What reading a section costs, in bytes' worth: each item costs as much as 300 bytes
    /// more. Dealt by bytes alone, at 100× one thread read proposals (6.9 MB, 36 ms) and the
    /// other events, sources and themes (9.5 MB, 61–66 ms): an event's 470 bytes cost what
    /// 760 bytes of a proposal's long quoted texts do, as every item is allocations.
    static func readingCost(bytes: Int, items: Int) -> Int {
        bytes + max(0, items) * 300
    }

    private static func decodeBody(_ body: UnsafeRawBufferPointer, directory: String) throws(SnapshotDamage) -> Record {
        var reader = SnapshotReader(bytes: body)
        let manifest = try reader.value(RecordManifest.self)
        var sections: [Range<Int>] = []
        for _ in ItemKind.allCases {
            let length = try reader.count()
            sections.append(reader.position..<(reader.position + length))
            try reader.skip(length)
        }
        let starts = try reader.int32s()
        let sources = try reader.int32s()
        guard reader.isAtEnd else { throw SnapshotDamage(position: reader.position) }

        var works: [Work] = [], sourceItems: [Source] = [], events: [Event] = [], proposals: [Proposal] = []
        var actors: [Actor] = [], forums: [Forum] = [], themes: [Theme] = []
        func read<Item: SnapshotCodable>(_ section: Int, into items: inout [Item]) -> Bool {
            var reader = SnapshotReader(bytes: UnsafeRawBufferPointer(rebasing: body[sections[section]]))
            guard let list = try? reader.list(Item.self), reader.isAtEnd else { return false }
            items = list
            return true
        }
        let jobs: [() -> Bool] = [
            { read(0, into: &works) }, { read(1, into: &sourceItems) }, { read(2, into: &events) },
            { read(3, into: &proposals) }, { read(4, into: &actors) }, { read(5, into: &forums) },
            { read(6, into: &themes) },
        ]
        // Dealt out among the processors by what each section costs to read. Below a megabyte,
        // a thread costs more than it saves.
        let parts = body.count < 1 << 20 ? 1 : min(jobs.count, ParallelWork.processorCount)
        let costs = sections.map { range in
            var peek = SnapshotReader(bytes: UnsafeRawBufferPointer(rebasing: body[range]))
            return readingCost(bytes: range.count, items: (try? peek.integer()) ?? 0)
        }
        let shares = ParallelWork.deal(sizes: costs, parts: parts)
        var readWhole = [Bool](repeating: false, count: jobs.count)
        readWhole.withUnsafeMutableBufferPointer { readWhole in
            ParallelWork.run(parts: shares.count) { part in
                for job in shares[part] {
                    readWhole[job] = jobs[job]()
                }
            }
        }
        guard readWhole.allSatisfy({ $0 }) else { throw SnapshotDamage(position: 0) }
        let count = works.count + sourceItems.count + events.count + proposals.count + actors.count + forums.count + themes.count
        let backlinks = RecordBacklinks(starts: starts, sources: sources)
        guard backlinks.fits(count: count) else { throw SnapshotDamage(position: 0) }
        return Record(manifest: manifest, works: works, sources: sourceItems, events: events, proposals: proposals,
                      actors: actors, forums: forums, themes: themes, directory: directory, backlinks: backlinks)
    }
}

extension SnapshotWriter {
    mutating func stamp(_ stamp: StoreFiles.Stamp) {
        integer(Int(bitPattern: UInt(stamp.inode)))
        integer(Int(stamp.size))
        integer(Int(stamp.modified))
        integer(Int(stamp.changed))
    }
}

extension SnapshotReader {
    mutating func stamp() throws(SnapshotDamage) -> StoreFiles.Stamp {
        StoreFiles.Stamp(inode: UInt64(UInt(bitPattern: try integer())), size: Int64(try integer()),
                         modified: Int64(try integer()), changed: Int64(try integer()))
    }
}
