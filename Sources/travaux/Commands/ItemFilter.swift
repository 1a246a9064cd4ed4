import TravauxCore

/// Reads `--domain`, `--forum` and `--actor` into a `RecordFilter`, checking each against
/// the record so that a typo gets a "did you mean" instead of an empty list.
enum ItemFilter {
    static func make(record: Record, domain: String?, forum: String?, actor: String?) throws -> RecordFilter {
        var filter = RecordFilter()
        if let domain {
            try EmptyArgument.check(domain, "--domain is empty; give space, cyber or general")
            guard let value = Domain(rawValue: domain.lowercased()) else {
                throw CLIError("unknown domain '\(domain)'" + hint(domain.lowercased(), Domain.allCases.map(\.rawValue))
                               + "; use space, cyber or general", exitCode: 64)
            }
            filter.domain = value
        }
        if let typed = forum {
            // An id, whatever its case, or a forum's alias (`CD`, as the headings print it).
            var forum = record.resolvingCase(typed)
            if case .forum? = record.item(forum) {} else if let named = alias(typed, among: record.forums.map { ($0.id, $0.aliases) }) {
                forum = named
            }
            guard case .forum? = record.item(forum) else {
                throw CLIError("unknown forum '\(forum)'" + hint(forum, record.forums.map(\.id)) + "; 'travaux list forums' shows them")
            }
            filter.forum = forum
        }
        if let typed = actor {
            var actor = record.resolvingCase(typed)
            if case .actor? = record.item(actor) {} else if let named = alias(typed, among: record.actors.map { ($0.id, $0.aliases) }) {
                actor = named
            }
            guard case .actor? = record.item(actor) else {
                throw CLIError("unknown actor '\(actor)'" + hint(actor, record.actors.map(\.id)) + "; 'travaux list actors' shows them")
            }
            filter.actor = actor
        }
        return filter
    }

    /// The one id whose aliases hold `typed` (case aside), or nil when none or several do.
    private static func alias(_ typed: String, among items: [(id: String, aliases: [String])]) -> String? {
        let key = typed.lowercased()
        let matches = items.filter { $0.aliases.contains { $0.lowercased() == key } }
        return matches.count == 1 ? matches[0].id : nil
    }

    private static func hint(_ id: String, _ ids: [String]) -> String {
        let near = IDSuggestion.nearest(to: id, among: ids)
        return near.isEmpty ? "" : " (" + IDSuggestion.question(near) + ")"
    }
}
