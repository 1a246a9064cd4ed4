import Foundation
import Testing
import TravauxTestSupport
@testable import travaux

@Suite("The command line, run as a real process")
struct CLITests {
    @Test("list events --json gives id, kind, title, date and domain, oldest first")
    func listEventsJSON() throws {
        let result = try CLIProcess.fixture(["list", "events", "--json"])
        #expect(result.status == 0)
        let items = try #require(try result.json() as? [[String: Any]])
        #expect(items.map { $0["id"] as? String } == ["russian-resolutions", "ppwt-2008-draft", "osce-initial-cbms", "global-cyber-treaty-call"])
        for item in items {
            #expect(item["kind"] as? String == "event")
            #expect(item["title"] is String)
            #expect(item["domain"] is String)
            #expect(item.keys.contains("date"))
        }
        #expect(items.last?["date"] is NSNull)
        #expect(items.first?["date"] as? String == "1998")
    }

    @Test("list sources --json gives work, number, citation, symbol and url")
    func listSourcesJSON() throws {
        let result = try CLIProcess.fixture(["list", "sources", "--json"])
        let items = try #require(try result.json() as? [[String: Any]])
        #expect(items.count == 5)
        let first = try #require(items.first)
        #expect(first["work"] as? String == "chapter")
        #expect(first["number"] as? Int == 1)
        #expect(first["symbol"] as? String == "CD/1839")
        #expect((first["url"] as? String)?.hasPrefix("http://daccess") == true)
        #expect((first["citation"] as? String)?.contains("CD/1985") == true)
        #expect(items[2]["symbol"] is NSNull)
    }

    @Test("list filters by domain, forum (with the bodies within it) and actor")
    func listFilters() throws {
        let space = try #require(try CLIProcess.fixture(["list", "events", "--domain", "space", "--json"]).json() as? [[String: Any]])
        #expect(space.map { $0["id"] as? String } == ["ppwt-2008-draft"])
        let un = try #require(try CLIProcess.fixture(["list", "events", "--forum", "un", "--json"]).json() as? [[String: Any]])
        #expect(Set(un.compactMap { $0["id"] as? String }) == ["russian-resolutions", "ppwt-2008-draft"])
        let china = try #require(try CLIProcess.fixture(["list", "proposals", "--actor", "china", "--json"]).json() as? [[String: Any]])
        #expect(china.map { $0["id"] as? String } == ["ppwt"])
        // An alias, as the record's headings and names print it, is the item it names.
        let byAlias = try CLIProcess.fixture(["list", "events", "--actor", "russian federation", "--json"])
        let byID = try CLIProcess.fixture(["list", "events", "--actor", "russia", "--json"])
        #expect(byAlias.status == 0 && byAlias.stdout == byID.stdout && !byID.stdout.isEmpty)
    }

    @Test("a name filter takes a name or alias with its accents or without, as search does, and refuses one that names several")
    func namesFoldedAndAmbiguous() throws {
        let record = TestFiles.shippedRecord
        let byID = try CLIProcess.run(["list", "events", "--actor", "hamadoun-toure", "--json", "--record", record])
        #expect(byID.status == 0 && !byID.stdout.isEmpty)
        for typed in ["toure", "Touré", "TOURE", "hamadoun toure"] {
            let result = try CLIProcess.run(["list", "events", "--actor", typed, "--json", "--record", record])
            #expect(result.status == 0 && result.stdout == byID.stdout, "\(typed): \(result.stderr)")
        }
        let byName = try CLIProcess.run(["list", "events", "--forum", "Conference on Disarmament", "--json", "--record", record])
        #expect(byName.stdout == (try CLIProcess.run(["list", "events", "--forum", "conference-on-disarmament", "--json", "--record", record])).stdout)
        // The chapter calls the space group and the cyber group alike "the UN Group of Governmental Experts (GGE)".
        let gge = try CLIProcess.run(["list", "events", "--forum", "GGE", "--record", record])
        #expect(gge.status == 1 && gge.stdout.isEmpty)
        #expect(gge.stderr == "travaux: 'GGE' names more than one forum: 'un-gge-ict', 'un-gge-space'; pass one of these ids\n")
        #expect(try CLIProcess.run(["list", "events", "--forum", "space GGE", "--record", record]).status == 0)
    }

    @Test("show takes a footnote's marker as travaux prints it, and tells a number the work lacks the numbers it has")
    func showMarker() throws {
        let record = TestFiles.shippedRecord
        let byID = try CLIProcess.run(["show", "meyer-fn-15", "--record", record])
        #expect(byID.status == 0)
        for typed in ["Meyer 15", "[Meyer 15]", "meyer-15"] {
            #expect(try CLIProcess.run(["show", typed, "--record", record]).stdout == byID.stdout, "\(typed)")
        }
        let missing = try CLIProcess.run(["show", "PMP 30", "--record", record])
        #expect(missing.status == 1 && missing.stdout.isEmpty)
        #expect(missing.stderr == "travaux: no footnote 30 in PMP ('pmp-remarks'): its footnotes run from 1 to 22\n")
    }

    @Test("an id, a domain, a version or a name pasted with spaces around it is taken as it would be without them")
    func pastedWithSpaces() throws {
        let record = TestFiles.shippedRecord
        let pairs: [([String], [String])] = [
            (["show", " ppwt\t"], ["show", "ppwt"]),
            (["show", " Meyer 15 "], ["show", "meyer-fn-15"]),
            (["list", "events", "--domain", " SPACE "], ["list", "events", "--domain", "space"]),
            (["list", "events", "--forum", "osce "], ["list", "events", "--forum", "osce"]),
            (["list", "events", "--forum", " Conference on Disarmament "], ["list", "events", "--forum", "conference-on-disarmament"]),
            (["list", "events", "--actor", " russia"], ["list", "events", "--actor", "russia"]),
            (["compare", " ppwt ", "--from", " 2008-DRAFT "], ["compare", "ppwt", "--from", "2008-draft"]),
        ]
        for (pasted, plain) in pairs {
            let result = try CLIProcess.run(pasted + ["--json", "--record", record])
            let expected = try CLIProcess.run(plain + ["--json", "--record", record])
            #expect(result.status == 0 && result.stdout == expected.stdout, "\(pasted): \(result.stderr)")
        }
        let store = TestFiles.path("pasted-store")
        let added = try CLIProcess.run(["note", "add", " ppwt ", "on the draft", "--version", " 2008-draft ", "--json", "--record", record, "--store", store])
        #expect(added.status == 0, "\(added.stderr)")
        let target = (try added.json() as? [String: Any])?["target"] as? [String: Any]
        #expect(target?["item"] as? String == "ppwt" && target?["version"] as? String == "2008-draft")
        // A note's id pasted from note list's table, whole or its beginning.
        let id = try #require((try added.json() as? [String: Any])?["id"] as? String)
        let shown = try CLIProcess.run(["note", "show", "  \(id.prefix(10))  ", "--json", "--record", record, "--store", store])
        #expect((try shown.json() as? [String: Any])?["id"] as? String == id, "\(shown.stderr)")
        let edited = try CLIProcess.run(["note", "edit", "\t\(id) ", "--add-tag", "t", "--record", record, "--store", store])
        #expect(edited.status == 0 && edited.stdout == id + "\n", "\(edited.stderr)")
        let removed = try CLIProcess.run(["note", "rm", " \(id)", "--record", record, "--store", store])
        #expect(removed.status == 0 && removed.stdout == "deleted \(id)\n", "\(removed.stderr)")
    }

    @Test("a filter naming nothing known fails with a suggestion")
    func badFilter() throws {
        let result = try CLIProcess.fixture(["list", "events", "--forum", "osec"])
        #expect(result.status != 0)
        #expect(result.stderr.hasPrefix("travaux: unknown forum 'osec'"))
        #expect(result.stderr.contains("'osce'"))
        #expect(result.stdout.isEmpty)
    }

    @Test("a filter the kind cannot have is a usage error, not a list of everything or nothing")
    func inapplicableFilter() throws {
        let sources = try CLIProcess.fixture(["list", "sources", "--forum", "un"])
        #expect(sources.status == 64)
        #expect(sources.stderr == "travaux: --forum cannot narrow sources, which have no forum; use it with events, proposals or forums\n")
        let actors = try CLIProcess.fixture(["list", "actors", "--domain", "space", "--forum", "un"])
        #expect(actors.stderr == "travaux: --domain and --forum cannot narrow actors, which have no domain or forum; "
                + "use them with events or proposals\n")
        // Every kind the option does narrow is named: themes have a domain.
        #expect(try CLIProcess.fixture(["list", "works", "--domain", "space"]).stderr.hasSuffix("use it with events, proposals or themes\n"))
        #expect(try CLIProcess.fixture(["list", "themes", "--domain", "space"]).status == 0)
        #expect(try CLIProcess.fixture(["list", "forums", "--forum", "un"]).status == 0)
    }

    @Test("an option that takes one value, given twice with two, is a usage error naming both; options that repeat, the same value twice, and --record/--store keep their ways")
    func repeatedOptions() throws {
        let store = try StoreProcessTests.temporaryStore()
        for (arguments, said) in [
            (["list", "events", "--tag", "a", "--tag", "b"], "--tag is given twice ('a' and 'b'); 'travaux list' takes one"),
            (["list", "events", "--domain", "space", "--domain=cyber"], "--domain is given twice ('space' and 'cyber'); 'travaux list' takes one"),
            (["compare", "ppwt", "--from", "2008", "--to", "2014", "--from", "2014"], "--from is given twice ('2008' and '2014'); 'travaux compare' takes one"),
            (["note", "list", "--session", "s1", "--store", store, "--session", "s2"], "--session is given twice ('s1' and 's2'); 'travaux note list' takes one"),
            // A short option too: the wrong -o writes a file in the wrong place.
            (["export", "--store", store, "-o", "a.md", "-o", "-"], "-o is given twice ('a.md' and '-'); 'travaux export' takes one"),
        ] {
            let result = try CLIProcess.fixture(arguments)
            #expect(result.status == 64 && result.stdout.isEmpty, "\(arguments): \(result.stderr)")
            #expect(result.stderr == "travaux: \(said); give the one you mean\n", "\(arguments)")
        }
        #expect(try CLIProcess.fixture(["list", "events", "--domain", "space", "--domain", "space"]).status == 0)
        // The same value in another case or spacing is one, as sessions are matched.
        #expect(try CLIProcess.fixture(["note", "list", "--store", store, "--session", "OEWG 1", "--session", "oewg  1"]).status == 0)
        #expect(try CLIProcess.fixture(["note", "list", "--tag", "a", "--tag", "b", "--store", store]).status == 0)
        #expect(try CLIProcess.run(["list", "works", "--record", "/no/such/record", "--record", CLIProcess.fixtureRecord]).status == 0)
    }

    @Test("a misused option or argument exits 64 as ArgumentParser's own usage errors do; a problem with the data exits 1")
    func usageExitCodes() throws {
        for arguments in [["search", ""], ["search", "x", "--limit", "0"], ["search", "x", "--kind", "evnt"],
                          ["export", "--from", "May 2012"], ["export", "--from", "2014", "--to", "2012"], ["list", "sources", "--forum", "un"]] {
            let result = try CLIProcess.fixture(arguments)
            #expect(result.status == 64, "\(arguments): \(result.stderr)")
            #expect(result.stderr.hasPrefix("travaux: ") && result.stderr.split(separator: "\n").count == 1, "\(arguments)")
        }
        #expect(try CLIProcess.fixture(["search", "x", "--kind", "evnt"]).stderr.contains("did you mean 'event'?"))
        #expect(try CLIProcess.fixture(["search", "x", "--kind", ""]).stderr
                == "travaux: --kind is empty; give one of work, source, event, proposal, actor, forum, theme, note, or leave --kind out\n")
        #expect(try CLIProcess.fixture(["search", "x", "--kind", "s"]).stderr == "travaux: unknown kind 's'; use one of work, source, event, proposal, actor, forum, theme, note\n")
        #expect(try CLIProcess.fixture(["show", "nothing-here"]).status == 1)
    }

    @Test("list prints an aligned table with a header; proposals with when they were made, where they stand and their character in words")
    func listTable() throws {
        let result = try CLIProcess.fixture(["list", "proposals"])
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.split(separator: " ", omittingEmptySubsequences: true)
                == ["DATE", "D", "TITLE", "STATUS", "TYPE", "CHARACTER", "VERSIONS", "ID"])
        #expect(lines.count == 3)
        #expect(lines[1].hasPrefix("29 Feb 2008  S  Treaty on the Prevention") && lines[1].contains("  tabled, not negotiated  treaty  legally binding  "))
        #expect(lines[2].hasPrefix("3 Dec 2013   C  OSCE") && lines[2].contains("  adopted  ") && lines[2].contains("  politically binding  "))
        let idColumn = lines.map { $0.range(of: $0.split(separator: " ").last!)!.lowerBound.utf16Offset(in: $0) }
        #expect(Set(idColumn).count == 1)
    }

    @Test("an actor's own kind (state, organisation…) comes as actorKind beside the item's kind")
    func actorKind() throws {
        let shown = try #require(try CLIProcess.fixture(["show", "russia", "--json"]).json() as? [String: Any])
        #expect(shown["kind"] as? String == "actor")
        #expect(shown["actorKind"] as? String == "state")
        let listed = try #require(try CLIProcess.fixture(["list", "actors", "--json"]).json() as? [[String: Any]])
        #expect(listed.allSatisfy { $0["kind"] as? String == "actor" && $0["actorKind"] is String })
    }

    @Test("show lists a proposal's version, quote and element ids, the ones compare and note add take")
    func showParts() throws {
        let shown = try CLIProcess.fixture(["show", "ppwt"])
        let parts = try #require(shown.stdout.components(separatedBy: "\nParts\n-----\n").last)
        #expect(parts.components(separatedBy: "\n").dropFirst().joined(separator: "\n") == """
              version  2008          Draft treaty
              version  2014          Revised draft
              quote    q-no-weapons  in 2008
              element  e1            number 1

            """)
        #expect(try CLIProcess.fixture(["show", "osce-initial-cbms"]).stdout.contains("Parts") == false)
    }

    @Test("show --json adds the resolved sources and backlinks")
    func showJSON() throws {
        let result = try CLIProcess.fixture(["show", "osce-initial-cbms", "--json"])
        #expect(result.status == 0)
        let item = try #require(try result.json() as? [String: Any])
        #expect(item["id"] as? String == "osce-initial-cbms")
        #expect(item["kind"] as? String == "event")
        #expect(item["date"] as? String == "2013-12-03")
        let sources = try #require(item["sources"] as? [[String: Any]])
        #expect(sources.first?["id"] as? String == "chapter-fn-2")
        #expect(sources.first?["citation"] is String)
        #expect((item["backlinks"] as? [String])?.contains("cbms-before-treaties") == true)
    }

    @Test("show --json leaves out a list the record leaves out, as it does any optional field: an element's versions (every version), a version's sponsors (the proposal's)")
    func showJSONLeavesOutEmptyLists() throws {
        let result = try CLIProcess.run(["show", "eu-space-code", "--json", "--record", TestFiles.shippedRecord])
        let proposal = try #require(try result.json() as? [String: Any])
        let elements = try #require(proposal["elements"] as? [[String: Any]])
        #expect(!elements.isEmpty && elements.allSatisfy { $0["versions"] == nil }, "\(elements.map { $0["versions"] ?? "absent" })")
        let versions = try #require(proposal["versions"] as? [[String: Any]])
        #expect(versions.allSatisfy { $0["sponsors"] == nil })
        #expect(proposal["sponsors"] as? [String] == ["eu"])
        // A list the record gives is there.
        let gge = try #require(try CLIProcess.run(["show", "cyber-gge-reports", "--json", "--record", TestFiles.shippedRecord]).json() as? [String: Any])
        let held = try #require(gge["elements"] as? [[String: Any]]).compactMap { $0["versions"] as? [String] }
        #expect(!held.isEmpty)
    }

    @Test("show keeps an address longer than the line whole, on a line of its own, so that it works once copied")
    func showKeepsAddressesWhole() throws {
        let url = "http://www.eeas.europa.eu/non-proliferation-and-disarmament/pdf/space_code_conduct_draft_vers_31-march-2014_en.pdf"
        let shown = try CLIProcess.run(["show", "meyer-fn-16", "--record", TestFiles.shippedRecord])
        let lines = shown.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains("URL:      " + url), "\(lines.filter { $0.contains("eeas") })")
        #expect(lines.contains("  > " + url + "."))
        // Words that fit still wrap to the width.
        #expect(lines.filter { !$0.contains("http") }.allSatisfy { $0.count <= 100 })
    }

    @Test("show prints the item with its footnotes")
    func showText() throws {
        let result = try CLIProcess.fixture(["show", "ppwt"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("Treaty on the Prevention of the Placement of Weapons in Outer Space\n"))
        #expect(result.stdout.contains("Sponsors:        Russia, China"))
        #expect(result.stdout.contains("> “not to place in orbit"))
        #expect(result.stdout.contains("[1] 'Draft Treaty"))
    }

    @Test("show ends a line naming several items with each of their ids, not the first alone")
    func showSeveralIds() throws {
        let vote = try CLIProcess.run(["show", "no-first-placement-resolution-2014", "--record", TestFiles.shippedRecord])
        #expect(vote.status == 0)
        #expect(vote.stdout.contains("No Georgia, Ukraine, Israel, United States  (georgia, ukraine, israel, united-states)"))
        let code = try CLIProcess.run(["show", "eu-space-code", "--record", TestFiles.shippedRecord], environment: ["COLUMNS": "100"])
        #expect(code.stdout.contains("(china, india, south-africa, brazil)"))
        #expect(code.stdout.contains("(paul-meyer)"))
    }

    @Test("show of an unknown id says so and suggests the nearest ids")
    func showUnknown() throws {
        let result = try CLIProcess.fixture(["show", "pwt"])
        #expect(result.status != 0)
        #expect(result.stderr == "travaux: no item 'pwt'; did you mean 'ppwt', 'ppwt-2008-draft'?\n")
    }

    @Test("search --json ranks a symbol's item first")
    func searchJSON() throws {
        let result = try CLIProcess.fixture(["search", "CD/1839", "--json"])
        let hits = try #require(try result.json() as? [[String: Any]])
        #expect(hits.first?["id"] as? String == "ppwt")
        #expect(hits.first?["kind"] as? String == "proposal")
        #expect(hits.first?["field"] as? String == "symbol")
        #expect(hits.first?["title"] is String)
    }

    @Test("search takes several words, a kind and a limit")
    func searchOptions() throws {
        let result = try CLIProcess.fixture(["search", "--kind", "actors", "--limit", "1", "--json", "russian", "federation"])
        let hits = try #require(try result.json() as? [[String: Any]])
        #expect(hits.map { $0["id"] as? String } == ["russia"])
        let none = try CLIProcess.fixture(["search", "zzzz"])
        #expect(none.status == 0)
        // A word for the person, not a result: a pipe sees nothing.
        #expect(none.stdout.isEmpty && none.stderr == "nothing matches 'zzzz'\n")
    }

    @Test("what was typed comes back in messages without its escape sequences")
    func typedEscapes() throws {
        let search = try CLIProcess.fixture(["search", "\u{1B}[31mred\u{07}"])
        #expect(search.stderr == "nothing matches '^[[31mred^G'\n")
        let show = try CLIProcess.fixture(["show", "\u{1B}]0;title\u{07}"])
        #expect(show.status == 1)
        #expect(show.stderr.hasPrefix("travaux: no item '^[]0;title^G'"))
        #expect(!show.stderr.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        // Nothing to look for, or no id: a usage error, not a search of every note.
        for arguments in [["search", "\""], ["search", "\"\""], ["search", "#"], ["show", ""]] {
            let empty = try CLIProcess.fixture(arguments)
            #expect(empty.status == 64 && empty.stderr.hasPrefix("travaux: give "), "\(arguments)")
        }
        // A line break typed in an argument does not break the one-line error.
        let broken = try CLIProcess.fixture(["show", "ppwt\nx"])
        #expect(broken.status == 1 && broken.stderr.hasPrefix("travaux: no item 'ppwt x'"))
        #expect(broken.stderr.filter { $0 == "\n" }.count == 1, "\(broken.stderr)")
    }

    @Test("validate passes a good record and exits non-zero with every problem of a bad one")
    func validate() throws {
        let good = try CLIProcess.fixture(["validate"])
        #expect(good.status == 0)
        #expect(good.stdout.contains("valid (record version test-1)"))

        let broken = TestFiles.path("cli")
        try FileManager.default.copyItem(atPath: CLIProcess.fixtureRecord, toPath: broken)
        let events = broken + "/events.json"
        try TestFiles.replace(events, with: try String(contentsOfFile: events, encoding: .utf8)
            .replacingOccurrences(of: #""forum": "osce""#, with: #""forum": "osec""#)
            .replacingOccurrences(of: #""date": "1998""#, with: #""date": "98""#))
        let result = try CLIProcess.run(["validate", "--record", broken])
        #expect(result.status == 1)
        #expect(result.stdout.contains("events.json: $[0].forum: unknown forum 'osec'; did you mean 'osce'?"))
        #expect(result.stdout.contains("events.json: $[2].date:"))
        #expect(result.stderr.hasPrefix("travaux: \(broken): 2 errors"))
        // Any other command says so in one line, with the first problem and where to read them all.
        let listed = try CLIProcess.run(["list", "events", "--record", broken])
        #expect(listed.status == 1 && listed.stdout.isEmpty)
        #expect(listed.stderr.split(separator: "\n").count == 1)
        #expect(listed.stderr.hasPrefix("travaux: the record in \(broken) has 2 problems: events.json: $[2].date:"))
        #expect(listed.stderr.hasSuffix("; 'travaux validate --record \(broken)' lists all 2\n"))
    }

    @Test("validate takes the record as an argument, and with --json gives CI the verdict, the counts and every problem, with the same exit status")
    func validateJSON() throws {
        let good = try CLIProcess.run(["validate", CLIProcess.fixtureRecord, "--json"])
        #expect(good.status == 0, "\(good.stderr)")
        let report = try #require(try good.json() as? [String: Any])
        #expect(report["valid"] as? Bool == true && report["version"] as? String == "test-1" && report["errors"] as? Int == 0)
        #expect((report["counts"] as? [String: Int])?["proposals"] == 2)
        #expect((report["problems"] as? [Any])?.isEmpty == true && report["warnings"] as? Int == 0)

        let broken = TestFiles.path("cli-json")
        try FileManager.default.copyItem(atPath: CLIProcess.fixtureRecord, toPath: broken)
        let events = broken + "/events.json"
        try TestFiles.replace(events, with: try String(contentsOfFile: events, encoding: .utf8)
            .replacingOccurrences(of: #""forum": "osce""#, with: #""forum": "osec""#))
        let bad = try CLIProcess.run(["validate", broken, "--json"])
        #expect(bad.status == 1 && bad.stderr == "travaux: \(broken): 1 error, 0 warnings\n", "\(bad.stderr)")
        let failed = try #require(try bad.json() as? [String: Any])
        #expect(failed["valid"] as? Bool == false && failed["counts"] is NSNull && failed["version"] is NSNull && failed["errors"] as? Int == 1)
        let problem = try #require((failed["problems"] as? [[String: Any]])?.first { $0["severity"] as? String == "error" })
        #expect(problem["file"] as? String == "events.json" && problem["location"] as? String == "$[0].forum")
        #expect(problem["message"] as? String == "unknown forum 'osec'; did you mean 'osce'?")
        // The argument and --record naming two records is a usage error.
        let two = try CLIProcess.run(["validate", broken, "--record", CLIProcess.fixtureRecord])
        #expect(two.status == 64 && two.stderr == "travaux: '\(broken)' and --record '\(CLIProcess.fixtureRecord)' name two records; give one\n")
        // The same directory spelt with a trailing slash is one record.
        let once = try CLIProcess.run(["validate", broken, "--record", broken + "/"])
        #expect(once.status == 1 && once.stderr == "travaux: \(broken): 1 error, 0 warnings\n", "\(once.stderr)")
        // So is a directory that is not there, however it is spelt: it is said missing.
        let gone = TestFiles.path("cli-json-gone")
        let spelt = try CLIProcess.run(["validate", gone, "--record", gone + "/./"])
        #expect(spelt.status == 1 && spelt.stderr == "travaux: no record at \(gone): no such directory; check the path\n", "\(spelt.stderr)")

        // No record there: still one JSON answer for CI, and advice about the argument given.
        let nowhere = TestFiles.path("cli-json-nowhere")
        let missing = try CLIProcess.run(["validate", nowhere, "--json"])
        #expect(missing.status == 1 && missing.stderr == "travaux: no record at \(nowhere): no such directory; check the path\n", "\(missing.stderr)")
        let absent = try #require(try missing.json() as? [String: Any])
        #expect(absent["valid"] as? Bool == false && absent["directory"] as? String == nowhere && absent["errors"] as? Int == 1)
        #expect((absent["problems"] as? [[String: Any]])?.first?["message"] as? String == "no such directory; check the path")
    }

    @Test("validate leaves the valid record's snapshot in the cache, for the next start")
    func validateSavesSnapshot() throws {
        let cacheHome = TestFiles.path("validate-cache")
        let result = try CLIProcess.run(["validate", "--record", CLIProcess.fixtureRecord], environment: ["XDG_CACHE_HOME": cacheHome])
        #expect(result.status == 0)
        let snapshots = try FileManager.default.contentsOfDirectory(atPath: cacheHome + "/travaux").filter { $0.hasPrefix("record-") }
        #expect(snapshots.count == 1)
    }

    @Test("a broken record stops list with the report on stderr")
    func brokenRecordStopsList() throws {
        let result = try CLIProcess.run(["list", "events", "--record", "/nonexistent/record"])
        #expect(result.status != 0)
        #expect(result.stderr.hasPrefix("travaux: "))
        #expect(result.stdout.isEmpty)
    }

    @Test("a second run reads the record's snapshot from XDG_CACHE_HOME and prints the same; a damaged one is ignored")
    func recordSnapshot() throws {
        let cache = TestFiles.path("cache")
        let environment = ["XDG_CACHE_HOME": cache]
        // The shipped record's files have been still for longer than the 2 s margin.
        let arguments = ["show", "outer-space-treaty-1967", "--json", "--record", CompareCommandTests.shippedRecord]
        let first = try CLIProcess.run(arguments, environment: environment)
        #expect(first.status == 0)
        let snapshots = try FileManager.default.contentsOfDirectory(atPath: cache + "/travaux").filter { $0.hasPrefix("record-") }
        #expect(snapshots.count == 1)
        let second = try CLIProcess.run(arguments, environment: environment)
        #expect(second.stdout == first.stdout)
        #expect(second.stdout.contains("\"backlinks\""))
        let path = cache + "/travaux/" + (try #require(snapshots.first))
        try Data("travaux record snapshot 2\ntorn".utf8).write(to: URL(fileURLWithPath: path))
        let third = try CLIProcess.run(arguments, environment: environment)
        #expect(third.status == 0)
        #expect(third.stdout == first.stdout)
    }

    @Test("TRAVAUX_RECORD names the record when --record is absent")
    func environmentVariable() throws {
        let result = try CLIProcess.run(["list", "works", "--json"], environment: ["TRAVAUX_RECORD": CLIProcess.fixtureRecord])
        #expect(result.status == 0)
        let works = try #require(try result.json() as? [[String: Any]])
        #expect(works.count == 2)
    }

    @Test("an installed binary finds the record installed beside it")
    func installedBinary() throws {
        let prefix = TestFiles.path("install")
        try FileManager.default.createDirectory(atPath: prefix + "/bin", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: prefix + "/share/travaux", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: CLIProcess.binary, toPath: prefix + "/bin/travaux")
        try FileManager.default.copyItem(atPath: CLIProcess.fixtureRecord, toPath: prefix + "/share/travaux/record")
        // A process forked by another test while the copy was open for writing holds it until
        // it execs: running the copy then fails with "Text file busy" for a moment.
        var attempt = 0
        var result: CLIProcess.Result
        while true {
            do {
                result = try CLIProcess.run(["validate"], executable: prefix + "/bin/travaux")
                break
            } catch let error as NSError where attempt < 50 && "\(error)".contains("Text file busy") {
                attempt += 1
                usleep(100_000)
            }
        }
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix(prefix + "/share/travaux/record: valid"))

        // Without it, and none anywhere else: --json still answers CI, with no directory.
        try FileManager.default.removeItem(atPath: prefix + "/share/travaux/record")
        let home = TestFiles.path("install-home")
        let nowhere = try CLIProcess.run(["validate", "--json"], environment: ["HOME": home, "XDG_DATA_HOME": home + "/data", "XDG_DATA_DIRS": home + "/none"],
                                         executable: prefix + "/bin/travaux")
        #expect(nowhere.status == 1 && nowhere.stderr.hasPrefix("travaux: cannot find the record (looked in "), "\(nowhere.stderr)")
        let answer = try #require(try nowhere.json() as? [String: Any])
        #expect(answer["valid"] as? Bool == false && answer["directory"] is NSNull && answer["errors"] as? Int == 1)
        let said = try #require((answer["problems"] as? [[String: Any]])?.first)
        #expect(said["file"] as? String == "-" && (said["message"] as? String).map { nowhere.stderr.contains($0) } == true)
    }

    @Test("output that cannot be written (a full disk) fails the command with one line on stderr, never exit 0 with half a file")
    func fullDisk() throws {
        func runIntoFullDisk(_ arguments: [String]) throws -> (status: Int32, message: String) {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: CLIProcess.binary)
            process.arguments = arguments + ["--record", CLIProcess.fixtureRecord]
            var environment = ProcessInfo.processInfo.environment
            environment["XDG_CACHE_HOME"] = CLIProcess.cacheHome
            process.environment = environment
            let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
            let errors = Pipe()
            process.standardOutput = full
            process.standardError = errors
            try process.run()
            let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            return (process.terminationStatus, message)
        }
        let listed = try runIntoFullDisk(["list", "events"])
        #expect(listed.status == 1)
        #expect(listed.message == "travaux: cannot write to standard output: No space left on device; the output is incomplete\n")
        // A note saved whose id could not be printed: said, so that it is not added twice.
        let store = try StoreProcessTests.temporaryStore()
        let added = try runIntoFullDisk(["note", "add", "ppwt", "kept", "--store", store])
        let saved = try #require(try CLIProcess.fixture(["note", "list", "--json", "--store", store]).json() as? [[String: Any]])
        let id = try #require(saved.first?["id"] as? String)
        #expect(saved.count == 1 && added.status == 1)
        #expect(added.message == "travaux: cannot write to standard output: No space left on device; the note was saved as \(id) "
                + "all the same, only this report of it is lost\n")
        // A rename that changed nothing does not claim it was done.
        #expect(try CLIProcess.fixture(["note", "add", "ppwt", "tagged", "--tag", "cbms", "--store", store]).status == 0)
        let unchanged = try runIntoFullDisk(["tag", "rename", "cbms", "cbms", "--store", store])
        #expect(unchanged.message.hasSuffix("; the output is incomplete\n"), "\(unchanged.message)")
        // A command's help too, as the root's always was.
        for help in [["list", "--help"], ["help", "note", "add"], ["note", "--help"]] {
            let failed = try runIntoFullDisk(help)
            #expect(failed.status == 1, "\(help)")
            #expect(failed.message.hasSuffix("; the output is incomplete\n"), "\(help): \(failed.message)")
        }
    }

    @Test("show's entries that lead to an item or a note end with its id, whole, which show and note edit take")
    func entryIDs() throws {
        let shown = try CLIProcess.run(["show", "ppwt", "--record", CompareCommandTests.shippedRecord])
        #expect(shown.status == 0)
        #expect(shown.stdout.contains("  29 Feb 2008 Russia and China present the draft PPWT  (ppwt-draft-2008)\n"))
        #expect(shown.stdout.contains("  • Code of Conduct for Outer Space Activities  (eu-space-code)\n"))
        // An id that does not fit goes whole to a line of its own, never broken at a hyphen.
        #expect(shown.stdout.contains("\n              (ppwt-working-paper-2002)\n"), "\(shown.stdout)")
        // Every id so given (kebab-case in parentheses at a line's end, after two spaces or
        // alone) names an item the record holds; a symbol such as `(CD/1839)` is not one.
        let ids = shown.stdout.split(separator: "\n").compactMap { line -> String? in
            guard line.hasSuffix(")"), let open = line.lastIndex(of: "("),
                  line[..<open].hasSuffix("  ") || line[..<open].allSatisfy({ $0 == " " }) else { return nil }
            let id = line[line.index(after: open)..<line.index(before: line.endIndex)]
            return id.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "-" } ? String(id) : nil
        }
        #expect(ids.count >= 10)
        for id in ids {
            #expect(try CLIProcess.run(["show", id, "--record", CompareCommandTests.shippedRecord]).status == 0, "\(id)")
        }
    }

    @Test("show --json on a work gives its footnotes in full, in their order, as its text does")
    func workFootnotes() throws {
        let shown = try #require(try CLIProcess.run(["show", "meyer-chapter", "--json", "--record", CompareCommandTests.shippedRecord]).json() as? [String: Any])
        let footnotes = try #require(shown["footnotes"] as? [[String: Any]])
        #expect(footnotes.count == shown["footnoteCount"] as? Int)
        #expect(footnotes.compactMap { $0["number"] as? Int } == Array(1...footnotes.count))
        #expect(footnotes.first?["kind"] as? String == "source")
        let event = try #require(try CLIProcess.run(["show", "ppwt", "--json", "--record", CompareCommandTests.shippedRecord]).json() as? [String: Any])
        #expect(event["footnotes"] == nil)
    }

    @Test("misuses ArgumentParser would answer the wrong way get a message that points the right way", arguments: [
        (["list", "evnts"], "no kind 'evnts' to list; did you mean 'events'?"),
        (["list", "zzz"], "no kind 'zzz' to list; give one of events, proposals, sources, actors, forums, themes, works"),
        (["search", "treaty", "--limit", "-1"], "--limit is a number of results, 1 or more (it was -1)"),
        (["export", "--json"], "export has no --json: '--format csl-json' gives the sources as JSON, and 'travaux note list --json' the notes"),
    ])
    func misusesPointTheRightWay(arguments: [String], message: String) throws {
        let result = try CLIProcess.run(arguments + ["--record", CLIProcess.fixtureRecord])
        #expect(result.status == 64)
        #expect(result.stderr == "travaux: " + message + "\n")
    }

    @Test("those messages are for those misuses only: an option's value is not taken for list's kind, and --limit is search's")
    func misusesNotMistaken() throws {
        let listed = try CLIProcess.run(["list", "--domain", "space", "proposals", "--jsn", "--record", CLIProcess.fixtureRecord])
        #expect(listed.status == 64 && listed.stderr.contains("'--jsn'") && !listed.stderr.contains("no kind"), "\(listed.stderr)")
        let notes = try CLIProcess.run(["note", "list", "--limit", "-1", "--record", CLIProcess.fixtureRecord])
        #expect(notes.status == 64 && notes.stderr == "travaux: unknown option '--limit' (see 'travaux help note list')\n", "\(notes.stderr)")
        // ArgumentParser's own messages are said in ours: lower case, and the help of the command misused.
        for (arguments, expected) in [(["show"], "travaux: missing expected argument '<id>' (see 'travaux help show')\n"),
                                      (["note", "add", "ppwt"], "travaux: missing expected argument '<text>' (see 'travaux help note add')\n"),
                                      (["tag", "rename", "a"], "travaux: missing expected argument '<new>' (see 'travaux help tag rename')\n"),
                                      (["--bogus"], "travaux: unknown option '--bogus' (see 'travaux --help')\n")] {
            let result = try CLIProcess.run(arguments + ["--record", CLIProcess.fixtureRecord])
            #expect(result.status == 64 && result.stderr == expected, "\(arguments): \(result.stderr)")
        }
    }

    @Test("an empty --store or --record (an unset variable) is a usage error, never the default store or record")
    func emptyDirectories() throws {
        let store = try CLIProcess.run(["note", "list", "--store", ""])
        #expect(store.status == 64 && store.stderr == "travaux: --store is empty; give the notes directory (is a variable unset?)\n")
        // Also for a command that does not read the notes.
        for arguments in [["list", "events"], ["show", "ppwt"], ["search", "treaty"]] {
            let listed = try CLIProcess.run(arguments + ["--store", ""])
            #expect(listed.status == 64 && listed.stderr == "travaux: --store is empty; give the notes directory (is a variable unset?)\n")
        }
        // A file where the store's folder should be is named as such.
        let file = try TestFiles.directory("store-file") + "/notes.txt"
        try Data("not a folder".utf8).write(to: URL(fileURLWithPath: file))
        for store in [file, file + "/store"] {
            let listed = try CLIProcess.run(["note", "list", "--store", store])
            #expect(listed.status == 1 && listed.stderr == "travaux: \(file) is a file, not a directory, on the way to the notes store (which --store, TRAVAUX_STORE, XDG_DATA_HOME or HOME gives); move the file, or point --store (or TRAVAUX_STORE) at the folder of your notes, or at a new one\n")
        }
        // `validate` too: a CI check with its variable unset must not pass on another record.
        for arguments in [["list", "events", "--record", ""], ["validate", "--record", ""], ["--record", "", "validate"], ["validate", "--record="]] {
            let record = try CLIProcess.run(arguments)
            #expect(record.status == 64 && record.stderr == "travaux: --record is empty; give the record directory (is a variable unset?)\n",
                    "\(arguments): \(record.stderr)")
        }
    }

    @Test("an option given empty after = ('--store=\"$DIR\"', the variable unset) is the option given empty, not a taker of the next word")
    func emptyAfterEquals() throws {
        #expect(EmptyArgument.separatingAttachedEmptyValues(["note", "add", "--session=", "ppwt", "x", "--", "--tag="])
                == ["note", "add", "--session", "", "ppwt", "x", "--", "--tag="])
        #expect(EmptyArgument.separatingAttachedEmptyValues(["--store=a", "--=", "-o=", "--record"]) == ["--store=a", "--=", "-o=", "--record"])
        let store = TestFiles.path("equals-store")
        let cases: [([String], String)] = [
            (["search", "--store=", "ppwt", "x"], "--store is empty; give the notes directory (is a variable unset?)"),
            (["--store=", "list", "events"], "--store is empty; give the notes directory (is a variable unset?)"),
            (["list", "--record=", "events"], "--record is empty; give the record directory (is a variable unset?)"),
            (["note", "add", "ppwt", "--session=", "x"], "--session is empty; give the session's label, or leave --session out"),
            (["note", "add", "ppwt", "x", "--tag="], "--tag is empty; give a tag's name, as in '--tag verification'"),
            (["search", "x", "--kind="], "--kind is empty; give one of work, source, event, proposal, actor, forum, theme, note, or leave --kind out"),
            (["--session=", "--store", store], "--session is empty; give the session's label, or leave --session out"),
            (["--session", " ", "--store", store], "--session is empty; give the session's label, or leave --session out"),
            // The interface's --session given twice: one label, or the two named.
            (["--session=x", "--session=y", "--store", store], "--session is given twice ('x' and 'y'); the interface takes one; give the one you mean"),
            (["--session", "x", "--session=Y", "--one-pane", "--session", "z", "--store", store],
             "--session is given twice ('x' and 'Y' and 'z'); the interface takes one; give the one you mean"),
            // A space after `=`: the value, a stray word, is named with the option it belongs to.
            (["note", "add", "ppwt", "x", "--tag=", "verification"], "--tag is given empty and 'verification' follows it apart; write --tag=verification or --tag verification"),
            (["note", "list", "--tag=", "my tag"], "--tag is given empty and 'my tag' follows it apart; write --tag='my tag' or --tag 'my tag'"),
            (["list", "--domain", "", "space", "events"], "--domain is given empty and 'space' follows it apart; write --domain=space or --domain space"),
            (["--store=", "x"], "--store is given empty and 'x' follows it apart; write --store=x or --store x"),
        ]
        for (arguments, message) in cases {
            let result = try CLIProcess.run(arguments + (arguments.contains("--store") || arguments.contains("--store=") ? [] : ["--store", store]))
            #expect(result.status == 64 && result.stderr == "travaux: \(message)\n", "\(arguments): \(result.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: store), "nothing was saved")
        // With a value, as before.
        let listed = try CLIProcess.run(["list", "--record=\(CLIProcess.fixtureRecord)", "events", "--store=\(store)"])
        #expect(listed.status == 0 && !listed.stdout.isEmpty)
    }

    @Test("an unknown subcommand or option fails with one line on stderr")
    func usageErrors() throws {
        let result = try CLIProcess.fixture(["list", "planets"])
        #expect(result.status != 0)
        #expect(result.stderr.hasPrefix("travaux: "))
        #expect(result.stderr.split(separator: "\n").count == 1)
    }

    @Test("a first word that names no command gets the nearest commands, whatever follows it, as git answers a typo, or `show` when it is an item's id")
    func unknownCommand() throws {
        for (arguments, expected) in [(["notes"], "travaux: no command 'notes'; did you mean 'note'? (see 'travaux --help')\n"),
                                      (["notes", "--json"], "travaux: no command 'notes'; did you mean 'note'? (see 'travaux --help')\n"),
                                      (["--store", "/nowhere", "lsit", "events"], "travaux: no command 'lsit'; did you mean 'list'? (see 'travaux --help')\n"),
                                      (["xyzzy"], "travaux: no command 'xyzzy' (see 'travaux --help')\n"),
                                      (["ppwt", "--json"], "travaux: no command 'ppwt'; to read the proposal 'ppwt': travaux show ppwt (see 'travaux --help')\n")] {
            let result = try CLIProcess.fixture(arguments)
            #expect(result.status == 64, "\(arguments)")
            #expect(result.stderr == expected, "\(arguments)")
            #expect(result.stdout.isEmpty)
        }
        // A record that does not load leaves the plain answer.
        #expect(try CLIProcess.run(["--record", "/nowhere", "ppwt"]).stderr == "travaux: no command 'ppwt' (see 'travaux --help')\n")
        // A command's own misuse keeps ArgumentParser's answer, and a command still runs.
        #expect(try CLIProcess.fixture(["show", "--jsn", "ppwt"]).stderr.contains("Did you mean '--json'?"))
        #expect(try CLIProcess.fixture(["list", "events"]).status == 0)
    }

    @Test("a word that names no command after a group (note, tag) or after help gets the nearest, not the root's help; 'session list' is 'sessions'")
    func unknownSubcommand() throws {
        for (arguments, expected) in [
            (["note", "lst"], "travaux: no command 'note lst'; did you mean 'note list'? (see 'travaux note --help')\n"),
            (["tag", "renam", "a", "b"], "travaux: no command 'tag renam'; did you mean 'tag rename'? (see 'travaux tag --help')\n"),
            (["help", "notes"], "travaux: no command 'notes'; did you mean 'note'? (see 'travaux --help')\n"),
            (["help", "note", "lst"], "travaux: no command 'note lst'; did you mean 'note list'? (see 'travaux note --help')\n"),
            // The lists of tags and sessions are commands of their own.
            (["session", "list"], "travaux: no command 'session list'; did you mean 'travaux sessions'? (see 'travaux sessions --help')\n"),
            (["tag", "ls", "--json"], "travaux: no command 'tag ls'; did you mean 'travaux tags'? (see 'travaux tags --help')\n"),
            (["help", "session", "list"], "travaux: no command 'session list'; did you mean 'travaux sessions'? (see 'travaux sessions --help')\n"),
            (["--store", "/nowhere", "help", "xyzzy"], "travaux: no command 'xyzzy'; the commands here are list, show, search, "
                + "validate, note, tags, tag, sessions, session, export, compare (see 'travaux --help')\n"),
        ] {
            let result = try CLIProcess.fixture(arguments)
            #expect(result.status == 64 && result.stderr == expected && result.stdout.isEmpty, "\(arguments): \(result.stderr)")
        }
        // Aliases, and help on a real command, still work.
        #expect(try CLIProcess.fixture(["help", "note", "ls"]).stdout.contains("USAGE: travaux note list"))
        #expect(try CLIProcess.fixture(["note", "ls", "--store", try StoreProcessTests.temporaryStore()]).status == 0)
    }

    @Test("--version names the program, the record and notes directory it would use, and the ncurses linked; it never fails")
    func version() throws {
        let store = try StoreProcessTests.temporaryStore()
        let result = try CLIProcess.run(["--record", CLIProcess.fixtureRecord, "--store", store, "--version"])
        #expect(result.status == 0 && result.stderr.isEmpty)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 4, "\(lines)")
        #expect(lines.first?.wholeMatch(of: /travaux \d+\.\d+\.\d+/) != nil, "\(lines)")
        #expect(lines.dropFirst().first == "record: version test-1, \(CLIProcess.fixtureRecord)")
        #expect(lines.dropFirst(2).first == "notes: \(store)")
        #expect(lines.last?.hasPrefix("ncurses ") == true, "\(lines)")
        // The record and store as the other commands find them: = forms, environment, defaults.
        let byEnvironment = try CLIProcess.run(["--version"], environment: ["TRAVAUX_RECORD": CLIProcess.fixtureRecord,
                                                                           "TRAVAUX_STORE": store])
        #expect(byEnvironment.stdout == result.stdout)
        #expect(try CLIProcess.run(["--record=\(CLIProcess.fixtureRecord)", "--version", "--store=\(store)"]).stdout == result.stdout)
        // Beside the interface's own options, which the root help lists with it.
        #expect(try CLIProcess.run(["--one-pane", "--session", "seminar", "--record", CLIProcess.fixtureRecord, "--store", store,
                                    "--version"]).stdout == result.stdout)
        // What cannot be found is said, with what to do, and the version still comes.
        let missing = try CLIProcess.run(["--version", "--record", "/nowhere/record", "--store", ""])
        #expect(missing.status == 0)
        #expect(missing.stdout.contains("record: no record at /nowhere/record: no such directory; check the path given to --record or in TRAVAUX_RECORD\n"),
                "\(missing.stdout)")
        // A folder with none of a record's files is no record, not one with its manifest missing.
        let empty = try TestFiles.directory("version-empty")
        let emptyFolder = try CLIProcess.run(["--version", "--record", empty, "--store", store])
        #expect(emptyFolder.stdout.contains("record: no record at \(empty): no record.json nor any item file (events.json, proposals.json…) here; "
                                            + "pass --record the directory that holds record.json\n"), "\(emptyFolder.stdout)")
        let listed = try CLIProcess.run(["list", "works", "--record", empty, "--store", store])
        #expect(listed.status == 1 && listed.stderr.hasPrefix("travaux: no record at \(empty): no record.json nor any item file"), "\(listed.stderr)")
        #expect(missing.stdout.contains("notes: --store is empty; give the notes directory (is a variable unset?)\n"))
        // A readable manifest beside a broken file is no usable record, as every command says.
        let broken = try TestFiles.directory("version-broken") + "/record"
        try FileManager.default.copyItem(atPath: CLIProcess.fixtureRecord, toPath: broken)
        try "{\"actors\": [".write(toFile: broken + "/actors.json", atomically: true, encoding: .utf8)
        let unreadable = try CLIProcess.run(["--version", "--record", broken, "--store", store])
        #expect(unreadable.status == 0)
        #expect(unreadable.stdout.contains("record: version test-1, \(broken), cannot be used: 1 error; 'travaux validate \(broken)' names it\n"),
                "\(unreadable.stdout)")
        // The folder above a record names the record, as every command does.
        let above = String(CLIProcess.fixtureRecord.dropLast("/record".count))
        let parent = try CLIProcess.run(["--version", "--record", above, "--store", store])
        #expect(parent.stdout.contains("record: none at \(above), but \(CLIProcess.fixtureRecord) is a record; pass --record \(CLIProcess.fixtureRecord)\n"),
                "\(parent.stdout)")
        // A store that cannot be used (a file on its path, as XDG_DATA_HOME set to a file gives) is said too.
        let file = try TestFiles.directory("version-file") + "/data"
        try "not a folder".write(toFile: file, atomically: true, encoding: .utf8)
        let unusable = try CLIProcess.run(["--version", "--record", CLIProcess.fixtureRecord], environment: ["XDG_DATA_HOME": file, "TRAVAUX_STORE": ""])
        #expect(unusable.status == 0)
        #expect(unusable.stdout.contains("notes: \(file)/travaux/notes cannot be used: \(file) is a file, not a directory, on the way to the notes store"),
                "\(unusable.stdout)")
        // The root help lists it; given to a command it is that command's unknown option.
        #expect(try CLIProcess.run(["--help"]).stdout.contains("--version"))
        let toCommand = try CLIProcess.fixture(["list", "events", "--version"])
        #expect(toCommand.status == 64 && toCommand.stdout.isEmpty)
        // Beside what it does not take, that is named, not --version.
        for (arguments, named) in [(["--version", "--json"], "--json"), (["--version", "list"], "list")] {
            let result = try CLIProcess.run(arguments)
            #expect(result.status == 64 && result.stderr == "travaux: '\(named)' does not go with --version, which says the version, the record "
                    + "and the notes directory as text; give --version alone, or with --record and --store\n", "\(arguments): \(result.stderr)")
        }
        // After `--`, a note's text.
        #expect(try CLIProcess.run(["note", "add", "ppwt", "--record", CLIProcess.fixtureRecord, "--store", store, "--", "--version"]).status == 0)
    }
}

@Suite("travaux show on a terminal", .enabled(if: TerminalDriver.isAvailable, "needs tmux"))
struct ShowOnTerminalTests {
    @Test("a title longer than the terminal is wrapped as the fields are, its rule as long as its longest line")
    func longTitleWraps() throws {
        let terminal = try TerminalDriver(command: "\(CLIProcess.binary) show ppwt --record \(CompareCommandTests.shippedRecord); echo EXIT=$?",
                                          width: 60, height: 40)
        try terminal.waitFor(text: "EXIT=0")
        // Joined: a line the terminal wrapped comes back whole, as it was written.
        let lines = try terminal.tmux(["capture-pane", "-p", "-J", "-S", "-", "-t", terminal.session]).split(separator: "\n", omittingEmptySubsequences: false)
        // An address is kept whole, on a line of its own that the terminal may wrap.
        #expect(lines.allSatisfy { $0.count <= 60 || $0.contains("http") }, "\(lines.filter { $0.count > 60 })")
        #expect(lines.contains { $0.contains("<http://daccess-dds-ny.un.org/doc/UNDOC/GEN/G02/624/84/PDF/G0262484.pdf?OpenElement>") })
        let rule = try #require(lines.firstIndex { $0.hasPrefix("===") })
        #expect(rule >= 2, "the title took more than one line")
        #expect(lines[rule].count == lines[..<rule].map(\.count).max())
    }
}
