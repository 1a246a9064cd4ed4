/// What a handout says of an item above its notes: a heading with the item's title, date,
/// forum and document symbols, then a line with its kind and id.
enum ItemHeading {
    /// "PPWT — Treaty on … · 29 Feb 2008 – 12 Jun 2014 · Conference on Disarmament · CD/1839, CD/1985"
    static func text(of entry: Handout.Entry, in record: Record) -> String {
        guard let item = entry.item else {
            return MarkdownText.plain(entry.itemID) + " (not in this record)"
        }
        var parts = [title(of: item, in: record)]
        if let date = date(of: item) { parts.append(date) }
        if let forum = forumID(of: item) { parts.append(record.name(of: forum)) }
        let symbols = item.symbols.uniqued()
        if !symbols.isEmpty { parts.append(symbols.joined(separator: ", ")) }
        return parts.map(MarkdownText.plain).joined(separator: " · ")
    }

    /// "Proposal `ppwt`: treaty, legally binding; tabled, not negotiated."
    static func kindLine(of entry: Handout.Entry, in record: Record) -> String {
        guard let item = entry.item else {
            return "The record (version \(MarkdownText.plain(record.manifest.version))) has no item "
                + MarkdownText.code(entry.itemID) + "; the notes are kept as written."
        }
        var facts: [String] = []
        switch item {
        case .proposal(let proposal):
            facts = [proposal.type, proposal.legalCharacter.words, proposal.status]
        case .event(let event): facts = [event.type]
        case .theme(let theme): facts = [theme.type]
        case .source(let source): facts = [source.documentType].compactMap { $0 }
        case .actor(let actor): facts = [actor.kind.rawValue]
        case .forum(let forum): facts = forum.parent.map { ["within " + record.name(of: $0)] } ?? []
        case .work(let work): facts = [work.form, work.author]
        }
        let kind = item.kind.rawValue.prefix(1).uppercased() + item.kind.rawValue.dropFirst()
        // Statuses are sentences; the line adds its own full stop.
        let described = facts.map { $0.trimmingWhitespace() }.map { $0.hasSuffix(".") ? String($0.dropLast()) : $0 }
            .filter { !$0.isEmpty }.map(MarkdownText.plain).joined(separator: "; ")
        return kind + " " + MarkdownText.code(item.id) + (described.isEmpty ? "." : ": " + described + ".")
    }

    /// The item a note is on, in a line of text: its title in italics, its kind and id after it
    /// (`*PPWT — Treaty on …* (proposal `ppwt`)`), or its id where the record no longer holds it.
    static func name(of id: String, item: RecordItem?, in record: Record) -> String {
        guard let item else { return MarkdownText.code(id) + " (not in this record)" }
        return "*" + MarkdownText.plain(title(of: item, in: record)) + "* (" + item.kind.rawValue + " " + MarkdownText.code(id) + ")"
    }

    private static func title(of item: RecordItem, in record: Record) -> String {
        switch item {
        case .proposal(let proposal):
            if let short = proposal.shortName, !short.isEmpty, short != proposal.title { return short + " — " + proposal.title }
            return proposal.title
        case .source(let source):
            return "\(record.workAbbreviation(source.work)), footnote \(source.number): " + (source.title ?? source.citation)
        default:
            return item.title
        }
    }

    private static func date(of item: RecordItem) -> String? {
        switch item {
        case .event(let event):
            guard let date = event.date else { return "undated" }
            return date.natural + (event.dateInferred != nil ? " (inferred)" : "")
        case .proposal(let proposal):
            let dates = proposal.versions.compactMap(\.date)
            guard let first = dates.first, let last = dates.last else { return nil }
            return first == last ? first.natural : first.natural + " – " + last.natural
        default:
            return item.date?.natural
        }
    }

    private static func forumID(of item: RecordItem) -> String? {
        switch item {
        case .event(let event): return event.forum
        case .proposal(let proposal): return proposal.forum
        default: return nil
        }
    }
}
