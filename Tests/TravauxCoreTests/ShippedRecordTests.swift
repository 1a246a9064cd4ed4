import Foundation
import Testing
@testable import TravauxCore

@Suite("The shipped record")
struct ShippedRecordTests {
    let record: Record
    let problems: [RecordProblem]

    init() throws {
        let (record, problems) = RecordLoader.read(directory: Fixture.shippedRecordDirectory)
        self.record = try #require(record)
        self.problems = problems
    }

    @Test("it validates with no error and no warning")
    func validates() {
        #expect(problems.isEmpty, "\(problems.map(\.description).joined(separator: "\n"))")
    }

    @Test("footnotes 1–36 of the chapter and 1–22 of the remarks are all present")
    func allFootnotes() throws {
        let chapter = Set(record.sources.filter { $0.work == "meyer-chapter" }.map(\.number))
        let remarks = Set(record.sources.filter { $0.work == "pmp-remarks" }.map(\.number))
        #expect(chapter == Set(1...36))
        #expect(remarks == Set(1...22))
        #expect(record.sources.count == 58)
    }

    @Test("every footnote is cited by at least one item")
    func noSourceUnlinked() {
        for source in record.sources {
            let citing = record.backlinks(to: source.id).filter { record.item($0)?.kind != .source }
            #expect(!citing.isEmpty, "\(source.id) is cited by nothing")
        }
    }

    @Test("every proposal has at least one dated version")
    func proposalsHaveDatedVersions() {
        for proposal in record.proposals {
            #expect(proposal.versions.contains { $0.date != nil }, "\(proposal.id) has no dated version")
        }
    }

    @Test("every event rests on at least one source")
    func eventsHaveSources() {
        for event in record.events { #expect(!event.sources.isEmpty, "\(event.id) has no source") }
    }

    @Test("a note's target is refused when its parts contradict each other, and a quote alone gets its version")
    func noteTargetParts() {
        let mismatched = NoteTarget(item: "osce-cyber-cbms", version: "2012-mandate", element: "information-exchanges")
        #expect(record.problem(with: mismatched) == "element 'information-exchanges' is not in version '2012-mandate' of 'osce-cyber-cbms'; it is in 2013-initial-set")
        #expect(record.problem(with: NoteTarget(item: "osce-cyber-cbms", version: "2013-initial-set", element: "information-exchanges")) == nil)
        #expect(record.problem(with: NoteTarget(item: "ppwt", element: "x", quote: "title-2014"))?.hasPrefix("'ppwt' has no element 'x'") == true)
        // Each says what would do: the parts there are, or that there are none, and where a quote is.
        #expect(record.problem(with: NoteTarget(item: "ppwt", element: "1")) == "'ppwt' has no element '1'; it has no elements (pledges, provisos): drop --element")
        #expect(record.problem(with: NoteTarget(item: "ppwt", version: "2014-revision", quote: "title-2002"))
                == "quoted text 'title-2002' is not in version '2014-revision' of 'ppwt'; it is in 2002-working-paper "
                + "(or drop --version: the note goes on the version that holds it)")
        #expect(record.problem(with: NoteTarget(item: "canada-space-pledges", quote: "x"))?.hasPrefix("'canada-space-pledges' has no quoted text 'x'; ") == true)
        #expect(record.completing(NoteTarget(item: "ppwt", quote: "title-2014")) == NoteTarget(item: "ppwt", version: "2014-revision", quote: "title-2014"))
        #expect(record.completing(NoteTarget(item: "ppwt", version: "2008-draft")) == NoteTarget(item: "ppwt", version: "2008-draft"))
    }

    @Test("every document symbol is well formed")
    func symbolsWellFormed() {
        let symbols = record.sources.flatMap(\.symbols) + record.events.flatMap(\.symbols)
            + record.proposals.flatMap { $0.versions.flatMap(\.symbols) }
        #expect(!symbols.isEmpty)
        for symbol in symbols { #expect(RecordValidator.isDocumentSymbol(symbol), "\(symbol)") }
    }

    @Test("every quoted text appears verbatim in the seed texts")
    func quotesAreVerbatim() throws {
        let seeds = URL(fileURLWithPath: Fixture.shippedRecordDirectory).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("shared/seeds")
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: seeds.path) else { return }  // seeds live beside the repo
        let text = try names.map { try String(contentsOf: seeds.appendingPathComponent($0), encoding: .utf8) }.joined(separator: "\n")
        let normalizedText = Self.normalize(text)
        let quotes = record.proposals.flatMap { $0.versions.flatMap { $0.quotes.map(\.text) } + $0.elements.compactMap(\.quote) }
        #expect(!quotes.isEmpty)
        for quote in quotes {
            let found = Self.appears(Self.normalize(quote), in: normalizedText)
            #expect(found, "not verbatim: \(quote)")
        }
    }

    @Test("a footnote's documents are the footnote's own words: each title, date as printed, symbol and URL is in its citation")
    func documentsFromTheirFootnote() throws {
        let several = record.sources.filter { !$0.documents.isEmpty }
        #expect(several.map(\.id) == ["meyer-fn-15", "pmp-fn-3", "pmp-fn-13"])
        for source in several {
            let citation = source.citation.filter { $0 != "*" }
            for document in source.documents {
                let printed = [document.title, document.dateWording].compactMap { $0 } + document.symbols + document.urls
                for text in printed { #expect(citation.contains(text), "\(source.id) \(document.id): \(text)") }
                #expect((document.date == nil) == (document.dateWording == nil), "\(source.id) \(document.id)")
            }
            // Every symbol and URL of the footnote belongs to one of its documents.
            #expect(Set(source.documents.flatMap(\.symbols)) == Set(source.symbols), "\(source.id)")
            #expect(Set(source.documents.flatMap(\.urls)) == Set(source.urls), "\(source.id)")
        }
    }

    /// A quote appears whole, or in two parts split where the printed page broke it
    /// ("inter-" at the foot of one page, "national" at the top of the next).
    static func appears(_ quote: String, in text: String) -> Bool {
        if text.contains(quote) { return true }
        let characters = Array(quote)
        guard characters.count > 30 else { return false }
        for split in 15..<(characters.count - 15) {
            let head = String(characters[..<split]), tail = String(characters[split...])
            if (text.contains(head + "-") || text.contains(head)) && text.contains(tail.trimmingCharacters(in: .whitespaces)) {
                return true
            }
        }
        return false
    }

    /// Whitespace and line breaks differ between the printed page and a quote.
    static func normalize(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    @Test("a document symbol typed as-is finds the item carrying it first, before its footnote", arguments: [
        ("A/66/359", "proposal"), ("CD/1985", "proposal"), ("PC.DEC/1106", "event"),
    ])
    func symbolSearch(_ symbol: String, _ kind: String) throws {
        let first = try #require(SearchIndex(record: record).search(symbol).first)
        #expect(first.kind != .source)
        #expect(first.field == "symbol")
        #expect(record.item(first.id)?.symbols.contains(symbol) == true)
    }
}
