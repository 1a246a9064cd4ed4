import Foundation
import Testing
import TravauxCore
import TravauxTestSupport

@Suite("travaux compare, run as a real process on the shipped record")
struct CompareCommandTests {
    static let shippedRecord = TestFiles.shippedRecord

    func compare(_ arguments: [String], environment: [String: String] = [:]) throws -> CLIProcess.Result {
        try CLIProcess.run(["compare"] + arguments + ["--record", Self.shippedRecord], environment: environment)
    }

    /// The output with its wrapping undone, so a phrase split across lines is found whole.
    func unwrapped(_ text: String) -> String {
        text.replacingOccurrences(of: "\n  ", with: " ")
    }

    @Test("the 2011 and 2015 codes of conduct: the commitment's changed words, the fields, the record's account")
    func codeOfConduct() throws {
        let result = try compare(["sino-russian-code"])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        let text = unwrapped(result.stdout)
        #expect(result.stdout.hasPrefix("International Code of Conduct for Information Security\n"))
        #expect(text.contains("From: 2011 · Draft code of 2011 (A/66/359) · 14 Sep 2011"))
        #expect(text.contains("To:   2015 · Revised code of 2015 (A/69/723) · 13 Jan 2015"))
        #expect(text.contains("Drops the arms-control core"))
        #expect(text.contains("Sponsors:  China, Russian Federation, Tajikistan, Uzbekistan, {+Kazakhstan+}, {+Kyrgyzstan+}"))
        #expect(text.contains("Status:    [-Circulated-]{+Revised; not yet put to the General Assembly+}"))
        #expect(text.contains("commitment (reworded): commitment-2011 [Meyer 26] → commitment-2015 [Meyer 27]"))
        #expect(text.contains("“not to use [-Information-]{+information+} and"))
        #expect(text.contains("{+which run counter to the task of maintaining+} international peace and security"))
        // The blanks at a change's ends stay outside its marks, as in `git diff --word-diff`.
        #expect(text.contains("carry out [-hostile-] activities"))
        #expect(text.contains("international peace and security [-or proliferate information weapons or related technologies-]”"))
        // A quote of one version with nothing beside it in the other is no change: it is listed
        // apart, with what the record says it is (the ambassador's speech is not the code's text).
        let quotedTexts = try #require(text.range(of: "Quoted texts\n"))
        let oneSided = try #require(text.range(of: "Quoted of one version only\n"))
        #expect(quotedTexts.upperBound < oneSided.lowerBound)
        let apart = String(text[oneSided.upperBound...])
        #expect(apart.replacingOccurrences(of: "\n", with: " ").contains(ProposalComparison.oneSidedExplanation))
        #expect(apart.contains("content (2015) [Meyer 28]"))
        #expect(apart.contains("wang-qun (2011) [Meyer 25]"))
        #expect(apart.contains("— Ambassador Wang Qun presenting the proposal in the First Committee, 20 October 2011."))
        #expect(!text.contains("only in 2015") && !text.contains("only in 2011"))
        // Piped: no colour, and lines fit the default width.
        #expect(!result.stdout.contains("\u{1B}["))
        #expect(result.stdout.split(separator: "\n").allSatisfy { $0.count <= 100 })
    }

    @Test("a side without a value says (none), not a 'none' put in")
    func sideWithoutValue() throws {
        let result = try compare(["canada-space-pledges"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("\nDate:    [-5 Jun 2009-] (none)\n"), "\(result.stdout)")
        let back = try compare(["canada-space-pledges", "--from", "unga-reiteration", "--to", "2009-working-paper"])
        #expect(back.stdout.contains("\nDate:    (none) {+5 Jun 2009+}\n"), "\(back.stdout)")
        // A list with nothing on one side, as a single value.
        #expect(result.stdout.contains("\nSymbols: [-CD/1865-] (none)\n"), "\(result.stdout)")
        #expect(back.stdout.contains("\nSymbols: (none) {+CD/1865+}\n"), "\(back.stdout)")
    }

    @Test("--from and --to choose the versions; the account covers every version in between")
    func chooseVersions() throws {
        let all = try compare(["ppwt"])
        #expect(all.stdout.contains("2008-draft · Draft treaty (CD/1839) · 29 Feb 2008"))
        #expect(all.stdout.contains("2014-revision · Revised draft treaty (CD/1985) · 12 Jun 2014"))
        #expect(unwrapped(all.stdout).contains("Legal character: [-unspecified-]{+legally binding+}"))
        let step = try compare(["ppwt", "--from", "2008-draft", "--to", "2014-revision"])
        #expect(step.status == 0)
        #expect(step.stdout.contains("From: 2008-draft · Draft treaty (CD/1839) · 29 Feb 2008"))
        #expect(!step.stdout.contains("Legal character"))
        let elements = try compare(["cyber-gge-reports", "--from", "2013", "--to", "2015"])
        #expect(elements.stdout.contains("2013 (a) (only in 2013)"))
        #expect(elements.stdout.contains("2015 (b) (only in 2015)"))
        // By default from the first version with something to compare: the 2010 report, not
        // the first group, which had none; --to the first of those, from the one before.
        let reports = try compare(["cyber-gge-reports"])
        #expect(reports.stdout.contains("From: 2010 · Report A/65/201 · 30 Jul 2010"))
        #expect(try compare(["cyber-gge-reports", "--to", "2010"]).stdout.contains("From: first-group · "))
    }

    @Test("--json gives the sides, the fields with what was added and removed, and the diffs")
    func json() throws {
        let result = try compare(["sino-russian-code", "--json"])
        #expect(result.status == 0)
        let object = try #require(try result.json() as? [String: Any])
        #expect(object["id"] as? String == "sino-russian-code")
        #expect(object["kind"] as? String == "comparison")
        #expect(object["title"] as? String == "International Code of Conduct for Information Security")
        #expect((object["from"] as? [String: Any])?["id"] as? String == "2011")
        #expect((object["to"] as? [String: Any])?["symbols"] as? [String] == ["A/69/723"])
        let changes = try #require(object["changes"] as? [[String: Any]])
        #expect(changes.map { $0["version"] as? String } == ["2015"])
        let fields = try #require(object["fields"] as? [[String: Any]])
        #expect(fields.first { $0["field"] as? String == "sponsors" }?["added"] as? [String] == ["kazakhstan", "kyrgyzstan"])
        let quotes = try #require(object["quotes"] as? [[String: Any]])
        #expect(quotes.first?["change"] as? String == "reworded")
        let pieces = try #require((quotes.first?["diff"] as? [String: Any])?["pieces"] as? [[String: String]])
        let old = pieces.filter { $0["op"] != "insert" }.compactMap { $0["text"] }.joined()
        let new = pieces.filter { $0["op"] != "delete" }.compactMap { $0["text"] }.joined()
        #expect(old.hasPrefix("not to use Information and Communication Technologies"))
        #expect(new.hasSuffix("run counter to the task of maintaining international peace and security"))
        #expect(quotes.map { $0["change"] as? String } == ["reworded", "fromOnly", "fromOnly", "toOnly"])
        // One shape: a side a quote is missing from is null, not a missing key.
        #expect(quotes.allSatisfy { Set($0.keys) == ["key", "change", "from", "to", "diff"] })
        #expect(quotes[1]["to"] is NSNull && quotes[1]["diff"] is NSNull && quotes[3]["from"] is NSNull)
    }

    @Test("errors are one line on stderr: unknown proposal, not a proposal, one version, unknown or same version",
          arguments: [
            (["sino-russian-cod"], "travaux: no proposal 'sino-russian-cod'; did you mean 'sino-russian-code'?\n"),
            (["russia"], "travaux: 'russia' is an actor, not a proposal; see 'travaux list proposals'\n"),
            (["meyer-fn-26"], "travaux: 'meyer-fn-26' is a source, not a proposal; see 'travaux list proposals'\n"),
            (["outer-space-treaty"], "travaux: 'outer-space-treaty' has only one version; there is nothing to compare\n"),
            (["sino-russian-code", "--from", "2012"], "travaux: no version '2012' of 'sino-russian-code'; its versions are 2011, 2015\n"),
            (["ppwt", "--to", "2009"], "travaux: no version '2009' of 'ppwt'; its versions are 2002-working-paper, 2008-draft, 2014-revision\n"),
            (["sino-russian-code", "--from", "2015"],
             "travaux: --from '2015' is the last version, where --to ends when not given; choose two of 2011, 2015\n"),
            (["sino-russian-code", "--to", "2011"],
             "travaux: --to '2011' is the first version, where --from starts when not given; choose two of 2011, 2015\n"),
            (["sino-russian-code", "--from", "2011", "--to", "2011"], "travaux: --from and --to are both '2011'; choose two of 2011, 2015\n"),
          ])
    func errors(_ arguments: [String], _ message: String) throws {
        let result = try compare(arguments)
        // The same version on both sides is a usage error; the rest are what the record lacks.
        #expect(result.status == (message.contains("choose two") ? 64 : 1))
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == message)
    }

    @Test("an element reworded whose wording one version gives and the other drops shows it marked, not as unchanged")
    func elementQuoteDropped() throws {
        let directory = try TestFiles.directory("compare-record")
        for file in try FileManager.default.contentsOfDirectory(atPath: CLIProcess.fixtureRecord) {
            try FileManager.default.copyItem(atPath: CLIProcess.fixtureRecord + "/" + file, toPath: directory + "/" + file)
        }
        let proposals = directory + "/proposals.json"
        let text = try String(contentsOfFile: proposals, encoding: .utf8)
        let elements = #""elements": [{ "id": "e1", "number": "1", "text": "No weapons in orbit.", "sources": ["chapter-fn-1"] }],"#
        try #require(text.contains(elements))
        try text.replacingOccurrences(of: elements, with: #"""
            "elements": [{ "id": "e1", "number": "1", "text": "No weapons in orbit.", "quote": "no weapons of any kind", "sources": ["chapter-fn-1"], "versions": ["2008"] },
                         { "id": "e1-revised", "number": "1", "text": "No weapons placed in orbit.", "sources": ["chapter-fn-1"], "versions": ["2014"] }],
            """#).write(toFile: proposals, atomically: true, encoding: .utf8)
        let forward = try CLIProcess.run(["compare", "ppwt", "--record", directory])
        #expect(forward.status == 0, "\(forward.stderr)")
        #expect(forward.stdout.contains("“[-no weapons of any kind-]”"), "\(forward.stdout)")
        let backward = try CLIProcess.run(["compare", "ppwt", "--from", "2014", "--to", "2008", "--record", directory])
        #expect(backward.stdout.contains("“{+no weapons of any kind+}”"), "\(backward.stdout)")
    }

    @Test("a missing proposal id is a usage error")
    func missingArgument() throws {
        let result = try CLIProcess.run(["compare", "--record", Self.shippedRecord])
        #expect(result.status == 64)
        #expect(result.stderr.hasPrefix("travaux: "))
        #expect(result.stderr.split(separator: "\n").count == 1)
    }
}

@Suite("travaux compare on a terminal", .enabled(if: TerminalDriver.isAvailable, "needs tmux"))
struct CompareOnTerminalTests {
    @Test("on a terminal the changes are coloured; NO_COLOR leaves only the markers")
    func colour() throws {
        let command = "\(CLIProcess.binary) compare sino-russian-code --record \(CompareCommandTests.shippedRecord)"
        // `swift test` may itself run under NO_COLOR; the coloured run must not inherit it.
        let terminal = try TerminalDriver(command: "env -u NO_COLOR " + command + "; echo EXIT=$?", width: 100, height: 60)
        try terminal.waitFor(text: "EXIT=0")
        let coloured = try terminal.tmux(["capture-pane", "-p", "-e", "-t", terminal.session])
        #expect(coloured.contains("\u{1B}[31m[-Information-]"))
        #expect(coloured.contains("\u{1B}[32m{+information+}"))
        let plain = try TerminalDriver(command: "NO_COLOR=1 " + command + "; echo EXIT=$?", width: 100, height: 60)
        try plain.waitFor(text: "EXIT=0")
        let text = try plain.tmux(["capture-pane", "-p", "-e", "-t", plain.session])
        #expect(text.contains("[-Information-]{+information+}"))
        #expect(!text.contains("\u{1B}[31m"))
    }
}
