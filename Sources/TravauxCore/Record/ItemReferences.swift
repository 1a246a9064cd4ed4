/// Every id an item points at (its footnotes and its links), visited without building lists,
/// for the backlinks `Record` computes at load. The same ids as `sourceIDs` + `linkedIDs`,
/// possibly repeated and in another order.
protocol ItemReferences {
    var id: String { get }
    func forEachReference(_ body: (String) -> Void)
}

extension Work: ItemReferences {
    func forEachReference(_ body: (String) -> Void) {}
}

extension Source: ItemReferences {
    func forEachReference(_ body: (String) -> Void) {
        body(work)
        if let refersTo { body(refersTo) }
    }
}

extension Event: ItemReferences {
    func forEachReference(_ body: (String) -> Void) {
        sources.forEach(body)
        for fact in facts { if let source = fact.source { body(source) } }
        if let forum { body(forum) }
        actors.forEach(body)
        proposals.forEach(body)
        related.forEach(body)
        if let vote {
            vote.yesActors.forEach(body)
            vote.noActors.forEach(body)
            vote.abstainActors.forEach(body)
        }
    }
}

extension Proposal: ItemReferences {
    func forEachReference(_ body: (String) -> Void) {
        sources.forEach(body)
        for version in versions {
            version.sources.forEach(body)
            for quote in version.quotes { body(quote.source) }
            version.sponsors.forEach(body)
        }
        for element in elements { element.sources.forEach(body) }
        for criticism in criticisms {
            criticism.sources.forEach(body)
            criticism.by.forEach(body)
        }
        sponsors.forEach(body)
        if let forum { body(forum) }
        events.forEach(body)
        related.forEach(body)
    }
}

extension Actor: ItemReferences {
    func forEachReference(_ body: (String) -> Void) { sources.forEach(body) }
}

extension Forum: ItemReferences {
    func forEachReference(_ body: (String) -> Void) {
        sources.forEach(body)
        if let parent { body(parent) }
    }
}

extension Theme: ItemReferences {
    func forEachReference(_ body: (String) -> Void) {
        sources.forEach(body)
        body(work)
        events.forEach(body)
        proposals.forEach(body)
        related.forEach(body)
    }
}
