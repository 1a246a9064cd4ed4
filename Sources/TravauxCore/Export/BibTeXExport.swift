/// The sources as a BibTeX file that Pandoc (`--bibliography`), biber and Zotero import:
/// standard entry types, bodies braced whole, every special character escaped, titles in
/// double braces so that no style or importer changes their case ("Outer Space Treaty"
/// must not become "Outer space treaty"), UTF-8 kept as it is.
public enum BibTeXExport {
    public static func render(notes: NoteCollection, record: Record, options: ExportOptions) throws(ExportError) -> String {
        let references = try SourceReference.references(notes: notes, record: record, options: options)
        let works = references.count(where: \.isWork), entries = references.count - works
        let sources = Set(references.lazy.filter { !$0.isWork }.map { $0.documentOf ?? $0.key }).count
        // Said only when a footnote citing several documents made entries of them.
        let documents = entries == sources ? "" : " (\(entries) documents)"
        let counted = "\(sources) \(sources == 1 ? "source" : "sources")" + documents
            + (works == 0 ? "" : " and the \(works == 1 ? "work" : "\(works) works") \(entries == 1 ? "it comes" : "they come") from")
        var out = "% \(singleLine(record.manifest.title)), record version \(singleLine(record.manifest.version)): \(counted); "
            + "exported by travaux on \(options.zone.day(of: options.date)).\n"
        for reference in references { out += "\n" + entry(reference) }
        return out
    }

    static func entry(_ reference: SourceReference) -> String {
        var fields: [(String, String)] = []
        // No "and others": Pandoc and Zotero would both make an author named "others"; the
        // note keeps the footnote's "et al".
        let names = reference.authors.names.map(name)
        if !names.isEmpty { fields.append((reference.authors.areEditors ? "editor" : "author", names.joined(separator: " and "))) }
        fields.append(("title", "{" + escape(reference.title) + "}"))
        if let container = reference.containerTitle {
            switch reference.type {
            case .journalArticle, .newsArticle: fields.append(("journal", "{" + escape(container) + "}"))
            default: fields.append(("booktitle", "{" + escape(container) + "}"))
            }
        }
        if reference.type == .report, let body = reference.authors.names.first, case .body(let name) = body {
            fields.append(("institution", escape(name)))
        }
        if let date = reference.date {
            fields.append(("year", String(date.year)))
            fields.append(("date", date.iso))
        }
        if let number = reference.number { fields.append(("number", escape(number))) }
        let entryType = Self.entryType(of: reference)
        if ["misc", "online", "techreport"].contains(entryType), let genre = reference.genre {
            fields.append(("type", escape(genre)))
        }
        if let url = reference.url { fields.append(("url", urlValue(url))) }
        fields.append(("note", italics(escape(reference.note))))
        var out = "@\(entryType){\(reference.key),\n"
        for (key, value) in fields { out += "  \(key) = {\(value)},\n" }
        if let date = reference.date, let month = date.month {
            // A month macro, unbraced, as BibTeX styles expect.
            out = out.replacing("  date = {", with: "  month = \(monthMacros[month - 1]),\n  date = {")
        }
        return out + "}\n"
    }

    /// A chapter needs the book it is in (`booktitle`), which the record does not always know
    /// (the chapter of an unnamed book): without it, `@misc`, which asks for nothing.
    static func entryType(of reference: SourceReference) -> String {
        reference.type == .chapter && reference.containerTitle == nil ? "misc" : reference.type.bibtex
    }

    private static let monthMacros = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    private static func name(_ name: ReferenceName) -> String {
        switch name {
        case .person(let family, let given): return given.isEmpty ? escape(family) : escape(family) + ", " + escape(given)
        // Double braces: a body is one name, never "Family, Given".
        case .body(let body): return "{" + escape(body) + "}"
        }
    }

    /// Text for a braced field: TeX's special characters escaped, so braces stay balanced
    /// and `%`, `#`, `&` mean themselves.
    static func escape(_ text: String) -> String {
        var out = ""
        for character in singleLine(text) {
            switch character {
            case "\\": out += "\\textbackslash{}"
            // Braces as commands: `\{` still counts as a brace to BibTeX's own parsers, so
            // one left unbalanced in a title made the whole file unreadable to them.
            case "{": out += "\\textbraceleft{}"
            case "}": out += "\\textbraceright{}"
            case "$", "%", "&", "#", "_": out += "\\" + String(character)
            case "~": out += "\\textasciitilde{}"
            case "^": out += "\\textasciicircum{}"
            default: out.append(character)
            }
        }
        return out
    }

    /// URLs are verbatim for biblatex and Pandoc; only what would unbalance the braces or
    /// end the value is percent-encoded.
    static func urlValue(_ url: String) -> String {
        var out = ""
        for scalar in singleLine(url).unicodeScalars {
            switch scalar {
            case "{": out += "%7B"
            case "}": out += "%7D"
            case "\\": out += "%5C"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// The record's `*…*` italics as `\emph{…}`, when they pair up.
    private static func italics(_ text: String) -> String {
        let parts = text.split(separator: "*", omittingEmptySubsequences: false)
        guard parts.count > 1, parts.count % 2 == 1 else { return text }
        return parts.enumerated().map { $0.offset % 2 == 1 ? "\\emph{" + $0.element + "}" : String($0.element) }.joined()
    }

    private static func singleLine(_ text: String) -> String { MarkdownText.singleLine(text) }
}
