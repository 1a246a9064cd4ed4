import Foundation
import Testing
@testable import TravauxCore
import TravauxTestSupport

@Suite("Search")
struct SearchTests {
    let index: SearchIndex

    init() throws {
        index = SearchIndex(record: try Fixture.record())
    }

    @Test("a document symbol typed as-is finds the item carrying it first", arguments: [
        ("CD/1839", "ppwt"), ("cd/1985", "ppwt"), ("PC.DEC/1106", "osce-cbms"), ("A/53/70", "remarks-fn-2"),
    ])
    func symbolFirst(_ query: String, _ expected: String) {
        #expect(index.search(query).first?.id == expected)
    }

    @Test("every field name search --json may give is among those docs/cli.md lists")
    func fieldNamesDocumented() throws {
        let record = try RecordLoader.load(directory: Fixture.shippedRecordDirectory)
        let names = Set(record.allIDs.compactMap(record.item).flatMap { $0.searchFields.map(\.name) })
        let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("docs/cli.md")
        let text = try String(contentsOf: docs, encoding: .utf8)
        let listed = try #require(text.range(of: "`field` is a word a reader is shown").map { String(text[$0.upperBound...].prefix(600)) })
        #expect(names.count >= 15)
        for name in names { #expect(listed.contains("`\(name)`"), "\(name)") }
    }

    @Test("any limit is taken, the largest too, and gives every match")
    func anyLimit() {
        let all = index.search("the", limit: 10_000)
        #expect(!all.isEmpty)
        #expect(index.search("the", limit: Int.max) == all)
        #expect(index.search("the", limit: Int.max / 2) == all)
    }

    @Test("a work is found by the abbreviation its footnote markers show, and a footnote by its marker ([Meyer 3])")
    func workAbbreviation() throws {
        let shipped = SearchIndex(record: try ExportFixture.shippedRecord())
        let hit = try #require(shipped.search("meyer", limit: 20).first { $0.id == "meyer-chapter" })
        #expect(hit.field == "short name" || hit.field == "author", "\(hit)")
        #expect(shipped.search("PMP", limit: 5).contains { $0.id == "pmp-remarks" && $0.field == "short name" })
        // A footnote as its marker shows it, first among the others of its work.
        let marker = shipped.search("PMP 3", limit: 5)
        #expect(marker.first?.id == "pmp-fn-3" && marker.first?.field == "marker", "\(marker)")
        #expect(shipped.search("Meyer 3", limit: 5).first?.id == "meyer-fn-3")
        #expect(shipped.search("pmp", kinds: [.source], limit: 5).count == 5)
    }

    @Test("events and proposals carrying a symbol rank before the footnotes citing it")
    func symbolItemsBeforeSources() {
        let ids = index.search("PC.DEC/1106").map(\.id)
        #expect(ids.firstIndex(of: "osce-initial-cbms")! < ids.firstIndex(of: "chapter-fn-2")!)
    }

    @Test("after the items carrying a symbol come those that mention it in their text")
    func symbolMentions() throws {
        let shipped = SearchIndex(record: try ExportFixture.shippedRecord())
        #expect(shipped.search("PC.DEC/1106").map(\.id) == ["osce-cyber-cbms", "osce-cbms-adopted-2013", "meyer-fn-36", "osce-permanent-council"])
        #expect(shipped.search("A/68/189").map(\.id) == ["space-tcbm-gge", "space-gge-report-2013", "meyer-fn-22", "meyer-fn-23", "un-gge-space"])
        #expect(shipped.search("PC.DEC/1106", kinds: [.forum]).map(\.id) == ["osce-permanent-council"])
        // Only what holds the symbol as written: not A/RES/65/68 or "2011" for A/65/201.
        #expect(shipped.search("A/65/201").map(\.id) == ["cyber-gge-reports", "cyber-gge-report-2010", "meyer-fn-29", "pmp-fn-8"])
        // A phrase's hit names the field the phrase is in.
        #expect(shipped.search("\"the year before\"").map(\.field) == ["changes", "date"])
    }

    @Test("an item whose name, title or alias is the query comes first, the query quoted or not", arguments: [
        ("Russia", "russia"), ("osce", "osce"), ("General Assembly", "un-general-assembly"), ("EU", "eu"),
        ("outer space treaty", "outer-space-treaty"),
        ("\"OSCE\"", "osce"), ("\"Russia\"", "russia"), ("“Conference on Disarmament”", "conference-on-disarmament"),
    ])
    func exactNameFirst(_ query: String, _ expected: String) throws {
        let shipped = SearchIndex(record: try ExportFixture.shippedRecord())
        #expect(shipped.search(query).first?.id == expected)
    }

    @Test("a limit far below the matches lists the same first hits as the whole ranking, with kinds and phrases too")
    func limitedRanking() throws {
        let shipped = SearchIndex(record: try ExportFixture.shippedRecord())
        for query in ["c", "s", "outer", "un", "\"outer space\""] {
            let all = shipped.search(query, limit: 10_000)
            #expect(all.count > 12, "\(query)")
            for limit in [1, 2, 3] {
                #expect(shipped.search(query, limit: limit).map(\.id) == all.prefix(limit).map(\.id), "\(query) \(limit)")
            }
            // Kinds that leave few of the best: the rest of the ranking is walked, in order.
            let sources = shipped.search(query, kinds: [.source], limit: 10_000)
            #expect(shipped.search(query, kinds: [.source], limit: 2).map(\.id) == sources.prefix(2).map(\.id), "\(query)")
        }
        var generator = SystemRandomNumberGenerator()
        for count in [0, 1, 5, 50, 500] {
            let keys = (0..<count).map { _ in UInt64.random(in: 0..<1_000, using: &generator) << 32 | UInt64.random(in: 0..<UInt64(UInt32.max), using: &generator) }
            for wanted in [1, 3, 10] {
                #expect(SearchIndex.smallest(keys, count: wanted) == Array(keys.sorted().prefix(wanted)))
            }
        }
    }

    @Test("a symbol prefix finds symbols while typing: the items carrying one it begins, each hit on its symbol")
    func symbolPrefix() throws {
        #expect(index.search("A/65").map(\.id).contains("remarks-fn-2"))
        let shipped = SearchIndex(record: try ExportFixture.shippedRecord())
        let hits = shipped.search("A/68/18")
        // Carriers of A/68/189 only: an "Ibid." and the forum that only mention it in their
        // text come once the symbol is whole (above), not for its first letters.
        #expect(hits.map(\.id) == ["space-tcbm-gge", "space-gge-report-2013", "meyer-fn-22"])
        #expect(hits.allSatisfy { $0.field == "symbol" && $0.text.hasPrefix("A/68/18") }, "\(hits.map { ($0.field, $0.text) })")
    }

    @Test("the last word matches as a prefix for search as you type")
    func prefixMatching() {
        #expect(index.search("confid").map(\.id).contains("osce-cbms"))
        #expect(index.search("placem").first?.id == "ppwt")
    }

    @Test("a word of one or two letters being typed ranks whole words before the words it begins")
    func shortWords() throws {
        let shipped = SearchIndex(record: try RecordLoader.load(directory: Fixture.shippedRecordDirectory))
        let us = shipped.search("US", limit: 500).map(\.id)
        // "The US decided to abrogate…" (summaries) before "…the Threat or Use of Force" (titles).
        for whole in ["abm-treaty-withdrawal", "us-asat-test-2008"] {
            for begun in ["outer-space-treaty", "osce-cyber-cbms"] {
                let wholeAt = try #require(us.firstIndex(of: whole)), begunAt = try #require(us.firstIndex(of: begun))
                #expect(wholeAt < begunAt, "\(whole) \(begun)")
            }
        }
        // Still search as you type: the words it begins are found, titles and names first.
        let p = shipped.search("p", limit: 500)
        #expect(p.count > 20)
        #expect(["title", "short name", "alias", "name"].contains(p.first?.field ?? ""))
        #expect(p.prefix(10).allSatisfy { $0.kind != .source }, "\(p.prefix(10).map(\.id))")
    }

    @Test("case and diacritics do not matter", arguments: ["Touré", "toure", "TOURE", "tour"])
    func diacriticInsensitive(_ query: String) {
        #expect(index.search(query).first?.id == "toure")
    }

    @Test("an alias finds its actor")
    func aliases() {
        #expect(index.search("russian federation").first?.id == "russia")
    }

    @Test("a title match ranks above a summary match")
    func titleBeforeSummary() {
        let hits = index.search("draft")
        let titleHit = hits.firstIndex { $0.id == "ppwt-2008-draft" }
        let summaryOnly = hits.firstIndex { $0.id == "russian-resolutions" }
        #expect(titleHit != nil)
        if let summaryOnly, let titleHit { #expect(titleHit < summaryOnly) }
    }

    @Test("every word must match")
    func allWordsMustMatch() {
        #expect(index.search("osce verification").isEmpty)
        #expect(index.search("osce measures").map(\.id) == ["osce-cbms", "osce-initial-cbms"])
    }

    @Test("a quoted phrase must appear as written")
    func phrase() {
        #expect(index.search(#""objects carrying any kinds""#).first?.id == "ppwt")
        #expect(index.search(#""kinds carrying objects""#).isEmpty)
    }

    @Test("quoted texts are searchable and the hit says where the match was")
    func quoteField() throws {
        let hit = try #require(index.search("orbit around the earth").first)
        #expect(hit.id == "ppwt")
    }

    @Test("an event's type is searched, as the reader shows it: 'ASAT' finds both tests, China's too, whose text never says ASAT")
    func eventType() throws {
        let shipped = SearchIndex(record: try ExportFixture.shippedRecord())
        let events = shipped.search("ASAT", kinds: [.event])
        #expect(events.contains { $0.id == "china-asat-test-2007" && $0.field == "type" })
        #expect(events.contains { $0.id == "us-asat-test-2008" })
    }

    @Test("a URL finds its footnote")
    func url() {
        #expect(index.search("http://www.osce.org/pc/109168?download=true").first?.id == "chapter-fn-2")
    }

    @Test("results can be limited to one kind")
    func kindFilter() {
        let hits = index.search("osce", kinds: [.forum])
        #expect(hits.map(\.id) == ["osce"])
    }

    @Test("an empty or blank query finds nothing")
    func emptyQuery() {
        #expect(index.search("").isEmpty)
        #expect(index.search("   ").isEmpty)
        #expect(index.search("!!").isEmpty)
    }

    @Test("Chinese and Japanese, written without spaces, are found inside a longer run, and only as typed")
    func unspacedScripts() throws {
        let record = try Fixture.record().changingEvents { events in
            events[0].title = "关于和平利用外层空间的决议"
            events[1].summary = "情報セキュリティに関する国連の議論 PPWT草案"
        }
        let events = record.events
        let index = SearchIndex(record: record)
        let outerSpace = try #require(index.search("外层").first)
        #expect(outerSpace.id == events[0].id && outerSpace.field == "title")
        #expect(index.search("外层空间").map(\.id) == [events[0].id])
        // The same ideographs apart, or in another order, are not the run typed.
        #expect(index.search("层外").isEmpty)
        #expect(index.search("利用 空间").map(\.id) == [events[0].id], "words apart match anywhere, as Latin words do")
        #expect(index.search("セキュリティ").map(\.id) == [events[1].id])
        #expect(index.search("草案 ppwt").map(\.id).contains(events[1].id))
        #expect(index.search("国連の議").first?.field == "summary")
    }

    @Test("the limit caps the results")
    func limit() {
        #expect(index.search("o", limit: 2).count <= 2)
    }
}

@Suite("Text folding")
struct TextFoldingTests {
    @Test("folding lowers case, drops accents and plains quotes and dashes")
    func folds() {
        #expect(TextFolding.fold("Résumé – Ürümqi") == "resume - urumqi")
        #expect(TextFolding.fold("Œuvre ß ‘quoted’") == "oeuvre ss 'quoted'")
        #expect(TextFolding.fold("e\u{301}te\u{301}") == "ete")
        // Vietnamese and Greek, precomposed or not.
        #expect(TextFolding.fold("Nguyễn Phước") == "nguyen phuoc")
        #expect(TextFolding.fold("Ελλάδα Ἀθῆναι") == "ελλαδα αθηναι")
        #expect(TextFolding.fold("Ελλα\u{301}δα") == "ελλαδα")
    }

    @Test("words split on anything but letters and digits")
    func words() {
        #expect(TextFolding.words("A/RES/69/31").map(String.init) == ["a", "res", "69", "31"])
        #expect(TextFolding.words("Sino-Russian Code").map(String.init) == ["sino", "russian", "code"])
    }
}

@Suite("Suggestions for unknown ids")
struct IDSuggestionTests {
    @Test("a near miss suggests the nearest ids")
    func nearest() {
        let ids = ["ppwt", "ppwt-2008-draft", "osce", "russia"]
        #expect(IDSuggestion.nearest(to: "pwt", among: ids).first == "ppwt")
        #expect(IDSuggestion.nearest(to: "rusia", among: ids) == ["russia"])
        #expect(IDSuggestion.nearest(to: "zzzzzzzz", among: ids).isEmpty)
    }

    @Test("one or two letters suggest what they begin, or one slip away for two, not every id they are in or near")
    func shortQueries() {
        let tags = ["cbms", "norms", "ttx", "un", "eu", "asat"]
        #expect(IDSuggestion.nearest(to: "s", among: tags).isEmpty, "inside most tags, and two edits from any short one")
        #expect(IDSuggestion.nearest(to: "x", among: tags).isEmpty)
        #expect(IDSuggestion.nearest(to: "n", among: tags) == ["norms"])
        #expect(IDSuggestion.nearest(to: "ms", among: tags).isEmpty, "the end of two tags is no spelling of either")
        #expect(IDSuggestion.nearest(to: "nu", among: tags) == ["eu", "un"], "two neighbours swapped, or one letter changed")
        #expect(IDSuggestion.nearest(to: "ub", among: tags) == ["un"])
        #expect(IDSuggestion.nearest(to: "rms", among: tags).first == "norms", "three letters may be inside")
        #expect(IDSuggestion.nearest(to: "tx", among: tags) == ["ttx"])
    }

    @Test("two neighbouring letters swapped are one edit, so a short field name typed so is still suggested")
    func transposition() {
        func distance(_ a: String, _ b: String) -> Int { IDSuggestion.editDistance(Array(a.unicodeScalars), Array(b.unicodeScalars)) }
        #expect(distance("titel", "title") == 1 && distance("tpye", "type") == 1 && distance("wrok", "work") == 1)
        #expect(distance("kitten", "sitting") == 3 && distance("", "abc") == 3 && distance("abc", "") == 3 && distance("ca", "abc") == 3)
        #expect(distance("same", "same") == 0 && distance("ab", "ba") == 1 && distance("abcd", "badc") == 2)
        let fields = ["id", "title", "type", "work", "summary"]
        #expect(IDSuggestion.nearest(to: "titel", among: fields, fewestEdits: 1) == ["title"])
        #expect(IDSuggestion.nearest(to: "wrok", among: fields, fewestEdits: 1) == ["work"])
        #expect(IDSuggestion.nearest(to: "zz", among: fields, fewestEdits: 1).isEmpty)
    }

    @Test("ids a word starts or is part of are all offered; of the misspellings, only the nearest")
    func completionsAndNearest() {
        #expect(IDSuggestion.nearest(to: "grotius", among: ["grotius-maritime-order", "hugo-grotius", "russia"]) == ["grotius-maritime-order", "hugo-grotius"])
        #expect(IDSuggestion.nearest(to: "toure", among: ["toure-global-cyber-treaty-call-2010", "hamadoun-toure"]) == ["toure-global-cyber-treaty-call-2010", "hamadoun-toure"])
        #expect(IDSuggestion.nearest(to: "tme", among: ["item", "time"]) == ["time"])
        #expect(IDSuggestion.nearest(to: "wording", among: ["dateWording", "title"]) == ["dateWording"], "in any case")
    }
}

@Suite("Document symbols")
struct DocumentSymbolTests {
    @Test("symbols as the texts print them are accepted", arguments: [
        "CD/1985", "A/RES/69/31", "PC.DEC/1106", "WSIS-03/GENEVA/DOC/4-E", "A/66/152 Add.1", "DCO/79(2011)", "A/Res/66/24", "GA/DIS/3511",
    ])
    func accepted(_ symbol: String) {
        #expect(RecordValidator.isDocumentSymbol(symbol))
    }

    @Test("text that is not a symbol is rejected", arguments: ["CD 1985", "cd/1985", "/1985", "CD/", "CD//1", "CD/1985 ", "A/66  Add.1", "1985"])
    func rejected(_ symbol: String) {
        #expect(!RecordValidator.isDocumentSymbol(symbol))
    }
}

@Suite("Suggestions rank near misses of long ids")
struct LongIDSuggestionTests {
    @Test("a misspelt long id suggests itself before a short id it contains")
    func longID() {
        let ids = ["un", "un-general-assembly", "osce"]
        #expect(IDSuggestion.nearest(to: "un-general-asembly", among: ids).first == "un-general-assembly")
    }
}
