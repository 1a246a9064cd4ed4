import TravauxCore

/// The `--domain`, `--forum` and `--actor` filters, checked against the record up front
/// so a typo gets a "did you mean" instead of an empty list.
struct ItemFilter {
    var domain: Domain?
    var forums: Set<String>?
    var actor: String?

    var isEmpty: Bool { domain == nil && forums == nil && actor == nil }

    init(record: Record, domain: String?, forum: String?, actor: String?) throws {
        if let domain {
            guard let value = Domain(rawValue: domain.lowercased()) else {
                throw CLIError("unknown domain '\(domain)'; use space, cyber or general")
            }
            self.domain = value
        }
        if let forum {
            guard case .forum? = record.item(forum) else {
                throw CLIError("unknown forum '\(forum)'" + Self.hint(forum, record.forums.map(\.id)) + "; 'travaux list forums' shows them")
            }
            // A forum includes the bodies within it.
            var included: Set<String> = [forum]
            var grew = true
            while grew {
                grew = false
                for body in record.forums where body.parent.map(included.contains) == true && !included.contains(body.id) {
                    included.insert(body.id)
                    grew = true
                }
            }
            self.forums = included
        }
        if let actor {
            guard case .actor? = record.item(actor) else {
                throw CLIError("unknown actor '\(actor)'" + Self.hint(actor, record.actors.map(\.id)) + "; 'travaux list actors' shows them")
            }
            self.actor = actor
        }
    }

    private static func hint(_ id: String, _ ids: [String]) -> String {
        let near = IDSuggestion.nearest(to: id, among: ids)
        return near.isEmpty ? "" : " (did you mean \(near.map { "'\($0)'" }.joined(separator: ", "))?)"
    }

    func matches(_ item: RecordItem) -> Bool {
        if let domain, item.domain != domain { return false }
        if let forums {
            switch item {
            case .event(let e): guard let f = e.forum, forums.contains(f) else { return false }
            case .proposal(let p): guard let f = p.forum, forums.contains(f) else { return false }
            case .forum(let f): guard forums.contains(f.id) else { return false }
            default: return false
            }
        }
        if let actor {
            switch item {
            case .event(let e):
                let voters = (e.vote?.yesActors ?? []) + (e.vote?.noActors ?? []) + (e.vote?.abstainActors ?? [])
                guard (e.actors + voters).contains(actor) else { return false }
            case .proposal(let p):
                guard (p.sponsors + p.versions.flatMap(\.sponsors) + p.criticisms.flatMap(\.by)).contains(actor) else { return false }
            case .actor(let a): guard a.id == actor else { return false }
            default: return false
            }
        }
        return true
    }
}
