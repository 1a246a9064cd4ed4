extension Record {
    /// The reading layout of an item, or nil for an unknown id. An id the record does not
    /// hold but notes are on (the item was renamed or removed in a newer record) gets a page
    /// of its own, so those notes can still be read and edited.
    /// `reader` is who reads it (the window's or command's author): notes others wrote (a store
    /// shared through git) are headed "Notes" and each says whose it is. A note's day is told
    /// in `zone`, where it was written.
    public func detail(of id: String, notes: [Note] = [], reader: String? = nil, zone: LocalZone = .utc) -> DetailDocument? {
        guard let item = item(id) else {
            return notes.isEmpty ? nil : DetailBuilder.missingItem(id, notes: notes, record: self, reader: reader, zone: zone)
        }
        var builder = DetailBuilder(record: self, item: item, notes: notes, reader: reader, zone: zone)
        return builder.build()
    }

    /// `[12]`, or `[Meyer 12]` when the footnotes shown together come from more than one work.
    public func footnoteLabel(_ sourceID: String, qualified: Bool) -> String {
        guard case .source(let source)? = item(sourceID) else { return "[\(sourceID)]" }
        guard qualified else { return "[\(source.number)]" }
        return "[\(workAbbreviation(source.work)) \(source.number)]"
    }

    /// A work's short name: its abbreviation, else its author's surname, else its id.
    public func workAbbreviation(_ workID: String) -> String {
        guard case .work(let work)? = item(workID) else { return workID }
        if let abbreviation = work.abbreviation, !abbreviation.isEmpty { return abbreviation }
        let name = work.author.split(separator: "(").first ?? Substring(work.author)
        return name.split(separator: " ").last.map(String.init) ?? work.id
    }
}

/// Lays out one item; kept apart from `Record` because each kind has its own shape.
struct DetailBuilder {
    let record: Record
    let item: RecordItem
    /// The user's notes on the item, shown after the item's own text.
    let notes: [Note]
    /// Who reads the notes: those by anyone else say whose they are.
    let reader: String?
    let zone: LocalZone
    private var qualifyFootnotes: Bool

    init(record: Record, item: RecordItem, notes: [Note], reader: String?, zone: LocalZone) {
        self.record = record
        self.item = item
        self.notes = notes
        self.reader = reader
        self.zone = zone
        let works = Set(item.sourceIDs.compactMap { id -> String? in
            if case .source(let s)? = record.item(id) { return s.work } else { return nil }
        })
        self.qualifyFootnotes = works.count > 1
    }

    mutating func build() -> DetailDocument {
        var document = DetailDocument(id: item.id, kind: item.kind, title: item.title, fields: [], sections: [])
        switch item {
        case .work(let work): layout(work, into: &document)
        case .source(let source): layout(source, into: &document)
        case .event(let event): layout(event, into: &document)
        case .proposal(let proposal): layout(proposal, into: &document)
        case .actor(let actor): layoutNamed(kind: actor.kind.rawValue, aliases: actor.aliases, summary: actor.summary, into: &document)
        case .forum(let forum): layout(forum, into: &document)
        case .theme(let theme): layout(theme, into: &document)
        }
        appendNotes(into: &document)
        appendBacklinks(into: &document)
        appendSources(into: &document)
        return document
    }

    /// The page of an id the record does not hold: what happened, then the notes on it.
    static func missingItem(_ id: String, notes: [Note], record: Record, reader: String?, zone: LocalZone) -> DetailDocument {
        let explanation: [DetailSpan] = [
            .text("The record (version \(record.manifest.version)) has no item "), .strong(id),
            .text("; the notes are kept as written. A newer record may have renamed or removed it, "
                  + "or the notes were taken on another record."),
        ]
        var document = DetailDocument(id: id, kind: nil, title: id, fields: [],
                                      sections: [DetailSection(title: "Not in this record", blocks: [.paragraph(explanation)])])
        if let section = notesSection(notes, record: record, reader: reader, zone: zone) { document.sections.append(section) }
        return document
    }

    private func appendNotes(into document: inout DetailDocument) {
        if let section = Self.notesSection(notes, record: record, reader: reader, zone: zone) { document.sections.append(section) }
    }

    private static func notesSection(_ notes: [Note], record: Record, reader: String?, zone: LocalZone) -> DetailSection? {
        guard !notes.isEmpty else { return nil }
        let others = reader.map { reader in notes.contains { $0.author != reader } } ?? false
        var blocks: [DetailBlock] = []
        for note in notes.sorted(by: { $0.id < $1.id }) {
            var heading: [DetailSpan] = [.note(id: note.id, label: "✎ " + zone.day(of: note.updated))]
            if note.target != NoteTarget(item: note.target.item) {
                heading += [.text(" on "), .text(record.label(of: note.target))]
            }
            if !note.tags.isEmpty { heading += [.text(" "), .strong(note.tags.map { "#" + $0 }.joined(separator: " "))] }
            if let session = note.session { heading.append(.text(" · " + session)) }
            if note.conflictOf != nil { heading.append(.text(" · conflict copy")) }
            if let reader, note.author != reader { heading.append(.text(" · by " + (note.author.isEmpty ? "someone unnamed" : note.author))) }
            blocks.append(.entry(marker: nil, heading))
            // Any line break: "\r\n" is one Character, which a split on "\n" passes over.
            for line in note.body.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
                blocks.append(.continuation([.text(String(line))]))
            }
        }
        let title = others ? (notes.count == 1 ? "Note" : "Notes (\(notes.count))") : (notes.count == 1 ? "Your note" : "Your notes (\(notes.count))")
        return DetailSection(title: title, blocks: blocks)
    }

    // MARK: pieces

    private func footnotes(_ ids: [String]) -> [DetailSpan] {
        ids.uniqued().flatMap { [DetailSpan.text(" "), .footnote(id: $0, label: record.footnoteLabel($0, qualified: qualifyFootnotes))] }
    }

    private func link(_ id: String) -> DetailSpan { .link(id: id, label: record.name(of: id)) }

    private func links(_ ids: [String]) -> [DetailSpan] {
        var spans: [DetailSpan] = []
        for (index, id) in ids.enumerated() {
            if index > 0 { spans.append(.text(", ")) }
            spans.append(link(id))
        }
        return spans
    }

    private func field(_ label: String, _ text: String?) -> DetailField? {
        guard let text, !text.isEmpty else { return nil }
        return DetailField(label: label, value: [.text(text)])
    }

    private func dateText(_ date: PartialDate?, wording: String?, inferred: String?) -> String? {
        guard let date else { return wording.map { "undated (\(Self.quoted(wording: $0)))" } ?? "undated" }
        var text = date.natural
        if inferred != nil { text += " (inferred)" }
        if let wording { text += " — " + Self.quoted(wording: wording) }
        return text
    }

    /// An event's or version's wording quotes the texts itself (`'in June 2014' (chapter); …`),
    /// and double quotes around those nest two styles; bare words are quoted here.
    static func quoted(wording: String) -> String {
        wording.hasPrefix("'") ? wording : "\"\(wording)\""
    }

    private func forumField(_ forumID: String?) -> DetailField? {
        guard let forumID else { return nil }
        let path = record.forumPath(forumID).reversed().map(\.id)
        guard !path.isEmpty else { return DetailField(label: "Forum", value: [.text(forumID)]) }
        var spans: [DetailSpan] = []
        for (index, id) in path.enumerated() {
            if index > 0 { spans.append(.text(" › ")) }
            spans.append(link(id))
        }
        return DetailField(label: "Forum", value: spans)
    }

    // MARK: kinds

    private func layout(_ work: Work, into document: inout DetailDocument) {
        document.fields = [field("Author", work.author), field("Form", work.form),
                           field("Date", work.date.map { dateText($0, wording: work.dateWording, inferred: work.dateInferred) ?? "" }),
                           field("Footnotes", String(work.footnoteCount))].compactMap { $0 }
        document.sections.append(DetailSection(title: "Summary", blocks: [.paragraph([.text(work.summary)])]))
        let notes = record.footnotes(ofWork: work.id)
        document.sections.append(DetailSection(title: "Footnotes", blocks: notes.map {
            .entry(marker: nil, [.footnote(id: $0.id, label: "[\($0.number)]"), .text(" ")] + DetailSpan.citation($0.citation))
        }))
    }

    private func layout(_ source: Source, into document: inout DetailDocument) {
        var fields: [DetailField] = [DetailField(label: "Footnote", value: [.text("\(source.number) of "), link(source.work)])]
        fields += [field("Author", source.author), field("Title", source.title),
                   field("Date", source.date.map { $0.natural + (source.dateWording.map { " — \"\($0)\"" } ?? "") })].compactMap { $0 }
        if !source.symbols.isEmpty { fields.append(DetailField(label: "Symbols", value: [.text(source.symbols.joined(separator: ", "))])) }
        for url in source.urls { fields.append(DetailField(label: "URL", value: [.text(url)])) }
        if let target = source.refersTo {
            fields.append(DetailField(label: "Refers to", value: [.footnote(id: target, label: record.footnoteLabel(target, qualified: true))]))
        }
        if let type = source.documentType { fields.append(DetailField(label: "Document", value: [.text(type)])) }
        document.fields = fields
        document.sections.append(DetailSection(title: "Citation", blocks: [.quote(DetailSpan.citation(source.citation))]))
        if !source.documents.isEmpty {
            // One line each, with the key the export gives it: the footnote's own fields run them together.
            document.sections.append(DetailSection(title: "Documents", blocks: source.documents.map { cited in
                let named = [cited.symbols.joined(separator: ", "), cited.date?.natural ?? ""].filter { !$0.isEmpty }.joined(separator: ", ")
                let title = cited.title.map { named.isEmpty ? $0 : ": " + $0 } ?? ""
                return .entry(marker: nil, [.text(named + title + " (citation key \(source.id)-\(cited.id))")])
            }))
        }
        if let remark = source.remark {
            document.sections.append(DetailSection(title: "Remark", blocks: [.paragraph([.text(remark)])]))
        }
    }

    private func layout(_ event: Event, into document: inout DetailDocument) {
        var fields: [DetailField?] = [
            field("Date", dateText(event.date, wording: event.dateWording, inferred: event.dateInferred)),
            field("Domain", event.domain.rawValue), field("Type", event.type), forumField(event.forum),
        ]
        if !event.actors.isEmpty { fields.append(DetailField(label: "Actors", value: links(event.actors))) }
        if !event.symbols.isEmpty { fields.append(field("Symbols", event.symbols.joined(separator: ", "))) }
        if let vote = event.vote { fields.append(field("Vote", Self.describe(vote))) }
        for fact in event.facts {
            fields.append(DetailField(label: fact.label.capitalizedFirst, value: [.text(fact.value)] + footnotes(fact.source.map { [$0] } ?? [])))
        }
        document.fields = fields.compactMap { $0 }
        var sections = [DetailSection(title: "Summary", blocks: [.paragraph([.text(event.summary)] + footnotes(event.sources))])]
        if let inferred = event.dateInferred {
            sections.append(DetailSection(title: "Date inferred", blocks: [.paragraph([.text(inferred)])]))
        }
        if let vote = event.vote {
            var blocks: [DetailBlock] = []
            for (label, ids) in [("Yes", vote.yesActors), ("No", vote.noActors), ("Abstained", vote.abstainActors)] where !ids.isEmpty {
                blocks.append(.entry(marker: label, links(ids)))
            }
            if !blocks.isEmpty { sections.append(DetailSection(title: "How they voted", blocks: blocks)) }
        }
        if !event.proposals.isEmpty {
            sections.append(DetailSection(title: "Proposals", blocks: event.proposals.map { .entry(marker: nil, [link($0)]) }))
        }
        if !event.related.isEmpty {
            sections.append(DetailSection(title: "Related", blocks: event.related.map { .entry(marker: nil, [link($0)]) }))
        }
        document.sections = sections
    }

    static func describe(_ vote: Vote) -> String {
        var parts: [String] = []
        if let yes = vote.yes { parts.append("\(yes) in favour") }
        if let no = vote.no { parts.append("\(no) against") }
        if let abstain = vote.abstain { parts.append("\(abstain) abstaining") }
        let counts = parts.joined(separator: ", ")
        switch (counts.isEmpty, vote.wording) {
        case (true, let wording?): return wording
        case (false, let wording?): return "\(counts) (\(wording))"
        default: return counts
        }
    }

    private func layout(_ proposal: Proposal, into document: inout DetailDocument) {
        var fields: [DetailField?] = [field("Short name", proposal.shortName)]
        if !proposal.aliases.isEmpty { fields.append(field("Also called", proposal.aliases.joined(separator: "; "))) }
        fields += [field("Domain", proposal.domain.rawValue), field("Type", proposal.type),
                   field("Legal character", proposal.legalCharacter.words)]
        if !proposal.sponsors.isEmpty { fields.append(DetailField(label: "Sponsors", value: links(proposal.sponsors))) }
        fields += [forumField(proposal.forum), field("Status", proposal.status)]
        document.fields = fields.compactMap { $0 }
        var sections = [DetailSection(title: "Summary", blocks: [.paragraph([.text(proposal.summary)] + footnotes(proposal.sources))])]

        var versionBlocks: [DetailBlock] = []
        let versionSection = sections.count
        for version in proposal.versions {
            document.anchors.append(DetailAnchor(section: versionSection, block: versionBlocks.count,
                                                 target: NoteTarget(item: proposal.id, version: version.id)))
            var heading: [DetailSpan] = [.strong(version.label)]
            if let date = dateText(version.date, wording: nil, inferred: version.dateInferred) { heading.append(.text(" · " + date)) }
            if !version.symbols.isEmpty { heading.append(.text(" · " + version.symbols.joined(separator: ", "))) }
            versionBlocks.append(.entry(marker: version.date?.iso ?? "—", heading))
            var changes: [DetailSpan] = [.text(version.changes)]
            if let wording = version.dateWording { changes.append(.text(" (Date: \(Self.quoted(wording: wording)).)")) }
            if let inferred = version.dateInferred { changes.append(.text(" (Date inferred: \(inferred))")) }
            if let character = version.legalCharacter { changes.append(.text(" Legal character: \(character.words).")) }
            if !version.sponsors.isEmpty { changes.append(.text(" Sponsors: ")); changes += links(version.sponsors) }
            if let status = version.status { changes.append(.text(" Status: \(status).")) }
            versionBlocks.append(.continuation(changes + footnotes(version.sources)))
            for quote in version.quotes {
                document.anchors.append(DetailAnchor(section: versionSection, block: versionBlocks.count,
                                                     target: NoteTarget(item: proposal.id, version: version.id, quote: quote.id)))
                versionBlocks.append(.quote([.text("“\(quote.text)”")] + footnotes([quote.source])))
                if let context = quote.context { versionBlocks.append(.continuation([.text("— " + context)])) }
            }
        }
        sections.append(DetailSection(title: "Versions", blocks: versionBlocks))

        if !proposal.elements.isEmpty {
            var blocks: [DetailBlock] = []
            for element in proposal.elements {
                document.anchors.append(DetailAnchor(section: sections.count, block: blocks.count,
                                                     target: NoteTarget(item: proposal.id, element: element.id)))
                // Items of some versions only (one report's recommendations) say which.
                let labels = element.versions.compactMap { id in proposal.versions.first { $0.id == id }?.label }
                let held: [DetailSpan] = labels.isEmpty ? [] : [.text(" (in " + labels.joined(separator: "; ") + ")")]
                blocks.append(.entry(marker: element.number, [.text(element.text)] + held + footnotes(element.sources)))
                if let quote = element.quote { blocks.append(.quote([.text("“\(quote)”")])) }
            }
            sections.append(DetailSection(title: "Elements", blocks: blocks))
        }
        if !proposal.criticisms.isEmpty {
            sections.append(DetailSection(title: "Criticisms", blocks: proposal.criticisms.map { criticism in
                var spans: [DetailSpan] = []
                // The texts' own words for the critics come first; named actors follow as links.
                if let who = criticism.byWording { spans.append(.text(who)) }
                if !criticism.by.isEmpty {
                    if criticism.byWording != nil { spans.append(.text(" (")) }
                    spans += links(criticism.by)
                    if criticism.byWording != nil { spans.append(.text(")")) }
                }
                if !spans.isEmpty { spans.append(.text(": ")) }
                spans.append(.text(criticism.summary))
                if let version = criticism.version, let label = proposal.versions.first(where: { $0.id == version })?.label {
                    spans.append(.text(" (on \(label))"))
                }
                return .entry(marker: "–", spans + footnotes(criticism.sources))
            }))
        }
        let events = proposal.events.compactMap { id -> Event? in if case .event(let e)? = record.item(id) { e } else { nil } }
            .sorted { ($0.date ?? .distant) < ($1.date ?? .distant) }
        if !events.isEmpty {
            sections.append(DetailSection(title: "Events", blocks: events.map { .entry(marker: PartialDate.listed($0.date, inferred: $0.dateInferred != nil), [link($0.id)]) }))
        }
        if !proposal.related.isEmpty {
            sections.append(DetailSection(title: "Related", blocks: proposal.related.map { .entry(marker: nil, [link($0)]) }))
        }
        document.sections = sections
    }

    private func layoutNamed(kind: String, aliases: [String], summary: String?, into document: inout DetailDocument) {
        document.fields = [field("Kind", kind), aliases.isEmpty ? nil : field("Also called", aliases.joined(separator: "; "))].compactMap { $0 }
        if let summary {
            document.sections.append(DetailSection(title: "Summary", blocks: [.paragraph([.text(summary)] + footnotes(item.sourceIDs))]))
        }
    }

    private func layout(_ forum: Forum, into document: inout DetailDocument) {
        layoutNamed(kind: "forum", aliases: forum.aliases, summary: forum.summary, into: &document)
        if let parent = forum.parent { document.fields.append(DetailField(label: "Part of", value: [link(parent)])) }
        let children = record.forums.filter { $0.parent == forum.id }
        if !children.isEmpty {
            document.sections.append(DetailSection(title: "Bodies within it", blocks: children.map { .entry(marker: nil, [link($0.id)]) }))
        }
    }

    private func layout(_ theme: Theme, into document: inout DetailDocument) {
        document.fields = [field("Argument", ThemeKind.name(theme.type)), field("Domain", theme.domain.rawValue)].compactMap { $0 }
            + [DetailField(label: "Argued in", value: [link(theme.work)])]
        var sections = [DetailSection(title: "The point", blocks: [.paragraph([.text(theme.summary)] + footnotes(theme.sources))])]
        var evidence: [DetailBlock] = []
        let events = theme.events.compactMap { id -> Event? in if case .event(let e)? = record.item(id) { e } else { nil } }
            .sorted { ($0.date ?? .distant) < ($1.date ?? .distant) }
        evidence += events.map { .entry(marker: PartialDate.listed($0.date, inferred: $0.dateInferred != nil), [link($0.id)]) }
        evidence += theme.proposals.map { .entry(marker: "proposal", [link($0)]) }
        evidence += theme.related.map { .entry(marker: "see also", [link($0)]) }
        if !evidence.isEmpty { sections.append(DetailSection(title: "Evidence", blocks: evidence)) }
        document.sections = sections
    }

    // MARK: common tail

    /// Who points at this item: themes it supports, items citing a footnote, an actor's events...
    private func appendBacklinks(into document: inout DetailDocument) {
        let incoming = record.backlinks(to: item.id)
        guard !incoming.isEmpty else { return }
        let title: String
        switch item.kind {
        case .source: title = "Cited by"
        case .actor, .forum: title = "Appears in"
        case .work: title = "Argued in this work"
        default: title = "Referred to by"
        }
        let themes = incoming.filter { record.item($0)?.kind == .theme }
        let others = incoming.filter { record.item($0)?.kind != .theme && !(item.kind == .work && record.item($0)?.kind == .source) }
        if !themes.isEmpty, item.kind != .work {
            document.sections.append(DetailSection(title: "Themes", blocks: themes.map { .entry(marker: nil, [link($0)]) }))
        }
        let listed = item.kind == .work ? themes : others
        if !listed.isEmpty {
            document.sections.append(DetailSection(title: title, blocks: listed.map { id in
                .entry(marker: record.item(id)?.kind.rawValue, [link(id)])
            }))
        }
    }

    private func appendSources(into document: inout DetailDocument) {
        let ids = item.sourceIDs
        guard !ids.isEmpty, item.kind != .source, item.kind != .work else { return }
        document.sections.append(DetailSection(title: "Sources", blocks: ids.compactMap { id in
            guard case .source(let source)? = record.item(id) else { return nil }
            return .entry(marker: nil, [.footnote(id: id, label: record.footnoteLabel(id, qualified: qualifyFootnotes)), .text(" ")]
                + DetailSpan.citation(source.citation))
        }))
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
