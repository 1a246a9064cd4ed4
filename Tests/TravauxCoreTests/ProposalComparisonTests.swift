import Foundation
import Testing
@testable import TravauxCore

@Suite("Comparing two versions of a proposal")
struct ProposalComparisonTests {
    let record: Record

    init() throws {
        record = try RecordLoader.load(directory: Fixture.shippedRecordDirectory)
    }

    func proposal(_ id: String) throws -> Proposal {
        guard case .proposal(let proposal)? = record.item(id) else { throw ComparisonTestError.notAProposal(id) }
        return proposal
    }

    enum ComparisonTestError: Error { case notAProposal(String) }

    func deleted(_ diff: TextDiff?) -> [String] { diff?.pieces.filter { $0.operation == .delete }.map(\.text) ?? [] }
    func inserted(_ diff: TextDiff?) -> [String] { diff?.pieces.filter { $0.operation == .insert }.map(\.text) ?? [] }
    func kept(_ diff: TextDiff?) -> [String] { diff?.pieces.filter { $0.operation == .equal }.map(\.text) ?? [] }

    @Test("the 2011 and 2015 codes of conduct: the key commitment diffed word by word")
    func codeOfConductCommitments() throws {
        let comparison = try proposal("sino-russian-code").comparison()
        #expect(comparison.from.id == "2011")
        #expect(comparison.to.id == "2015")
        let commitment = try #require(comparison.quotes.first)
        #expect(commitment.key == "commitment")
        #expect(commitment.change == .reworded)
        #expect(commitment.from?.id == "commitment-2011")
        #expect(commitment.to?.id == "commitment-2015")
        let diff = try #require(commitment.diff)
        // The arms-control core goes; the general formula comes; the frame stays.
        #expect(kept(diff).first == "not to use ")
        #expect(kept(diff).contains(" to carry out "))
        #expect(kept(diff).last == " international peace and security")
        #expect(deleted(diff).contains { $0.contains("hostile") })
        #expect(deleted(diff).contains { $0.contains("acts of aggression, pose threats") })
        #expect(deleted(diff).last == " or proliferate information weapons or related technologies")
        #expect(inserted(diff).contains { $0.contains("which run counter") && $0.contains("the task of maintaining") })
        #expect(deleted(diff).first == "Information")
        #expect(inserted(diff).first == "information")
        #expect(inserted(diff)[1] == "communications technologies and information and communications")
        // The diff is exact: it turns one commitment into the other.
        let quotes = try (#require(commitment.from?.text), #require(commitment.to?.text))
        #expect(diff.apply(to: quotes.0) == quotes.1)
        #expect(diff.reversed.apply(to: quotes.1) == quotes.0)
    }

    @Test("the code of conduct's fields: two new sponsors, new symbol, date and status; the rest inherited alike")
    func codeOfConductFields() throws {
        let comparison = try proposal("sino-russian-code").comparison()
        let fields = Dictionary(uniqueKeysWithValues: comparison.fields.map { ($0.field, $0) })
        #expect(fields[.sponsors]?.added == ["kazakhstan", "kyrgyzstan"])
        #expect(fields[.sponsors]?.removed == [])
        #expect(fields[.symbols]?.from == ["A/66/359"])
        #expect(fields[.symbols]?.to == ["A/69/723"])
        #expect(fields[.date]?.from == ["2011-09-14"])
        #expect(fields[.date]?.to == ["2015-01-13"])
        #expect(fields[.status]?.from == ["Circulated"])
        #expect(fields[.legalCharacter] == nil)
        // The record's account of the revision, verbatim.
        #expect(comparison.changes.map(\.version) == ["2015"])
        #expect(comparison.changes.first?.text.hasPrefix("Drops the arms-control core") == true)
        // Quotes without a counterpart are listed on their side, and are not changes: the
        // chapter quotes the 2011 title and an ambassador's speech, and says nothing of 2015's.
        #expect(comparison.quotes.filter { $0.change == .fromOnly }.compactMap(\.from?.id) == ["title", "wang-qun"])
        #expect(comparison.quotes.filter { $0.change == .toOnly }.compactMap(\.to?.id) == ["content"])
        #expect(comparison.pairedQuotes.map(\.key) == ["commitment"])
        #expect(comparison.oneSidedQuotes.count == 3)
    }

    @Test("PPWT 2002 to 2014: every version's account in between, the legal character the proposal gives the drafts")
    func ppwtAcrossThreeVersions() throws {
        let ppwt = try proposal("ppwt")
        let comparison = try ppwt.comparison()
        #expect(comparison.from.id == "2002-working-paper")
        #expect(comparison.to.id == "2014-revision")
        #expect(comparison.changes.map(\.version) == ["2008-draft", "2014-revision"])
        let character = try #require(comparison.fields.first { $0.field == .legalCharacter })
        #expect(character.from == ["unspecified"])
        #expect(character.to == ["legally-binding"])
        let title = try #require(comparison.quotes.first)
        #expect(title.key == "title")
        #expect(deleted(title.diff) == ["Possible Elements of the Future International Legal Instrument", "Deployment", "Against"])
        #expect(inserted(title.diff) == ["Draft Treaty", "the Placement", "against"])
        // Adjacent versions: only the later one's account.
        let step = try ppwt.comparison(from: "2008-draft", to: "2014-revision")
        #expect(step.changes.map(\.version) == ["2014-revision"])
        #expect(step.fields.map(\.field).contains(.legalCharacter) == false)
    }

    @Test("by default a comparison starts at the first version with a quoted text, a date or a symbol, and ends at the last")
    func defaultStart() throws {
        let reports = try proposal("cyber-gge-reports")
        #expect(reports.versions.first?.id == "first-group")
        let comparison = try reports.comparison()
        #expect((comparison.from.id, comparison.to.id) == ("2010", "2015"))
        // Up to the first with something, from the one before it.
        #expect(try reports.comparison(to: "2010").from.id == "first-group")
        #expect(try reports.comparison(from: "first-group").from.id == "first-group")
        #expect(try proposal("ppwt").comparison().from.id == "2002-working-paper")
        // With nothing in any but the last, the first it is.
        var bare = reports
        bare.versions = reports.versions.map { version in
            var version = version
            version.quotes = []; version.date = nil; version.symbols = []
            return version
        }
        #expect(bare.defaultComparisonStart?.id == "first-group")
    }

    @Test("the expert-group reports: each report's recommendations are its own")
    func expertGroupElements() throws {
        let comparison = try proposal("cyber-gge-reports").comparison(from: "2013", to: "2015")
        #expect(comparison.elements.filter { $0.change == .removed }.map(\.number) == ["2013 (a)", "2013 (b)", "2013 (c)"])
        #expect(comparison.elements.filter { $0.change == .added }.map(\.number) == ["2015 (a)", "2015 (b)"])
        #expect(comparison.unchangedElements.isEmpty)
        // The 2014 mandate was added to the one the 2013 group had, not written over it.
        let mandate = try #require(comparison.quotes.first { $0.key == "mandate" })
        #expect(mandate.from?.id == "mandate-2011")
        #expect(mandate.to == nil)
        let added = try #require(comparison.quotes.first { $0.key == "mandate-added" })
        #expect(added.from == nil)
        #expect(added.to?.id == "mandate-added-2014")
    }

    @Test("a version without a status of its own has none, unless it is the last, whose status is the proposal's now")
    func statusIsNotInheritedBackwards() throws {
        func status(_ id: String, from: String, to: String) throws -> FieldChange? {
            try proposal(id).comparison(from: from, to: to).fields.first { $0.field == .status }
        }
        // The EU Code's 2010 text is not "after the July 2015 New York session".
        let eu = try #require(try status("eu-space-code", from: "2010", to: "2014"))
        #expect(eu.from == [] && eu.to == ["Draft under consultation"])
        #expect(try status("eu-space-code", from: "2010", to: "2012") == nil)
        let russian = try #require(try status("russian-cyber-treaty-resolutions", from: "1998", to: "last"))
        #expect(russian.from == [])
        #expect(russian.to == [try proposal("russian-cyber-treaty-resolutions").status])
    }

    @Test("elements every version holds are unchanged; the OSCE's measures arrive with the adopted set")
    func elementsHeldByAll() throws {
        let eu = try proposal("eu-space-code").comparison()
        #expect(eu.elements.isEmpty)
        // "point of contact" is quoted of 2008 alone, yet the element is in both: no contradiction,
        // since a quote of one version only is not a change.
        #expect(eu.quotes.first { $0.key == "point-of-contact" }?.change == .fromOnly)
        #expect(eu.unchangedElements == ["information-exchange", "biennial-meetings", "point-of-contact", "consultations"])
        let osce = try proposal("osce-cyber-cbms").comparison()
        #expect(osce.from.id == "2012-mandate")
        #expect(osce.elements.map(\.change) == [.added, .added])
    }

    @Test("quotes of one version alone leave a comparison empty of differences; a reworded one does not")
    func oneSidedQuotesAreNoDifference() throws {
        var comparison = try proposal("eu-space-code").comparison()
        comparison.fields = []
        let reworded = comparison.pairedQuotes
        #expect(reworded.map(\.change) == [.reworded])
        comparison.quotes = comparison.oneSidedQuotes
        #expect(comparison.quotes.map(\.change) == [.fromOnly, .fromOnly, .toOnly, .toOnly])
        #expect(comparison.isEmpty)
        comparison.quotes += reworded
        #expect(!comparison.isEmpty)
    }

    @Test("elements of the same number held by one version each are compared as reworded")
    func rewordedElement() throws {
        let json = #"""
        {"id": "p", "title": "P", "domain": "space", "type": "treaty", "legalCharacter": "unspecified",
         "status": "s", "summary": "s",
         "versions": [{"id": "a", "label": "A", "date": "2001", "changes": "first"},
                      {"id": "b", "label": "B", "date": "2002", "changes": "second", "legalCharacter": "legally-binding"}],
         "elements": [{"id": "art1-a", "number": "1", "text": "No weapons in orbit.", "quote": "not to place weapons", "versions": ["a"]},
                      {"id": "art1-b", "number": "1", "text": "No weapons in orbit or on celestial bodies.", "quote": "not to place any weapons", "versions": ["b"]},
                      {"id": "art2", "number": "2", "text": "Same in both."},
                      {"id": "art3-b", "number": "3", "text": "Verification later.", "versions": ["b"]}]}
        """#
        let proposal = try JSONDecoder().decode(Proposal.self, from: Data(json.utf8))
        let comparison = try proposal.comparison()
        #expect(comparison.unchangedElements == ["art2"])
        let reworded = try #require(comparison.elements.first)
        #expect(reworded.change == .reworded)
        #expect(reworded.textDiff?.pieces == [.init(.equal, "No weapons in orbit"), .init(.insert, " or on celestial bodies"), .init(.equal, ".")])
        #expect(inserted(reworded.quoteDiff) == ["any "])
        #expect(comparison.elements.last?.change == .added)
        #expect(comparison.elements.last?.to?.id == "art3-b")
        // The last version takes the proposal's status, the state it is in now; the first has none.
        #expect(comparison.fields.map(\.field) == [.date, .legalCharacter, .status])
        // Backwards, additions become removals.
        let backwards = try proposal.comparison(from: "b", to: "a")
        #expect(backwards.elements.last?.change == .removed)
        #expect(backwards.changes.map(\.version) == ["b"])
    }

    @Test("quotes pair by their id without a trailing year")
    func pairingKeys() {
        #expect(QuoteComparison.pairingKey("commitment-2011") == "commitment")
        #expect(QuoteComparison.pairingKey("title-2014") == "title")
        #expect(QuoteComparison.pairingKey("title") == "title")
        #expect(QuoteComparison.pairingKey("2011") == "2011")
        #expect(QuoteComparison.pairingKey("measures-201") == "measures-201")
        #expect(QuoteComparison.pairingKey("ppwt-2008-draft") == "ppwt-2008-draft")
    }

    @Test("a proposal with one version, an unknown version and the same version twice are refused")
    func refusals() throws {
        #expect(throws: VersionChoiceError.singleVersion(proposal: "outer-space-treaty")) { try proposal("outer-space-treaty").comparison() }
        let code = try proposal("sino-russian-code")
        #expect(throws: VersionChoiceError.unknownVersion("2012", proposal: "sino-russian-code", versions: ["2011", "2015"])) {
            try code.comparison(from: "2012")
        }
        #expect(throws: VersionChoiceError.sameVersion("2015", proposal: "sino-russian-code", versions: ["2011", "2015"])) {
            try code.comparison(from: "2015")
        }
        #expect(VersionChoiceError.unknownVersion("2012", proposal: "sino-russian-code", versions: ["2011", "2015"]).description
                == "no version '2012' of 'sino-russian-code'; its versions are 2011, 2015")
    }

    @Test("every proposal with two versions or more compares with itself in every order")
    func everyPairOfTheShippedRecord() throws {
        for proposal in record.proposals where proposal.versions.count > 1 {
            for from in proposal.versions {
                for to in proposal.versions where to.id != from.id {
                    let comparison = try proposal.comparison(from: from.id, to: to.id)
                    #expect(!comparison.changes.isEmpty)
                    for quote in comparison.quotes {
                        if let diff = quote.diff, let old = quote.from?.text, let new = quote.to?.text {
                            #expect(diff.apply(to: old) == new)
                        }
                    }
                }
            }
        }
    }

    @Test("the JSON form carries the sides, fields with what was added and removed, and the diffs")
    func json() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(try proposal("sino-russian-code").comparison())
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["id"] as? String == "sino-russian-code")
        #expect(object["kind"] as? String == "comparison")
        #expect((object["from"] as? [String: Any])?["date"] as? String == "2011-09-14")
        let fields = try #require(object["fields"] as? [[String: Any]])
        let sponsors = try #require(fields.first { $0["field"] as? String == "sponsors" })
        #expect(sponsors["added"] as? [String] == ["kazakhstan", "kyrgyzstan"])
        let status = try #require(fields.first { $0["field"] as? String == "status" })
        #expect(status["from"] as? String == "Circulated")
        let quote = try #require((object["quotes"] as? [[String: Any]])?.first)
        let pieces = try #require((quote["diff"] as? [String: Any])?["pieces"] as? [[String: Any]])
        #expect(pieces.first?["op"] as? String == "equal")
    }
}
