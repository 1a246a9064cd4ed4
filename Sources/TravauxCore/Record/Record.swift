/// The negotiating record, loaded and validated: every item by id, in file order,
/// with the backlinks (who cites this footnote, who names this actor) computed once.
public struct Record: Sendable {
    public let manifest: RecordManifest
    public let works: [Work]
    public let sources: [Source]
    public let events: [Event]
    public let proposals: [Proposal]
    public let actors: [Actor]
    public let forums: [Forum]
    public let themes: [Theme]
    /// Where the record was read from.
    public let directory: String

    /// Where each id's item is: its kind and its index in that kind's list.
    private let positions: [String: ItemPosition]
    private let backlinksByID: [String: [String]]
    /// Every id in file order (works, sources, events, proposals, actors, forums, themes).
    public let allIDs: [String]

    private struct ItemPosition: Sendable {
        var kind: ItemKind
        var index: Int
    }

    public init(manifest: RecordManifest, works: [Work], sources: [Source], events: [Event],
                proposals: [Proposal], actors: [Actor], forums: [Forum], themes: [Theme],
                directory: String) {
        self.manifest = manifest
        self.works = works
        self.sources = sources
        self.events = events
        self.proposals = proposals
        self.actors = actors
        self.forums = forums
        self.themes = themes
        self.directory = directory
        let count = works.count + sources.count + events.count + proposals.count + actors.count + forums.count + themes.count
        var positions: [String: ItemPosition] = [:]
        var backlinks: [String: [String]] = [:]
        var allIDs: [String] = []
        positions.reserveCapacity(count)
        allIDs.reserveCapacity(count)
        func index<Item: ItemReferences>(_ items: [Item], _ kind: ItemKind) {
            for (offset, item) in items.enumerated() {
                let id = item.id
                allIDs.append(id)
                // The first item with an id wins; the validator reports the duplicate.
                if positions[id] == nil { positions[id] = ItemPosition(kind: kind, index: offset) }
                // Items are visited one at a time, so an item's repeats of a target are adjacent.
                item.forEachReference { target in
                    if target != id { Self.append(id, once: &backlinks[target, default: []]) }
                }
            }
        }
        index(works, .work)
        index(sources, .source)
        index(events, .event)
        index(proposals, .proposal)
        index(actors, .actor)
        index(forums, .forum)
        index(themes, .theme)
        self.positions = positions
        self.backlinksByID = backlinks
        self.allIDs = allIDs
    }

    private static func append(_ id: String, once list: inout [String]) {
        if list.last != id { list.append(id) }
    }

    public func item(_ id: String) -> RecordItem? {
        guard let position = positions[id] else { return nil }
        switch position.kind {
        case .work: return .work(works[position.index])
        case .source: return .source(sources[position.index])
        case .event: return .event(events[position.index])
        case .proposal: return .proposal(proposals[position.index])
        case .actor: return .actor(actors[position.index])
        case .forum: return .forum(forums[position.index])
        case .theme: return .theme(themes[position.index])
        }
    }

    /// Ids of the items that cite or name `id`, in record order.
    public func backlinks(to id: String) -> [String] { backlinksByID[id] ?? [] }

    public func items(of kind: ItemKind) -> [RecordItem] {
        switch kind {
        case .work: return works.map(RecordItem.work)
        case .source: return sources.map(RecordItem.source)
        case .event: return events.map(RecordItem.event)
        case .proposal: return proposals.map(RecordItem.proposal)
        case .actor: return actors.map(RecordItem.actor)
        case .forum: return forums.map(RecordItem.forum)
        case .theme: return themes.map(RecordItem.theme)
        }
    }

    /// Events oldest first; undated events after all dated ones, in file order.
    public var eventsByDate: [Event] {
        // Sorted as (date, position) pairs: sorting the events themselves copies each one.
        let dated = events.indices.compactMap { index in events[index].date.map { (date: $0, index: index) } }
            .sorted { ($0.date, $0.index) < ($1.date, $1.index) }
        return dated.map { events[$0.index] } + events.filter { $0.date == nil }
    }

    /// The footnote of `work` numbered `number`.
    public func source(work: String, number: Int) -> Source? {
        sources.first { $0.work == work && $0.number == number }
    }

    /// The forum and all the forums above it, nearest first.
    public func forumPath(_ id: String) -> [Forum] {
        var path: [Forum] = []
        var next: String? = id
        while let current = next, let forum = item(current).flatMap({ if case .forum(let f) = $0 { f } else { nil } }),
              !path.contains(forum) {
            path.append(forum)
            next = forum.parent
        }
        return path
    }

    /// The display name of an id: an actor's or forum's name, an item's title, or the id itself.
    public func name(of id: String) -> String { item(id)?.title ?? id }
}
