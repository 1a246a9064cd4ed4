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

    /// Each id's place in `allIDs`; the first item with an id wins (the validator reports the duplicate).
    private let places: [String: Int32]
    let backlinkTable: RecordBacklinks
    /// The places in `allIDs` of each kind's items, in `ItemKind.allCases` order.
    private let bounds: [Range<Int>]
    /// Every id in file order (works, sources, events, proposals, actors, forums, themes).
    public let allIDs: [String]

    public init(manifest: RecordManifest, works: [Work], sources: [Source], events: [Event],
                proposals: [Proposal], actors: [Actor], forums: [Forum], themes: [Theme],
                directory: String) {
        self.init(manifest: manifest, works: works, sources: sources, events: events, proposals: proposals,
                  actors: actors, forums: forums, themes: themes, directory: directory, backlinks: nil)
    }

    /// `backlinks`: the tables from a snapshot of this very record, or nil to work them out.
    init(manifest: RecordManifest, works: [Work], sources: [Source], events: [Event],
         proposals: [Proposal], actors: [Actor], forums: [Forum], themes: [Theme],
         directory: String, backlinks: RecordBacklinks?) {
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
        var allIDs: [String] = []
        allIDs.reserveCapacity(count)
        // Each item's id read in place: `for item in items` copied whole items, a retain and a
        // release of each of their strings, most of them cold (5–8 % of a 100× start).
        for index in works.indices { allIDs.append(works[index].id) }
        for index in sources.indices { allIDs.append(sources[index].id) }
        for index in events.indices { allIDs.append(events[index].id) }
        for index in proposals.indices { allIDs.append(proposals[index].id) }
        for index in actors.indices { allIDs.append(actors[index].id) }
        for index in forums.indices { allIDs.append(forums[index].id) }
        for index in themes.indices { allIDs.append(themes[index].id) }
        // Filled apart from the loops above, and handed to the backlinks as a constant: a
        // variable captured by a closure is checked by the runtime at every access.
        var table: [String: Int32] = [:]
        table.reserveCapacity(count)
        for place in allIDs.indices where table[allIDs[place]] == nil { table[allIDs[place]] = Int32(place) }
        let places = table
        let bounds = Self.kindBounds(counts: [works.count, sources.count, events.count, proposals.count,
                                              actors.count, forums.count, themes.count])
        self.places = places
        self.allIDs = allIDs
        self.bounds = bounds
        if let backlinks {
            self.backlinkTable = backlinks
            return
        }
        self.backlinkTable = RecordBacklinks(count: count) { index, body in
            let visit: (String) -> Void = { body(places[$0].map(Int.init)) }
            switch bounds.firstIndex(where: { $0.contains(index) }) {
            case 0: works[index - bounds[0].lowerBound].forEachReference(visit)
            case 1: sources[index - bounds[1].lowerBound].forEachReference(visit)
            case 2: events[index - bounds[2].lowerBound].forEachReference(visit)
            case 3: proposals[index - bounds[3].lowerBound].forEachReference(visit)
            case 4: actors[index - bounds[4].lowerBound].forEachReference(visit)
            case 5: forums[index - bounds[5].lowerBound].forEachReference(visit)
            case 6: themes[index - bounds[6].lowerBound].forEachReference(visit)
            default: break
            }
        }
    }

    private static func kindBounds(counts: [Int]) -> [Range<Int>] {
        var start = 0
        return counts.map { count in
            defer { start += count }
            return start..<(start + count)
        }
    }

    /// An id as typed, or in lower case when only that names an item: ids are kebab-case
    /// (`record.md`), and `PPWT`, copied from a list's short name, means `ppwt`. A footnote's
    /// marker as travaux prints it (`Meyer 15`, `[PMP 3]`) names its source. Spaces around it
    /// (a pasted cell) are dropped.
    public func resolvingTyped(_ typed: String) -> String {
        guard locate(typed) == nil else { return typed }
        let id = typed.trimmingWhitespace()
        guard locate(id) == nil else { return id }
        let lowered = id.lowercased()
        if locate(lowered) != nil { return lowered }
        return sourceID(marker: id) ?? id
    }

    public func item(_ id: String) -> RecordItem? {
        guard let (kind, index) = locate(id) else { return nil }
        switch kind {
        case .work: return .work(works[index])
        case .source: return .source(sources[index])
        case .event: return .event(events[index])
        case .proposal: return .proposal(proposals[index])
        case .actor: return .actor(actors[index])
        case .forum: return .forum(forums[index])
        case .theme: return .theme(themes[index])
        }
    }

    /// How many versions the proposal `id` has (0 when `id` is no proposal), read in place:
    /// the status line asks on every frame, and `item(_:)` copies the whole proposal.
    public func versionCount(ofProposal id: String) -> Int {
        guard let (kind, index) = locate(id), kind == .proposal else { return 0 }
        return proposals[index].versions.count
    }

    /// The kind of the first item with `id`, without copying the item.
    func kind(of id: String) -> ItemKind? {
        locate(id)?.kind
    }

    /// The kind of the first item with `id` and its position among the items of that kind.
    private func locate(_ id: String) -> (kind: ItemKind, index: Int)? {
        guard let place = places[id].map(Int.init),
              let slot = bounds.firstIndex(where: { $0.contains(place) }) else { return nil }
        return (Self.kindOrder[slot], place - bounds[slot].lowerBound)
    }

    /// `ItemKind.allCases`, which makes a new array at each call, made once.
    private static let kindOrder = ItemKind.allCases

    /// Whether `place` in `allIDs` is where its id is first used (a later one is a duplicate).
    /// The place in `allIDs` of the first item with `id`, which references resolve to.
    func firstPlace(of id: String) -> Int? {
        places[id].map(Int.init)
    }

    func isFirstPlace(_ place: Int) -> Bool {
        places[allIDs[place]].map(Int.init) == place
    }

    /// The places in `allIDs` of the items of `kind`.
    func places(of kind: ItemKind) -> Range<Int> {
        guard let index = Self.kindOrder.firstIndex(of: kind) else { return 0..<0 }
        return bounds[index]
    }

    /// The places in `allIDs` of the items that cite or name `id`, in record order.
    func backlinkPlaces(to id: String) -> ArraySlice<Int32> {
        guard let place = places[id] else { return [] }
        return backlinkTable.sources(of: Int(place))
    }

    /// Ids of the items that cite or name `id`, in record order.
    public func backlinks(to id: String) -> [String] {
        backlinkPlaces(to: id).map { allIDs[Int($0)] }
    }

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
    public var eventsByDate: [Event] { eventOrderByDate.map { events[$0] } }

    /// The positions in `events` of the events oldest first, undated ones last in file order:
    /// the timeline at 100× the record, without copying 8,500 events to sort them.
    public var eventOrderByDate: [Int] {
        // One integer per dated event: its year, month and day (a missing one as 0, so first, as
        // `PartialDate` orders it), then its position. Plain integers sort as (date, position)
        // do, without a comparison closure over tuples of optionals: that sort was most of the
        // timeline's rows at a 100× start.
        var keys: [UInt64] = []
        keys.reserveCapacity(events.count)
        var undated: [Int] = []
        for index in events.indices {
            guard let date = events[index].date else {
                undated.append(index)
                continue
            }
            let day = UInt64(date.year) * 10_000 + UInt64(date.month ?? 0) * 100 + UInt64(date.day ?? 0)
            keys.append(day << 32 | UInt64(index))
        }
        keys.sort()
        return keys.map { Int($0 & 0xFFFF_FFFF) } + undated
    }

    /// The footnote of `work` numbered `number`.
    /// A work's footnotes in their order, as its page and `show --json` give them.
    public func footnotes(ofWork work: String) -> [Source] {
        sources.filter { $0.work == work }.sorted { $0.number < $1.number }
    }

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
