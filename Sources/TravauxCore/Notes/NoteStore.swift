#if canImport(Glibc)
import Glibc
#endif
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The user's notes: a directory of JSON files, one per note, safe against crashes and
/// against a second travaux process on the same directory.
///
/// - Writes are atomic (`StoreFiles.writeAtomically`) and made under an exclusive lock,
///   so that "is this note still what I read?" and the write happen as one step.
/// - Reading takes no lock: a file appears only whole, by rename.
/// - A file that is not a note is moved to `quarantine/`, never overwritten.
public struct NoteStore: Sendable {
    public let directory: String
    public var clock: NoteClock
    /// The cache is rewritten once this many files had to be read (a few new notes are cheaper
    /// to read than 60 MB to rewrite), so small stores never get one.
    var cacheThreshold = 1_000
    /// How long before the directory's stamp was taken it must have last changed for a cache to
    /// stand for it alone (`StoreFiles.settleNanoseconds`); tests shorten it.
    var cacheSettleNanoseconds: Int64 = StoreFiles.settleNanoseconds
    /// The store is known to be there (a window read it, or saved its first note): should its
    /// manifest go, it is `storeGone`, not a new store to make, nor an empty one to read.
    public var knownToExist = false

    static let manifestName = "store.json"
    static let lockName = ".lock"
    static let quarantineName = "quarantine"
    static let draftsName = "drafts"

    public init(directory: String, clock: NoteClock = .system) {
        self.directory = directory.count > 1 && directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        self.clock = clock
    }

    var quarantineDirectory: String { directory + "/" + Self.quarantineName }
    var draftsDirectory: String { directory + "/" + Self.draftsName }
    func path(of id: String) -> String { directory + "/" + id + ".json" }

    // MARK: reading

    /// Every note; files that are not notes are quarantined and listed in `problems`.
    ///
    /// A large store keeps its notes in a cache (`NoteCache`) as well: a note whose file is
    /// unchanged since it was cached comes from there; every other file is read as always.
    ///
    /// `trustingCache`: when the directory has not changed since the cache was written, the
    /// notes come from the cache alone, without a stat of each file. A note edited in place
    /// (same file, no rename) is then seen only by the next `load()` that verifies; the
    /// interface runs one right after its first frame. Otherwise, a full load that records the
    /// directory's new stamp in the cache, so that the next start is quick.
    public func load(trustingCache: Bool = false) throws(NoteStoreError) -> NoteCollection {
        try checkManifest()
        // Taken before anything is read: any change after it changes the stamp.
        let seen = StoreFiles.stamp(directory)
        let seenAt = StoreFiles.wallClockNanoseconds()
        var cache = NoteCache.read(NoteCache.path(in: directory))
        if trustingCache, let seen, cache.standsFor(directory: seen, settled: cacheSettleNanoseconds) {
            var notes: [Note] = []
            notes.reserveCapacity(cache.count)
            // Moved out, not copied: a copy retains every string of every note.
            for index in cache.notes.indices { if let note = cache.notes[index].take() { notes.append(note) } }
            var collection = NoteCollection(loaded: notes, inodes: cache.stamps.map(\.inode), stamps: cache.stamps)
            collection.unverified = true
            return collection
        }
        let listing: DirectoryListing
        do { listing = try DirectoryListing(directory) } catch { throw NoteStoreError(error) }
        let files = (0..<listing.count).filter { isNoteFile(listing, $0) }
        // Stamps are needed to use a cache or to write one, and for `refresh` to see a file
        // replaced on its old inode. Taken before reading: a file changed in between no
        // longer matches its stamp.
        let usesCache = !cache.isEmpty || files.count >= cacheThreshold
        let stamps = listing.stamps(of: files, in: directory)
        var notes: [Note] = []
        var inodes: [UInt64] = []
        var keptStamps: [StoreFiles.Stamp?] = []
        var problems: [NoteStoreProblem] = []
        notes.reserveCapacity(files.count)
        inodes.reserveCapacity(files.count)
        keptStamps.reserveCapacity(files.count)
        // What a rewritten cache would hold: the stamps of hits (their notes are taken out of
        // the cache, not copied) and the notes read from their files.
        var hits: [(slot: Int, stamp: StoreFiles.Stamp)] = []
        var read: [NoteCache.Entry] = []
        if !cache.isEmpty { hits.reserveCapacity(files.count) }
        // The cache answers for the files it stands for; the others are read, on all
        // processors when there are many (the first open of a cloned store reads them all).
        var answered = [Note?](repeating: nil, count: files.count)
        var misses: [Int] = []
        for (slot, file) in files.enumerated() {
            if usesCache, let stamp = stamps[slot], let hit = cache.entry(stamp: stamp),
               let id = cache.notes[hit]?.id, listing.isFile(file, ofNote: id) {
                answered[slot] = cache.notes[hit].take()
            }
            if answered[slot] == nil { misses.append(slot) }
        }
        var outcomes = try readNotes(named: misses.map { listing.name(files[$0]) })
        let newerSeen = outcomes.contains { if case .newer = $0 { return true } else { return false } }
        var nextMiss = 0
        var inGit: Bool?
        var settled: [String] = []
        for (slot, file) in files.enumerated() {
            let inode = listing.inodes[file]
            let stamp = stamps[slot]
            if let note = answered[slot].take() {
                if let stamp { hits.append((notes.count, stamp)) }
                notes.append(note)
                inodes.append(inode)
                keptStamps.append(stamp)
                continue
            }
            let outcome = outcomes[nextMiss].take() ?? .vanished
            nextMiss += 1
            switch outcome {
            case .note(let note):
                if usesCache, let stamp { read.append(NoteCache.Entry(stamp: stamp, note: note)) }
                notes.append(note)
                inodes.append(inode)
                keptStamps.append(stamp)
            case .vanished:
                break
            case .invalid(let path, let reason):
                problems.append(setAside(path, reason: reason, newerSeen: newerSeen, inGit: &inGit))
            case .conflicted(let path, let unresolvable, let sides):
                problems.append(Self.conflictProblem(path, unresolvable: unresolvable, sides: sides))
            case .conflictOverTime(let path, let note, let otherFields, let bytes):
                guard let written = settleConflictOverTime(note, otherFields: otherFields, was: bytes) else {
                    problems.append(Self.conflictProblem(path, sides: [note]))
                    continue
                }
                notes.append(note)
                inodes.append(written.inode)
                keptStamps.append(written)
                settled.append(path)
            case .unreadable(let path, let reason):
                problems.append(Self.unreadableProblem(path, reason: reason))
            case .newer(let path, let version):
                problems.append(Self.newerProblem(path, version: version))
            }
        }
        // File names are note ids, so the ids are distinct.
        var collection = NoteCollection(loaded: notes, inodes: inodes, stamps: keptStamps)
        collection.problems = problems
        collection.settledConflicts = settled
        StoreFiles.removeAbandonedTemporaries(listing, in: directory)
        let filesRead = files.count - hits.count
        // A cache that claims to stand for the directory must be right: a note edited in place
        // leaves the directory's stamp as it was.
        let claimed = seen != nil && cache.directory == seen
        let rewrite = filesRead >= cacheThreshold || cache.count > hits.count + cacheThreshold
            || (trustingCache && !claimed) || (claimed && (filesRead > 0 || cache.count > hits.count))
        if usesCache, rewrite {
            let kept = collection.unordered
            writeCache(hits.map { NoteCache.Entry(stamp: $0.stamp, note: kept[$0.slot]) } + read,
                       directory: seen.map { ($0, seenAt) })
        }
        return collection
    }

    private func isNoteFile(_ listing: DirectoryListing, _ index: Int) -> Bool {
        listing.hasSuffix(index, ".json") && !listing.isNamed(index, Self.manifestName) && !listing.isMergeToolFile(index)
    }


    /// Best effort: a store that cannot hold its cache still loads, only slower. Written only
    /// where the store's own .gitignore keeps it out of git (it is per-user and large).
    private func writeCache(_ entries: [NoteCache.Entry], directory stamp: (StoreFiles.Stamp, Int64)?) {
        guard ignoresCache() else { return }
        let cacheDirectory = directory + "/" + NoteCache.directoryName
        guard mkdir(cacheDirectory, 0o700) == 0 || errno == EEXIST else { return }
        // The interface writes the cache from a thread of its own; a window closed meanwhile leaves its temporary file.
        if let listing = try? DirectoryListing(cacheDirectory) { StoreFiles.removeAbandonedTemporaries(listing, in: cacheDirectory) }
        unlink(directory + "/" + NoteCache.legacyFileName)
        try? StoreFiles.replaceUnsynced(NoteCache.encode(entries, directory: stamp), at: NoteCache.path(in: directory), temporaryTag: "notes-cache")
    }

    /// Whether .gitignore lists the cache, adding it to a .gitignore travaux wrote before it had one.
    private func ignoresCache() -> Bool {
        ignores(NoteCache.directoryName + "/")
    }

    /// The lines of the .gitignore travaux writes: the per-user files. `quarantine/` holds a
    /// user's damaged files, and `*.orig` the copies `git mergetool` leaves after a merge.
    static var gitignoreLines: [String] { [".lock", ".tmp-*", "drafts/", NoteCache.directoryName + "/", quarantineName + "/", "*.orig"] }

    /// Whether .gitignore lists every one of `lines`, adding those it lacks to a .gitignore
    /// travaux wrote (one written before they were per-user files); a user's own is left as it is.
    @discardableResult
    private func ignores(_ lines: String...) -> Bool {
        let path = directory + "/.gitignore"
        guard let bytes = try? StoreFiles.read(path) else { return false }
        let text = String(decoding: bytes, as: UTF8.self)
        let present = Set(text.split(whereSeparator: \.isNewline))
        let missing = lines.filter { !present.contains(Substring($0)) }
        if missing.isEmpty { return true }
        guard text.hasPrefix(Self.gitignoreHeader) else { return false }
        let extended = text + (text.hasSuffix("\n") ? "" : "\n") + missing.joined(separator: "\n") + "\n"
        return (try? StoreFiles.writeAtomically(Array(extended.utf8), to: path, temporaryTag: "gitignore")) != nil
    }

    static let gitignoreHeader = "# Per-user files of a travaux notes store; the notes themselves are shared."

    /// The collection brought up to date with the directory, reading only the files that
    /// appeared or were replaced since it was read (another window's saves show up here).
    public func refresh(_ previous: NoteCollection) throws(NoteStoreError) -> NoteCollection {
        try checkManifest()
        let listing: DirectoryListing
        do { listing = try DirectoryListing(directory) } catch { throw NoteStoreError(error) }
        var collection = previous
        collection.problems = []
        collection.settledConflicts = []
        var present = Set<UInt64>()
        present.reserveCapacity(listing.count)
        var reread = Set<String>()
        var invalid: [(path: String, reason: String)] = []
        var newerSeen = false
        // Taken before reading, as in `load`: a file changed in between no longer matches.
        let files = (0..<listing.count).filter { isNoteFile(listing, $0) }
        let stamps = listing.stamps(of: files, in: directory)
        for (slot, file) in files.enumerated() {
            let inode = listing.inodes[file]
            if let id = previous.idsByInode[inode], listing.isFile(file, ofNote: id),
               let stamp = stamps[slot], previous.fileStamp(of: id) == stamp {
                present.insert(inode)
                continue
            }
            switch try readNote(named: listing.name(file)) {
            case .note(let note):
                collection.put(note)
                collection.idsByInode[inode] = note.id
                collection.setFileStamp(stamps[slot], of: note.id)
                present.insert(inode)
                reread.insert(note.id)
            case .vanished:
                break
            case .invalid(let path, let reason):
                invalid.append((path, reason))
            case .conflicted(let path, let unresolvable, let sides):
                collection.problems.append(Self.conflictProblem(path, unresolvable: unresolvable, sides: sides))
            case .conflictOverTime(let path, let note, let otherFields, let bytes):
                guard let written = settleConflictOverTime(note, otherFields: otherFields, was: bytes) else {
                    collection.problems.append(Self.conflictProblem(path, sides: [note]))
                    continue
                }
                collection.put(note)
                collection.idsByInode[written.inode] = note.id
                collection.setFileStamp(written, of: note.id)
                present.insert(written.inode)
                reread.insert(note.id)
                collection.settledConflicts.append(path)
            case .unreadable(let path, let reason):
                collection.problems.append(Self.unreadableProblem(path, reason: reason))
            case .newer(let path, let version):
                newerSeen = true
                collection.problems.append(Self.newerProblem(path, version: version))
            }
        }
        var inGit: Bool?
        for file in invalid {
            collection.problems.append(setAside(file.path, reason: file.reason, newerSeen: newerSeen, inGit: &inGit))
        }
        StoreFiles.removeAbandonedTemporaries(listing, in: directory)
        // A note whose file is gone, and was not read again under a new inode, was deleted;
        // its inode may already hold another note's file (file systems reuse them at once).
        for (inode, id) in previous.idsByInode where !present.contains(inode) || collection.idsByInode[inode] != id {
            if collection.idsByInode[inode] == id { collection.idsByInode[inode] = nil }
            if !reread.contains(id) { collection.remove(id) }
        }
        return collection
    }

    private enum ReadOutcome {
        case note(Note)
        case vanished
        /// A file that cannot be a note: moved to quarantine by the caller, unless a note of a
        /// newer schema was read beside it.
        case invalid(path: String, reason: String)
        /// A note git could not merge (conflict markers in it): left where git expects it.
        case conflicted(path: String, unresolvable: String?, sides: [Note])
        /// A note git could not merge over the time of its last change alone: `note`, to be
        /// written over the file (`bytes`) as it is settled.
        case conflictOverTime(path: String, note: Note, otherFields: [(String, String)], bytes: [UInt8])
        /// An entry that could not be read at all: reported and left where it is.
        case unreadable(path: String, reason: String)
        /// A note a newer travaux wrote: reported and left where it is. The other notes still
        /// load (a store shared through git may hold a colleague's newer note), but nothing
        /// this travaux cannot read is moved to quarantine beside it: what looks damaged here
        /// may be that newer travaux's too.
        case newer(path: String, version: Int)
    }

    /// The `errno`s that are about one entry alone: not a file (`EINVAL` from `StoreFiles.read`,
    /// `EISDIR`, `ENXIO`), not readable by this user, a loop of links.
    static let entryFailures: Set<Int32> = [EINVAL, EISDIR, ENXIO, EACCES, EPERM, ELOOP]

    static func unreadableProblem(_ path: String, reason: String) -> NoteStoreProblem {
        NoteStoreProblem(file: path, reason: reason + "; skipped (move it out of the store)", movedTo: nil)
    }

    static func newerProblem(_ path: String, version: Int) -> NoteStoreProblem {
        NoteStoreProblem(file: path, reason: "written by a newer travaux (note schema \(version), this one reads up to \(Note.schemaVersion)); upgrade travaux to read it",
                         movedTo: nil)
    }

    static func keptBesideNewerProblem(_ path: String, reason: String) -> NoteStoreProblem {
        NoteStoreProblem(file: path, reason: reason + "; not moved to quarantine while a newer travaux's note is in the store", movedTo: nil)
    }

    /// A note held out by a conflict; `unresolvable` says why `note resolve` cannot take it.
    static func conflictProblem(_ path: String, unresolvable: String? = nil, sides: [Note]) -> NoteStoreProblem {
        let reason = unresolvable.map { "it holds a git merge conflict 'travaux note resolve' cannot take (\($0)); " + editAdvice + ", and the note comes back" }
            ?? "it holds a git merge conflict; resolve it (\(conflictAdvice(path))) and the note comes back"
        var problem = NoteStoreProblem(file: path, reason: reason, movedTo: nil, mergeConflict: true, resolvable: unresolvable == nil)
        problem.conflictSides = sides
        return problem
    }

    /// How to mend by hand a conflict `note resolve` cannot take.
    static let editAdvice = "edit the file to keep one note, deleting the lines <<<<<<<, ======= and >>>>>>> and the lines you do not keep "
        + "(with git's diff3 style, the ||||||| line and the lines below it up to ======= too)"

    /// How to resolve a note's conflict without losing either side's edits, which `git checkout
    /// --ours` or `--theirs` would (each takes one side's file whole).
    static func conflictAdvice(_ path: String) -> String {
        "'travaux note resolve \(noteID(ofFile: path))' keeps both versions, the other as a conflict copy; or edit the file"
    }

    /// The id a note's file is named by (`…/ID.json`).
    public static func noteID(ofFile path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return name.hasSuffix(".json") ? String(name.dropLast(5)) : name
    }

    /// Whether a file has the markers git leaves in a file it could not merge: a line that
    /// opens or closes a conflict, which no note's JSON has. One of the three deleted by hand
    /// still leaves it a conflict (`sides(of:)` says which is missing), not a damaged note.
    static func hasMergeConflict(_ bytes: [UInt8]) -> Bool {
        let text = String(decoding: bytes, as: UTF8.self)
        // Any line break: a store checked out with CRLF line ends has "\r\n", one Character.
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        return lines.contains { $0.hasPrefix("<<<<<<< ") || $0 == "<<<<<<<" || $0.hasPrefix(">>>>>>> ") || $0 == ">>>>>>>" }
    }

    /// `readNote` of each name, in order; on several threads when there are many. The first
    /// error, in the names' order, is thrown, as reading them one by one would.
    private func readNotes(named names: [String]) throws(NoteStoreError) -> [ReadOutcome?] {
        let parts = ParallelWork.parts(forNotes: names.count)
        var outcomes = [Result<ReadOutcome, NoteStoreError>?](repeating: nil, count: names.count)
        outcomes.withUnsafeMutableBufferPointer { outcomes in
            ParallelWork.run(parts: parts) { part in
                for index in (names.count * part / parts)..<(names.count * (part + 1) / parts) {
                    do throws(NoteStoreError) {
                        outcomes[index] = .success(try readNote(named: names[index]))
                    } catch {
                        outcomes[index] = .failure(error)
                        return   // this part stops at its first error, as a single reader would
                    }
                }
            }
        }
        var read: [ReadOutcome?] = []
        read.reserveCapacity(names.count)
        for outcome in outcomes {
            switch outcome {
            case .success(let note): read.append(note)
            case .failure(let error): throw error
            case nil: read.append(nil)   // after an error in its part; never reached past that error
            }
        }
        return read
    }

    private func readNote(named name: String) throws(NoteStoreError) -> ReadOutcome {
        let path = directory + "/" + name
        let bytes: [UInt8]?
        // One entry that cannot be read (a directory or a pipe named like a note, a file
        // without read permission, a loop of links) is reported and left where it is; the
        // other notes load. Any other failure (too many open files, an I/O error) is the
        // store's, not the entry's, and stops the read as before.
        do { bytes = try StoreFiles.read(path) } catch {
            guard Self.entryFailures.contains(error.code) else { throw NoteStoreError(error) }
            return .unreadable(path: path, reason: error.reason)
        }
        guard let bytes else { return .vanished }   // deleted by another process meanwhile
        do {
            return .note(try NoteFile.decode(bytes, fileName: name))
        } catch .newerSchema(let version) {
            return .newer(path: path, version: version)
        } catch {
            if Self.hasMergeConflict(bytes) {
                switch Self.sides(of: bytes, fileName: name) {
                case .sameButTime(let note, let otherFields):
                    return .conflictOverTime(path: path, note: note, otherFields: otherFields, bytes: bytes)
                case .unreadable(let why, let readable):
                    return .conflicted(path: path, unresolvable: why, sides: readable)
                case .twoVersions(let ours, _, let theirs, _):
                    return .conflicted(path: path, unresolvable: nil, sides: [ours, theirs])
                }
            }
            return .invalid(path: path, reason: error.reason)
        }
    }

    /// A file that cannot be a note, moved to quarantine, or left where it is: beside a newer
    /// travaux's note (it may be that travaux's), or in a store shared through git, where a
    /// file moved away is a deletion the next `git add -A` shares with everyone (a conflict
    /// half mended, a note file renamed by hand). `inGit` is worked out once, when first needed.
    private func setAside(_ path: String, reason: String, newerSeen: Bool, inGit: inout Bool?) -> NoteStoreProblem {
        if newerSeen { return Self.keptBesideNewerProblem(path, reason: reason) }
        if inGit == nil { inGit = isInGitWorkTree }
        if inGit == true {
            return NoteStoreProblem(file: path, reason: reason + "; not moved to quarantine, since the store is shared through git (moved away, "
                                    + "the note would be deleted for everyone at the next commit): mend the file, or restore it with git",
                                    movedTo: nil)
        }
        return quarantine(path, reason: reason)
    }

    /// Whether the store's folder is in a git work tree: a `.git` in it or in a folder above.
    var isInGitWorkTree: Bool {
        guard let resolved = realpath(directory, nil) else { return false }
        var path = String(cString: resolved)
        free(resolved)
        while true {
            if StoreFiles.exists(path + (path == "/" ? ".git" : "/.git")) { return true }
            guard path != "/", let slash = path.lastIndex(of: "/") else { return false }
            path = slash == path.startIndex ? "/" : String(path[..<slash])
        }
    }

    /// Moves a bad file aside, with a note of why beside it.
    private func quarantine(_ path: String, reason: String) -> NoteStoreProblem {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        do {
            let destination = try StoreFiles.moveAside(path, into: quarantineDirectory)
            let why = Array("\(name): \(reason)\n".utf8)
            try? StoreFiles.writeAtomically(why, to: destination + ".reason.txt", temporaryTag: "reason")
            return NoteStoreProblem(file: path, reason: reason, movedTo: destination)
        } catch {
            return NoteStoreProblem(file: path, reason: reason, movedTo: nil)
        }
    }

    /// Refuses a store a newer travaux wrote, before anything is read or written.
    /// Whether this travaux can read the store at all (its manifest's schema), without reading
    /// any note: the interface asks before taking the terminal, then loads after its first frame.
    /// Returns whether the store is there (its manifest is).
    @discardableResult
    public func checkReadable() throws(NoteStoreError) -> Bool { try checkManifest() }

    /// Returns whether the manifest was there.
    @discardableResult
    private func checkManifest() throws(NoteStoreError) -> Bool {
        let path = directory + "/" + Self.manifestName
        let bytes: [UInt8]?
        do { bytes = try StoreFiles.read(path) } catch { throw NoteStoreError(error) }
        guard let bytes else {
            if knownToExist { throw .storeGone(directory: directory) }
            // A store has a manifest from its first note on. JSON files without one are someone
            // else's (a record, a project): reading them as notes would quarantine them all.
            let listing: DirectoryListing
            do { listing = try DirectoryListing(directory) } catch { throw NoteStoreError(error) }
            let files = (0..<listing.count).filter { isNoteFile(listing, $0) }.count
            if files > 0 {
                // Another process's first save may have made the store between the read above
                // and the listing: its manifest, then its note. Then it is a store.
                if StoreFiles.exists(path) { return try checkManifest() }
                throw .notAStore(directory: directory, jsonFiles: files)
            }
            return false
        }
        struct Manifest: Decodable { var schema: Int }
        guard let manifest = try? JSONDecoder().decode(Manifest.self, from: Data(bytes)) else {
            throw .damagedManifest(path: path)
        }
        if manifest.schema > Note.schemaVersion { throw .newerSchema(path: path, version: manifest.schema) }
        return true
    }

    /// Creates the directory (0700), its manifest and a .gitignore for the per-user files.
    private func prepare() throws(NoteStoreError) {
        let hadManifest = try checkManifest()
        do {
            try StoreFiles.makeDirectory(directory)
            let manifest = directory + "/" + Self.manifestName
            if !StoreFiles.exists(manifest) {
                let text = CanonicalJSON.encode(.object([("schema", .int(Note.schemaVersion)), ("format", .string("travaux notes"))]))
                try StoreFiles.writeAtomically(Array(text.utf8), to: manifest, temporaryTag: "manifest")
            }
            let ignore = directory + "/.gitignore"
            if !StoreFiles.exists(ignore) {
                let text = ([Self.gitignoreHeader] + Self.gitignoreLines).joined(separator: "\n") + "\n"
                try StoreFiles.writeAtomically(Array(text.utf8), to: ignore, temporaryTag: "gitignore")
            } else {
                // A store made by an older travaux learns the lines added since (one small read a save).
                ignores(Self.quarantineName + "/", "*.orig")
            }
        } catch {
            throw NoteStoreError(error)
        }
        // Read once per save: again only when it was just made, here or by another process meanwhile.
        if !hadManifest { try checkManifest() }
    }

    /// Changes whenever a note file appears, is replaced or goes (the directory's mtime):
    /// one stat tells a window whether `refresh` has anything to read.
    public var changeStamp: Int64? { StoreFiles.modificationTime(directory) }

    // MARK: writing

    /// What a save did.
    public struct SaveOutcome: Sendable, Hashable {
        /// The note as it is now in the store.
        public var saved: Note
        /// When another process had changed the note since it was read, the losing edit,
        /// kept as a new note so that neither is dropped.
        public var conflictCopy: Note?
        /// Whether the conflict copy holds the edit being saved (the other was later, and
        /// kept the note's id) rather than the other window's.
        public var copyIsMine = false
        /// When the note's file was damaged (edited by hand, half copied), where it was moved
        /// before the save took its place.
        public var quarantined: NoteStoreProblem?
        /// An edit of a note deleted elsewhere since it was read: the save brought it back,
        /// which the window that deleted it meant gone, so it is said.
        public var broughtBack = false
        /// The fields another window or command changed meanwhile, kept beside this edit
        /// (`tags`, `session`): said, since the note is not quite what was in the editor.
        public var keptFromElsewhere: [String] = []

        public init(saved: Note, conflictCopy: Note? = nil, quarantined: NoteStoreProblem? = nil) {
            self.saved = saved
            self.conflictCopy = conflictCopy
            self.quarantined = quarantined
        }
    }

    /// A new note, stamped with the clock and a fresh id.
    public func makeNote(target: NoteTarget, body: String, tags: [String] = [], session: String? = nil,
                         author: String) -> Note {
        let now = clock.now()
        return Note(id: NoteID.make(at: now), target: target, body: body, tags: tags, session: session,
                    author: author, created: now)
    }

    /// Saves a note. `base` is the note as it was read before editing (nil for a new one):
    /// if the file changed since, edits of different fields are merged (`NoteMerge`, unless
    /// `merges` is false: a base known only by its time); otherwise the later edit wins and
    /// the other is kept as a conflict copy.
    /// A damaged file in its place is moved to quarantine first; a newer travaux's is refused.
    /// `restoring`: the fields another tool gave the file of a note deleted and now brought
    /// back (`Deletion.otherFields`), written when no file is in its place.
    @discardableResult
    public func save(_ note: Note, base: Note?, merges: Bool = true, restoring deleted: Deletion? = nil) throws(NoteStoreError) -> SaveOutcome {
        try prepare()
        let outcome = try locked { (refusal: inout NoteStoreError?) throws(StoreFiles.Failure) -> SaveOutcome? in
            let onDisk: Note?, otherFields: [(String, String)], quarantined: NoteStoreProblem?
            switch try clearing(note.id) {
            case .refused(let reason):
                refusal = reason
                return nil
            case .clear(let current, let others, let moved):
                let restored = current == nil && deleted?.note.id == note.id ? deleted?.otherFields ?? [] : []
                (onDisk, otherFields, quarantined) = (current, current == nil ? restored : others, moved)
            }
            var mine = note
            if base != nil { mine.updated = max(clock.now(), note.updated) }
            // Unchanged since read, or new: written as it is. A note saved as new over a
            // file that is there (`u` bringing back a note another window saved again
            // meanwhile) crosses that file as an edit would: neither is lost.
            guard let onDisk, base.map({ onDisk != $0 }) ?? true else {
                try write(mine, keeping: otherFields)
                var outcome = SaveOutcome(saved: mine, conflictCopy: nil, quarantined: quarantined)
                outcome.broughtBack = base != nil && onDisk == nil && quarantined == nil
                return outcome
            }
            if onDisk == mine { return SaveOutcome(saved: mine, conflictCopy: nil) }
            // Two edits crossed on different fields (the text here, the session renamed by a
            // command meanwhile): both kept in the note, as a merge of the two would.
            if merges, let base, let merged = NoteMerge.merged(base: base, mine: mine, theirs: onDisk) {
                try write(merged.note, keeping: otherFields)
                var outcome = SaveOutcome(saved: merged.note, conflictCopy: nil)
                outcome.keptFromElsewhere = merged.theirFields
                return outcome
            }
            // Two edits crossed. The later one keeps the id; the other becomes a new note.
            let (winner, loser) = mine.updated >= onDisk.updated ? (mine, onDisk) : (onDisk, mine)
            var copy = loser
            copy.id = NoteID.make(at: clock.now())
            copy.conflictOf = note.id
            // Both versions come from the file, and so keep the fields another tool gave it.
            if winner == mine { try write(mine, keeping: otherFields) }
            try write(copy, keeping: otherFields)
            var outcome = SaveOutcome(saved: winner, conflictCopy: copy)
            outcome.copyIsMine = winner != mine
            return outcome
        }
        guard let outcome else { throw .io(path: path(of: note.id), reason: "not saved") }
        return outcome
    }

    /// Changes a note as it is in the store now, under the store's lock: `change` gets the
    /// note as on disk and returns it changed, or nil to leave it. For changes made by rule
    /// (a tag renamed on every note), which must apply to an edit made meanwhile rather than
    /// put it back and move it to a conflict copy. Nil when the note is absent or unchanged,
    /// or its file is damaged: that file is left where it is, for the next read to report and
    /// move aside (a rule applied to every note has no note there to apply to).
    @discardableResult
    public func modify(_ id: String, _ change: (Note) -> Note?) throws(NoteStoreError) -> Note? {
        try prepare()
        return try locked { (refusal: inout NoteStoreError?) throws(StoreFiles.Failure) -> Note? in
            switch try fileNow(id) {
            case .newer(let version):
                refusal = .newerSchema(path: path(of: id), version: version)
                return nil
            case .conflicted:
                refusal = .mergeConflict(path: path(of: id))
                return nil
            case .absent, .damaged:
                return nil
            case .note(let onDisk, let otherFields):
                guard var edited = change(onDisk), edited != onDisk else { return nil }
                edited.updated = max(clock.now(), edited.updated)
                try write(edited, keeping: otherFields)
                return edited
            }
        }
    }

    /// Deletes a note. With `base`, refuses if another process changed it since it was read.
    /// A damaged file is moved to quarantine instead, and a newer travaux's note is refused.
    @discardableResult
    public func delete(_ id: String, base: Note?) throws(NoteStoreError) -> Deletion? {
        guard StoreFiles.exists(directory) else { return nil }
        return try locked { (refusal: inout NoteStoreError?) throws(StoreFiles.Failure) -> Deletion? in
            switch try clearing(id) {
            case .refused(let reason):
                refusal = reason
                return nil
            case .clear(nil, _, let moved):
                // Absent, or damaged and now kept in quarantine rather than deleted.
                return moved == nil ? nil : base.map { Deletion(note: $0, otherFields: []) }
            case .clear(let onDisk?, let otherFields, _):
                if let base, onDisk != base {
                    refusal = .changedElsewhere(id: id)
                    return nil
                }
                try StoreFiles.remove(path(of: id))
                try StoreFiles.syncDirectory(directory)
                return Deletion(note: onDisk, otherFields: otherFields)
            }
        }
    }

    /// A note deleted, with what its file held beyond the note (fields another tool gave
    /// it), so that bringing it back (`save(_:base:restoring:)`) loses none of them.
    public struct Deletion: Sendable {
        public let note: Note
        let otherFields: [(String, String)]
    }

    /// Runs `body` under the store's lock; a refusal it sets (a newer travaux's note, a
    /// change made elsewhere) is thrown once the lock is released.
    func locked<T>(_ body: (inout NoteStoreError?) throws(StoreFiles.Failure) -> T?) throws(NoteStoreError) -> T? {
        var refusal: NoteStoreError?
        let result: T?
        do {
            result = try StoreFiles.withLock(directory + "/" + Self.lockName) { () throws(StoreFiles.Failure) -> T? in try body(&refusal) }
        } catch {
            throw NoteStoreError(error)
        }
        if let refusal { throw refusal }
        return result
    }

    /// What a note's file holds now, read under the store's lock before it is replaced.
    private enum FileNow {
        case absent
        /// The note, and the fields of its file travaux does not know, which its next write keeps.
        case note(Note, otherFields: [(String, String)])
        /// Written by a newer travaux: neither replaced nor removed.
        case newer(Int)
        /// Git's conflict markers: left for the user to resolve, never moved or replaced.
        case conflicted
        /// Not a note any more (a hand edit, a half copy): moved to quarantine before anything
        /// takes its place, so nothing in it is lost.
        case damaged(String)
    }

    /// Whether a save or a delete may go ahead on a note's file, under the store's lock: with
    /// the note the file holds, or after moving a damaged file aside; refused for a newer
    /// travaux's note, git's conflict markers, or a damaged file that could not be moved.
    private enum Clearance {
        case clear(onDisk: Note?, otherFields: [(String, String)], quarantined: NoteStoreProblem?)
        case refused(NoteStoreError)
    }

    private func clearing(_ id: String) throws(StoreFiles.Failure) -> Clearance {
        switch try fileNow(id) {
        case .absent: return .clear(onDisk: nil, otherFields: [], quarantined: nil)
        case .note(let note, let otherFields): return .clear(onDisk: note, otherFields: otherFields, quarantined: nil)
        case .newer(let version): return .refused(.newerSchema(path: path(of: id), version: version))
        case .conflicted: return .refused(.mergeConflict(path: path(of: id)))
        case .damaged(let reason):
            let moved = quarantine(path(of: id), reason: reason)
            // Not moved aside: writing or removing now would destroy what is in it.
            guard moved.movedTo != nil else {
                return .refused(.io(path: path(of: id), reason: "it is damaged and could not be moved to quarantine/, so it was left as it is"))
            }
            return .clear(onDisk: nil, otherFields: [], quarantined: moved)
        }
    }

    private func fileNow(_ id: String) throws(StoreFiles.Failure) -> FileNow {
        guard let bytes = try StoreFiles.read(path(of: id)) else { return .absent }
        do {
            return .note(try NoteFile.decode(bytes, fileName: id + ".json"), otherFields: NoteFile.otherFields(in: bytes))
        } catch .newerSchema(let version) {
            return .newer(version)
        } catch {
            return Self.hasMergeConflict(bytes) ? .conflicted : .damaged(error.reason)
        }
    }

    /// Writes a note over its file, keeping `otherFields`, the fields of the file it replaces
    /// that travaux does not know (a hand-added `"attachments"`, as read under the same lock):
    /// a change made here must not drop what another tool wrote.
    func write(_ note: Note, keeping otherFields: [(String, String)] = []) throws(StoreFiles.Failure) {
        try StoreFiles.writeAtomically(Array(NoteFile.encode(note, otherFields: otherFields).utf8), to: path(of: note.id), temporaryTag: note.id)
    }

    // MARK: sessions

    /// Renames a session on every note of it, in every spelling (`seminar  3`, `Seminar 3`),
    /// merging it into `new` where that session is in use, in the spelling its notes give it;
    /// re-spelled (`seminar 3` to `Seminar 3`), the new spelling. Returns the notes changed.
    public func renameSession(_ old: String, to new: String) throws(NoteStoreError) -> [Note] {
        let collection = try load()
        let typed = SessionLabel.normalise(new)
        let target = SessionLabel.same(old, typed) ? typed : collection.spelledSession(typed)
        var changed: [Note] = []
        for note in collection.all where note.session.map({ SessionLabel.same($0, old) }) ?? false {
            // As the note is on disk: one moved to another session meanwhile stays there.
            let renamed = try modify(note.id) { current in
                guard let session = current.session, SessionLabel.same(session, old), session != target else { return nil }
                var edited = current
                edited.session = target
                return edited
            }
            if let renamed { changed.append(renamed) }
        }
        return changed
    }

    // MARK: tags

    /// Renames a tag on every note (merging it into `new` where a note has both). Merged into
    /// another tag in use, it takes that tag's spelling (`t3` into `T1`, spelled `t1`: `t1`);
    /// re-spelled (`GGE` to `gge`), the new spelling. Returns the notes changed.
    public func renameTag(_ old: String, to new: String) throws(NoteStoreError) -> [Note] {
        let collection = try load()
        let target = collection.spellingOfRename(from: old, to: new)
        var changed: [Note] = []
        // Each note renamed as it is on disk at that moment: an edit made meanwhile by
        // another window keeps its text and gets the new tag too.
        for note in collection.all where note.tags.contains(where: { Tag.same($0, Tag.normalise(old)) }) {
            let renamed = try modify(note.id) { current in
                var edited = current
                edited.tags = Tag.normalise(current.tags.map { Tag.same($0, Tag.normalise(old)) ? target : $0 })
                return edited.tags == current.tags ? nil : edited
            }
            if let renamed { changed.append(renamed) }
        }
        return changed
    }
}
