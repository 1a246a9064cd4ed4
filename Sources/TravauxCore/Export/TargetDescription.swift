/// The part of a proposal a note is on, as a handout names it, with the quoted official
/// texts to show above the note (verbatim from the record).
struct TargetDescription {
    /// Each part named (a version, an element, a quoted text) with the footnotes it rests
    /// on, so that a quoted text's own source is told from its version's.
    var parts: [(label: String, sources: [String])]
    var quotedTexts: [String]

    var label: String { parts.map(\.label).joined(separator: ", ") }

    /// nil for a note on a whole item.
    init?(_ target: NoteTarget, in record: Record) {
        guard target.version != nil || target.element != nil || target.quote != nil else { return nil }
        guard case .proposal(let proposal)? = record.item(target.item) else {
            parts = [("a part of " + MarkdownText.code(target.description) + " the record does not hold", [])]
            quotedTexts = []
            return
        }
        var parts: [(label: String, sources: [String])] = []
        var texts: [String] = []
        if let id = target.version {
            if let version = proposal.versions.first(where: { $0.id == id }) {
                var details = [version.date?.natural].compactMap { $0 } + version.symbols
                if details.isEmpty { details = ["undated"] }
                parts.append(("the version *" + MarkdownText.plain(version.label) + "* (" + details.map(MarkdownText.plain).joined(separator: "; ") + ")",
                              version.sources))
            } else {
                parts.append(("version " + MarkdownText.code(id) + " (not in this record)", []))
            }
        }
        if let id = target.element {
            if let element = proposal.elements.first(where: { $0.id == id }) {
                parts.append(("element " + MarkdownText.plain(element.number) + " (" + MarkdownText.plain(element.text) + ")", element.sources))
                if let quote = element.quote { texts.append(quote) }
            } else {
                parts.append(("element " + MarkdownText.code(id) + " (not in this record)", []))
            }
        }
        if let id = target.quote {
            if let quote = proposal.versions.lazy.flatMap(\.quotes).first(where: { $0.id == id }) {
                parts.append(("the quoted text", [quote.source]))
                texts.append(quote.text)
            } else {
                parts.append(("quoted text " + MarkdownText.code(id) + " (not in this record)", []))
            }
        }
        self.parts = parts
        quotedTexts = texts
    }
}
