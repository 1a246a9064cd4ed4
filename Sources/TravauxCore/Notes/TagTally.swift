/// Every tag with its count and the spelling its oldest note gives it, and every session with
/// its count, kept up to date as notes come and go. Listing the tags (the filter menu, the
/// editor's completion) then reads a few dozen entries instead of every note: counting a
/// store of 100,000 notes on each save held the interface for a third of a second.
struct TagTally: Sendable {
    struct Entry: Sendable, Equatable {
        var count: Int
        /// The oldest note carrying the tag, whose spelling names it.
        var oldestID: String
        var spelling: String
    }

    /// By the tag in lower case: tags match whatever their case.
    private(set) var tags: [String: Entry] = [:]
    /// By the session in lower case, each spelling with its count: sessions match whatever
    /// their case, and are named as most of their notes spell them.
    private(set) var sessions: [String: [String: Int]] = [:]

    init() {}

    /// Counts every note; one pass, in no particular order.
    init(counting notes: UnsafeBufferPointer<Note>) {
        for index in notes.indices { add(notes[index]) }
    }

    mutating func add(_ note: Note) {
        for (position, tag) in note.tags.enumerated() {
            let key = tag.lowercased()
            if var entry = tags[key] {
                entry.count += 1
                // `<=`: the oldest note itself, put again with a new spelling, renames the tag;
                // by its first spelling, should a file hold the tag twice.
                if note.id <= entry.oldestID,
                   position == 0 || !note.tags[..<position].contains(where: { $0.lowercased() == key }) {
                    entry.oldestID = note.id
                    entry.spelling = tag
                }
                tags[key] = entry
            } else {
                tags[key] = Entry(count: 1, oldestID: note.id, spelling: tag)
            }
        }
        if let session = note.session { sessions[SessionLabel.key(session), default: [:]][session, default: 0] += 1 }
    }

    /// Takes `note` out of the counts. `replacement` is the same note as it is now, already
    /// added, if it stays. Returns the tags whose oldest note went, which the caller must find
    /// again among the notes (`refind`).
    mutating func remove(_ note: Note, replacedBy replacement: Note? = nil) -> [String] {
        var orphaned: [String] = []
        for tag in note.tags {
            let key = tag.lowercased()
            guard var entry = tags[key] else { continue }
            entry.count -= 1
            if entry.count <= 0 {
                tags[key] = nil
                continue
            }
            if entry.oldestID == note.id, !(replacement?.tags.contains { $0.lowercased() == key } ?? false) {
                orphaned.append(key)
            }
            tags[key] = entry
        }
        if let session = note.session, var spellings = sessions[SessionLabel.key(session)], let count = spellings[session] {
            spellings[session] = count > 1 ? count - 1 : nil
            sessions[SessionLabel.key(session)] = spellings.isEmpty ? nil : spellings
        }
        return orphaned
    }

    /// Names each of `keys` again by its oldest note, after that note went.
    mutating func refind(_ keys: [String], in notes: UnsafeBufferPointer<Note>) {
        guard !keys.isEmpty else { return }
        let wanted = Set(keys)
        var oldest: [String: (id: String, spelling: String)] = [:]
        for index in notes.indices {
            let note = notes[index]
            for tag in note.tags {
                let key = tag.lowercased()
                guard wanted.contains(key) else { continue }
                if let found = oldest[key], found.id <= note.id { continue }
                oldest[key] = (note.id, tag)
            }
        }
        for (key, found) in oldest {
            tags[key]?.oldestID = found.id
            tags[key]?.spelling = found.spelling
        }
    }

    /// Most used first; ties in alphabetical order, whatever the case.
    var counts: [(tag: String, count: Int)] {
        tags.values.map { ($0.spelling, $0.count) }
            .sorted { ($1.count, $0.tag.lowercased()) < ($0.count, $1.tag.lowercased()) }
    }

    /// Each session once, in its most used spelling; sorted whatever the case.
    var sessionNames: [String] {
        sessions.keys.sorted().compactMap(sessionSpelling(key:))
    }

    /// Each session once, most used first; ties in alphabetical order, whatever the case.
    var sessionsByUse: [String] {
        sessions.keys.compactMap { key in sessionSpelling(key: key).map { ($0, sessionCount($0)) } }
            .sorted { ($1.1, $0.0.lowercased()) < ($0.1, $1.0.lowercased()) }
            .map(\.0)
    }

    /// How many notes were taken in some session.
    var notesInSessions: Int { sessions.values.reduce(0) { $0 + $1.values.reduce(0, +) } }

    /// How many notes were taken in a session, in any spelling.
    func sessionCount(_ session: String) -> Int {
        sessions[SessionLabel.key(session)]?.values.reduce(0, +) ?? 0
    }

    /// The spelling most notes of the session give it; on a tie, one without stray spaces (a
    /// file edited by hand), then the first in code order, so that every window names it alike.
    func sessionSpelling(key: String) -> String? {
        sessions[key].flatMap(Self.spellingsByUse)?.first
    }

    /// A session's spellings, the one that names it first.
    static func spellingsByUse(_ counts: [String: Int]) -> [String] {
        counts.map { (spelling: $0.key, count: $0.value, clean: SessionLabel.isClean($0.key) ? 1 : 0) }
            .sorted { ($1.count, $1.clean, $0.spelling) < ($0.count, $0.clean, $1.spelling) }
            .map(\.spelling)
    }
}
