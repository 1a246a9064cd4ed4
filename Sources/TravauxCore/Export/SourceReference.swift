/// A source of the record described for a reference manager: type, authors or body,
/// title, date, document symbol, URL, and the footnote verbatim as a note.
///
/// The record's own fields come first; what they leave out is read from the citation
/// where that is reliable (`CitationParsing`), then taken from the footnote a short form
/// or "Ibid." refers to. The citation key is the source's id (`meyer-fn-12`): ids never
/// change, so a key cited in a paper keeps working when the record is corrected. A footnote
/// that cites several documents gives one reference per document (`init(document:…)`).
struct SourceReference {
    var key: String
    var type: ReferenceType
    /// The record's word for the document ("resolution"), when it has one.
    var genre: String?
    var authors: ReferenceName.Parsed
    var title: String
    var containerTitle: String?
    var date: PartialDate?
    /// The first document symbol; all of them are in `symbols`.
    var number: String?
    var symbols: [String]
    var url: String?
    /// "Meyer, footnote 12: " and the citation as printed.
    var note: String
    /// A work of the record rather than one of its footnotes.
    var isWork = false
    /// For one of several documents a footnote cites, that footnote's id.
    var documentOf: String?

    init(source: Source, record: Record) {
        let chain = Self.referredChain(of: source, in: record)
        func inherited<T>(_ value: (Source) -> T?) -> T? { chain.lazy.compactMap(value).first }

        key = source.id
        let documentType = inherited(\.documentType)
        type = ReferenceType(documentType: documentType)
        genre = documentType
        authors = inherited(\.author).map { ReferenceName.parse($0, in: record) } ?? ReferenceName.Parsed.nobody
        title = source.title ?? CitationParsing.title(in: source.citation)
            ?? inherited { $0.title ?? CitationParsing.title(in: $0.citation) }
            ?? Self.fallbackTitle(of: source)
        // An italic title after a quoted phrase is usually the work itself, not where it
        // appeared (a resolution named in quotes, then cited by title): never the title twice.
        containerTitle = CitationParsing.container(in: source.citation).flatMap { [title] container in
            Self.sameWords(container, title) ? nil : container
        }
        date = source.date ?? CitationParsing.date(in: Self.withoutURLs(source)) ?? inherited(\.date)
        symbols = source.symbols.isEmpty ? (inherited { $0.symbols.isEmpty ? nil : $0.symbols } ?? []) : source.symbols
        number = symbols.first
        url = inherited(\.url)
        note = record.workAbbreviation(source.work) + ", footnote \(source.number): " + MarkdownText.singleLine(source.citation)
    }

    /// One document of a footnote citing several: only its own fields, nothing read from the
    /// citation or taken from the footnote's fields (which describe all of them together, the
    /// first one's date among them). Its key is the footnote's id and the document's
    /// (`meyer-fn-15-cd-1985`); its note is the footnote's, saying which document it is
    /// (`index` in its `documents`).
    init(document: CitedDocument, at index: Int, of source: Source, record: Record) {
        key = source.id + "-" + document.id
        documentOf = source.id
        type = ReferenceType(documentType: document.documentType)
        genre = document.documentType
        authors = document.author.map { ReferenceName.parse($0, in: record) } ?? ReferenceName.Parsed.nobody
        // The validator asks for a title or a symbol (CD/1839 is printed with its symbol and date alone).
        title = document.title ?? document.symbols.first ?? key
        containerTitle = nil
        date = document.date
        symbols = document.symbols
        number = symbols.first
        url = document.urls.first
        note = record.workAbbreviation(source.work) + ", footnote \(source.number), document \(index + 1) of \(source.documents.count): "
            + MarkdownText.singleLine(source.citation)
    }

    /// The references a source gives: one, or one per document it lists.
    static func references(of source: Source, record: Record) -> [SourceReference] {
        source.documents.isEmpty ? [SourceReference(source: source, record: record)]
            : source.documents.enumerated().map { SourceReference(document: $1, at: $0, of: source, record: record) }
    }

    /// A work of the record (the chapter, the remarks) as a reference of its own: the text a
    /// student cites for the record's account, as the footnotes are cited for what it rests on.
    /// Its key is its id (`meyer-chapter`). An author the record gives only as unnamed is
    /// left out of the names and kept in the note.
    init(work: Work, record: Record) {
        key = work.id
        type = ReferenceType(documentType: work.form)
        genre = work.form
        let named = !work.author.lowercased().hasPrefix("unnamed")
        authors = named ? ReferenceName.parse(work.author, in: record) : ReferenceName.Parsed.nobody
        title = work.title
        containerTitle = nil
        date = work.date
        symbols = []
        number = nil
        url = nil
        var note = "The text the record's footnotes \(record.workAbbreviation(work.id)) 1–\(work.footnoteCount) come from"
        note += named ? "" : "; author as the record gives it: " + MarkdownText.singleLine(work.author)
        if let inferred = work.dateInferred { note += "; date inferred: " + MarkdownText.singleLine(inferred) }
        self.note = note
        isWork = true
    }

    /// Whether two titles are the same words, whatever their case and punctuation.
    static func sameWords(_ a: String, _ b: String) -> Bool {
        words(a) == words(b)
    }

    /// Whether one title's words begin the other's (or are the same).
    static func shortens(_ a: String, _ b: String) -> Bool {
        let (x, y) = (words(a), words(b))
        return x.starts(with: y) || y.starts(with: x)
    }

    private static func words(_ text: String) -> [String] {
        text.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init)
    }

    /// The source, then the footnotes it refers to in turn (stopping at a cycle), as long as
    /// they are the same document: a short form ("Ibid.", no title of its own) is, and so is
    /// a footnote of the same title, or of a title one of them shortens ("Declaration of
    /// Principles" for "Declaration of Principles, Building the Information Society: …").
    /// One that names a document of its own and points on for
    /// more ("See previous footnote. For Germany, see also …, Conference Report") takes
    /// nothing from the other document: not its UN symbol as a report number.
    private static func referredChain(of source: Source, in record: Record) -> [Source] {
        func ownTitle(_ source: Source) -> String? { source.title ?? CitationParsing.title(in: source.citation) }
        var chain = [source]
        var seen: Set<String> = [source.id]
        while let last = chain.last, let id = last.refersTo, seen.insert(id).inserted, case .source(let next)? = record.item(id) {
            if let title = ownTitle(last), !(ownTitle(next).map { shortens($0, title) } ?? false) { break }
            chain.append(next)
        }
        return chain
    }

    /// No title anywhere: the citation itself, without the author it opens with and the
    /// italics markers.
    private static func fallbackTitle(of source: Source) -> String {
        var text = MarkdownText.singleLine(source.citation).filter { $0 != "*" }
        if let author = source.author, text.hasPrefix(author + ", ") { text = String(text.dropFirst(author.count + 2)) }
        while let last = text.last, last == "." || last == "," { text.removeLast() }
        return text.isEmpty ? source.id : text
    }

    private static func withoutURLs(_ source: Source) -> String {
        var text = source.citation
        for url in source.urls where !url.isEmpty { text = text.replacing(url, with: " ") }
        return text
    }

    /// The references an export gives: every source of the record, or those the selected
    /// notes cite; a footnote with no title of its own that only points at another
    /// ("Ibid.") gives way to the one it points at; a footnote listing its documents gives
    /// one per document, in its order. The works those footnotes come from go first, each
    /// once, in the record's order.
    static func references(notes: NoteCollection, record: Record, options: ExportOptions) throws(ExportError) -> [SourceReference] {
        let ids: [String]
        if options.allSources {
            ids = record.sources.map(\.id)
            guard !ids.isEmpty else { throw .nothingToExport("the record has no sources") }
        } else {
            let selected = options.selection.apply(to: notes, record: record, zone: options.zone)
            guard !selected.isEmpty else { throw .noNotes(in: notes, selection: options.selection, record: record) }
            ids = Handout(notes: selected, record: record).citedSourceIDs(in: record)
            guard !ids.isEmpty else {
                throw .nothingToExport("the \(selected.count == 1 ? "note cites" : "\(selected.count) notes cite") no source of the record")
            }
        }
        var seen = Set<String>()
        var sources: [Source] = []
        for id in ids {
            guard case .source(var source)? = record.item(id) else { continue }
            var visited: Set<String> = [source.id]
            while source.title == nil, CitationParsing.title(in: source.citation) == nil, let next = source.refersTo,
                  visited.insert(next).inserted, case .source(let referred)? = record.item(next) {
                source = referred
            }
            guard seen.insert(source.id).inserted else { continue }
            sources.append(source)
        }
        // Record order, whichever footnote led to each; a footnote's documents stay in its order.
        let order = Dictionary(record.sources.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        sources.sort { (order[$0.id] ?? .max) < (order[$1.id] ?? .max) }
        let cited = Set(ids.compactMap { id -> String? in if case .source(let source)? = record.item(id) { source.work } else { nil } })
        let works = record.works.filter { cited.contains($0.id) }.map { SourceReference(work: $0, record: record) }
        return works + sources.flatMap { references(of: $0, record: record) }
    }
}
