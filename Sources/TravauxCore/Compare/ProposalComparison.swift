/// Two versions of a proposal compared: the record's own account of what changed, the
/// fields that differ, the quoted texts diffed word by word, and the elements one version
/// holds and the other does not.
///
/// Versions inherit what they leave out (sponsors, legal character) from their proposal, so a
/// field differs only when the effective values do. The proposal's status is its state now,
/// so only its last version inherits it: an earlier version without a status of its own has
/// none (the EU Code's 2010 text is not "after the July 2015 New York session").
public struct ProposalComparison: Sendable, Hashable, Encodable {
    /// One side of the comparison.
    public struct Side: Sendable, Hashable, Encodable {
        public var id: String
        public var label: String
        public var date: PartialDate?
        public var symbols: [String]

        private enum CodingKeys: String, CodingKey { case id, label, date, symbols }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)
            try container.encode(label, forKey: .label)
            try container.encode(date?.iso, forKey: .date)
            try container.encode(symbols, forKey: .symbols)
        }
    }

    /// A version's `changes`: what it changed from the version before, in our words.
    public struct VersionChanges: Sendable, Hashable, Encodable {
        public var version: String
        public var label: String
        public var date: PartialDate?
        public var text: String

        private enum CodingKeys: String, CodingKey { case version, label, date, text }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(version, forKey: .version)
            try container.encode(label, forKey: .label)
            try container.encode(date?.iso, forKey: .date)
            try container.encode(text, forKey: .text)
        }
    }

    public var proposalID: String
    public var title: String
    public var from: Side
    public var to: Side
    /// The `changes` of every version after the earlier side up to the later one, in date
    /// order: comparing 2002 with 2014 tells what 2008 changed too.
    public var changes: [VersionChanges]
    public var fields: [FieldChange]
    /// Pairs first (in the `to` version's order), then quotes of `from` alone, then of `to` alone.
    public var quotes: [QuoteComparison]
    /// Reworded elements, then removed, then added; elements both versions hold are in `unchangedElements`.
    public var elements: [ElementComparison]
    public var unchangedElements: [String]

    /// Whether anything at all differs beyond the record's account (a quote of one version
    /// only is not a difference: nothing in the other is set beside it).
    public var isEmpty: Bool {
        fields.isEmpty && elements.isEmpty && quotes.allSatisfy { $0.change == .unchanged || $0.change.isOneSided }
    }

    /// The heading and the one line every view gives the quotes of one version only.
    public static let oneSidedTitle = "Quoted of one version only"
    public static let oneSidedExplanation =
        "The record quotes these of one version and nothing beside them of the other: a passage or what was said of it, not a change."

    /// The quotes set beside each other (reworded or unchanged), for the word diffs.
    public var pairedQuotes: [QuoteComparison] { quotes.filter { !$0.change.isOneSided } }

    /// The quotes of one version with nothing beside them in the other, `from`'s first.
    public var oneSidedQuotes: [QuoteComparison] { quotes.filter { $0.change.isOneSided } }

    private enum CodingKeys: String, CodingKey {
        case id, kind, title, from, to, changes, fields, quotes, elements, unchangedElements
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(proposalID, forKey: .id)
        try container.encode("comparison", forKey: .kind)
        try container.encode(title, forKey: .title)
        try container.encode(from, forKey: .from)
        try container.encode(to, forKey: .to)
        try container.encode(changes, forKey: .changes)
        try container.encode(fields, forKey: .fields)
        try container.encode(quotes, forKey: .quotes)
        try container.encode(elements, forKey: .elements)
        try container.encode(unchangedElements, forKey: .unchangedElements)
    }
}

extension Proposal {
    /// The version a comparison starts from when none is chosen: the first that has a text,
    /// a date or a symbol to compare. The first cyber expert group, undated and without a
    /// report, made "how did the reports change?" a comparison against nothing.
    public var defaultComparisonStart: ProposalVersion? {
        let substantive = versions.dropLast().first { !$0.quotes.isEmpty || $0.date != nil || !$0.symbols.isEmpty }
        return substantive ?? versions.first
    }

    /// Compares two versions by id; by default the first with something to compare
    /// (`defaultComparisonStart`) and the last (oldest first).
    public func comparison(from fromID: String? = nil, to toID: String? = nil) throws(VersionChoiceError) -> ProposalComparison {
        let ids = versions.map(\.id)
        guard versions.count >= 2, let first = versions.first, let last = versions.last else {
            throw .singleVersion(proposal: id)
        }
        func find(_ wanted: String?, default fallback: ProposalVersion) throws(VersionChoiceError) -> ProposalVersion {
            guard let wanted else { return fallback }
            // Ids are lower case: one typed in capitals (`2008-DRAFT`), or pasted with spaces
            // around it, is found, as items are.
            let trimmed = wanted.trimmingWhitespace()
            guard let version = versions.first(where: { $0.id == wanted || $0.id == trimmed }) ?? versions.first(where: { $0.id == trimmed.lowercased() }) else {
                throw .unknownVersion(wanted, proposal: id, versions: ids)
            }
            return version
        }
        let to = try find(toID, default: last)
        // The first with something to compare, unless that is not before the chosen `to`.
        let start = defaultComparisonStart.flatMap { start in
            (versions.firstIndex(of: start) ?? 0) < (versions.firstIndex(of: to) ?? 0) ? start : nil
        } ?? first
        let from = try find(fromID, default: start)
        guard from.id != to.id else { throw .sameVersion(from.id, proposal: id, versions: ids) }
        return comparison(from, to)
    }

    private func comparison(_ from: ProposalVersion, _ to: ProposalVersion) -> ProposalComparison {
        let positions = [versions.firstIndex(of: from) ?? 0, versions.firstIndex(of: to) ?? 0].sorted()
        let between = versions[(positions[0] + 1)...positions[1]]
        let elementChanges = compareElements(from, to)
        return ProposalComparison(
            proposalID: id, title: title,
            from: side(from), to: side(to),
            changes: between.map { .init(version: $0.id, label: $0.label, date: $0.date, text: $0.changes) },
            fields: fieldChanges(from, to),
            quotes: Self.compareQuotes(from.quotes, to.quotes),
            elements: elementChanges.changed,
            unchangedElements: elementChanges.unchanged)
    }

    private func side(_ version: ProposalVersion) -> ProposalComparison.Side {
        .init(id: version.id, label: version.label, date: version.date, symbols: version.symbols)
    }

    /// A field's value for a version, inherited from the proposal where the version is silent.
    func effectiveValues(_ field: FieldChange.Field, of version: ProposalVersion) -> [String] {
        switch field {
        case .date: return version.date.map { [$0.iso] } ?? []
        case .symbols: return version.symbols
        case .sponsors: return version.sponsors.isEmpty ? sponsors : version.sponsors
        case .legalCharacter: return [(version.legalCharacter ?? legalCharacter).rawValue]
        case .status:
            if let own = version.status { return [own] }
            return version.id == versions.last?.id ? [status] : []
        case .sources: return version.sources
        }
    }

    private func fieldChanges(_ from: ProposalVersion, _ to: ProposalVersion) -> [FieldChange] {
        FieldChange.Field.allCases.compactMap { field in
            let old = effectiveValues(field, of: from), new = effectiveValues(field, of: to)
            // Lists are sets here: the same sponsors in another order are the same sponsors.
            let same = field.isList ? Set(old) == Set(new) : old == new
            return same ? nil : FieldChange(field: field, from: old, to: new)
        }
    }

    static func compareQuotes(_ from: [Quote], _ to: [Quote]) -> [QuoteComparison] {
        var unpaired = from
        var pairs: [QuoteComparison] = []
        var added: [QuoteComparison] = []
        for quote in to {
            let key = QuoteComparison.pairingKey(quote.id)
            if let index = unpaired.firstIndex(where: { QuoteComparison.pairingKey($0.id) == key }) {
                let old = unpaired.remove(at: index)
                let diff = TextDiff(from: old.text, to: quote.text)
                pairs.append(QuoteComparison(key: key, change: diff.hasChanges ? .reworded : .unchanged, from: old, to: quote, diff: diff))
            } else {
                added.append(QuoteComparison(key: key, change: .toOnly, from: nil, to: quote, diff: nil))
            }
        }
        let removed = unpaired.map { QuoteComparison(key: QuoteComparison.pairingKey($0.id), change: .fromOnly, from: $0, to: nil, diff: nil) }
        return pairs + removed + added
    }

    private func compareElements(_ from: ProposalVersion, _ to: ProposalVersion) -> (changed: [ElementComparison], unchanged: [String]) {
        let inFrom = elements.filter { $0.belongs(to: from.id) }
        let inTo = elements.filter { $0.belongs(to: to.id) }
        let shared = Set(inFrom.map(\.id)).intersection(inTo.map(\.id))
        var onlyFrom = inFrom.filter { !shared.contains($0.id) }
        var unchanged = inTo.filter { shared.contains($0.id) }.map(\.id)
        var reworded: [ElementComparison] = []
        var added: [ElementComparison] = []
        for element in inTo where !shared.contains(element.id) {
            guard let index = onlyFrom.firstIndex(where: { $0.number == element.number }) else {
                added.append(ElementComparison(number: element.number, change: .added, from: nil, to: element))
                continue
            }
            let old = onlyFrom.remove(at: index)
            let textDiff = TextDiff(from: old.text, to: element.text)
            let quoteDiff = old.quote.flatMap { before in element.quote.map { TextDiff(from: before, to: $0) } }
            if !textDiff.hasChanges, quoteDiff?.hasChanges != true, (old.quote == nil) == (element.quote == nil) {
                unchanged.append(element.id)
                continue
            }
            reworded.append(ElementComparison(number: element.number, change: .reworded, from: old, to: element,
                                              textDiff: textDiff, quoteDiff: quoteDiff))
        }
        let removed = onlyFrom.map { ElementComparison(number: $0.number, change: .removed, from: $0, to: nil) }
        return (reworded + removed + added, unchanged)
    }
}
