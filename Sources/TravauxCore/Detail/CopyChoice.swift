/// One thing `y` can put on the clipboard: what it is, and the text itself.
///
/// Copying from the screen takes what the panes show, cut to their width and mixed with the
/// pane beside; a citation or a quoted text is wanted whole, as one line, in a paper.
public struct CopyChoice: Sendable, Hashable {
    /// What the text is, for the menu ("Citation", "Symbol", "Quoted text").
    public var label: String
    public var text: String

    public init(_ label: String, _ text: String) {
        self.label = label
        self.text = text
    }
}

extension Record {
    /// What can be copied from a part of an item, most wanted first: the part's own text,
    /// the footnotes it rests on, then the item's, and its id last (what `show` and
    /// `note add` take). `footnote`: a source to offer first (the footnote marker selected
    /// in the reader). Empty texts are left out, and a text offered twice is offered once.
    public func copyChoices(for target: NoteTarget, footnote: String? = nil) -> [CopyChoice] {
        guard let item = item(target.item) else { return [] }
        var choices: [CopyChoice] = footnote.map { footnoteChoices([$0]) } ?? []
        if case .proposal(let proposal) = item {
            choices += partChoices(of: proposal, target)
        }
        choices += itemChoices(item)
        choices.append(CopyChoice("Id", item.id))
        var seen = Set<String>()
        return choices.filter { !$0.text.isEmpty && seen.insert($0.text).inserted }
    }

    /// A note's own text and id, then what can be copied from the part it is on.
    public func copyChoices(for note: Note) -> [CopyChoice] {
        [CopyChoice("Note text", note.body), CopyChoice("Note id", note.id)] + copyChoices(for: note.target)
    }

    private func partChoices(of proposal: Proposal, _ target: NoteTarget) -> [CopyChoice] {
        var choices: [CopyChoice] = []
        if let id = target.quote, let quote = proposal.versions.lazy.flatMap(\.quotes).first(where: { $0.id == id }) {
            choices.append(CopyChoice("Quoted text", quote.text))
            choices += footnoteChoices([quote.source])
        }
        if let id = target.element, let element = proposal.elements.first(where: { $0.id == id }) {
            if let quote = element.quote { choices.append(CopyChoice("Element \(element.number), quoted", quote)) }
            choices.append(CopyChoice("Element \(element.number)", element.text))
            choices += footnoteChoices(element.sources)
        }
        if let id = target.version, let version = proposal.versions.first(where: { $0.id == id }) {
            choices.append(CopyChoice("Version", version.label))
            choices += version.symbols.map { CopyChoice("Symbol", $0) }
            choices += footnoteChoices(version.sources)
        }
        return choices
    }

    private func itemChoices(_ item: RecordItem) -> [CopyChoice] {
        switch item {
        case .source(let source):
            return citationChoices(source.citation, label: "Citation") + repeatedFootnote(source)
                + source.symbols.map { CopyChoice("Symbol", $0) }
                + source.urls.map { CopyChoice("Web address", $0) }
                + (source.title.map { [CopyChoice("Title", $0)] } ?? [])
        case .work(let work):
            return [CopyChoice("Title", work.title), CopyChoice("Author", work.author)]
        case .event(let event):
            return [CopyChoice("Title", event.title)] + event.symbols.map { CopyChoice("Symbol", $0) }
                + footnoteChoices(event.sources)
        case .proposal(let proposal):
            return [CopyChoice("Title", proposal.title)]
                + (proposal.shortName.map { [CopyChoice("Short name", $0)] } ?? [])
                + proposal.versions.flatMap(\.symbols).map { CopyChoice("Symbol", $0) }
        case .actor(let actor):
            return [CopyChoice("Name", actor.name)]
        case .forum(let forum):
            return [CopyChoice("Name", forum.name)]
        case .theme(let theme):
            return [CopyChoice("Title", theme.title)]
        }
    }

    /// Each footnote's citation, labelled as the reader marks it ("Footnote [Meyer 14]"),
    /// and the one an "Ibid." stands for.
    private func footnoteChoices(_ ids: [String]) -> [CopyChoice] {
        ids.flatMap { id -> [CopyChoice] in
            guard case .source(let source)? = item(id) else { return [] }
            return citationChoices(source.citation, label: footnoteLabel(source)) + repeatedFootnote(source)
        }
    }

    /// The footnote an "Ibid." (or "See previous footnote") refers to, followed to the first
    /// that is not itself such a reference: "Ibid." alone means nothing in a paper.
    private func repeatedFootnote(_ source: Source) -> [CopyChoice] {
        var current = source, visited: Set<String> = [source.id]
        while let next = current.refersTo, visited.insert(next).inserted, case .source(let referred)? = item(next) {
            current = referred
        }
        guard current.id != source.id else { return [] }
        return citationChoices(current.citation, label: footnoteLabel(current) + ", which it repeats")
    }

    private func footnoteLabel(_ source: Source) -> String {
        "Footnote [\(workAbbreviation(source.work)) \(source.number)]"
    }

    /// A citation without the record's `*…*` italic marks, as a word processor takes it, and,
    /// when it has them, with them too, as Markdown (Obsidian, Pandoc) reads them.
    private func citationChoices(_ citation: String, label: String) -> [CopyChoice] {
        let plain = CSLJSONExport.withoutItalicMarks(citation)
        return plain == citation ? [CopyChoice(label, citation)]
            : [CopyChoice(label, plain), CopyChoice(label + ", Markdown", citation)]
    }
}
