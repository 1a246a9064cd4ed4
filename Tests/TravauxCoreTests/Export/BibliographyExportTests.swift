import Foundation
import Testing
@testable import TravauxCore

@Suite("Exporting sources to BibTeX and CSL-JSON")
struct BibliographyExportTests {
    let fixture: Record

    init() throws { fixture = try Fixture.record() }

    func allSources(_ format: ExportFormat) throws -> (text: String, record: Record) {
        let record = try ExportFixture.shippedRecord()
        return (try format.render(notes: NoteCollection(), record: record, options: ExportFixture.options(allSources: true)), record)
    }

    static let cslTypes: Set<String> = [
        "article", "article-journal", "article-magazine", "article-newspaper", "bill", "book", "broadcast", "chapter",
        "dataset", "entry", "entry-dictionary", "entry-encyclopedia", "figure", "graphic", "interview", "legal_case",
        "legislation", "manuscript", "map", "motion_picture", "musical_score", "pamphlet", "paper-conference", "patent",
        "personal_communication", "post", "post-weblog", "report", "review", "review-book", "song", "speech", "thesis",
        "treaty", "webpage",
    ]

    @Test("the sources the fixture notes cite match their golden files; an Ibid. gives way to what it repeats")
    func golden() throws {
        let options = ExportFixture.options()
        let bib = try BibTeXExport.render(notes: ExportFixture.fixtureCollection, record: fixture, options: options)
        let csl = try CSLJSONExport.render(notes: ExportFixture.fixtureCollection, record: fixture, options: options)
        try Golden.check(bib, named: "fixture-sources.bib")
        try Golden.check(csl, named: "fixture-sources.json")
        let golden = try Golden.read("fixture-sources.bib")
        // Four footnotes, and the two works they come from, first.
        #expect(golden.components(separatedBy: "\n@").count - 1 == 6)
        #expect(golden.contains("\n\n@misc{chapter,\n  author = {Meyer, Paul},\n  title = {{Outer Space and Cyberspace: A Tale of Two Security Realms}},\n  type = {book chapter},\n  note = {The text the record's footnotes Meyer 1–3 come from},\n}\n"))
        #expect(golden.contains("@misc{chapter-fn-2,\n  author = {{Organization for Security and Co-operation in Europe}},"))
        #expect(!golden.contains("chapter-fn-3"))
        #expect(golden.contains("  title = {{UN Chief proposes int’l accord to prevent cyber war}},\n  year = {2010},\n  month = jan,\n  date = {2010-01-31},"))
    }

    @Test("the first line agrees in number: one source and the work it comes from")
    func headerAgrees() throws {
        let note = Note(id: "01JHEADER00000000000000000", target: NoteTarget(item: "osce-initial-cbms"), body: "b", author: "a",
                        created: NoteTime(millisecondsSince1970: 0))
        let bib = try BibTeXExport.render(notes: NoteCollection(notes: [note]), record: fixture, options: ExportFixture.options())
        let header = try #require(bib.split(separator: "\n").first)
        #expect(header.contains(": 1 source and the work it comes from;"), "\(header)")
    }

    @Test("Pandoc reads the BibTeX of every shipped source, as BibTeX and as biblatex, with our ids, titles, symbols, URLs and dates")
    func pandocReadsBibTeX() throws {
        let (bib, record) = try allSources(.bibtex)
        // The two works first, then the 58 footnotes, the three citing several documents one
        // entry per document (Meyer 15: three; the remarks' 3 and 13: two each).
        let references = record.works.map { SourceReference(work: $0, record: record) }
            + record.sources.flatMap { SourceReference.references(of: $0, record: record) }
        for format in ["bibtex", "biblatex"] {
            let json = try MarkdownParsers.run("pandoc", ["-f", format, "-t", "csljson"], input: bib)
            let items = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
            #expect(items.count == 64)
            #expect(items.map { $0["id"] as? String } == references.map(\.key))
            for (item, reference) in zip(items, references) {
                #expect(item["title"] as? String == reference.title, "\(reference.key)")
                #expect(item["number"] as? String == reference.number, "\(reference.key)")
                #expect(item["URL"] as? String == reference.url, "\(reference.key)")
                let parts = ((item["issued"] as? [String: Any])?["date-parts"] as? [[Int]])?.first
                #expect(parts == reference.date.map { [$0.year] + [$0.month, $0.day].compactMap { $0 } }, "\(reference.key)")
            }
        }
        // Braces balance in every entry (an unbalanced one would swallow the rest of the file).
        var depth = 0
        var previous: Character = " "
        for character in bib {
            if previous != "\\" { depth += character == "{" ? 1 : character == "}" ? -1 : 0 }
            #expect(depth >= 0)
            previous = character
        }
        #expect(depth == 0)
    }

    @Test("CSL-JSON has an id, a CSL type, a title and date-parts for every source, and Pandoc reads it back")
    func cslJSON() throws {
        let (text, record) = try allSources(.cslJSON)
        let items = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
        #expect(items.count == record.works.count + record.sources.reduce(0) { $0 + max(1, $1.documents.count) })
        #expect(items.prefix(2).map { $0["type"] as? String } == ["chapter", "speech"])
        for item in items {
            let id = try #require(item["id"] as? String)
            #expect(Self.cslTypes.contains(item["type"] as? String ?? ""), "\(id)")
            #expect(!(item["title"] as? String ?? "").isEmpty, "\(id)")
            if let issued = item["issued"] {
                let parts = try #require((issued as? [String: Any])?["date-parts"] as? [[Int]], "\(id)")
                #expect(parts.count == 1 && (1...3).contains(parts[0].count), "\(id)")
            }
            for name in (item["author"] as? [[String: String]] ?? []) + (item["editor"] as? [[String: String]] ?? []) {
                #expect(name["literal"] != nil || name["family"] != nil, "\(id)")
            }
        }
        let back = try MarkdownParsers.run("pandoc", ["-f", "csljson", "-t", "csljson"], input: text)
        let read = try #require(try JSONSerialization.jsonObject(with: Data(back.utf8)) as? [[String: Any]])
        #expect(read.map { $0["id"] as? String } == items.map { $0["id"] as? String })
        #expect(read.map { $0["type"] as? String } == items.map { $0["type"] as? String })
    }

    @Test("names: people split into family and given, bodies kept whole, editors and et al read")
    func names() throws {
        let record = try ExportFixture.shippedRecord()
        func parse(_ text: String) -> ReferenceName.Parsed { ReferenceName.parse(text, in: record) }
        #expect(parse("John Vogler").names == [.person(family: "Vogler", given: "John")])
        #expect(parse("Ian K. Adam").names == [.person(family: "Adam", given: "Ian K.")])
        #expect(parse("Wang Qun").names == [.person(family: "Wang", given: "Qun")])
        #expect(parse("Hamadoun Touré").names == [.person(family: "Touré", given: "Hamadoun")])
        let editor = parse("Cesar Jaramillo, ed.")
        #expect(editor.names == [.person(family: "Jaramillo", given: "Cesar")] && editor.areEditors)
        let others = parse("Mark Barrett, et al")
        #expect(others.names == [.person(family: "Barrett", given: "Mark")] && others.andOthers)
        for body in ["United Nations, General Assembly", "The White House", "Permanent Monitoring Panel", "Russian Federation",
                     "German Federal Foreign Office", "UNIDIR", "ICT4Peace", "Microsoft Corporation", "Ambassador Kamal (UNITAR)",
                     "Council of Europe", "Women's International League for Peace and Freedom"] {
            #expect(parse(body).names == [.body(body)], "\(body)")
        }
    }

    @Test("a footnote naming a document of its own takes nothing from the one it also points to; a short form of the same title does")
    func referredDocument() throws {
        let record = try ExportFixture.shippedRecord()
        func reference(_ id: String) throws -> SourceReference {
            guard case .source(let source)? = record.item(id) else { throw ExportError.nothingToExport(id) }
            return SourceReference(source: source, record: record)
        }
        // The Berlin conference report ("See previous footnote. For Germany, see also …") is
        // not the Secretary-General's A/66/152, nor is footnote 15, which points to it.
        #expect(try reference("pmp-fn-11").number == nil)
        #expect(try reference("pmp-fn-15").number == nil)
        #expect(try reference("pmp-fn-10").number == "A/66/152")
        // "Declaration of Principles" shortens the title of the footnote it points to: its date and URL.
        let declaration = try reference("meyer-fn-10")
        #expect(declaration.number == "WSIS-03/GENEVA/DOC/4-E")
        #expect(declaration.url?.hasPrefix("http://www.itu.int/") == true)
    }

    @Test("a citation gives its quoted or italic title, its periodical and its date when the record's fields do not")
    func citationParsing() {
        #expect(CitationParsing.title(in: "John Ruggie, 'Multilateralism: The Anatomy of an Institution,' *International Organization* 46 (1992): 575.")
                == "Multilateralism: The Anatomy of an Institution")
        #expect(CitationParsing.container(in: "John Ruggie, 'Multilateralism: The Anatomy of an Institution,' *International Organization* 46 (1992): 575.")
                == "International Organization")
        #expect(CitationParsing.title(in: "Arvind Gupta’s “UN Chief proposes int’l accord to prevent cyber war,” 31 Jan. 2010") == "UN Chief proposes int’l accord to prevent cyber war")
        #expect(CitationParsing.title(in: "Women's League, *Civil Society Statement*, 2014") == "Civil Society Statement")
        #expect(CitationParsing.title(in: "A/65/201") == nil)
        #expect(CitationParsing.date(in: "CD/1985 (Conference on Disarmament, 12 June 2014).") == PartialDate(year: 2014, month: 6, day: 12))
        #expect(CitationParsing.date(in: "IDSA, June 27, 2012") == PartialDate(year: 2012, month: 6, day: 27))
        #expect(CitationParsing.date(in: "“…,” 31 Jan. 2010") == PartialDate(year: 2010, month: 1, day: 31))
        #expect(CitationParsing.date(in: "(Washington, 2012), 3") == PartialDate(year: 2012))
        #expect(CitationParsing.date(in: "between 2011 and 2012") == nil)
        #expect(CitationParsing.date(in: "Res. A/53/70, annually up to A/65/41") == nil)
    }

    @Test("a source is never its own container: a resolution named in quotes, then cited by its italic title")
    func containerIsNotTheTitle() throws {
        let (text, _) = try allSources(.cslJSON)
        let items = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
        let resolution = try #require(items.first { $0["id"] as? String == "meyer-fn-12" })
        #expect(resolution["title"] as? String == "Prevention of an Arms Race in Outer Space")
        #expect(resolution["container-title"] == nil)
        for item in items {
            if let container = item["container-title"] as? String, let title = item["title"] as? String {
                #expect(!SourceReference.sameWords(container, title), "\(item["id"] ?? "")")
            }
        }
        #expect(SourceReference.sameWords("*Prevention of an Arms Race*", "prevention of an arms race."))
        // CSL-JSON's note is plain text: the record's italic marks go, unpaired asterisks stay.
        #expect((resolution["note"] as? String)?.contains("*") == false)
        #expect(CSLJSONExport.withoutItalicMarks("a *b* c") == "a b c")
        #expect(CSLJSONExport.withoutItalicMarks("5 * 3") == "5 * 3")
    }

    @Test("BibTeX escapes what TeX reads, and keeps URLs as they are")
    func escaping() {
        #expect(BibTeXExport.escape("50% & #1 $x_y {z} ~ ^ \\") == ##"50\% \& \#1 \$x\_y \textbraceleft{}z\textbraceright{} \textasciitilde{} \textasciicircum{} \textbackslash{}"##)
        // An unbalanced brace leaves the entry's own braces balanced.
        let unbalanced = BibTeXExport.escape("Unbalanced { brace")
        #expect(unbalanced.filter { $0 == "{" }.count == unbalanced.filter { $0 == "}" }.count)
        #expect(BibTeXExport.urlValue("http://a.org/?a=1&b=%2F_c#x{y}") == "http://a.org/?a=1&b=%2F_c#x%7By%7D")
    }

    @Test("nothing to export: no note matches, or the notes cite no source")
    func nothing() throws {
        let none = ExportSelection(notes: NoteFilter(tags: ["nope"]))
        #expect(throws: ExportError.nothingToExport("no note matches tags 'nope'; 'travaux note list' shows the notes")) {
            try BibTeXExport.render(notes: ExportFixture.fixtureCollection, record: fixture, options: ExportFixture.options(none))
        }
        let uncited = ExportSelection(notes: NoteFilter(itemIDs: ["russia", "gone-item"]))
        #expect(throws: ExportError.nothingToExport("the 2 notes cite no source of the record")) {
            try CSLJSONExport.render(notes: ExportFixture.fixtureCollection, record: fixture, options: ExportFixture.options(uncited))
        }
    }
}
