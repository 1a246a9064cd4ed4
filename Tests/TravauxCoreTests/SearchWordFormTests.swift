import Testing
@testable import TravauxCore
import TravauxTestSupport

/// What a researcher types is rarely the form the record has: a plural, the other side of
/// the Atlantic's spelling, a verb's form, a compound in one word or two, a date.
@Suite("Search: word forms and dates")
struct SearchWordFormTests {
    let shipped: SearchIndex

    init() throws {
        shipped = SearchIndex(record: try ExportFixture.shippedRecord())
    }

    func ids(_ query: String, kinds: Set<ItemKind>? = nil) -> [String] {
        shipped.search(query, kinds: kinds, limit: 500).map(\.id)
    }

    @Test("a plural finds what the record writes in the singular, as the singular finds the plural")
    func plurals() {
        #expect(Set(ids("codes of conduct")) == Set(ids("code of conduct")))
        #expect(ids("codes of conduct").prefix(2) == ["eu-space-code", "sino-russian-code"])
        let asat = ids("anti-satellite weapons", kinds: [.event])
        #expect(asat.contains("china-asat-test-2007") && asat.contains("us-asat-test-2008"), "\(asat)")
        #expect(ids("ASAT tests", kinds: [.event]).contains("china-asat-test-2007"))
        #expect(ids("expert groups").contains("space-tcbm-gge"))
    }

    @Test("-ise and -ize are one word, as is a verb's -ing or -ed form and its stem")
    func spellingsAndStems() {
        #expect(!ids("weaponization").isEmpty)
        #expect(ids("weaponization") == ids("weaponisation"))
        #expect(ids("weaponiz") == ids("weaponis"))
        #expect(ids("verifying").contains("similarity-verification-difficulty"))
    }

    @Test("cyber compounds match written as one word or two")
    func cyberCompounds() {
        let joined = Set(ids("cybersecurity")), apart = Set(ids("cyber security"))
        #expect(joined == apart)
        #expect(joined.contains("tikk-ten-rules"))
        // "space" alone does not find cyberspace: only the query is varied.
        #expect(!ids("space", kinds: [.proposal]).contains("tikk-ten-rules"))
    }

    @Test("a year finds the events of that year before texts that merely mention it; a day finds its event in every form")
    func dates() throws {
        let hits = shipped.search("2014", limit: 20)
        let eventsOf2014 = ["ppwt-revision-2014", "no-first-placement-resolution-2014", "paros-resolution-2014",
                            "gge-mandate-resolution-68-243", "eu-first-committee-statement-2014"]
        for id in eventsOf2014 {
            let hit = try #require(hits.first { $0.id == id }, "\(id) not in the first 20")
            #expect(hit.field == "date")
        }
        let firstFootnote = try #require(hits.firstIndex { $0.kind == .source })
        #expect(eventsOf2014.allSatisfy { id in hits.firstIndex { $0.id == id }.map { $0 < firstFootnote } ?? false })
        for query in ["2013-12-03", "3 December 2013", "3 Dec 2013", "december 2013"] {
            #expect(ids(query, kinds: [.event]).first == "osce-cbms-adopted-2013", "\(query)")
        }
    }

    @Test("word forms", arguments: [
        ("policies", ["policy"]), ("processes", ["process", "processe"]), ("weapons", ["weapon"]),
        ("verified", ["verify"]), ("negotiating", ["negotiat", "negotiate"]), ("banned", ["bann", "banne", "ban"]),
        ("status", []), ("analysis", []), ("bus", []),
    ])
    func stems(_ word: String, _ expected: [String]) {
        #expect(WordForms.stems(of: word) == expected)
    }

    @Test("-ise and -ize swap in the endings they share and at the end of a word being typed (crisis is only looked up in vain as crisiz)", arguments: [
        ("weaponization", "weaponisation"), ("recognised", "recognized"), ("weaponiz", "weaponis"),
        ("crisis", "crisiz"), ("precise", "precize"), ("isis", nil), ("cyber", nil), ("missiles", nil),
    ])
    func otherSpelling(_ word: String, _ expected: String?) {
        #expect(WordForms.otherSpelling(of: word) == expected)
    }
}
