import ArgumentParser
import TravauxCore

/// `travaux search QUERY`: ranked results across the whole record.
struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search titles, summaries, quoted texts, citations, symbols and names.",
        discussion: """
            Case and accents do not matter; a word of three letters or more, and the last, also match as a prefix. Put a phrase \
            in double quotes to match it exactly. A document symbol typed as-is (A/66/359, CD/1985, \
            PC.DEC/1106) finds the items carrying it first. Your notes holding every word follow \
            the record's results, newest first, as in the interface's search ('--kind note' for \
            the notes alone).
            """)

    @Argument(parsing: .remaining, help: "Words, a \"quoted phrase\" or a document symbol.")
    var query: [String]

    @Option(help: "Only items of this kind: event, proposal, source, actor, forum, theme or work; or note, your notes alone.")
    var kind: String?

    @Option(help: "At most this many items, then at most as many notes.")
    var limit = 20

    @Flag(help: "Print JSON for scripts.")
    var json = false

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let text = query.joined(separator: " ")
        // A query of quotes or a bare '#' alone names nothing, and would list every note.
        guard NoteFilter.asksForSomething(text) else {
            throw CLIError("give something to search for, e.g. 'travaux search code of conduct'", exitCode: 64)
        }
        guard limit > 0 else { throw CLIError("--limit must be at least 1", exitCode: 64) }
        var kinds: Set<ItemKind>?
        var notesOnly = false
        if let kind {
            let singular = (kind.hasSuffix("s") ? String(kind.dropLast()) : kind).lowercased()
            if singular == "note" {
                notesOnly = true
            } else {
                guard let value = ItemKind(rawValue: singular) else {
                    let kinds = ItemKind.allCases.map(\.rawValue) + ["note"]
                    try EmptyArgument.check(kind, "--kind is empty; give one of \(kinds.joined(separator: ", ")), or leave --kind out")
                    // Nothing left is near nothing (`--kind s` is not a misspelt 'note').
                    let near = singular.isEmpty ? [] : IDSuggestion.nearest(to: singular, among: kinds)
                    let hint = near.isEmpty ? "" : "did you mean '\(near[0])'? "
                    throw CLIError("unknown kind '\(kind)'; \(hint)use one of \(kinds.joined(separator: ", "))", exitCode: 64)
                }
                kinds = [value]
            }
        }
        let record = try global.loadRecord()
        // The record's index and the notes at once: with 100,000 notes each takes most of a
        // second at 100x the record.
        let (hits, noteSearch) = ParallelWork.both({
            notesOnly ? [] : SearchIndex(record: record).search(text, kinds: kinds, limit: limit)
        }, {
            // As the interface's search: the notes holding every word after the record's results.
            kinds == nil ? Result { try matchingNotes(text, record: record) } : Result<[Note], any Error>.success([])
        })
        var notes: [Note] = []
        do {
            notes = Array(try noteSearch.get().sorted { ($0.updated, $0.id) > ($1.updated, $1.id) }.prefix(limit))
        } catch let error as CLIError where !notesOnly {
            // A store that cannot be read does not take the record's results with it.
            CLIOutput.warn("your notes were not searched: \(error.message)")
        }
        if json {
            CLIOutput.write(try JSONOutput.string(hits.map(SearchHitJSON.init) + notes.map(SearchHitJSON.init)))
            return
        }
        guard !hits.isEmpty || !notes.isEmpty else {
            CLIOutput.say("nothing matches '\(TerminalText.singleLine(text))'")
            return
        }
        var table = Table(columns: [.init(header: "KIND"), .init(header: "TITLE", flexible: true),
                                    .init(header: "MATCHED IN", cap: 18, optional: true), .init(header: "ID")])
        for hit in hits { table.rows.append([hit.kind.rawValue, hit.title, hit.field, hit.id]) }
        for note in notes { table.rows.append(["note", note.headline, "note on " + record.label(of: note.target), note.id]) }
        CLIOutput.write(table.render(width: CLIOutput.width))
    }

    /// The notes holding every word of `text`, or whose item's title does, in no order.
    private func matchingNotes(_ text: String, record: Record) throws -> [Note] {
        let matcher = NoteFilter(searchQuery: text).matcher(record: record)
        return matcher.matching(try global.loadNotes(try global.noteStore()).unordered)
    }
}

/// A search result as scripts see it: an item of the record, with its score, or one of the
/// user's notes, with the item it is on and its tags.
struct SearchHitJSON: Encodable {
    var id: String
    var kind: String
    var title: String
    var score: Int?
    var field: String
    var text: String
    var item: String?
    var tags: [String]?
    /// A note's item and the part of it (version, quoted text, element), as `note list` gives it.
    var target: NoteTarget?
    /// A note's fields under the names `note list --json` gives them, so that a script reads
    /// a note found by search as one listed (`text` stays, as for every hit).
    var body: String?
    var session: String?
    var author: String?
    var created: String?
    var updated: String?
    /// On a conflict copy, the note it is a copy of, as `note list --json` gives it.
    var conflictOf: String?
    private var isNote = false

    private enum CodingKeys: String, CodingKey {
        case id, kind, title, score, field, text, item, tags, target, body, session, author, created, updated, conflictOf
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(kind, forKey: .kind)
        try container.encode(title, forKey: .title)
        try container.encodeIfPresent(score, forKey: .score)
        try container.encode(field, forKey: .field)
        try container.encode(text, forKey: .text)
        try container.encodeIfPresent(item, forKey: .item)
        try container.encodeIfPresent(tags, forKey: .tags)
        try container.encodeIfPresent(target, forKey: .target)
        try container.encodeIfPresent(body, forKey: .body)
        // A note without a session has `"session": null`, as in `note list --json`.
        if isNote { try container.encode(session, forKey: .session) }
        try container.encodeIfPresent(author, forKey: .author)
        try container.encodeIfPresent(created, forKey: .created)
        try container.encodeIfPresent(updated, forKey: .updated)
        try container.encodeIfPresent(conflictOf, forKey: .conflictOf)
    }

    init(_ hit: SearchHit) {
        id = hit.id
        kind = hit.kind.rawValue
        title = hit.title
        score = hit.score
        field = hit.field
        text = hit.text
    }

    init(_ note: Note) {
        id = note.id
        kind = "note"
        title = note.headline
        field = "note"
        text = note.body
        item = note.target.item
        tags = note.tags
        target = note.target
        body = note.body
        session = note.session
        conflictOf = note.conflictOf
        isNote = true
        author = note.author
        created = note.created.iso8601
        updated = note.updated.iso8601
    }
}
