/// The sources as CSL-JSON, the format of citeproc, Pandoc (`--bibliography x.json`) and
/// Zotero's import: an array of items with `id`, a CSL 1.0.1 `type`, `title`, names as
/// `family`/`given` or `literal`, `issued` as `date-parts`, the symbol as `number`, `URL`.
/// Keys sorted and two-space indentation, so the same sources always give the same bytes.
public enum CSLJSONExport {
    public static func render(notes: NoteCollection, record: Record, options: ExportOptions) throws(ExportError) -> String {
        let references = try SourceReference.references(notes: notes, record: record, options: options)
        return CanonicalJSON.encode(.array(references.map(item)))
    }

    static func item(_ reference: SourceReference) -> CanonicalJSON.Value {
        var members: [(String, CanonicalJSON.Value)] = [
            ("id", .string(reference.key)),
            ("citation-key", .string(reference.key)),
            ("type", .string(reference.type.csl)),
            ("title", .string(MarkdownText.singleLine(reference.title))),
            ("note", .string(Self.withoutItalicMarks(reference.note))),
        ]
        let names = reference.authors.names.map(name)
        if !names.isEmpty { members.append((reference.authors.areEditors ? "editor" : "author", .array(names))) }
        if let container = reference.containerTitle { members.append(("container-title", .string(container))) }
        if let date = reference.date {
            let parts = [date.year] + [date.month, date.day].compactMap { $0 }
            members.append(("issued", .object([("date-parts", .array([.array(parts.map { .int($0) })]))])))
        }
        if let number = reference.number { members.append(("number", .string(number))) }
        if let genre = reference.genre { members.append(("genre", .string(genre))) }
        if let url = reference.url { members.append(("URL", .string(url))) }
        return .object(members)
    }

    private static func name(_ name: ReferenceName) -> CanonicalJSON.Value {
        switch name {
        case .person(let family, let given):
            return .object([("family", .string(family))] + (given.isEmpty ? [] : [("given", .string(given))]))
        case .body(let body):
            return .object([("literal", .string(body))])
        }
    }

    /// The record's `*…*` italics as plain text: CSL-JSON's `note` is shown as it is (Zotero
    /// would show the asterisks). Asterisks that do not pair up are the text's own.
    static func withoutItalicMarks(_ text: String) -> String {
        let parts = text.split(separator: "*", omittingEmptySubsequences: false)
        guard parts.count > 1, parts.count % 2 == 1 else { return text }
        return parts.joined()
    }
}
