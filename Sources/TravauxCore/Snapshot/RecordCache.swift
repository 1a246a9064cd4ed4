/// Where the record's snapshots are kept, and when one is used or made.
///
/// At 100× the shipped record, decoding and validating the JSON takes most of a second; the
/// snapshot of the same record reads in a fraction of that. A snapshot is used only while
/// the record's files, its directory and the program are exactly those it was made from;
/// anything else reads the files, so a changed record is always validated and reported.
public struct RecordCache: Sendable {
    /// The directory the snapshots go in, one file per record directory.
    public let directory: String

    /// Files changed less than this before they were stamped are not snapshotted
    /// (`StoreFiles.settleNanoseconds`, as for the notes cache). Tests set it to 0.
    public var settleNanoseconds: Int64 = StoreFiles.settleNanoseconds

    public init(directory: String) { self.directory = directory }

    /// `$XDG_CACHE_HOME/travaux`, else `$HOME/.cache/travaux`; nil without either.
    public static func defaultDirectory(environment: [String: String]) -> String? {
        if let cache = environment["XDG_CACHE_HOME"], cache.hasPrefix("/") { return cache + "/travaux" }
        if let home = environment["HOME"], !home.isEmpty { return home + "/.cache/travaux" }
        return nil
    }

    /// The record in `directory`: from its snapshot when there is a good one, else read and
    /// validated from the files (throwing every problem), with a snapshot to save when the
    /// files are settled.
    public func load(directory recordDirectory: String) throws(RecordLoadError) -> RecordLoading {
        let takenAt = StoreFiles.wallClockNanoseconds()
        guard let key = RecordSnapshot.Key.current(directory: recordDirectory) else {
            return RecordLoading(record: try RecordLoader.load(directory: recordDirectory), pendingSnapshot: nil, fromSnapshot: false)
        }
        let path = snapshotPath(for: key)
        if let mapping = StoreFiles.Mapping(path),
           let record = RecordSnapshot.decode(mapping.bytes, key: key, directory: recordDirectory) {
            return RecordLoading(record: record, pendingSnapshot: nil, fromSnapshot: true)
        }
        let record = try RecordLoader.load(directory: recordDirectory)
        return RecordLoading(record: record, pendingSnapshot: pendingSnapshot(of: record, key: key, takenAt: takenAt),
                             fromSnapshot: false)
    }

    /// The record in `directory` read and validated from its files whatever the snapshot says
    /// (`travaux validate`), with every problem, and a snapshot to save when it has no error
    /// and the files are settled: the interface's next start then reads the snapshot, not the
    /// files it would otherwise decode and validate again before its first frame.
    public func read(directory recordDirectory: String)
        -> (record: Record?, problems: [RecordProblem], pendingSnapshot: PendingRecordSnapshot?) {
        let takenAt = StoreFiles.wallClockNanoseconds()
        let key = RecordSnapshot.Key.current(directory: recordDirectory)
        let (record, problems) = RecordLoader.read(directory: recordDirectory)
        guard let record, let key, !problems.contains(where: { $0.severity == .error }) else { return (record, problems, nil) }
        return (record, problems, pendingSnapshot(of: record, key: key, takenAt: takenAt))
    }

    /// The snapshot to save of a record read from its files, unless they changed too shortly
    /// before `takenAt`, when they were stamped: the key is taken before reading, so a file
    /// changed while it was read never matches it.
    private func pendingSnapshot(of record: Record, key: RecordSnapshot.Key, takenAt: Int64) -> PendingRecordSnapshot? {
        guard key.isSettled(takenAt: takenAt, margin: settleNanoseconds) else { return nil }
        return PendingRecordSnapshot(record: record, key: key, path: snapshotPath(for: key), cacheDirectory: directory)
    }

    /// One file per record directory, named by a hash of its resolved path.
    func snapshotPath(for key: RecordSnapshot.Key) -> String {
        let hash = Array(key.directory.utf8).withUnsafeBufferPointer { NoteCache.checksum($0) }
        let hex = String(hash, radix: 16)
        return directory + "/record-" + String(repeating: "0", count: 16 - hex.count) + hex
    }
}

/// A record just loaded, and where it came from.
public struct RecordLoading: Sendable {
    public let record: Record
    /// Set when the record was read from settled files without a usable snapshot: saving it
    /// makes the next start fast. Saving can wait until after the first frame.
    public let pendingSnapshot: PendingRecordSnapshot?
    public let fromSnapshot: Bool

    /// A record read without a cache.
    public init(record: Record) {
        self.init(record: record, pendingSnapshot: nil, fromSnapshot: false)
    }

    init(record: Record, pendingSnapshot: PendingRecordSnapshot?, fromSnapshot: Bool) {
        self.record = record
        self.pendingSnapshot = pendingSnapshot
        self.fromSnapshot = fromSnapshot
    }
}

/// A snapshot worth writing, and where.
public struct PendingRecordSnapshot: Sendable {
    let record: Record
    let key: RecordSnapshot.Key
    let path: String
    let cacheDirectory: String

    /// Writes the snapshot by rename, unsynced: a cache checks itself when read, and a lost
    /// one is only a slower start. Failures are returned for the caller to ignore or report.
    @discardableResult
    public func save() -> Bool {
        do throws(StoreFiles.Failure) {
            try StoreFiles.makeDirectory(cacheDirectory)
            if let listing = try? DirectoryListing(cacheDirectory) {
                StoreFiles.removeAbandonedTemporaries(listing, in: cacheDirectory)
            }
            try StoreFiles.replaceUnsynced(RecordSnapshot.encode(record, key: key), at: path, temporaryTag: "record")
            return true
        } catch {
            return false
        }
    }
}
