/// Which notes an export takes: the notes store's filters (tags, session, items, words),
/// the record's filters (domain, forum, actor) applied to the item each note is on, and a
/// range of days on which the notes were created.
///
/// The date range is the note's creation day where it was written (`LocalZone`), inclusive
/// at both ends, because a handout is "what we wrote in that seminar", which is what Zotero
/// and Obsidian users expect of a date filter on notes. A bound may be a year or a month: `from: 2026-11`
/// starts on the first of November, `to: 2026-11` ends on the thirtieth.
public struct ExportSelection: Sendable, Hashable {
    public var notes: NoteFilter
    public var record: RecordFilter
    public var from: PartialDate?
    public var to: PartialDate?

    public init(notes: NoteFilter = NoteFilter(), record: RecordFilter = RecordFilter(),
                from: PartialDate? = nil, to: PartialDate? = nil) {
        self.notes = notes
        self.record = record
        self.from = from
        self.to = to
    }

    public var isEmpty: Bool { notes.isEmpty && record.isEmpty && from == nil && to == nil }

    /// A note on an item the record no longer holds passes the record's filters only when
    /// none is set: it has no domain, forum or actor to match.
    private func matches(_ note: Note, in record: Record, zone: LocalZone, notesMatcher: NoteMatcher) -> Bool {
        guard notesMatcher.matches(note) else { return false }
        if !self.record.isEmpty {
            guard let item = record.item(note.target.item), self.record.matches(item, in: record) else { return false }
        }
        guard from != nil || to != nil else { return true }
        let day = zone.day(of: note.created)
        if let from, day < from.iso { return false }
        // Compare at the bound's precision: a day of November 2026 is within `to: 2026-11`.
        if let to, String(day.prefix(to.iso.count)) > to.iso { return false }
        return true
    }

    /// The matching notes, oldest first; `zone` says which day a note was created on.
    public func apply(to notes: NoteCollection, record: Record, zone: LocalZone) -> [Note] {
        let notesMatcher = self.notes.matcher(record: record)
        return notes.all.filter { matches($0, in: record, zone: zone, notesMatcher: notesMatcher) }
    }

    /// How many notes match, without sorting and copying them all as `apply` does.
    public func count(in notes: NoteCollection, record: Record, zone: LocalZone) -> Int {
        count(in: notes, record: record, zone: zone, outsideSession: nil).all
    }

    /// How many notes match and, with a `session`, how many of them are not of it (none counts
    /// as not): what an export taken in a session's window says before it takes notes from elsewhere.
    public func count(in notes: NoteCollection, record: Record, zone: LocalZone,
                      outsideSession session: String?) -> (all: Int, outside: Int) {
        let notesMatcher = self.notes.matcher(record: record)
        var all = 0, outside = 0
        for note in notes.unordered where matches(note, in: record, zone: zone, notesMatcher: notesMatcher) {
            all += 1
            if let session, !(note.session.map { SessionLabel.same($0, session) } ?? false) { outside += 1 }
        }
        return (all, outside)
    }

    /// "tag verification · session seminar-3 · domain space", for front matter and messages.
    public func summary(in record: Record) -> [(key: String, value: [String])] {
        var parts: [(String, [String])] = []
        if !notes.tags.isEmpty { parts.append(("tags", notes.tags.map(Tag.normalise))) }
        if let session = notes.session { parts.append(("session", [session])) }
        if notes.withoutSession { parts.append(("session", ["none"])) }
        if !notes.itemIDs.isEmpty { parts.append(("items", notes.itemIDs)) }
        if !notes.text.isEmpty { parts.append(("text", [notes.text])) }
        if let domain = self.record.domain { parts.append(("domain", [domain.rawValue])) }
        if let forum = self.record.forum { parts.append(("forum", [forum])) }
        if let actor = self.record.actor { parts.append(("actor", [actor])) }
        if let tag = self.record.tag { parts.append(("item-tag", [tag.name])) }
        if let from { parts.append(("from", [from.iso])) }
        if let to { parts.append(("to", [to.iso])) }
        return parts
    }

    /// "tag 'verification', session 'seminar-3'": what a "nothing matched" message names.
    public func description(in record: Record) -> String {
        summary(in: record).map { entry in
            // The days say what they bound: "to '2020'" read as a name.
            switch entry.key {
            case "from": return "created on or after " + entry.value.joined()
            case "to": return "created on or before " + entry.value.joined()
            case "session" where notes.withoutSession: return "outside any session"
            default: return entry.key + " " + entry.value.map { "'\($0)'" }.joined(separator: " and ")
            }
        }.joined(separator: ", ")
    }
}
