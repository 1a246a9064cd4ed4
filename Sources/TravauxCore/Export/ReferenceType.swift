/// What kind of document a source cites, in the two vocabularies reference managers use:
/// CSL (CSL-JSON, Pandoc, Zotero) and BibTeX. Read from the source's `documentType`;
/// what has no closer match is CSL's generic `article` (Zotero's "Document") and BibTeX's
/// `@misc`, with the record's word kept as the genre.
enum ReferenceType: String, CaseIterable {
    case journalArticle, newsArticle, book, chapter, report, webpage, treaty, speech, document

    init(documentType: String?) {
        let words = (documentType ?? "").lowercased()
        switch words {
        case "journal article", "article": self = .journalArticle
        case "news article": self = .newsArticle
        case "book": self = .book
        case "book chapter": self = .chapter
        case "report", "white paper", "policy document", "conference report": self = .report
        case "web page", "web site": self = .webpage
        case "treaty", "draft treaty": self = .treaty
        case "statement", "joint statement", "remarks", "speech": self = .speech
        default: self = .document
        }
    }

    /// A CSL 1.0.1 type, so that older and newer processors alike accept it.
    var csl: String {
        switch self {
        case .journalArticle: return "article-journal"
        case .newsArticle: return "article-newspaper"
        case .book: return "book"
        case .chapter: return "chapter"
        case .report: return "report"
        case .webpage: return "webpage"
        case .treaty: return "treaty"
        case .speech: return "speech"
        case .document: return "article"
        }
    }

    /// A BibTeX entry type every importer knows; `@online` (biblatex's, which Zotero and
    /// Pandoc read as a web page) for web pages.
    var bibtex: String {
        switch self {
        case .journalArticle, .newsArticle: return "article"
        case .book: return "book"
        case .chapter: return "incollection"
        case .report: return "techreport"
        case .webpage: return "online"
        case .treaty, .speech, .document: return "misc"
        }
    }
}
