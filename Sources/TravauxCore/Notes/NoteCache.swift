/// A large store's notes in one file beside them (`cache/notes`), so that opening 100,000
/// notes reads one file and stats the others instead of opening and decoding each.
///
/// The cache also records the notes directory's own stamp, taken before it was listed. While
/// the directory still has that stamp no file was added, removed or replaced by rename since,
/// so the interface may open the store from the cache alone (`NoteStore.load(trustingCache:)`)
/// and verify every file after its first frame. The cache lives in a subdirectory so that
/// writing it does not change that stamp.
///
/// A cached note stands for its file only while the file has the stamp it had when it was
/// read (inode, size, modification and change times, see `StoreFiles.Stamp`); a file that was
/// replaced, rewritten or added is read itself, with every check (quarantine, schema). The
/// cache is never the only copy of a note, so it is written without fsync, and a damaged one
/// fails its checksum and is ignored.
enum NoteCache {
    static let directoryName = "cache"
    static let fileName = "notes"
    /// Where versions before the directory stamp kept it; removed when a new one is written.
    static let legacyFileName = ".notes-cache"

    static func path(in storeDirectory: String) -> String { storeDirectory + "/" + directoryName + "/" + fileName }

    struct Entry {
        var stamp: StoreFiles.Stamp
        /// Its file is named after its id (`NoteFile.decode` refuses any other).
        var note: Note
    }

    /// What a cache file held, as parallel arrays (copying whole entries, notes and all, was
    /// a large part of loading), and where each inode's entry is.
    struct Contents {
        var stamps: [StoreFiles.Stamp] = []
        /// Never nil once read; optional so that parts decoded on other threads fill their slots.
        var notes: [Note?] = []
        /// Inodes hash far faster than file names.
        var byInode: [UInt64: Int] = [:]

        /// The notes directory's stamp before it was listed for this cache, and when (ns since 1970).
        var directory: StoreFiles.Stamp?
        var directoryTakenAt: Int64 = 0

        var isEmpty: Bool { stamps.isEmpty }

        /// Whether the cache alone stands for a directory that now has this stamp: the same stamp,
        /// taken at least `settled` ns after the directory last changed.
        func standsFor(directory current: StoreFiles.Stamp, settled: Int64) -> Bool {
            guard let directory, directory == current, notes.allSatisfy({ $0 != nil }) else { return false }
            return directory.modified + settled < directoryTakenAt && directory.changed + settled < directoryTakenAt
        }
        var count: Int { stamps.count }

        /// The index of the entry for the file with this stamp, if the file is unchanged; the
        /// caller checks the file's name against the note's id.
        func entry(stamp: StoreFiles.Stamp) -> Int? {
            guard let index = byInode[stamp.inode], stamps[index] == stamp else { return nil }
            return index
        }
    }

    /// Layout version, bumped whenever the encoding below changes.
    static let magic = Array("travaux notes cache 4\n".utf8)

    // MARK: reading

    /// What the cache at `path` holds; empty when there is no usable cache.
    ///
    /// An offset table after the header lets the entries be decoded on all processors:
    /// making 100,000 notes' strings is most of the work.
    static func read(_ path: String) -> Contents {
        guard let mapping = StoreFiles.Mapping(path) else { return Contents() }
        let buffer = mapping.bytes.bindMemory(to: UInt8.self)
        guard buffer.count > magic.count + 64, buffer.starts(with: magic) else { return Contents() }
        var header = Reader(buffer: buffer, position: magic.count)
        guard let directoryInode = header.integer(), let directorySize = header.integer(),
              let directoryModified = header.integer(), let directoryChanged = header.integer(),
              let directoryTakenAt = header.integer(),
              let schema = header.integer(), schema == Int64(Note.schemaVersion),
              let count = header.integer(), count >= 0, count <= (buffer.count - header.position) / 8,
              let sum = header.integer(),
              checksum(UnsafeBufferPointer(rebasing: buffer[header.position...])) == UInt64(bitPattern: sum) else { return Contents() }
        let table = header.position
        let entryCount = Int(count)
        var offsets: [Int] = []
        offsets.reserveCapacity(entryCount)
        for _ in 0..<entryCount {
            guard let offset = header.integer(), offset >= 0, offset <= buffer.count - table else { return Contents() }
            offsets.append(table + Int(offset))
        }
        let parts = ParallelWork.parts(forNotes: entryCount)
        var contents = Contents()
        if directoryTakenAt > 0 {
            contents.directory = StoreFiles.Stamp(inode: UInt64(bitPattern: directoryInode), size: directorySize,
                                                  modified: directoryModified, changed: directoryChanged)
            contents.directoryTakenAt = directoryTakenAt
        }
        contents.stamps = [StoreFiles.Stamp](repeating: StoreFiles.Stamp(inode: 0, size: 0, modified: 0, changed: 0), count: entryCount)
        contents.notes = [Note?](repeating: nil, count: entryCount)
        var complete = [Bool](repeating: false, count: parts)
        contents.stamps.withUnsafeMutableBufferPointer { stamps in
            contents.notes.withUnsafeMutableBufferPointer { notes in
                complete.withUnsafeMutableBufferPointer { complete in
                    ParallelWork.run(parts: parts) { part in
                        for index in (entryCount * part / parts)..<(entryCount * (part + 1) / parts) {
                            var reader = Reader(buffer: buffer, position: offsets[index])
                            guard let entry = reader.entry() else { return }
                            stamps[index] = entry.stamp
                            notes[index] = entry.note
                        }
                        complete[part] = true
                    }
                }
            }
        }
        guard complete.allSatisfy({ $0 }) else { return Contents() }
        contents.byInode.reserveCapacity(entryCount)
        for (index, stamp) in contents.stamps.enumerated() { contents.byInode[stamp.inode] = index }
        return contents
    }

    private struct Reader {
        let buffer: UnsafeBufferPointer<UInt8>
        var position: Int

        mutating func integer() -> Int64? {
            guard position + 8 <= buffer.count else { return nil }
            let value = UnsafeRawBufferPointer(buffer).loadUnaligned(fromByteOffset: position, as: Int64.self)
            position += 8
            return Int64(littleEndian: value)
        }

        mutating func string() -> String? {
            guard let length = integer(), length >= 0, length <= buffer.count - position else { return nil }
            let text = String(decoding: UnsafeBufferPointer(rebasing: buffer[position..<position + Int(length)]), as: UTF8.self)
            position += Int(length)
            return text
        }

        /// A string or nil, written as a length of -1.
        mutating func optionalString() -> String?? {
            guard position + 8 <= buffer.count else { return nil }
            if Int64(littleEndian: UnsafeRawBufferPointer(buffer).loadUnaligned(fromByteOffset: position, as: Int64.self)) == -1 {
                position += 8
                return .some(nil)
            }
            return string().map { .some($0) }
        }

        mutating func entry() -> Entry? {
            guard let inode = integer(), let size = integer(), let modified = integer(), let changed = integer(),
                  let id = string(), let item = string(), let version = optionalString(), let element = optionalString(),
                  let quote = optionalString(), let body = string(), let tagCount = integer(), tagCount >= 0, tagCount < 10_000
            else { return nil }
            var tags: [String] = []
            tags.reserveCapacity(Int(tagCount))
            for _ in 0..<tagCount {
                guard let tag = string() else { return nil }
                tags.append(tag)
            }
            guard let session = optionalString(), let author = string(), let created = integer(), let updated = integer(),
                  let conflictOf = optionalString(), let schema = integer(),
                  NoteTime.written.contains(created), NoteTime.written.contains(updated) else { return nil }
            var note = Note(id: id, target: NoteTarget(item: item, version: version, element: element, quote: quote), body: body,
                            session: session, author: author, created: NoteTime(millisecondsSince1970: created),
                            updated: NoteTime(millisecondsSince1970: updated), conflictOf: conflictOf, schema: Int(schema))
            // Tags were normalised when the note was first read; set as they were.
            note.tags = tags
            let stamp = StoreFiles.Stamp(inode: UInt64(bitPattern: inode), size: size, modified: modified, changed: changed)
            return Entry(stamp: stamp, note: note)
        }
    }

    // MARK: writing

    /// `directory`: the notes directory's stamp taken before it was listed, and when; nil when
    /// the entries may not stand for the directory on their own.
    static func encode(_ entries: [Entry], directory: (stamp: StoreFiles.Stamp, takenAt: Int64)? = nil) -> [UInt8] {
        var payload: [UInt8] = []
        payload.reserveCapacity(entries.count * 640)
        var offsets: [Int64] = []
        offsets.reserveCapacity(entries.count)
        func integer(_ value: Int64) {
            withUnsafeBytes(of: value.littleEndian) { payload.append(contentsOf: $0) }
        }
        func string(_ text: String) {
            integer(Int64(text.utf8.count))
            payload.append(contentsOf: text.utf8)
        }
        func optional(_ text: String?) {
            if let text { string(text) } else { integer(-1) }
        }
        for entry in entries {
            let note = entry.note
            offsets.append(Int64(entries.count * 8 + payload.count))
            integer(Int64(bitPattern: entry.stamp.inode)); integer(entry.stamp.size)
            integer(entry.stamp.modified); integer(entry.stamp.changed)
            string(note.id); string(note.target.item)
            optional(note.target.version); optional(note.target.element); optional(note.target.quote)
            string(note.body)
            integer(Int64(note.tags.count))
            note.tags.forEach(string)
            optional(note.session); string(note.author)
            integer(note.created.millisecondsSince1970); integer(note.updated.millisecondsSince1970)
            optional(note.conflictOf); integer(Int64(note.schema))
        }
        // The checksum covers the offset table and the entries.
        var body: [UInt8] = []
        body.reserveCapacity(offsets.count * 8 + payload.count)
        for offset in offsets { withUnsafeBytes(of: offset.littleEndian) { body.append(contentsOf: $0) } }
        body.append(contentsOf: payload)
        var bytes = magic
        bytes.reserveCapacity(magic.count + 64 + body.count)
        let stamp = directory?.stamp
        for value in [Int64(bitPattern: stamp?.inode ?? 0), stamp?.size ?? 0, stamp?.modified ?? 0, stamp?.changed ?? 0,
                      directory?.takenAt ?? 0, Int64(Note.schemaVersion), Int64(entries.count),
                      Int64(bitPattern: body.withUnsafeBufferPointer { checksum($0) })] {
            withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
        }
        bytes.append(contentsOf: body)
        return bytes
    }

    /// A 64-bit multiply-xor hash over eight bytes at a time: fast enough to check 60 MB on
    /// every start, and any torn or zeroed block changes it.
    static func checksum(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let raw = UnsafeRawBufferPointer(bytes)
        var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        var offset = 0
        while offset + 8 <= raw.count {
            hash = (hash ^ UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))) &* 0xFF51_AFD7_ED55_8CCD
            hash ^= hash >> 29
            offset += 8
        }
        while offset < raw.count {
            hash = (hash ^ UInt64(raw[offset])) &* 0xC4CE_B9FE_1A85_EC53
            offset += 1
        }
        return hash ^ (hash >> 32)
    }
}
