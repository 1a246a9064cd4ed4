/// The text of a handout's footnote for one source of the record: its citation verbatim
/// (italics kept, URLs as links), every URL the source lists, and which footnote of which
/// work it is. An "Ibid." or short form also gives the citation it stands for, since the
/// footnote before it in the handout is not the one before it in the work.
enum FootnoteText {
    static func definition(of sourceID: String, in record: Record) -> String {
        guard case .source(let source)? = record.item(sourceID) else { return MarkdownText.code(sourceID) }
        var text = citation(of: source) + " (" + provenance(of: source, in: record) + ")"
        var seen: Set<String> = [source.id]
        var next = source.refersTo
        while let id = next, seen.insert(id).inserted, case .source(let referred)? = record.item(id) {
            text += "; it refers to " + provenance(of: referred, in: record) + ": " + citation(of: referred)
            next = referred.refersTo
        }
        return text
    }

    private static func citation(of source: Source) -> String {
        var text = MarkdownText.citation(source.citation, urls: source.urls)
        let missing = source.urls.filter { !$0.isEmpty && !source.citation.contains($0) }
        for url in missing { text += " " + (MarkdownText.autolink(url) ?? MarkdownText.schemelessLink(url) ?? MarkdownText.plain(url)) }
        return text
    }

    private static func provenance(of source: Source, in record: Record) -> String {
        MarkdownText.plain(record.workAbbreviation(source.work)) + ", footnote \(source.number)"
    }
}
