/// Any item of the record, so lists, search, `show` and the panes treat all kinds alike.
public enum RecordItem: Sendable, Hashable {
    case work(Work)
    case source(Source)
    case event(Event)
    case proposal(Proposal)
    case actor(Actor)
    case forum(Forum)
    case theme(Theme)

    public var id: String {
        switch self {
        case .work(let w): return w.id
        case .source(let s): return s.id
        case .event(let e): return e.id
        case .proposal(let p): return p.id
        case .actor(let a): return a.id
        case .forum(let f): return f.id
        case .theme(let t): return t.id
        }
    }

    public var kind: ItemKind {
        switch self {
        case .work: return .work
        case .source: return .source
        case .event: return .event
        case .proposal: return .proposal
        case .actor: return .actor
        case .forum: return .forum
        case .theme: return .theme
        }
    }

    /// The line a list shows for the item.
    public var title: String {
        switch self {
        case .work(let w): return w.title
        case .source(let s): return s.title ?? s.citation
        case .event(let e): return e.title
        case .proposal(let p): return p.title
        case .actor(let a): return a.name
        case .forum(let f): return f.name
        case .theme(let t): return t.title
        }
    }

    public var domain: Domain? {
        switch self {
        case .event(let e): return e.domain
        case .proposal(let p): return p.domain
        case .theme(let t): return t.domain
        default: return nil
        }
    }

    public var date: PartialDate? {
        switch self {
        case .work(let w): return w.date
        case .source(let s): return s.date
        case .event(let e): return e.date
        case .proposal(let p): return p.firstDate
        default: return nil
        }
    }

    /// Document symbols the item carries, its versions' included.
    public var symbols: [String] {
        switch self {
        case .source(let s): return s.symbols
        case .event(let e): return e.symbols
        case .proposal(let p): return p.versions.flatMap(\.symbols)
        default: return []
        }
    }

    /// The footnotes the item rests on, nested ones included, in order, once each.
    public var sourceIDs: [String] {
        var ids: [String] = []
        switch self {
        case .work, .source: break
        case .event(let e): ids = e.sources + e.facts.compactMap(\.source)
        case .proposal(let p):
            ids = p.sources
            for version in p.versions {
                ids += version.sources + version.quotes.map(\.source)
            }
            ids += p.elements.flatMap(\.sources) + p.criticisms.flatMap(\.sources)
        case .actor(let a): ids = a.sources
        case .forum(let f): ids = f.sources
        case .theme(let t): ids = t.sources
        }
        return ids.uniqued()
    }

    /// Every id the item points at (sources excluded). Backlinks are built by
    /// `forEachReference`, which must name the same ids; tests compare the two.
    public var linkedIDs: [String] {
        var ids: [String]
        switch self {
        case .work: ids = []
        case .source(let s): ids = [s.work] + (s.refersTo.map { [$0] } ?? [])
        case .event(let e):
            ids = (e.forum.map { [$0] } ?? []) + e.actors + e.proposals + e.related
            if let vote = e.vote { ids += vote.yesActors + vote.noActors + vote.abstainActors }
        case .proposal(let p):
            ids = p.sponsors + (p.forum.map { [$0] } ?? []) + p.events + p.related
            ids += p.versions.flatMap(\.sponsors) + p.criticisms.flatMap(\.by)
        case .actor: ids = []
        case .forum(let f): ids = f.parent.map { [$0] } ?? []
        case .theme(let t): ids = [t.work] + t.events + t.proposals + t.related
        }
        return ids.uniqued()
    }
}

extension Array where Element: Hashable {
    /// The elements in order with later repeats dropped.
    public func uniqued() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}
