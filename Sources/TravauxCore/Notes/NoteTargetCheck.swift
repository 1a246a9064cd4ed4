extension Record {
    /// `target` with its item and parts as the record spells them, where they were typed in
    /// another case (`PPWT`, `2008-DRAFT`; the record's ids are lower case) or the item as a
    /// footnote's marker (`Meyer 15`), or with spaces around them (pasted).
    public func resolvingTyped(of target: NoteTarget) -> NoteTarget {
        var resolved = target
        resolved.item = resolvingTyped(target.item)
        guard case .proposal(let proposal)? = item(resolved.item) else { return resolved }
        func known(_ typed: String?, among ids: [String]) -> String? {
            guard let typed, !ids.contains(typed) else { return typed }
            let id = typed.trimmingWhitespace()
            if ids.contains(id) { return id }
            return ids.contains(id.lowercased()) ? id.lowercased() : typed
        }
        resolved.version = known(target.version, among: proposal.versions.map(\.id))
        resolved.element = known(target.element, among: proposal.elements.map(\.id))
        resolved.quote = known(target.quote, among: proposal.versions.flatMap { $0.quotes.map(\.id) })
        return resolved
    }

    /// Why a note cannot be attached to `target`, in words a user can act on, or nil if it can.
    public func problem(with target: NoteTarget) -> String? {
        guard let item = item(target.item) else {
            if let missing = missingFootnote(marker: target.item) { return missing }
            let near = IDSuggestion.nearest(to: target.item, among: allIDs)
            return "no item '\(target.item)'" + (near.isEmpty ? "; try 'travaux search'" : "; " + IDSuggestion.question(near))
        }
        let hasPart = target.version != nil || target.element != nil || target.quote != nil
        guard case .proposal(let proposal) = item else {
            return hasPart ? "'\(target.item)' is not a proposal; only proposals have versions, elements and quoted texts" : nil
        }
        if let version = target.version, !proposal.versions.contains(where: { $0.id == version }) {
            return "'\(proposal.id)' has no version '\(version)'; its versions are \(proposal.versions.map(\.id).joined(separator: ", "))"
        }
        if let element = target.element {
            guard let held = proposal.elements.first(where: { $0.id == element }) else {
                let known = proposal.elements.map(\.id)
                return "'\(proposal.id)' has no element '\(element)'"
                    + (known.isEmpty ? "; it has no elements (pledges, provisos): drop --element" : "; its elements are \(known.joined(separator: ", "))")
            }
            if target.quote != nil {
                return "a note goes on an element or on a quoted text, not both; drop --element or --quote"
            }
            if let version = target.version, !held.belongs(to: version) {
                return "element '\(element)' is not in version '\(version)' of '\(proposal.id)'; it is in \(held.versions.joined(separator: ", "))"
            }
        }
        if let quote = target.quote {
            let versions = proposal.versions.filter { version in version.quotes.contains { $0.id == quote } }
            guard let holder = versions.first else {
                let known = proposal.versions.flatMap { $0.quotes.map(\.id) }
                return "'\(proposal.id)' has no quoted text '\(quote)'"
                    + (known.isEmpty ? "; it quotes no text: drop --quote" : "; its quoted texts are \(known.joined(separator: ", "))")
            }
            if let version = target.version, version != holder.id, !versions.contains(where: { $0.id == version }) {
                let holders = versions.map(\.id)
                return "quoted text '\(quote)' is not in version '\(version)' of '\(proposal.id)'; it is in \(holders.joined(separator: ", "))"
                    + " (or drop --version: the note goes on the version that holds it)"
            }
        }
        return nil
    }

    /// The target with the version that holds its quoted text, when only the quote is named:
    /// a note on a quote is stored with its version, as the interface attaches it.
    public func completing(_ target: NoteTarget) -> NoteTarget {
        guard let quote = target.quote, target.version == nil, case .proposal(let proposal)? = item(target.item),
              let holder = proposal.versions.first(where: { version in version.quotes.contains { $0.id == quote } }) else { return target }
        var completed = target
        completed.version = holder.id
        return completed
    }

    /// The target as a reader names it: "PPWT, version 2014", "Code of conduct, element 3".
    /// A part the record does not hold (renamed or removed since the note was taken) is
    /// named by its id, so the note still says what it was about.
    public func label(of target: NoteTarget) -> String {
        let parts = labelParts(of: target)
        return ([parts.item] + [parts.version, parts.part].compactMap { $0 }).joined(separator: ", ")
    }

    /// The pieces of `label(of:)`: the item, the version's label, and the element or the
    /// quoted text's opening, for a line too narrow for them all to cut the version first.
    public func labelParts(of target: NoteTarget) -> (item: String, version: String?, part: String?) {
        let proposal: Proposal? = if case .proposal(let proposal)? = item(target.item) { proposal } else { nil }
        // A part an item still in the record no longer has (renamed in a newer record) says so:
        // named by its id alone, it would look like one that is there.
        let gone = item(target.item) != nil ? " (not in this record)" : ""
        let version = target.version.map { id in proposal?.versions.first { $0.id == id }?.label ?? "version \(id)\(gone)" }
        var part: String?
        if let id = target.element {
            part = proposal?.elements.first { $0.id == id }.map { "element " + $0.number } ?? "element \(id)\(gone)"
        }
        if let id = target.quote {
            let quote = proposal?.versions.lazy.flatMap(\.quotes).first { $0.id == id }
            part = quote.map { Self.opening(of: $0.text) } ?? "quoted text \(id)\(gone)"
        }
        return (item(target.item).map { shortTitle(of: $0) } ?? target.item, version, part)
    }

    /// A part as a list of an item's parts names it, the item's title said once above (`Ctrl-T`):
    /// "the whole item", a version by its label, a quoted text by its opening (under its
    /// version), an element by its number and its opening words.
    public func partLabel(of target: NoteTarget) -> String {
        let proposal: Proposal? = if case .proposal(let proposal)? = item(target.item) { proposal } else { nil }
        if let id = target.quote {
            let quote = proposal?.versions.lazy.flatMap(\.quotes).first { $0.id == id }
            return "quoted text " + (quote.map { Self.opening(of: $0.text) } ?? id)
        }
        if let id = target.element {
            guard let element = proposal?.elements.first(where: { $0.id == id }) else { return "element \(id)" }
            return "element " + element.number + ": " + Self.opening(of: element.text, words: 8).dropFirst().dropLast()
        }
        if let id = target.version {
            return "version: " + (proposal?.versions.first { $0.id == id }?.label ?? id)
        }
        return "the whole item: " + (item(target.item).map { shortTitle(of: $0) } ?? target.item)
    }

    /// The parts of an item a note can target, the item itself first.
    public func noteTargets(of itemID: String) -> [NoteTarget] {
        var targets = [NoteTarget(item: itemID)]
        guard case .proposal(let proposal)? = item(itemID) else { return targets }
        for version in proposal.versions {
            targets.append(NoteTarget(item: itemID, version: version.id))
            for quote in version.quotes { targets.append(NoteTarget(item: itemID, version: version.id, quote: quote.id)) }
        }
        for element in proposal.elements { targets.append(NoteTarget(item: itemID, element: element.id)) }
        return targets
    }

    /// The first words of a quoted text, for labels: “Treaty on the Prevention of…”.
    static func opening(of text: String, words: Int = 6) -> String {
        let all = text.split(whereSeparator: \.isWhitespace)
        return "“" + all.prefix(words).joined(separator: " ") + (all.count > words ? "…”" : "”")
    }

    private func shortTitle(of item: RecordItem) -> String {
        if case .proposal(let proposal) = item, let short = proposal.shortName, !short.isEmpty { return short }
        return item.title
    }
}
