import Foundation
import Testing
@testable import TravauxCore
import TravauxTestSupport

/// A footnote's `documents` (`CitedDocument`), checked as the record's other fields are: each
/// problem with its file and JSON path.
@Suite("Validating a footnote's documents")
struct CitedDocumentValidationTests {
    /// The fixture's remarks-fn-2 (`$[4]`, "Res. A/53/70, annually up to A/65/41") with `documents`.
    static func withDocuments(_ documents: String) throws -> String {
        try Fixture.brokenCopy("sources.json") {
            $0.replacingOccurrences(of: #""symbols": ["A/53/70", "A/65/41"]"#,
                                    with: #""symbols": ["A/53/70", "A/65/41"], "urls": ["http://un.org/a"], "documents": "# + documents)
        }
    }

    static func messages(_ directory: String) -> [String] {
        Fixture.problems(in: directory).filter { $0.severity == .error }.map { "\($0.file) \($0.location): \($0.message)" }
    }

    @Test("documents that name themselves by symbols and URLs of their footnote are valid, and decode in order")
    func valid() throws {
        let directory = try Self.withDocuments(#"""
            [{ "id": "a-53-70", "symbols": ["A/53/70"], "urls": ["http://un.org/a"], "documentType": "resolution" },
             { "id": "a-65-41", "author": "United Nations, General Assembly", "title": "Resolution", "date": "2010-12", "dateWording": "December 2010", "symbols": ["A/65/41"] }]
            """#)
        #expect(Self.messages(directory) == [])
        let record = try RecordLoader.load(directory: directory)
        guard case .source(let source)? = record.item("remarks-fn-2") else { Issue.record("no remarks-fn-2"); return }
        #expect(source.documents.map(\.id) == ["a-53-70", "a-65-41"])
        #expect(source.documents[1].date == PartialDate(year: 2010, month: 12))
        #expect(source.documents[0].author == nil && source.documents[0].title == nil)
    }

    @Test("an empty text, a symbol or URL the footnote does not list, an id not kebab-case or given twice, and a document with no name are errors at their paths")
    func invalid() throws {
        let directory = try Self.withDocuments(#"""
            [{ "id": "A-53-70", "symbols": ["A/53/70"] },
             { "id": "last", "author": " ", "title": "", "dateWording": "", "documentType": "", "symbols": ["A/66/41", "A 65"], "urls": ["", "http://x.org"] },
             { "id": "last" }]
            """#)
        let at = "sources.json $[4].documents"
        #expect(Self.messages(directory) == [
            "\(at)[0].id: id 'A-53-70' must be kebab-case: lower-case letters and digits joined by '-' (the export's key is 'remarks-fn-2-' and it)",
            "\(at)[1].author: is empty; write some text, or leave the field out",
            "\(at)[1].title: is empty; write some text, or leave the field out",
            "\(at)[1].dateWording: is empty; write some text, or leave the field out",
            "\(at)[1].documentType: is empty; write some text, or leave the field out",
            "\(at)[1].symbols[1]: 'A 65' is not a document symbol (like CD/1985 or A/RES/69/31)",
            "\(at)[1].symbols[0]: 'A/66/41' is not among the footnote's symbols; add it to its symbols too, in the footnote's order",
            "\(at)[1].urls[0]: is empty; write the URL as printed, or leave it out",
            "\(at)[1].urls[1]: 'http://x.org' is not among the footnote's urls; add it to its urls too, in the footnote's order",
            "\(at)[2].id: id 'last' is given to another document of this footnote; each needs its own, as the export's keys do",
            "\(at)[2]: has neither a title nor a symbol; give one, so that its reference has a name",
        ])
    }

    @Test("a date that is not ISO, a misspelt field and a single document are errors at their paths")
    func dateFieldAndCount() throws {
        let date = try Self.withDocuments(#"[{ "id": "a", "symbols": ["A/53/70"], "date": "29 Feb 2008" }, { "id": "b", "title": "B" }]"#)
        #expect(Self.messages(date) == ["sources.json $[4].documents[0].date: '29 Feb 2008' is not a date; write '2008-02-29'"])
        let misspelt = try Self.withDocuments(#"[{ "id": "a", "title": "A", "symbol": ["A/53/70"] }, { "id": "b", "title": "B" }]"#)
        #expect(Self.messages(misspelt) == [
            "sources.json $[4].documents[0].symbol: unknown field 'symbol'; did you mean 'symbols'? (a remark of your own goes in a key beginning with _)",
        ])
        let one = try Self.withDocuments(#"[{ "id": "a", "symbols": ["A/53/70"] }]"#)
        #expect(Self.messages(one) == [
            "sources.json $[4].documents: lists one document; give its fields on the footnote itself and leave documents out (documents is for a footnote citing several)",
        ])
    }

    @Test("a document whose citation key is an item's id, or another document's key, is an error: an export would give two entries one key")
    func keyCollisions() throws {
        let fixture = try Fixture.record()
        func documents(_ ids: [String]) -> [CitedDocument] { ids.map { CitedDocument(id: $0, title: "T") } }
        // remarks-fn-2 + "a" is remarks-fn-2-a; an event of that id, and a footnote remarks-fn giving "2-a" too.
        var sources = fixture.sources
        sources[4].documents = documents(["a", "b"])
        sources[3].id = "remarks-fn"
        sources[3].documents = documents(["2-b", "c"])
        var events = fixture.events
        var twin = events[0]
        twin.id = "remarks-fn-2-a"
        events.append(twin)
        let record = Record(manifest: fixture.manifest, works: fixture.works, sources: sources, events: events,
                            proposals: fixture.proposals, actors: fixture.actors, forums: fixture.forums, themes: fixture.themes,
                            directory: fixture.directory)
        let messages = RecordValidator(record: record).problems().filter { $0.file == "sources.json" && $0.location.contains("documents") }
            .map { "\($0.location): \($0.message)" }
        #expect(messages == [
            "$[4].documents[0].id: gives the citation key 'remarks-fn-2-a', which is the id of an event; choose another id",
            "$[4].documents[1].id: gives the citation key 'remarks-fn-2-b', which a document of 'remarks-fn' gives too; choose another id",
        ])
    }
}
