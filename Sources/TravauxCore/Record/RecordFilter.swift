/// Narrows lists to a domain, a forum (with the bodies within it), an actor or the items
/// the user tagged; shared by `travaux list` and the interface's `f` filters.
public struct RecordFilter: Sendable, Hashable {
    public var domain: Domain?
    public var forum: String?
    public var actor: String?
    /// Only items with a note carrying this tag.
    public var tag: TagFilter?

    public init(domain: Domain? = nil, forum: String? = nil, actor: String? = nil, tag: TagFilter? = nil) {
        self.domain = domain
        self.forum = forum
        self.actor = actor
        self.tag = tag
    }

    public var isEmpty: Bool { domain == nil && forum == nil && actor == nil && tag == nil }

    /// The part of the filter that can apply to items of `kind`: a footnote has no domain,
    /// forum or actor, a theme no forum or actor; a tag applies to every kind.
    public func applying(to kind: ItemKind) -> RecordFilter {
        switch kind {
        case .event, .proposal: return self
        case .theme: return RecordFilter(domain: domain, tag: tag)
        case .actor: return RecordFilter(actor: actor, tag: tag)
        case .forum: return RecordFilter(forum: forum, tag: tag)
        case .source, .work: return RecordFilter(tag: tag)
        }
    }

    /// The options (`--domain`…) of this filter that `applying(to:)` leaves out for `kind`.
    public func inapplicable(to kind: ItemKind) -> [String] {
        let kept = applying(to: kind)
        var names: [String] = []
        if domain != nil, kept.domain == nil { names.append("domain") }
        if forum != nil, kept.forum == nil { names.append("forum") }
        if actor != nil, kept.actor == nil { names.append("actor") }
        return names
    }

    /// "domain: space · forum: OSCE", for a status line.
    public func summary(in record: Record) -> String {
        var parts: [String] = []
        if let domain { parts.append("domain: \(domain.rawValue)") }
        if let forum { parts.append("forum: \(record.name(of: forum))") }
        if let actor { parts.append("actor: \(record.name(of: actor))") }
        if let tag { parts.append("tag: #\(tag.name)") }
        return parts.joined(separator: " · ")
    }

    /// Items without the filtered property (a footnote has no forum) do not match that filter;
    /// items without a domain pass the domain filter.
    public func matches(_ item: RecordItem, in record: Record) -> Bool {
        if let domain, let itemDomain = item.domain, itemDomain != domain { return false }
        if let tag, !tag.itemIDs.contains(item.id) { return false }
        if let forum {
            switch item {
            case .event(let e): guard let f = e.forum, record.isForum(f, within: forum) else { return false }
            case .proposal(let p): guard let f = p.forum, record.isForum(f, within: forum) else { return false }
            case .forum(let f): guard record.isForum(f.id, within: forum) else { return false }
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

/// A tag, with the items whose notes carry it resolved when the filter is set (and again
/// whenever the notes change), since the record alone cannot tell.
public struct TagFilter: Sendable, Hashable {
    public var name: String
    public var itemIDs: Set<String>

    public init(name: String, notes: NoteCollection) {
        let normalised = Tag.normalise(name)
        self.name = normalised
        // Read where the notes lie: a note handed to a closure whole was copied, ten strings.
        self.itemIDs = notes.unordered.withUnsafeBufferPointer { notes in
            var items = Set<String>()
            for index in notes.indices where notes[index].tags.contains(where: { Tag.same($0, normalised) }) {
                items.insert(notes[index].target.item)
            }
            return items
        }
    }

    /// The filter after the notes on `items` changed (saved, moved, deleted): only those items
    /// are looked at again, through their own notes, rather than every note.
    public func updated(forItems items: some Sequence<String>, in notes: NoteCollection) -> TagFilter {
        var filter = self
        for item in Set(items) {
            if notes.notes(on: item).contains(where: { $0.tags.contains { Tag.same($0, name) } }) {
                filter.itemIDs.insert(item)
            } else {
                filter.itemIDs.remove(item)
            }
        }
        return filter
    }
}

extension Record {
    /// Whether `forum` is `ancestor` or a body within it.
    public func isForum(_ forum: String, within ancestor: String) -> Bool {
        forumPath(forum).contains { $0.id == ancestor }
    }

    /// Forums with each parent followed by the bodies within it, and their depth.
    public var forumsByHierarchy: [(forum: Forum, depth: Int)] {
        var result: [(Forum, Int)] = []
        var placed = Set<String>()
        func visit(_ forum: Forum, _ depth: Int) {
            guard placed.insert(forum.id).inserted else { return }
            result.append((forum, depth))
            for child in forums where child.parent == forum.id { visit(child, depth + 1) }
        }
        for forum in forums where forum.parent.flatMap(item) == nil { visit(forum, 0) }
        for forum in forums { visit(forum, 0) }   // forums caught in a cycle, which validate reports
        return result
    }
}
