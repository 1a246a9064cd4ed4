/// A session as `travaux sessions` lists it: the meetings a store's notes were taken in, in
/// the order they were held, so that a mistyped label (a second spelling, the wrong number)
/// can be seen and renamed.
public struct SessionSummary: Sendable, Equatable {
    /// In the spelling most of its notes give it; nil for the notes taken outside any session.
    public var name: String?
    public var count: Int
    /// When its first and its last note were taken.
    public var first: NoteTime
    public var last: NoteTime
    /// Every spelling its notes give it, the one that names it first (`TagTally`): more than
    /// one says the session was typed two ways.
    public var spellings: [String]

    public init(name: String?, count: Int, first: NoteTime, last: NoteTime, spellings: [String]) {
        self.name = name
        self.count = count
        self.first = first
        self.last = last
        self.spellings = spellings
    }
}

extension NoteCollection {
    /// Every session once, whatever its case, oldest first notes first (ties by name), then the
    /// notes outside any session, if there are some. One pass over the notes.
    public var sessionSummaries: [SessionSummary] {
        struct Tally {
            var count = 0
            var first: NoteTime
            var last: NoteTime
            var spellings: [String: Int] = [:]
            mutating func add(_ note: Note) {
                count += 1
                first = min(first, note.created)
                last = max(last, note.created)
                if let session = note.session { spellings[session, default: 0] += 1 }
            }
        }
        var sessions: [String: Tally] = [:]
        var outside: Tally?
        for note in all {
            if let session = note.session {
                sessions[SessionLabel.key(session), default: Tally(first: note.created, last: note.created)].add(note)
            } else {
                if outside == nil { outside = Tally(first: note.created, last: note.created) }
                outside?.add(note)
            }
        }
        var summaries = sessions.values.map { tally in
            let spellings = TagTally.spellingsByUse(tally.spellings)
            return SessionSummary(name: spellings.first, count: tally.count, first: tally.first, last: tally.last, spellings: spellings)
        }
        summaries.sort { ($0.first, $0.name?.lowercased() ?? "") < ($1.first, $1.name?.lowercased() ?? "") }
        if let outside {
            summaries.append(SessionSummary(name: nil, count: outside.count, first: outside.first, last: outside.last, spellings: []))
        }
        return summaries
    }
}
