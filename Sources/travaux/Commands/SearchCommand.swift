import ArgumentParser
import TravauxCore

/// `travaux search QUERY`: ranked results across the whole record.
struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search titles, summaries, quoted texts, citations, symbols and names.",
        discussion: """
            Case and accents do not matter; the last word also matches as a prefix. Put a phrase \
            in double quotes to match it exactly. A document symbol typed as-is (A/66/359, CD/1985, \
            PC.DEC/1106) finds the items carrying it first. This searches the record; your notes             are searched with 'travaux note list --text WORDS'.
            """)

    @Argument(parsing: .remaining, help: "Words, a \"quoted phrase\" or a document symbol.")
    var query: [String]

    @Option(help: "Only items of this kind: event, proposal, source, actor, forum, theme or work.")
    var kind: String?

    @Option(help: "At most this many results.")
    var limit = 20

    @Flag(help: "Print JSON for scripts.")
    var json = false

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let text = query.joined(separator: " ")
        guard !text.allSatisfy(\.isWhitespace) else { throw CLIError("give something to search for, e.g. 'travaux search code of conduct'") }
        guard limit > 0 else { throw CLIError("--limit must be at least 1") }
        var kinds: Set<ItemKind>?
        if let kind {
            let singular = kind.hasSuffix("s") ? String(kind.dropLast()) : kind
            guard let value = ItemKind(rawValue: singular.lowercased()) else {
                throw CLIError("unknown kind '\(kind)'; use one of \(ItemKind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            kinds = [value]
        }
        let record = try global.loadRecord()
        let hits = SearchIndex(record: record).search(text, kinds: kinds, limit: limit)
        if json {
            CLIOutput.write(try JSONOutput.string(hits.map(SearchHitJSON.init)))
            return
        }
        guard !hits.isEmpty else {
            CLIOutput.write("nothing matches '\(text)'")
            return
        }
        var table = Table(columns: [.init(header: "KIND"), .init(header: "TITLE", flexible: true),
                                    .init(header: "MATCHED IN"), .init(header: "ID")])
        for hit in hits { table.rows.append([hit.kind.rawValue, hit.title, hit.field, hit.id]) }
        CLIOutput.write(table.render(width: CLIOutput.width))
    }
}

/// A search result as scripts see it.
struct SearchHitJSON: Encodable {
    var id: String
    var kind: String
    var title: String
    var score: Int
    var field: String
    var text: String

    init(_ hit: SearchHit) {
        id = hit.id
        kind = hit.kind.rawValue
        title = hit.title
        score = hit.score
        field = hit.field
        text = hit.text
    }
}
