import TravauxCore

/// Reads `--domain`, `--forum` and `--actor` into a `RecordFilter`, checking each against
/// the record so that a typo gets a "did you mean" instead of an empty list.
enum ItemFilter {
    static func make(record: Record, domain: String?, forum: String?, actor: String?) throws -> RecordFilter {
        var filter = RecordFilter()
        if let domain {
            try EmptyArgument.check(domain, "--domain is empty; give space, cyber or general")
            guard let value = Domain(rawValue: domain.trimmingWhitespace().lowercased()) else {
                throw CLIError("unknown domain '\(domain)'" + hint(domain.lowercased(), Domain.allCases.map(\.rawValue))
                               + "; use space, cyber or general", exitCode: 64)
            }
            filter.domain = value
        }
        if let typed = forum {
            // An id, whatever its case, or a forum's alias (`CD`, as the headings print it).
            var forum = record.resolvingTyped(typed)
            if case .forum? = record.item(forum) {} else if let named = try name(typed, kind: "forum",
                                                                                 among: record.forums.map { ($0.id, [$0.name] + $0.aliases) }) {
                forum = named
            }
            guard case .forum? = record.item(forum) else {
                throw CLIError("unknown forum '\(forum)'" + hint(forum, record.forums.map(\.id)) + "; 'travaux list forums' shows them")
            }
            filter.forum = forum
        }
        if let typed = actor {
            var actor = record.resolvingTyped(typed)
            if case .actor? = record.item(actor) {} else if let named = try name(typed, kind: "actor",
                                                                                 among: record.actors.map { ($0.id, [$0.name] + $0.aliases) }) {
                actor = named
            }
            guard case .actor? = record.item(actor) else {
                throw CLIError("unknown actor '\(actor)'" + hint(actor, record.actors.map(\.id)) + "; 'travaux list actors' shows them")
            }
            filter.actor = actor
        }
        return filter
    }

    /// The id whose name or alias is `typed`, case and accents aside as in search (`toure` is
    /// Touré), or nil when none is; an error naming them when several are (`GGE`: the cyber
    /// and the space group), rather than one picked silently.
    private static func name(_ typed: String, kind: String, among items: [(id: String, names: [String])]) throws -> String? {
        let key = TextFolding.fold(typed.trimmingWhitespace())
        let matches = items.filter { $0.names.contains { TextFolding.fold($0) == key } }.map(\.id)
        guard matches.count > 1 else { return matches.first }
        throw CLIError("'\(typed)' names more than one \(kind): " + matches.map { "'\($0)'" }.joined(separator: ", ")
                       + "; pass one of these ids")
    }

    private static func hint(_ id: String, _ ids: [String]) -> String {
        let near = IDSuggestion.nearest(to: id, among: ids)
        return near.isEmpty ? "" : " (" + IDSuggestion.question(near) + ")"
    }
}
