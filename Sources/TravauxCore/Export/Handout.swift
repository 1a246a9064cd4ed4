/// The notes of an export arranged the way the handout reads: by domain (space, cyber,
/// general), then by item — proposals in record order, events by date, themes in record
/// order — then a group for notes on footnotes, actors, forums and works, and last one for
/// notes on items the record no longer holds. Markdown renders it; BibTeX and CSL-JSON take
/// its sources.
struct Handout {
    struct Section {
        var title: String
        var entries: [Entry]

        static func title(of domain: Domain) -> String {
            switch domain {
            case .space: return "Space"
            case .cyber: return "Cyber"
            case .general: return "General"
            }
        }
    }

    /// One item of the record and the notes on it.
    struct Entry {
        var itemID: String
        /// nil when the record no longer holds the item the notes are on.
        var item: RecordItem?
        var notes: [Note]
    }

    var sections: [Section]

    var noteCount: Int { sections.reduce(0) { $0 + $1.entries.reduce(0) { $0 + $1.notes.count } } }
    var entries: [Entry] { sections.flatMap(\.entries) }

    init(notes: [Note], record: Record) {
        var byItem: [String: [Note]] = [:]
        for note in notes { byItem[note.target.item, default: []].append(note) }

        func entry(_ item: RecordItem) -> Entry? {
            guard let notes = byItem.removeValue(forKey: item.id) else { return nil }
            return Entry(itemID: item.id, item: item, notes: Self.ordered(notes, on: item.id, in: record))
        }

        var sections: [Section] = []
        for domain in Domain.allCases {
            let items = record.proposals.filter { $0.domain == domain }.map(RecordItem.proposal)
                + record.eventsByDate.filter { $0.domain == domain }.map(RecordItem.event)
                + record.themes.filter { $0.domain == domain }.map(RecordItem.theme)
            let entries = items.compactMap(entry)
            if !entries.isEmpty { sections.append(Section(title: Section.title(of: domain), entries: entries)) }
        }
        let others = record.sources.map(RecordItem.source) + record.actors.map(RecordItem.actor)
            + record.forums.map(RecordItem.forum) + record.works.map(RecordItem.work)
        let rest = others.compactMap(entry)
        if !rest.isEmpty { sections.append(Section(title: "Footnotes, actors, forums and works", entries: rest)) }
        // Notes on ids the record does not know (it changed since they were written).
        let missing = byItem.keys.sorted().map { id in
            Entry(itemID: id, item: nil, notes: byItem[id, default: []].sorted { $0.id < $1.id })
        }
        if !missing.isEmpty { sections.append(Section(title: "Not in this record", entries: missing)) }
        self.sections = sections
    }

    /// Notes on the item as a whole first, then on its parts in the order the item shows
    /// them (versions by date with their quoted texts, then elements), each oldest first.
    static func ordered(_ notes: [Note], on itemID: String, in record: Record) -> [Note] {
        let targets = record.noteTargets(of: itemID)
        func rank(_ note: Note) -> Int {
            if let exact = targets.firstIndex(of: note.target) { return exact }
            // A quote noted without its version still sorts beside that version's quotes.
            if let index = targets.firstIndex(where: { $0.quote != nil && $0.quote == note.target.quote && $0.element == note.target.element }) {
                return index
            }
            return targets.count
        }
        return notes.sorted { (rank($0), $0.id) < (rank($1), $1.id) }
    }

    /// The footnotes an item rests on, in the order the item cites them.
    static func sourceIDs(of item: RecordItem?) -> [String] {
        guard let item else { return [] }
        if case .source(let source) = item { return [source.id] }
        return item.sourceIDs
    }

    /// The footnotes the part of a proposal a note targets rests on, as the handout names
    /// that part (one lookup of the part, for its label and its footnotes).
    static func sourceIDs(of target: NoteTarget, in record: Record) -> [String] {
        (TargetDescription(target, in: record)?.parts.flatMap(\.sources) ?? []).uniqued()
    }

    /// Every footnote the handout cites, in record order (works, then footnote numbers).
    func citedSourceIDs(in record: Record) -> [String] {
        var cited = Set<String>()
        for entry in entries {
            cited.formUnion(Self.sourceIDs(of: entry.item))
            for note in entry.notes { cited.formUnion(Self.sourceIDs(of: note.target, in: record)) }
        }
        return record.sources.map(\.id).filter(cited.contains)
    }
}
