import Foundation
import Testing
@testable import TravauxCore

@Suite("A footnote citing several documents, exported to BibTeX and CSL-JSON")
struct FootnoteDocumentsExportTests {
    let record: Record

    init() throws { record = try ExportFixture.shippedRecord() }

    /// The audit's case: a note on the PPWT's 2014 revision, which rests on Meyer 15.
    var revisionNote: NoteCollection {
        NoteCollection(notes: [ExportFixture.note(1, NoteTarget(item: "ppwt", version: "2014-revision"),
                                                  "Verification article added in 2014", tags: ["verification"])])
    }

    func entries(_ bib: String) -> [String: String] {
        var entries: [String: String] = [:]
        for chunk in bib.components(separatedBy: "\n\n@").dropFirst() {
            guard let open = chunk.firstIndex(of: "{"), let comma = chunk.firstIndex(of: ",") else { continue }
            entries[String(chunk[chunk.index(after: open)..<comma])] = "@" + chunk
        }
        return entries
    }

    func items(_ json: String) throws -> [[String: Any]] {
        try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
    }

    @Test("Meyer 15 gives three BibTeX entries, each with its own date, symbol, title and URL, its note naming the footnote")
    func bibTeX() throws {
        let bib = try BibTeXExport.render(notes: revisionNote, record: record, options: ExportFixture.options())
        #expect(bib.hasPrefix("% travaux record: outer-space and cyberspace security diplomacy, record version 10: 1 source (3 documents) and the work they come from;"))
        let found = entries(bib)
        #expect(Set(found.keys) == ["meyer-chapter", "meyer-fn-15-cd-1679", "meyer-fn-15-cd-1839", "meyer-fn-15-cd-1985"])
        #expect(!bib.contains("{meyer-fn-15,"))
        let revision = try #require(found["meyer-fn-15-cd-1985"])
        #expect(revision.hasPrefix("""
            @misc{meyer-fn-15-cd-1985,
              author = {{Conference on Disarmament}},
              title = {{Draft Treaty on the Prevention of the Placement of Weapons in Outer Space, the Threat or Use of Force against Outer Space Objects}},
              year = {2014},
              month = jun,
              date = {2014-06-12},
              number = {CD/1985},
              type = {draft treaty},
              url = {http://daccess-dds-ny.un.org/doc/UNDOC/GEN/G14/050/66/PDF/G1405066.pdf?OpenElement},
              note = {Meyer, footnote 15, document 3 of 3: See 'Possible Elements
            """))
        let paper = try #require(found["meyer-fn-15-cd-1679"])
        #expect(paper.contains("  title = {{Possible Elements of the Future International Legal Instrument on the Prevention of Deployment of Weapons in Outer Space, the Threat or Use of Force Against Outer Space Objects}},\n"))
        #expect(paper.contains("  month = jun,\n  date = {2002-06-28},\n  number = {CD/1679},\n  type = {working paper},\n"))
        #expect(paper.contains("  url = {http://daccess-dds-ny.un.org/doc/UNDOC/GEN/G02/624/84/PDF/G0262484.pdf?OpenElement},\n"))
        #expect(paper.contains("note = {Meyer, footnote 15, document 1 of 3: "))
        // Printed with its symbol and date alone: the symbol names it, and it has no URL.
        let draft = try #require(found["meyer-fn-15-cd-1839"])
        #expect(draft.contains("  title = {{CD/1839}},\n  year = {2008},\n  month = feb,\n  date = {2008-02-29},\n  number = {CD/1839},\n"))
        #expect(!draft.contains("url = "))
        // No title glued from two documents, no date of another.
        #expect(!bib.contains("Objects; Draft"))
    }

    @Test("Meyer 15 gives three CSL-JSON items, each with its own issued date, number and URL")
    func cslJSON() throws {
        let json = try CSLJSONExport.render(notes: revisionNote, record: record, options: ExportFixture.options())
        let found = try items(json)
        #expect(found.map { $0["id"] as? String } == ["meyer-chapter", "meyer-fn-15-cd-1679", "meyer-fn-15-cd-1839", "meyer-fn-15-cd-1985"])
        let documents = Array(found.dropFirst())
        #expect(documents.map { $0["citation-key"] as? String } == documents.map { $0["id"] as? String })
        #expect(documents.map { ($0["issued"] as? [String: Any])?["date-parts"] as? [[Int]] } == [[[2002, 6, 28]], [[2008, 2, 29]], [[2014, 6, 12]]])
        #expect(documents.map { $0["number"] as? String } == ["CD/1679", "CD/1839", "CD/1985"])
        #expect(documents.map { $0["URL"] as? String } == [
            "http://daccess-dds-ny.un.org/doc/UNDOC/GEN/G02/624/84/PDF/G0262484.pdf?OpenElement", nil,
            "http://daccess-dds-ny.un.org/doc/UNDOC/GEN/G14/050/66/PDF/G1405066.pdf?OpenElement",
        ])
        #expect(documents.map { $0["type"] as? String } == ["article", "treaty", "treaty"])
        #expect(documents.map { $0["genre"] as? String } == ["working paper", "draft treaty", "draft treaty"])
        for (index, item) in documents.enumerated() {
            #expect((item["note"] as? String)?.hasPrefix("Meyer, footnote 15, document \(index + 1) of 3: See 'Possible Elements") == true)
            #expect((item["author"] as? [[String: String]]) == [["literal": "Conference on Disarmament"]])
        }
        #expect(Self.title(found, "meyer-fn-15-cd-1985") == "Draft Treaty on the Prevention of the Placement of Weapons in Outer Space, the Threat or Use of Force against Outer Space Objects")
        // Pandoc reads them as they are.
        let back = try items(MarkdownParsers.run("pandoc", ["-f", "csljson", "-t", "csljson"], input: json))
        #expect(back.map { $0["id"] as? String } == found.map { $0["id"] as? String })
    }

    @Test("a document has only its own fields: the SCO agreement no author, A/66/359 no date (the remarks' 13)")
    func ownFieldsOnly() throws {
        let json = try CSLJSONExport.render(notes: NoteCollection(), record: record, options: ExportFixture.options(allSources: true))
        let found = try items(json)
        let letter = try #require(found.first { $0["id"] as? String == "pmp-fn-13-a-66-359" })
        #expect(letter["issued"] == nil)
        #expect(letter["number"] as? String == "A/66/359")
        #expect(letter["title"] as? String == "A/66/359")
        let agreement = try #require(found.first { $0["id"] as? String == "pmp-fn-13-sco-agreement" })
        #expect(agreement["author"] == nil)
        #expect(agreement["number"] == nil)
        #expect((agreement["issued"] as? [String: Any])?["date-parts"] as? [[Int]] == [[2009, 6, 15]])
        #expect(agreement["title"] as? String == "Agreement between the Governments of the Member States of the Shanghai Cooperation Organization on Cooperation in the Field of International Information Security")
        #expect((agreement["note"] as? String)?.hasPrefix("PMP, footnote 13, document 2 of 2: A/66/359. See also") == true)
        // The first and last of the Russian series (the remarks' 3), each under its own symbol.
        #expect(found.filter { ($0["id"] as? String)?.hasPrefix("pmp-fn-3") == true }.map { $0["number"] as? String } == ["A/53/70", "A/65/41"])
        #expect(!found.contains { ["meyer-fn-15", "pmp-fn-3", "pmp-fn-13"].contains($0["id"] as? String) })
    }

    @Test("a footnote citing one document exports exactly as before: every other entry is what the record without documents gives")
    func singleDocumentUnchanged() throws {
        let plain = Record(manifest: record.manifest, works: record.works,
                           sources: record.sources.map { var source = $0; source.documents = []; return source },
                           events: record.events, proposals: record.proposals, actors: record.actors, forums: record.forums,
                           themes: record.themes, directory: record.directory)
        let options = ExportFixture.options(allSources: true)
        let several = Set(record.sources.filter { !$0.documents.isEmpty }.map(\.id))
        #expect(several == ["meyer-fn-15", "pmp-fn-3", "pmp-fn-13"])

        let before = entries(try BibTeXExport.render(notes: NoteCollection(), record: plain, options: options))
        let after = entries(try BibTeXExport.render(notes: NoteCollection(), record: record, options: options))
        #expect(before.count == 60 && after.count == 64)
        for (key, entry) in before where !several.contains(key) { #expect(after[key] == entry, "\(key)") }
        #expect(after["meyer-fn-12"]?.hasPrefix("@misc{meyer-fn-12,\n  author = {{United Nations, General Assembly}},\n  title = {{Prevention of an Arms Race in Outer Space}},\n  year = {2014},\n  month = dec,\n  date = {2014-12-11},\n  number = {A/RES/69/31},\n") == true)

        let beforeItems = try items(CSLJSONExport.render(notes: NoteCollection(), record: plain, options: options))
        let afterItems = try items(CSLJSONExport.render(notes: NoteCollection(), record: record, options: options))
        let afterByID = Dictionary(afterItems.map { ($0["id"] as? String ?? "", $0) }, uniquingKeysWith: { first, _ in first })
        for item in beforeItems {
            let id = item["id"] as? String ?? ""
            guard !several.contains(id) else { continue }
            let other = try #require(afterByID[id], "\(id)")
            #expect(NSDictionary(dictionary: item).isEqual(to: other), "\(id)")
        }
    }

    static func title(_ items: [[String: Any]], _ id: String) -> String? {
        items.first { $0["id"] as? String == id }?["title"] as? String
    }
}
