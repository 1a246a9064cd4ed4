import Foundation
import Testing
@testable import TravauxCore

@Suite("Item detail")
struct DetailTests {
    @Test("a proposal's detail lists its versions in date order with their quotes")
    func proposalVersions() throws {
        let record = try Fixture.record()
        let document = try #require(record.detail(of: "ppwt"))
        let versions = try #require(document.sections.first { $0.title == "Versions" })
        let markers = versions.blocks.compactMap { block -> String? in
            if case .entry(let marker, _) = block { return marker } else { return nil }
        }
        #expect(markers == ["2008-02-29", "2014-06-12"])
        #expect(versions.blocks.contains { if case .quote = $0 { return true } else { return false } })
        #expect(document.fields.contains { $0.label == "Legal character" && $0.value == [.text("legally binding")] })
    }

    @Test("a date's wording that quotes the texts itself is not wrapped in double quotes; bare words are")
    func dateWordingQuotes() throws {
        let record = try RecordLoader.load(directory: Fixture.shippedRecordDirectory)
        let ppwt = try #require(record.detail(of: "ppwt"))
        let versions = try #require(ppwt.sections.first { $0.title == "Versions" }).blocks.flatMap(\.spans).map(\.plain).joined()
        #expect(versions.contains("(Date: 'back to 2002' (chapter); '28 June 2002' (footnote 15).)"))
        #expect(!versions.contains("\"'"))
        let quotedEvent = try #require(record.events.first { $0.date != nil && $0.dateWording?.hasPrefix("'") == true })
        let dateField = try #require(record.detail(of: quotedEvent.id)?.fields.first { $0.label == "Date" })
        #expect(dateField.value.map(\.plain).joined().hasSuffix("— \(quotedEvent.dateWording ?? "")"))
        #expect(DetailBuilder.quoted(wording: "in the fifteenth and sixteenth centuries") == "\"in the fifteenth and sixteenth centuries\"")
    }

    @Test("footnote markers lead to their sources, qualified when two works are cited")
    func footnoteLinks() throws {
        let record = try Fixture.record()
        let single = try #require(record.detail(of: "osce-initial-cbms"))
        #expect(single.links.contains(.footnote(id: "chapter-fn-2", label: "[2]")))
        let theme = try #require(record.detail(of: "cbms-before-treaties"))
        #expect(theme.links.contains(.footnote(id: "remarks-fn-2", label: "[2]")))
    }

    @Test("a citation's *…* pairs become italics without their asterisks; an odd count stays text whole")
    func citationItalics() {
        #expect(DetailSpan.citation("UN, *Outer Space Treaty*, 1967") == [.text("UN, "), .emphasis("Outer Space Treaty"), .text(", 1967")])
        #expect(DetailSpan.citation("*A* and *B*") == [.emphasis("A"), .text(" and "), .emphasis("B")])
        #expect(DetailSpan.citation("a ** b") == [.text("a "), .text(" b")])
        #expect(DetailSpan.citation("5 * 3 = 15") == [.text("5 * 3 = 15")])
        #expect(DetailSpan.citation("no italics") == [.text("no italics")])
        #expect(DetailSpan.citation("") == [])
        for text in ["*x*y*z*", "**", "*", "a*b*c", "é *中文* 👍🏽"] {
            let plain = DetailSpan.citation(text).map(\.plain).joined()
            let asterisks = text.filter { $0 == "*" }.count
            #expect(plain == (asterisks % 2 == 0 ? text.filter { $0 != "*" } : text))
        }
    }

    @Test("the shipped record's citations show their titles in italics wherever they appear")
    func shippedCitationItalics() throws {
        let record = try RecordLoader.load(directory: Fixture.shippedRecordDirectory)
        let source = try #require(record.sources.first { $0.citation.filter { $0 == "*" }.count >= 2 })
        let document = try #require(record.detail(of: source.id))
        let citation = try #require(document.sections.first { $0.title == "Citation" })
        let spans = citation.blocks.flatMap(\.spans)
        #expect(spans.contains { if case .emphasis = $0 { return true } else { return false } })
        #expect(!spans.map(\.plain).joined().contains("*"))
        // Where an item lists it among its sources, and in its work's footnotes.
        let citing = try #require(record.allIDs.compactMap(record.item).first {
            $0.sourceIDs.contains(source.id) && $0.kind != .source && $0.kind != .work
        })
        let listed = try #require(record.detail(of: citing.id)?.sections.first { $0.title == "Sources" })
        #expect(listed.blocks.flatMap(\.spans).contains { if case .emphasis = $0 { return true } else { return false } })
    }

    @Test("an event listed in a proposal or a theme keeps the ~ of a date inferred, as the timeline has it")
    func inferredDatesInLists() throws {
        let record = try RecordLoader.load(directory: Fixture.shippedRecordDirectory)
        func markers(_ id: String, _ section: String) throws -> [String: String] {
            let blocks = try #require(record.detail(of: id)?.sections.first { $0.title == section }).blocks
            var byEvent: [String: String] = [:]
            for case .entry(let marker?, let spans) in blocks { if let target = spans.first?.target { byEvent[target] = marker } }
            return byEvent
        }
        let ppwt = try markers("ppwt", "Events")
        #expect(ppwt["abm-treaty-withdrawal"] == "2001~")
        #expect(ppwt["ppwt-working-paper-2002"] == "28 Jun 2002")
        #expect(try markers("cbm-momentum-2010-2012", "Evidence")["cyber-gge-convenes-2012"] == "Aug 2012~")
    }

    @Test("a footnote citing several documents lists them after its citation, each with its symbol, date, title and citation key")
    func footnoteDocuments() throws {
        let record = try RecordLoader.load(directory: Fixture.shippedRecordDirectory)
        let document = try #require(record.detail(of: "meyer-fn-15"))
        #expect(document.sections.map(\.title).prefix(3) == ["Citation", "Documents", "Remark"])
        let lines = try #require(document.sections.first { $0.title == "Documents" }).blocks.map { $0.spans.map(\.plain).joined() }
        #expect(lines == [
            "CD/1679, 28 Jun 2002: Possible Elements of the Future International Legal Instrument on the Prevention of Deployment of Weapons in Outer Space, the Threat or Use of Force Against Outer Space Objects (citation key meyer-fn-15-cd-1679)",
            "CD/1839, 29 Feb 2008 (citation key meyer-fn-15-cd-1839)",
            "CD/1985, 12 Jun 2014: Draft Treaty on the Prevention of the Placement of Weapons in Outer Space, the Threat or Use of Force against Outer Space Objects (citation key meyer-fn-15-cd-1985)",
        ])
        // No symbol: the date opens the line.
        let agreement = try #require(record.detail(of: "pmp-fn-13")?.sections.first { $0.title == "Documents" }).blocks.last
        #expect(agreement?.spans.map(\.plain).joined().hasPrefix("15 Jun 2009: Agreement between the Governments") == true)
        // A footnote citing one document has no such section.
        #expect(record.detail(of: "meyer-fn-12")?.sections.contains { $0.title == "Documents" } == false)
    }

    @Test("a footnote's detail shows what cites it")
    func sourceBacklinks() throws {
        let record = try Fixture.record()
        let document = try #require(record.detail(of: "chapter-fn-1"))
        let citedBy = try #require(document.sections.first { $0.title == "Cited by" })
        #expect(citedBy.blocks.flatMap(\.spans).compactMap(\.target).contains("ppwt"))
    }

    @Test("an event lists the themes it supports")
    func themesOfEvent() throws {
        let record = try Fixture.record()
        let document = try #require(record.detail(of: "osce-initial-cbms"))
        let themes = try #require(document.sections.first { $0.title == "Themes" })
        #expect(themes.blocks.flatMap(\.spans).compactMap(\.target) == ["cbms-before-treaties"])
    }

    @Test("an inferred date is marked and explained")
    func inferredDate() throws {
        let record = try Fixture.record()
        let document = try #require(record.detail(of: "russian-resolutions"))
        #expect(document.fields.first { $0.label == "Date" }?.value == [.text("1998 (inferred)")])
        #expect(document.sections.contains { $0.title == "Date inferred" })
    }

    @Test("a note's lines are its own whatever breaks them: LF, CRLF, CR or U+2028")
    func noteLines() throws {
        let record = try Fixture.record()
        let note = Note(id: "01M7ZS065PFCMRST86R6JDCEC0", target: NoteTarget(item: "ppwt"), body: "one\r\ntwo\nthree\rfour\u{2028}\r\n\tsix",
                        author: "ana", created: NoteTime(millisecondsSince1970: 0))
        let page = try #require(record.detail(of: "ppwt", notes: [note]))
        let section = try #require(page.sections.first { $0.title == "Your note" })
        let lines = section.blocks.compactMap { block -> String? in
            guard case .continuation(let spans) = block else { return nil }
            return spans.map(\.plain).joined()
        }
        #expect(lines == ["one", "two", "three", "four", "", "\tsix"])
    }

    @Test("notes a colleague wrote (a store shared through git) are headed Notes and say whose they are; one's own stay 'Your notes'")
    func notesOfOthers() throws {
        let record = try Fixture.record()
        func note(_ id: String, by author: String) -> Note {
            Note(id: id, target: NoteTarget(item: "ppwt"), body: "by " + author, author: author, created: NoteTime(millisecondsSince1970: 0))
        }
        let ana = note("01M7ZS065PFCMRST86R6JDCEC0", by: "ana"), ben = note("01M7ZS065PFCMRST86R6JDCEC1", by: "ben")
        func headings(_ page: DetailDocument?, _ title: String) -> [String] {
            (page?.sections.first { $0.title == title }?.blocks ?? []).compactMap { block -> String? in
                guard case .entry(_, let spans) = block else { return nil }
                return spans.map(\.plain).joined()
            }
        }
        let shared = record.detail(of: "ppwt", notes: [ana, ben], reader: "ana")
        #expect(shared?.sections.contains { $0.title == "Notes (2)" } == true)
        #expect(headings(shared, "Notes (2)") == ["✎ 1970-01-01", "✎ 1970-01-01 · by ben"])
        #expect(record.detail(of: "ppwt", notes: [ben], reader: "ana")?.sections.contains { $0.title == "Note" } == true)
        #expect(record.detail(of: "ppwt", notes: [ana], reader: "ana")?.sections.contains { $0.title == "Your note" } == true)
        #expect(headings(record.detail(of: "ppwt", notes: [ana], reader: "ana"), "Your note") == ["✎ 1970-01-01"])
        #expect(record.detail(of: "ppwt", notes: [ana, ben])?.sections.contains { $0.title == "Your notes (2)" } == true)
    }

    @Test("an unknown id has no detail, unless notes are on it; a part the record lacks is named by its id, and said not to be in this record")
    func unknown() throws {
        let record = try Fixture.record()
        #expect(record.detail(of: "nothing") == nil)
        let note = Note(id: "01M7ZS065PFCMRST86R6JDCEC0", target: NoteTarget(item: "nothing", element: "e4"), body: "still here", author: "ana",
                        created: NoteTime(millisecondsSince1970: 0))
        let page = try #require(record.detail(of: "nothing", notes: [note]))
        #expect(page.kind == nil && page.kindName == "not in this record")
        #expect(page.sections.map(\.title) == ["Not in this record", "Your note"])
        #expect(page.links.map(\.target) == [note.id])
        #expect(record.label(of: note.target) == "nothing, element e4")
        #expect(record.label(of: NoteTarget(item: "ppwt", version: "1999")) == "PPWT, version 1999 (not in this record)")
        #expect(record.label(of: NoteTarget(item: "ppwt", version: "2008", quote: "gone")).hasSuffix(", quoted text gone (not in this record)"))
    }
}

@Suite("Finding the record")
struct RecordLocatorTests {
    @Test("--record wins over TRAVAUX_RECORD, which wins over the shipped record")
    func precedence() throws {
        let explicit = RecordLocator(explicit: "/a", environment: ["TRAVAUX_RECORD": "/b"], executablePath: nil)
        #expect(try explicit.locate() == "/a")
        let environment = RecordLocator(explicit: nil, environment: ["TRAVAUX_RECORD": "/b"], executablePath: nil)
        #expect(try environment.locate() == "/b")
    }

    @Test("an installed binary finds share/travaux/record beside its bin directory")
    func installedLayout() throws {
        let prefix = try Fixture.temporaryDirectory()
        try FileManager.default.createDirectory(atPath: prefix + "/share/travaux", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Fixture.recordDirectory, toPath: prefix + "/share/travaux/record")
        let locator = RecordLocator(explicit: nil, environment: [:], executablePath: prefix + "/bin/travaux")
        #expect(try locator.locate() == prefix + "/share/travaux/record")
    }

    @Test("a binary built in a checkout finds Data/record at the top")
    func checkoutLayout() throws {
        let top = try Fixture.temporaryDirectory()
        try FileManager.default.createDirectory(atPath: top + "/Data", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Fixture.recordDirectory, toPath: top + "/Data/record")
        let locator = RecordLocator(explicit: nil, environment: [:], executablePath: top + "/.build/x86_64-unknown-linux-gnu/debug/travaux")
        #expect(try locator.locate() == top + "/Data/record")
    }

    @Test("no record anywhere says where it looked and what to do")
    func notFound() {
        let locator = RecordLocator(explicit: nil, environment: ["XDG_DATA_DIRS": "/nonexistent", "HOME": "/nonexistent"],
                                    executablePath: "/nonexistent/bin/travaux")
        #expect(throws: RecordLocator.Failure.self) { try locator.locate() }
    }
}
