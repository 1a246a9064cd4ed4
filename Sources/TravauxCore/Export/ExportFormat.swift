/// What an export produces: a handout of the notes, or the sources they cite for a
/// reference manager.
public enum ExportFormat: String, Sendable, CaseIterable {
    case markdown
    case bibtex
    case cslJSON = "csl-json"

    /// Renders the notes selected by `options` in this format.
    public func render(notes: NoteCollection, record: Record, options: ExportOptions) throws(ExportError) -> String {
        switch self {
        case .markdown: return try MarkdownExport.render(notes: notes, record: record, options: options)
        case .bibtex: return try BibTeXExport.render(notes: notes, record: record, options: options)
        case .cslJSON: return try CSLJSONExport.render(notes: notes, record: record, options: options)
        }
    }

    /// The usual file extension, for messages and suggestions.
    public var fileExtension: String {
        switch self {
        case .markdown: return "md"
        case .bibtex: return "bib"
        case .cslJSON: return "json"
        }
    }
}
