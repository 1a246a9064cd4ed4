/// The notes a store held when it was last read, with what is needed to see what changed.
public struct NoteCollection: Sendable {
    public internal(set) var notesByID: [String: Note] = [:]
    /// Item id → ids of the notes on it, so the reader finds an item's notes without a scan.
    private var idsByItem: [String: Set<String>] = [:]
    /// The inode of each note's file when it was read → the note's id. A file replaced by
    /// rename gets a new inode, so `NoteStore.refresh` reads only those.
    var idsByInode: [UInt64: String] = [:]
    /// Files that could not be loaded (and were quarantined) at the last read.
    public var problems: [NoteStoreProblem] = []

    public init(notes: [Note] = []) {
        for note in notes { put(note) }
    }

    public var count: Int { notesByID.count }
    public var isEmpty: Bool { notesByID.isEmpty }

    /// Oldest first; ids sort by creation time.
    public var all: [Note] { notesByID.values.sorted { $0.id < $1.id } }

    public func note(_ id: String) -> Note? { notesByID[id] }

    /// Takes the note (`consuming`: a store of 100,000 notes is loaded without copying each).
    public mutating func put(_ note: consuming Note) {
        let id = note.id
        let item = note.target.item
        if let old = notesByID[id], old.target.item != item { idsByItem[old.target.item]?.remove(id) }
        notesByID[id] = note
        idsByItem[item, default: []].insert(id)
    }

    public mutating func remove(_ id: String) {
        guard let old = notesByID.removeValue(forKey: id) else { return }
        idsByItem[old.target.item]?.remove(id)
        if idsByItem[old.target.item]?.isEmpty == true { idsByItem[old.target.item] = nil }
    }

    /// The notes on an item (any part of it), oldest first.
    public func notes(on itemID: String) -> [Note] {
        (idsByItem[itemID] ?? []).compactMap { notesByID[$0] }.sorted { $0.id < $1.id }
    }

    /// Ids of the items that have at least one note.
    public var notedItemIDs: Set<String> { Set(idsByItem.keys) }

    public func hasNotes(on itemID: String) -> Bool { idsByItem[itemID]?.isEmpty == false }

    /// Every tag with the number of notes that carry it, most used first.
    public var tagCounts: [(tag: String, count: Int)] {
        var counts: [String: (spelling: String, count: Int)] = [:]
        // The oldest note's spelling names the tag, so the list is the same every time.
        for note in all {
            for tag in note.tags {
                let key = tag.lowercased()
                counts[key, default: (tag, 0)].count += 1
            }
        }
        return counts.values.map { ($0.spelling, $0.count) }
            .sorted { ($1.count, $0.tag.lowercased()) < ($0.count, $1.tag.lowercased()) }
    }

    /// Every session label used, sorted.
    public var sessions: [String] { Set(notesByID.values.compactMap(\.session)).sorted() }

    /// The note an id or a unique prefix of one names (case-insensitive, as typed from a list).
    public func resolve(_ idOrPrefix: String) throws(NoteStoreError) -> Note {
        let wanted = idOrPrefix.uppercased()
        if let note = notesByID[wanted] { return note }
        let matches = notesByID.keys.filter { $0.hasPrefix(wanted) }.sorted()
        if matches.count == 1, let note = notesByID[matches[0]] { return note }
        if matches.count > 1 { throw .ambiguousNote(idOrPrefix, matches: matches) }
        throw .noSuchNote(idOrPrefix, suggestions: [])
    }
}

/// Which notes to show: every condition given must hold.
public struct NoteFilter: Sendable, Hashable {
    public var tags: [String] = []
    public var session: String?
    public var itemIDs: [String] = []
    /// Words that must all occur in the body, tags or target (accent- and case-insensitive).
    public var text: String = ""

    public init(tags: [String] = [], session: String? = nil, itemIDs: [String] = [], text: String = "") {
        self.tags = tags
        self.session = session
        self.itemIDs = itemIDs
        self.text = text
    }

    public var isEmpty: Bool { tags.isEmpty && session == nil && itemIDs.isEmpty && text.isEmpty }

    public func matches(_ note: Note) -> Bool {
        if !tags.isEmpty, !tags.allSatisfy({ wanted in note.tags.contains { Tag.same($0, Tag.normalise(wanted)) } }) {
            return false
        }
        if let session, note.session != session { return false }
        if !itemIDs.isEmpty, !itemIDs.contains(note.target.item) { return false }
        if !text.isEmpty {
            let haystack = TextFolding.fold(note.body + " " + note.tags.joined(separator: " ") + " " + note.target.description)
            let words = TextFolding.fold(text).split(separator: " ")
            if !words.allSatisfy({ haystack.contains($0) }) { return false }
        }
        return true
    }

    public func apply(to notes: NoteCollection) -> [Note] {
        notes.all.filter(matches)
    }
}
