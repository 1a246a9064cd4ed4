/// The notes a store held when it was last read, with what is needed to see what changed.
///
/// The notes sit in one dense array with an id → slot table beside it, so that a store of
/// 100,000 notes is built in one pass (`init(loaded:)`) rather than by 100,000 dictionary
/// inserts of whole notes.
public struct NoteCollection: Sendable {
    private var storage: [Note] = []
    /// The stamp (inode, size, times) of each note's file when it was read, slot by slot beside
    /// `storage`; nil when not known (a note put by this window, whose file it just wrote).
    /// `NoteStore.refresh` reads a file again when its stamp differs: file systems hand a freed
    /// inode out again at once, so two saves by rename, or git's unlink and create, can leave a
    /// changed note on its old inode. An array, not a table by inode: built for nothing at load.
    private var fileStamps: [StoreFiles.Stamp?] = []
    private var slotByID: [String: Int] = [:]
    /// Item id → ids of the notes on it, so the reader finds an item's notes without a scan.
    private var idsByItem: [String: [String]] = [:]
    /// The inode of each note's file when it was read → the note's id. `NoteStore.refresh`
    /// reads only a file whose inode is new, or whose stamp is not the one read (`fileStamp`).
    var idsByInode: [UInt64: String] = [:]
    /// The tags and sessions with their counts, kept as notes are put and removed once
    /// counted (`countTags`). A store read at once is not counted while it is read: that added
    /// about 50 ms to opening 100,000 notes, and only the interface asks for the counts often.
    private var tally: TagTally? = TagTally()
    /// Files that could not be loaded (and were quarantined) at the last read.
    public var problems: [NoteStoreProblem] = []
    /// Note files that held a git merge conflict over the time of their last change alone,
    /// settled as they were read (`NoteStore.settleConflictOverTime`): to be said, for `git add`.
    public var settledConflicts: [String] = []
    /// Stands for the notes as they are now: it changes with every note put or removed, so
    /// what was worked out from them (their folded text) holds while it is the same. Kept
    /// instead of the notes themselves, whose array a save would then have to copy whole.
    public private(set) var revision = Revision()
    /// Read from the store's cache alone (`NoteStore.load(trustingCache:)`): a note edited in
    /// place since may not show until a verifying `load()`.
    public internal(set) var unverified = false

    public init(notes: [Note] = []) {
        for note in notes { put(note) }
    }

    /// A collection of notes with distinct ids, each read from the file with the inode and the
    /// stamp (when taken) beside it. The id table and the item table are built at once, on two threads.
    init(loaded notes: consuming [Note], inodes: [UInt64], stamps: [StoreFiles.Stamp?]) {
        storage = notes
        var slots: [String: Int] = [:]
        var byItem: [String: [String]] = [:]
        var byInode: [UInt64: String] = [:]
        let parts = storage.count < 2_000 ? 1 : 2
        storage.withUnsafeBufferPointer { notes in
            ParallelWork.run(parts: parts) { part in
                // By index, not `for note in`: copying whole notes (ten strings each) was half the cost.
                if part == 0 {
                    slots.reserveCapacity(notes.count)
                    for slot in notes.indices { slots[notes[slot].id] = slot }
                }
                if part == parts - 1 {
                    byInode.reserveCapacity(notes.count)
                    for slot in notes.indices {
                        let id = notes[slot].id
                        byItem[notes[slot].target.item, default: []].append(id)
                        byInode[inodes[slot]] = id
                    }
                }
            }
        }
        slotByID = slots
        idsByItem = byItem
        idsByInode = byInode
        fileStamps = stamps
        tally = nil
    }

    public var count: Int { storage.count }
    public var isEmpty: Bool { storage.isEmpty }

    /// Every note, in no particular order (cheaper than `all` when the caller sorts anyway).
    public var unordered: [Note] { storage }

    /// Oldest first; ids sort by creation time.
    public var all: [Note] { storage.sorted { $0.id < $1.id } }

    public func note(_ id: String) -> Note? { slotByID[id].map { storage[$0] } }

    /// Takes the note (`consuming`: a store of 100,000 notes is loaded without copying each).
    public mutating func put(_ note: consuming Note) {
        revision = Revision()
        let id = note.id
        let item = note.target.item
        if let slot = slotByID[id] {
            let old = storage[slot]
            tally?.add(note)
            let orphaned = tally?.remove(old, replacedBy: note) ?? []
            storage[slot] = note
            fileStamps[slot] = nil
            refind(orphaned)
            guard old.target.item != item else { return }
            removeFromItem(old.target.item, id)
        } else {
            tally?.add(note)
            slotByID[id] = storage.count
            storage.append(note)
            fileStamps.append(nil)
        }
        idsByItem[item, default: []].append(id)
    }

    public mutating func remove(_ id: String) {
        guard let slot = slotByID.removeValue(forKey: id) else { return }
        revision = Revision()
        let old = storage[slot]
        // The last note takes the freed slot.
        let last = storage.count - 1
        if slot != last {
            storage.swapAt(slot, last)
            fileStamps.swapAt(slot, last)
            slotByID[storage[slot].id] = slot
        }
        storage.removeLast()
        fileStamps.removeLast()
        refind(tally?.remove(old) ?? [])
        removeFromItem(old.target.item, id)
    }

    /// The stamp of the note's file when it was read, if known.
    func fileStamp(of id: String) -> StoreFiles.Stamp? {
        slotByID[id].flatMap { fileStamps[$0] }
    }

    /// Records the stamp of the file a note was just read from (taken before the read).
    mutating func setFileStamp(_ stamp: StoreFiles.Stamp?, of id: String) {
        if let slot = slotByID[id] { fileStamps[slot] = stamp }
    }

    private mutating func refind(_ orphaned: [String]) {
        guard !orphaned.isEmpty else { return }
        storage.withUnsafeBufferPointer { tally?.refind(orphaned, in: $0) }
    }

    private mutating func removeFromItem(_ item: String, _ id: String) {
        guard var ids = idsByItem.removeValue(forKey: item) else { return }
        ids.removeAll { $0 == id }
        if !ids.isEmpty { idsByItem[item] = ids }
    }

    /// The notes on an item (any part of it), oldest first.
    public func notes(on itemID: String) -> [Note] {
        (idsByItem[itemID] ?? []).compactMap { note($0) }.sorted { $0.id < $1.id }
    }

    public func hasNotes(on itemID: String) -> Bool { idsByItem[itemID]?.isEmpty == false }

    /// Every tag with the number of notes that carry it, most used first. The oldest note's
    /// spelling names a tag, so the list is the same every time.
    public var tagCounts: [(tag: String, count: Int)] { (tally ?? counted()).counts }

    /// Each tag as the notes already spell it (the oldest note's spelling), so that a tag typed
    /// `verification` joins `#Verification` rather than starting a second spelling.
    public func spelled(_ tags: [String]) -> [String] {
        let tally = tally ?? counted()
        return tags.map { tag in tally.tags[tag.lowercased()]?.spelling ?? tag }
    }

    /// Those of `tags` no note carries yet, nor `editing` (the note being edited): the new tags,
    /// which `TagSpelling`'s rule is for. A tag in use stays usable, whatever it holds.
    public func newTags(_ tags: [String], editing: Note? = nil) -> [String] {
        let tally = tally ?? counted()
        return tags.filter { tag in
            tally.tags[tag.lowercased()] == nil && !(editing?.tags.contains { Tag.same($0, tag) } ?? false)
        }
    }

    /// Every session used, once whatever its case, in the spelling most of its notes give it;
    /// sorted whatever the case.
    public var sessions: [String] { (tally ?? counted()).sessionNames }

    /// The same, most used first, as the `S` prompt completes them.
    public var sessionsByUse: [String] { (tally ?? counted()).sessionsByUse }

    /// How many notes were taken outside any session.
    public var countWithoutSession: Int { count - (tally ?? counted()).notesInSessions }

    /// How many notes were taken in a session, whatever its case.
    public func count(inSession session: String) -> Int { (tally ?? counted()).sessionCount(session) }

    /// A session label as the notes already spell it, so that `Seminar 3` typed today joins
    /// the `seminar 3` of last week rather than starting a second session; as typed when no
    /// note has it.
    public func spelledSession(_ session: String) -> String {
        (tally ?? counted()).sessionSpelling(key: SessionLabel.key(session)) ?? session
    }

    /// The session of the newest note `author` took in one, to offer when a window opens
    /// without a session (a restart after a dropped connection, mid-seminar); any author's when
    /// `author` took none. One pass over the notes, made when `S` is pressed.
    public func latestSession(by author: String) -> String? {
        storage.withUnsafeBufferPointer { notes in
            var own: (created: NoteTime, session: String)?
            var anyone: (created: NoteTime, session: String)?
            for index in notes.indices {
                guard let session = notes[index].session else { continue }
                let created = notes[index].created
                if anyone.map({ created > $0.created }) ?? true { anyone = (created, session) }
                if notes[index].author == author, own.map({ created > $0.created }) ?? true { own = (created, session) }
            }
            return (own ?? anyone)?.session
        }
    }

    /// Counts the tags and sessions once, so that `tagCounts` and `sessions` answer without
    /// reading every note, and keeps them counted as notes are put and removed.
    public mutating func countTags() {
        if tally == nil { tally = counted() }
    }

    public var tagsCounted: Bool { tally != nil }

    private func counted() -> TagTally {
        storage.withUnsafeBufferPointer { TagTally(counting: $0) }
    }

    public static let minimumPrefix = 4

    /// The fewest leading characters, `minimum` or more, that tell each of `ids` from every other
    /// note's id (whatever the case, as `resolve` reads them): a narrow table names notes by so
    /// many, as `git log --oneline` abbreviates hashes, and `note edit` takes them.
    public func uniquePrefixLength(of ids: [String], minimum: Int = 8) -> Int {
        let all = slotByID.keys.map { Array($0.uppercased().utf8) }.sorted { $0.lexicographicallyPrecedes($1) }
        func shared(_ a: [UInt8], _ b: [UInt8]) -> Int { zip(a, b).prefix { $0 == $1 }.count }
        var length = minimum
        for id in ids {
            let key = Array(id.uppercased().utf8)
            // Where `key` sorts among all the ids; its neighbours there share the most with it.
            var low = 0, high = all.count
            while low < high {
                let middle = (low + high) / 2
                if all[middle].lexicographicallyPrecedes(key) { low = middle + 1 } else { high = middle }
            }
            for index in [low - 1, low + 1, low] where all.indices.contains(index) && all[index] != key {
                length = max(length, shared(all[index], key) + 1)
            }
        }
        // The most any id needs, for all: a short id (one written by hand) is shown whole.
        return length
    }

    /// The note an id or a unique prefix of one names (case-insensitive, as typed from a list).
    /// A prefix needs `minimumPrefix` characters, as git asks of an abbreviated hash: an
    /// empty one (`note rm "$ID"` with ID unset) would name the only note of a store.
    /// An id given in full is taken as it is, however short: a note written by hand may have one.
    public func resolve(_ idOrPrefix: String) throws(NoteStoreError) -> Note {
        if let note = note(idOrPrefix) { return note }
        let wanted = idOrPrefix.uppercased()
        if let note = note(wanted) { return note }
        guard wanted.count >= Self.minimumPrefix else {
            if let id = slotByID.keys.first(where: { $0.uppercased() == wanted }), let note = note(id) { return note }
            throw .shortNotePrefix(idOrPrefix)
        }
        let matches = slotByID.keys.filter { $0.hasPrefix(wanted) || $0.uppercased().hasPrefix(wanted) }.sorted()
        if matches.count == 1, let note = note(matches[0]) { return note }
        if matches.count > 1 { throw .ambiguousNote(idOrPrefix, matches: matches) }
        throw .noSuchNote(idOrPrefix, suggestions: [])
    }
}
