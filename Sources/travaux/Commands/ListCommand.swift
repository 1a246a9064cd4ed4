import ArgumentParser
import TravauxCore

/// `travaux list KIND`: the items of one kind as a table or JSON.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List events, proposals, sources, actors, forums, themes or works.",
        discussion: "Events are listed oldest first, undated events last.")

    enum Kind: String, ExpressibleByArgument, CaseIterable {
        case events, proposals, sources, actors, forums, themes, works

        var itemKind: ItemKind {
            switch self {
            case .events: return .event
            case .proposals: return .proposal
            case .sources: return .source
            case .actors: return .actor
            case .forums: return .forum
            case .themes: return .theme
            case .works: return .work
            }
        }
    }

    @Argument(help: "What to list: \(Kind.allCases.map(\.rawValue).joined(separator: ", ")).")
    var kind: Kind

    @Option(help: "Only items of this domain: space, cyber or general.")
    var domain: String?

    @Option(help: ArgumentHelp("Only items in this forum or a body within it.", valueName: "forum-id"))
    var forum: String?

    @Option(help: ArgumentHelp("Only items naming this actor (as actor, sponsor, voter or critic).", valueName: "actor-id"))
    var actor: String?

    @Option(help: ArgumentHelp("Only items with a note carrying this tag.", valueName: "tag"))
    var tag: String?

    @Flag(help: "Print JSON for scripts.")
    var json = false

    @OptionGroup var global: GlobalOptions

    func run() throws {
        try EmptyArgument.checkTags(tag.map { [$0] } ?? [], option: "--tag")
        if let tag, case let named = Tag.parted([tag]).count, named > 1 {
            throw CLIError("--tag '\(TerminalText.singleLine(tag))' names \(named) tags, and list takes one; "
                           + "'travaux note list --tag' or 'travaux export --tag' take several", exitCode: 64)
        }
        try EmptyArgument.check(forum, "--forum is empty; give a forum's id, as in '--forum un' (see 'travaux list forums')")
        try EmptyArgument.check(actor, "--actor is empty; give an actor's id, as in '--actor russia' (see 'travaux list actors')")
        let record = try global.loadRecord()
        var filter = try ItemFilter.make(record: record, domain: domain, forum: forum, actor: actor)
        // A filter these items cannot have would pass them all (a domain) or none (a forum): said instead.
        let inapplicable = filter.inapplicable(to: kind.itemKind)
        if !inapplicable.isEmpty {
            let options = inapplicable.map { "--" + $0 }.joined(separator: " and ")
            // The kinds these options do narrow, from the filter itself (themes have a domain,
            // forums and actors are narrowed by their own option).
            let narrowing = RecordFilter(domain: inapplicable.contains("domain") ? filter.domain : nil,
                                         forum: inapplicable.contains("forum") ? filter.forum : nil,
                                         actor: inapplicable.contains("actor") ? filter.actor : nil)
            let kinds = ItemKind.allCases.filter { narrowing.inapplicable(to: $0).isEmpty }.map { String($0.fileName.dropLast(".json".count)) }
            let listed = kinds.count > 1 ? kinds.dropLast().joined(separator: ", ") + " or " + (kinds.last ?? "") : kinds.joined()
            throw CLIError("\(options) cannot narrow \(kind.rawValue), which have no \(inapplicable.joined(separator: " or ")); "
                           + "use \(inapplicable.count == 1 ? "it" : "them") with \(listed)", exitCode: 64)
        }
        if let tag {
            let notes = try global.loadNotes(try global.noteStore())
            _ = try KnownTag.spelling(of: tag, in: notes)
            filter.tag = TagFilter(name: tag, notes: notes)
        }
        let items = ordered(record.items(of: kind.itemKind), in: record).filter({ filter.matches($0, in: record) })
        if json {
            try JSONOutput.writeArray(items.lazy.map { ItemJSON(item: $0) })
            return
        }
        guard !items.isEmpty else {
            CLIOutput.say("no \(kind.rawValue) match" + (filter.isEmpty ? "" : " these filters"))
            return
        }
        CLIOutput.write(ItemTable.table(for: kind.itemKind, items: items, record: record).render(width: CLIOutput.width))
    }

    private func ordered(_ items: [RecordItem], in record: Record) -> [RecordItem] {
        switch kind {
        case .events: return record.eventsByDate.map(RecordItem.event)
        case .forums: return record.forumsByHierarchy.map { RecordItem.forum($0.forum) }
        default: return items
        }
    }
}
