import Foundation
import Testing
@testable import TravauxCore
import TravauxTestSupport

@Suite("Loading and validating a record")
struct RecordLoaderTests {
    @Test("the fixture record loads with every item indexed")
    func loadsValidRecord() throws {
        let record = try Fixture.record()
        #expect(record.manifest.version == "test-1")
        #expect(record.events.count == 4)
        #expect(record.item("ppwt")?.kind == .proposal)
        #expect(record.item("russia")?.title == "Russia")
        #expect(Fixture.problems(in: Fixture.recordDirectory).isEmpty)
    }

    @Test("events order by date with undated events last")
    func eventsByDate() throws {
        let record = try Fixture.record()
        #expect(record.eventsByDate.map(\.id) == ["russian-resolutions", "ppwt-2008-draft", "osce-initial-cbms", "global-cyber-treaty-call"])
    }

    @Test("backlinks show who cites a footnote")
    func backlinks() throws {
        let record = try Fixture.record()
        #expect(record.backlinks(to: "chapter-fn-2").contains("osce-initial-cbms"))
        #expect(record.backlinks(to: "chapter-fn-2").contains("osce-cbms"))
        #expect(record.backlinks(to: "russia").contains("ppwt"))
    }

    @Test("malformed JSON names the file, line and column")
    func malformedJSON() throws {
        let directory = try Fixture.brokenCopy("actors.json") {
            $0.replacingOccurrences(of: #""kind": "state" },"#, with: #""kind": "state" }"#)
        }
        let problems = Fixture.problems(in: directory)
        #expect(problems.count == 1)
        let problem = try #require(problems.first)
        #expect(problem.file == "actors.json")
        #expect(problem.location == "line 4, column 3")
        #expect(problem.message.contains("expected ',' or ']'"))
    }

    @Test("what other JSON readers refuse, or read otherwise, is refused with its line and what to write: a trailing comma, a key twice, a tab, a Windows path, Latin-1, UTF-16, a fraction")
    func strictJSON() throws {
        let cases: [(String, (String) -> String, String, String)] = [
            ("actors.json", { $0.replacingOccurrences(of: #""sources": ["remarks-fn-1"] }"# + "\n]", with: #""sources": ["remarks-fn-1"] },"# + "\n]") },
             "line 5, column 1", "a comma before ']'; remove it"),
            ("actors.json", { $0.replacingOccurrences(of: #""aliases": ["Russian Federation", "Federation of Russia"] }"#,
                                                      with: #""aliases": ["Russian Federation", "Federation of Russia"], }"#) },
             "line 2, column 115", "a comma before '}'; remove it"),
            ("actors.json", { $0.replacingOccurrences(of: #""name": "China","#, with: #""name": "China", "name": "PRC","#) },
             "line 3, column 37", "\"name\" appears twice in this object; keep one"),
            ("actors.json", { $0.replacingOccurrences(of: "Hamadoun Touré", with: "Hamadoun\tTouré") }, "line 4, column 37", "a tab inside a string; write \\t, or a space"),
            ("actors.json", { $0.replacingOccurrences(of: "Hamadoun Touré", with: "Hamadoun\nTouré") }, "line 4, column 37", "a line break inside a string; write \\n"),
            ("actors.json", { $0.replacingOccurrences(of: "Hamadoun Touré", with: #"C:\Users"#) }, "line 4, column 31", #"\U is not a JSON escape; a backslash is written \\ (C:\\Users)"#),
            // The same key spelt with an escape is still the same key.
            ("actors.json", { $0.replacingOccurrences(of: #""name": "China","#, with: #""name": "China", "n\u0061me": "PRC","#) },
             "line 3, column 37", #""name" appears twice in this object ("n\u0061me" is "name" escaped); keep one"#),
            // The escaped spelling first: still named.
            ("actors.json", { $0.replacingOccurrences(of: #""name": "China","#, with: #""n\u0061me": "PRC", "name": "China","#) },
             "line 3, column 40", #""name" appears twice in this object ("n\u0061me" is "name" escaped); keep one"#),
            // A key of two lines, or with a terminal's escape, is shown as JSON writes it.
            ("actors.json", { $0.replacingOccurrences(of: #""name": "China","#, with: #""name": "China", "_a\nb": 1, "_a\nb": 2,"#) },
             "line 3, column 49", #""_a\nb" appears twice in this object; keep one"#),
            ("actors.json", { $0.replacingOccurrences(of: #""name": "China","#, with: #""name": "China", "_a\nb": 1, "_a\u000ab": 2,"#) },
             "line 3, column 49", #""_a\nb" appears twice in this object ("_a\u000ab" is "_a\nb" escaped); keep one"#),
            ("actors.json", { $0.replacingOccurrences(of: #""name": "China","#, with: #""name": "China", "_\u001b[31m": 1, "_\u001b[31m": 2,"#) },
             "line 3, column 55", #""_\u001b[31m" appears twice in this object; keep one"#),
            ("actors.json", { $0.replacingOccurrences(of: "Hamadoun Touré", with: #"Hamadoun \ud800"#) }, "line 4, column 38",
             #"\uD800 is half of a character (a lone UTF-16 surrogate); write the character itself, or both halves (\uD83D\uDE00)"#),
            ("actors.json", { $0.replacingOccurrences(of: "Hamadoun Touré", with: #"Hamadoun \ud83d\u0041"#) }, "line 4, column 38",
             #"\uD83D is half of a character and is not followed by its other half; write the character itself"#),
            ("actors.json", { $0.replacingOccurrences(of: "Hamadoun Touré", with: #"Hamadoun \udE00"#) }, "line 4, column 38",
             #"\uDE00 is half of a character (a lone UTF-16 surrogate); write the character itself, or both halves (\uD83D\uDE00)"#),
            ("actors.json", { $0.replacingOccurrences(of: #""summary": "ITU Secretary-General.""#, with: #""summary": 0126"#) }, "line 4, column 75",
             "a number with a leading zero (0126); write 126"),
        ]
        for (file, edit, location, message) in cases {
            let problems = Fixture.problems(in: try Fixture.brokenCopy(file, edit: edit))
            #expect(problems.map(\.file) == [file])
            #expect(problems.first?.location == location, "\(problems)")
            #expect(problems.first?.message == "malformed JSON: " + message, "\(problems)")
        }
        // Bytes that are not UTF-8 (a Latin-1 save), and a UTF-16 save.
        let directory = try Fixture.brokenCopy("actors.json") { $0.replacingOccurrences(of: "Touré", with: "Toure") }
        let path = directory + "/actors.json"
        let text = try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(of: "Toure", with: "Touré")
        try #require(text.data(using: .isoLatin1)).write(to: URL(fileURLWithPath: path))
        #expect(Fixture.problems(in: directory).map(\.message) == ["malformed JSON: byte 0xE9 is not UTF-8; save the file as UTF-8 (it looks like Latin-1 or Windows-1252)"])
        try #require(text.data(using: .utf16)).write(to: URL(fileURLWithPath: path))
        #expect(Fixture.problems(in: directory).map(\.message) == ["malformed JSON: the file is UTF-16 or UTF-32, not UTF-8; save it as UTF-8"])
        // A UTF-8 byte-order mark and Windows line ends are read.
        try (Data([0xEF, 0xBB, 0xBF]) + Data(text.replacingOccurrences(of: "\n", with: "\r\n").utf8)).write(to: URL(fileURLWithPath: path))
        #expect(Fixture.problems(in: directory).isEmpty)
        // Both halves of a character escaped, and an escaped key no other key spells, are JSON.
        try Data(text.replacingOccurrences(of: "Touré", with: #"Tour\u00e9 \uD83D\uDE00"#)
            .replacingOccurrences(of: #"{ "id": "china", "name""#, with: #"{ "id": "china", "n\u0061me""#).utf8).write(to: URL(fileURLWithPath: path))
        #expect(Fixture.problems(in: directory).isEmpty)
    }

    @Test("a key no item of its kind has (a misspelling) is an error at its path with the nearest field, since what it holds would vanish; a key beginning with _ is the author's remark")
    func unknownField() throws {
        let directory = try Fixture.brokenCopy("proposals.json") {
            $0.replacingOccurrences(of: #""quotes": [{ "id": "q-no-weapons""#, with: #""quote": [{ "id": "q-no-weapons""#)
        }
        let problems = Fixture.problems(in: directory)
        #expect(problems.map(\.location) == ["$[0].versions[0].quote"], "\(problems)")
        #expect(problems.first?.message == "unknown field 'quote'; did you mean 'quotes'? (a remark of your own goes in a key beginning with _)")
        #expect(problems.first?.severity == .error)
        let remark = try Fixture.brokenCopy("actors.json") {
            $0.replacingOccurrences(of: #"{ "id": "china", "name": "China","#, with: #"{ "id": "china", "name": "China", "_remark": "check the 2014 text","#)
        }
        #expect(Fixture.problems(in: remark).isEmpty)
        let far = try Fixture.brokenCopy("actors.json") {
            $0.replacingOccurrences(of: #"{ "id": "china", "name": "China","#, with: #"{ "id": "china", "name": "China", "flag": "cn","#)
        }
        #expect(Fixture.problems(in: far).map(\.message) == ["unknown field 'flag' (a remark of your own goes in a key beginning with _)"])
        #expect(Fixture.problems(in: far).map(\.location) == ["$[1].flag"])
        // Two letters are not a misspelling of another two.
        let short = try Fixture.brokenCopy("actors.json") {
            $0.replacingOccurrences(of: #"{ "id": "china", "name": "China","#, with: #"{ "id": "china", "name": "China", "zz": 1,"#)
        }
        #expect(Fixture.problems(in: short).map(\.message) == ["unknown field 'zz' (a remark of your own goes in a key beginning with _)"])
    }

    @Test("a mis-cased or misspelt key is named as why its item lacks a field even when no item of the file decodes")
    func unknownFieldWhenNoItemDecodes() throws {
        let directory = try Fixture.brokenCopy("works.json") {
            $0.replacingOccurrences(of: #""title": "#, with: #""Title": "#)
              .replacingOccurrences(of: #""footnoteCount": 2,"#, with: #""footnoteCount": 2, "summry": "x", "form2": "y","#)
        }
        let messages = Fixture.problems(in: directory).filter { $0.file == "works.json" }.map { $0.location + ": " + $0.message }
        let remark = " (a remark of your own goes in a key beginning with _)"
        #expect(messages == [
            "$[0].title: missing required field 'title'",
            "$[1].title: missing required field 'title'",
            "$[0].Title: unknown field 'Title'; did you mean 'title'?" + remark,
            "$[1].Title: unknown field 'Title'; did you mean 'title'?" + remark,
        ], "\(messages)")
    }

    @Test("an escaped key (Python's json.dump writes é as \\u00e9) leaves unknown keys found: a remark's, passed over, and a misspelling's, named as read")
    func unknownFieldBesideEscapedKey() throws {
        let directory = try Fixture.brokenCopy("actors.json") {
            $0.replacingOccurrences(of: #"{ "id": "china", "name": "China","#, with: #"{ "id": "china", "name": "China", "_remarque_v\u00e9rifi\u00e9e": "oui", "summry": "x", "Titl\u0065": "y","#)
        }
        let remark = " (a remark of your own goes in a key beginning with _)"
        #expect(Fixture.problems(in: directory).map { $0.location + ": " + $0.message } == [
            "$[1].summry: unknown field 'summry'; did you mean 'summary'?" + remark,
            "$[1].Title: unknown field 'Title'" + remark,
        ], "\(Fixture.problems(in: directory))")
        // A key with a line break or a terminal's escape is shown as JSON writes it, one problem a line.
        let shown = try Fixture.brokenCopy("actors.json") {
            $0.replacingOccurrences(of: #"{ "id": "china", "name": "China","#, with: #"{ "id": "china", "name": "China", "\u001b[31mred": 1, "a\nb": 2,"#)
        }
        #expect(Fixture.problems(in: shown).map(\.description) == [
            #"actors.json: $[1].\u001b[31mred: unknown field '\u001b[31mred' (a remark of your own goes in a key beginning with _)"#,
            #"actors.json: $[1].a\nb: unknown field 'a\nb' (a remark of your own goes in a key beginning with _)"#,
        ], "\(Fixture.problems(in: shown))")
        // Two spellings of one key, one escaped: the key twice, whichever comes first.
        let twice = try Fixture.brokenCopy("actors.json") {
            $0.replacingOccurrences(of: #"{ "id": "china", "name": "China","#, with: #"{ "id": "china", "n\u0061me": "PRC", "name": "China","#)
        }
        #expect(Fixture.problems(in: twice).map(\.message) == [#"malformed JSON: "name" appears twice in this object ("n\u0061me" is "name" escaped); keep one"#])
        // é, and e with its accent apart, are two keys to JSON: no key twice.
        let equivalent = try Fixture.brokenCopy("actors.json") {
            $0.replacingOccurrences(of: #"{ "id": "china", "name": "China","#, with: #"{ "id": "china", "name": "China", "_caf\u00e9": 1, "_cafe\u0301": 2,"#)
        }
        #expect(Fixture.problems(in: equivalent).isEmpty, "\(Fixture.problems(in: equivalent))")
    }

    @Test("an unknown key is named even when its file has an item that does not decode: in the other items, and at the top of the broken one, where a mis-cased key is why")
    func unknownFieldBesideBrokenItem() throws {
        let directory = try Fixture.brokenCopy("events.json") {
            $0.replacingOccurrences(of: #""title": "OSCE adopts an initial set of cyber CBMs""#, with: #""Title": "OSCE adopts an initial set of cyber CBMs""#)
              .replacingOccurrences(of: #""date": "2008-02","#, with: #""dat": "2008-02","#)
              .replacingOccurrences(of: #""summary": "An annual series.","#, with: #""summary": 1998,"#)
        }
        let messages = Fixture.problems(in: directory).filter { $0.file == "events.json" }.map { $0.location + ": " + $0.message }
        let remark = " (a remark of your own goes in a key beginning with _)"
        #expect(messages == [
            "$[0].title: missing required field 'title'",
            "$[2].summary: has the wrong type: expected a string",
            "$[0].Title: unknown field 'Title'; did you mean 'title'?" + remark,
            "$[1].dat: unknown field 'dat'; did you mean 'date', 'dateWording'?" + remark,
        ], "\(messages)")
    }

    @Test("values that cannot be right are errors: a negative vote, an actor voting twice, an empty fact, a footnote or item referring to itself, a part id not kebab-case, two elements of one number")
    func implausibleValues() throws {
        let directory = try Fixture.brokenCopy("events.json") {
            $0.replacingOccurrences(of: #""vote": { "wording": "adopted every year" }"#,
                                    with: #""vote": { "wording": "adopted every year", "yes": -5, "yesActors": ["russia"], "noActors": ["russia"] }"#)
              .replacingOccurrences(of: #""facts": [{ "label": "measures", "value": "11", "source": "chapter-fn-2" }]"#,
                                    with: #""facts": [{ "label": "measures", "value": " ", "source": "chapter-fn-2" }]"#)
        }
        let edits = [
            ("sources.json", #""refersTo": "chapter-fn-2""#, #""refersTo": "chapter-fn-3""#),
            ("proposals.json", #""related": ["osce-cbms"]"#, #""related": ["osce-cbms", "ppwt"]"#),
            ("proposals.json", #""quotes": [{ "id": "q-no-weapons""#, #""quotes": [{ "id": "Q_no-weapons""#),
            ("proposals.json", #""elements": [{ "id": "e1", "number": "1", "text": "No weapons in orbit.", "sources": ["chapter-fn-1"] }]"#,
             #""elements": [{ "id": "e1", "number": "1", "text": "No weapons in orbit.", "sources": ["chapter-fn-1"] }, { "id": "e2", "number": "1", "text": "Again.", "versions": ["2014"] }]"#),
        ]
        for (file, old, new) in edits {
            let path = directory + "/" + file
            let text = try String(contentsOfFile: path, encoding: .utf8)
            try #require(text.contains(old), "\(file)")
            try TestFiles.replace(path, with: text.replacingOccurrences(of: old, with: new))
        }
        let messages = Fixture.problems(in: directory).map { $0.location + ": " + $0.message }
        for expected in [
            ".vote.yes: -5 votes; a count cannot be negative",
            ".vote.noActors[0]: 'russia' is in yesActors too; an actor casts one vote",
            ".facts[0].value: is empty; write some text",
            ".refersTo: a footnote cannot refer to itself; name the earlier footnote it repeats (its 'supra')",
            "$[0].related[1]: 'ppwt' is the item itself; related items are others",
            "$[0].versions[0].quotes[0].id: quote id 'Q_no-weapons' must be kebab-case: lower-case letters and digits joined by '-'",
            "$[0].elements[1].number: element number 1 is also element 'e1''s in a version both are in; number them apart",
        ] {
            #expect(messages.contains { $0.hasSuffix(expected) }, "\(expected) not in \(messages)")
        }
    }

    @Test("a text written empty, required (a version's label, a work's form) or optional, an actor listed twice in one vote list, and more actors named than the count are errors")
    func implausibleTextsAndCounts() throws {
        let directory = try Fixture.brokenCopy("events.json") {
            $0.replacingOccurrences(of: #""vote": { "wording": "adopted every year" }"#,
                                    with: #""vote": { "wording": "adopted every year", "no": 1, "noActors": ["russia", "china", "russia"], "yes": 2, "abstain": 0, "abstainActors": ["toure"] }"#)
        }
        let edits = [
            ("actors.json", #""summary": "ITU Secretary-General.""#, #""summary": "  ""#),
            ("proposals.json", #""text": "No weapons in orbit.","#, #""text": "", "quote": "","#),
            ("proposals.json", #""summary": "No verification.""#, #""summary": """#),
            ("forums.json", #"{ "id": "un", "name": "United Nations" }"#, #"{ "id": "un", "name": "United Nations", "summary": "" }"#),
            ("sources.json", #""citation": "'Draft Treaty"#, #""remark": " ", "citation": "'Draft Treaty"#),
            ("proposals.json", #""label": "Draft treaty""#, #""label": """#),
            ("works.json", #""form": "book chapter""#, #""form": " ", "seed": """#),
        ]
        for (file, old, new) in edits {
            let path = directory + "/" + file
            let text = try String(contentsOfFile: path, encoding: .utf8)
            try #require(text.contains(old), "\(file)")
            try TestFiles.replace(path, with: text.replacingOccurrences(of: old, with: new))
        }
        let messages = Fixture.problems(in: directory).map { $0.file + " " + $0.location + ": " + $0.message }
        #expect(messages == [
            "works.json $[0].form: is empty; write some text",
            "works.json $[0].seed: is empty; write some text, or leave the field out",
            "sources.json $[0].remark: is empty; write some text, or leave the field out",
            "events.json $[2].vote.noActors[2]: 'russia' is listed twice in noActors; list each actor once",
            "events.json $[2].vote.no: 1 vote but 2 actors named in noActors; the count includes every actor named (check the count, or the list)",
            "events.json $[2].vote.abstain: 0 votes but 1 actor named in abstainActors; the count includes every actor named (check the count, or the list)",
            "proposals.json $[0].versions[0].label: is empty; write some text",
            "proposals.json $[0].elements[0].text: is empty; write some text",
            "proposals.json $[0].elements[0].quote: is empty; write some text, or leave the field out",
            "proposals.json $[0].criticisms[0].summary: is empty; write some text",
            "actors.json $[2].summary: is empty; write some text, or leave the field out",
            "forums.json $[0].summary: is empty; write some text, or leave the field out",
        ], "\(messages)")
    }

    @Test("a text is blank when every character is white space, Unicode's included, whatever its first byte")
    func blankTexts() {
        for blank in ["", " ", "\t\n", "\u{00A0}", "\u{3000}\u{3000}", " \u{2003}\r\n"] {
            #expect(RecordValidator.isBlank(blank), "\(Array(blank.unicodeScalars))")
        }
        for text in ["a", " a", "\u{00A0}x", "é", "\u{7F}", "!", "\u{3000}条"] {
            #expect(!RecordValidator.isBlank(text), "\(Array(text.unicodeScalars))")
        }
    }

    @Test("a theme type spelt two ways (case, spaces, hyphens), which the Themes pane would show as two headings, is a warning on the spellings fewer themes use")
    func themeTypeSpelling() throws {
        let directory = try Fixture.brokenCopy("themes.json") { text in
            guard let start = text.firstIndex(of: "{"), let end = text.lastIndex(of: "}") else { return text }
            let theme = String(text[start...end])
            let twin = theme.replacingOccurrences(of: #""type": "cbms-vs-treaty""#, with: #""type": "CBMs vs treaty""#)
                .replacingOccurrences(of: #""id": ""#, with: #""id": "twin-"#)
            return text.replacingCharacters(in: start...end, with: theme + ",\n  " + twin)
        }
        let problems = Fixture.problems(in: directory).filter { $0.location.hasSuffix(".type") }
        #expect(problems.map(\.description) == ["themes.json: $[1].type: warning: 'CBMs vs treaty' is spelt 'cbms-vs-treaty' by another theme; "
                                                 + "one spelling keeps them under one heading in the Themes pane"], "\(Fixture.problems(in: directory))")
        // The spelling most themes use is the one advised, though a theme before them has another.
        let majority = try Fixture.brokenCopy("themes.json") { text in
            guard let start = text.firstIndex(of: "{"), let end = text.lastIndex(of: "}") else { return text }
            let theme = String(text[start...end])
            let odd = theme.replacingOccurrences(of: #""type": "cbms-vs-treaty""#, with: #""type": "CBMS VS TREATY""#)
            let twin = theme.replacingOccurrences(of: #""id": ""#, with: #""id": "twin-"#)
            return text.replacingCharacters(in: start...end, with: odd + ",\n  " + theme.replacingOccurrences(of: #""id": ""#, with: #""id": "third-"#) + ",\n  " + twin)
        }
        let advice = Fixture.problems(in: majority).filter { $0.location.hasSuffix(".type") }
        #expect(advice.map(\.description) == ["themes.json: $[0].type: warning: 'CBMS VS TREATY' is spelt 'cbms-vs-treaty' by 2 other themes; "
                                                + "one spelling keeps them under one heading in the Themes pane"], "\(Fixture.problems(in: majority))")
    }

    @Test("a fraction or a number too large where a whole number goes says so in words, not as Foundation's case name, at the field's own path")
    func fractionForAWholeNumber() throws {
        let directory = try Fixture.brokenCopy("sources.json") { text in
            guard let range = text.range(of: #""number": 1,"#) else { return text }
            return text.replacingCharacters(in: range, with: #""number": 2.5,"#)
        }
        #expect(Fixture.problems(in: directory).map(\.description) == ["sources.json: $[0].number: 2.5 is not a whole number this field can hold; write one such as 3"],
                "\(Fixture.problems(in: directory))")
        // Nested, and the same text elsewhere in the item as a string: only the number is meant.
        let nested = try Fixture.brokenCopy("events.json") {
            $0.replacingOccurrences(of: #""vote": { "wording": "adopted every year" }"#,
                                    with: #""vote": { "wording": "1e30", "yes": 1e30 }"#)
        }
        let problems = Fixture.problems(in: nested)
        #expect(problems.map(\.description) == ["events.json: $[2].vote.yes: 1e30 is not a whole number this field can hold; write one such as 3"], "\(problems)")
    }

    @Test("a missing required field names its JSON path")
    func missingField() throws {
        let directory = try Fixture.brokenCopy("events.json") {
            $0.replacingOccurrences(of: #""summary": "An annual series.","#, with: "")
        }
        let problems = Fixture.problems(in: directory)
        #expect(problems.map(\.description) == ["events.json: $[2].summary: missing required field 'summary'"])
    }

    @Test("a date that is not ISO is reported with its path and the ISO date it was likely meant to be")
    func invalidDate() throws {
        let directory = try Fixture.brokenCopy("proposals.json") {
            $0.replacingOccurrences(of: #""date": "2008-02-29""#, with: #""date": "29 Feb 2008""#)
        }
        let problem = try #require(Fixture.problems(in: directory).first)
        #expect(problem.file == "proposals.json")
        #expect(problem.location == "$[0].versions[0].date")
        #expect(problem.message == "'29 Feb 2008' is not a date; write '2008-02-29'")
    }

    @Test("after an item that does not decode, the problems of the items below it name their own places in the file")
    func pathsAfterABrokenItem() throws {
        let directory = try Fixture.brokenCopy("events.json") {
            $0.replacingOccurrences(of: #""date": "2008-02""#, with: #""date": "Feb 2008""#)
              .replacingOccurrences(of: #"["toure"]"#, with: #"["nobody"]"#)
        }
        let problems = Fixture.problems(in: directory).map(\.description)
        #expect(problems.contains { $0.hasPrefix("events.json: $[1].date: 'Feb 2008' is not a date") })
        #expect(problems.contains("events.json: $[3].actors[0]: unknown actor 'nobody'"))
    }

    @Test("a cycle of forum parents is reported on each forum of the cycle, not on the forums below it")
    func forumCycle() throws {
        let directory = try Fixture.brokenCopy("forums.json") {
            $0.replacingOccurrences(of: #"{ "id": "un", "name": "United Nations""#, with: #"{ "id": "un", "name": "United Nations", "parent": "unga""#)
        }
        #expect(Fixture.problems(in: directory).map(\.description) == [
            "forums.json: $[0].parent: forum 'un' is its own ancestor (un › unga › un); give one of them another parent or none",
            "forums.json: $[1].parent: forum 'unga' is its own ancestor (unga › un › unga); give one of them another parent or none",
        ])
    }

    @Test("a wrong enum value lists the allowed values")
    func wrongEnum() throws {
        let directory = try Fixture.brokenCopy("events.json") {
            $0.replacingOccurrences(of: #""domain": "space""#, with: #""domain": "outer space""#)
        }
        let problem = try #require(Fixture.problems(in: directory).first)
        #expect(problem.location == "$[1].domain")
        #expect(problem.message == "'outer space' is not one of 'space', 'cyber', 'general'")
    }

    @Test("a field of the wrong type says what was expected")
    func wrongType() throws {
        let directory = try Fixture.brokenCopy("works.json") {
            $0.replacingOccurrences(of: #""footnoteCount": 3"#, with: #""footnoteCount": "3""#)
        }
        let problem = try #require(Fixture.problems(in: directory).first)
        #expect(problem.location == "$[0].footnoteCount")
        #expect(problem.message == "has the wrong type: expected a whole number")
    }

    @Test("a file that cannot be read says why, and what names its items is not reported again")
    func unreadableFile() throws {
        let directory = try Fixture.brokenCopy("events.json") { $0 + " " }
        try FileManager.default.removeItem(atPath: directory + "/events.json")
        try FileManager.default.createDirectory(atPath: directory + "/events.json", withIntermediateDirectories: false)
        let problems = Fixture.problems(in: directory)
        #expect(problems.map(\.description) == ["events.json: -: cannot be read (a directory); it must be a file you may read"])
    }

    @Test("a kind's file missing (renamed by a slip) is one problem naming it, and the file it was renamed to, in place of every reference into it")
    func missingFile() throws {
        let directory = try Fixture.brokenCopy("actors.json") { $0 + " " }
        try FileManager.default.moveItem(atPath: directory + "/actors.json", toPath: directory + "/actor.json")
        let problems = Fixture.problems(in: directory)
        #expect(problems.count == 1, "\(problems.map(\.description))")
        let problem = try #require(problems.first)
        #expect(problem.file == "actors.json" && problem.location == "-")
        #expect(problem.message.hasPrefix("missing, and "))
        #expect(problem.message.hasSuffix("; actor.json is there: name it actors.json"))
        // Gone without a trace: how to mend it, in general (a folder named like it is not it).
        try FileManager.default.removeItem(atPath: directory + "/actor.json")
        try FileManager.default.createDirectory(atPath: directory + "/actors.json.d", withIntermediateDirectories: false)
        #expect(Fixture.problems(in: directory).first?.message.hasSuffix("; if it was renamed, name it actors.json again") == true)
        // A long report says its heading again below, where the terminal leaves it in view.
        let many = RecordLoadError(directory: "/r", problems: (0..<11).map { RecordProblem(file: "events.json", location: "$[\($0)]", message: "x") })
        #expect(many.description.hasSuffix("\nthe record in /r has 11 problems (above); 'travaux validate --record /r' lists them again"))
        #expect(!RecordLoadError(directory: "/r", problems: Array(many.problems.prefix(3))).description.contains("(above)"))
    }

    @Test("an item that cannot be decoded is reported once, and what refers to it is not reported again")
    func brokenItemKeepsItsID() throws {
        let directory = try Fixture.brokenCopy("actors.json") {
            $0.replacingOccurrences(of: #""id": "china", "name": "China", "kind": "state""#,
                                    with: #""id": "china", "name": "China", "kind": 7"#)
        }
        let problems = Fixture.problems(in: directory)
        #expect(problems.map(\.location) == ["$[1].kind"])
        #expect(!problems.contains { $0.message.contains("unknown") }, "proposals.json names 'china' as a sponsor")
    }

    @Test("checked in two halves at once, a record's problems are those of one pass, in the same order")
    func validatedInTwoHalves() throws {
        let directory = try Fixture.brokenCopy("events.json") {
            $0.replacingOccurrences(of: #""forum": "osce""#, with: #""forum": "osec""#)
        }
        let edits = [
            ("proposals.json", #""sponsors": ["russia", "china"]"#, #""sponsors": ["russia", "cd"]"#),
            ("forums.json", #""id": "un", "name""#, #""id": "russia", "name""#),
            ("works.json", #""footnoteCount": 3"#, #""footnoteCount": 4"#),
            ("actors.json", #""id": "china""#, #""id": "China""#),
        ]
        for (file, old, new) in edits {
            let path = directory + "/" + file
            let text = try String(contentsOfFile: path, encoding: .utf8)
            try #require(text.contains(old), "\(file)")
            try TestFiles.replace(path, with: text.replacingOccurrences(of: old, with: new))
        }
        let decoded = RecordLoader.decode(directory: directory)
        let record = try #require(decoded.record)
        let onePass = RecordValidator(record: record, damage: decoded.damage, parts: 1).problems()
        let twoHalves = RecordValidator(record: record, damage: decoded.damage, parts: 2).problems()
        // Ids first, then the items file by file, then the checks across files.
        let expected = [
            "actors.json: $[1].id: id 'China' must be kebab-case: lower-case letters and digits joined by '-'",
            "forums.json: $[0].id: id 'russia' is also the id of an actor (actors.json $[0]); ids are unique across the record: "
                + "rename one (what refers to 'russia' is read as the actor until then)",
            "events.json: $[0].forum: unknown forum 'osec'; did you mean 'osce'?",
            "events.json: $[1].actors[1]: unknown actor 'china'; did you mean 'China'?",
            "proposals.json: $[0].sponsors[1]: 'cd' is a forum but must be an actor",
            "forums.json: $[1].parent: unknown forum 'un'; did you mean 'unga'?",
            "forums.json: $[2].parent: unknown forum 'un'; did you mean 'unga'?",
            "works.json: $[0].footnoteCount: 'chapter' has 4 footnotes but sources.json lacks number 4",
        ]
        #expect(onePass.map(\.description) == expected)
        #expect(twoHalves.map(\.description) == expected)
    }

    @Test("an id used twice is reported, even across files, naming both places, without blaming what refers to it")
    func duplicateID() throws {
        let directory = try Fixture.brokenCopy("forums.json") {
            $0.replacingOccurrences(of: #""id": "un", "name""#, with: #""id": "russia", "name""#)
        }
        let problems = Fixture.problems(in: directory)
        // Both places named, and what names 'russia' or 'un' not reported again as the wrong kind.
        #expect(problems.first?.description == "forums.json: $[0].id: id 'russia' is also the id of an actor (actors.json $[0]); ids are unique "
                + "across the record: rename one (what refers to 'russia' is read as the actor until then)")
        #expect(!problems.contains { $0.message.contains("but must be") }, "\(problems)")
        // An event given a proposal's id: the proposal is named where it is, and the references to it are not blamed.
        let event = try Fixture.brokenCopy("events.json") { text in
            guard let range = text.range(of: #""id": "#) else { return text }
            let rest = text[range.upperBound...]
            guard let close = rest.dropFirst().firstIndex(of: "\"") else { return text }
            return text.replacingCharacters(in: range.upperBound...close, with: #""ppwt""#)
        }
        let reported = Fixture.problems(in: event).map(\.description)
        #expect(reported.contains { $0.hasPrefix("proposals.json: $[0].id: id 'ppwt' is also the id of an event (events.json $[0])") }, "\(reported)")
        #expect(!reported.contains { $0.contains("but must be") }, "\(reported)")
    }

    @Test("an unknown reference is reported with the nearest id")
    func unknownReference() throws {
        let directory = try Fixture.brokenCopy("events.json") {
            $0.replacingOccurrences(of: #""forum": "osce""#, with: #""forum": "osec""#)
        }
        let problem = try #require(Fixture.problems(in: directory).first)
        #expect(problem.description == "events.json: $[0].forum: unknown forum 'osec'; did you mean 'osce'?")
    }

    @Test("a reference to the wrong kind of item is reported")
    func wrongKindReference() throws {
        let directory = try Fixture.brokenCopy("proposals.json") {
            $0.replacingOccurrences(of: #""sponsors": ["russia", "china"]"#, with: #""sponsors": ["russia", "cd"]"#)
        }
        let problem = try #require(Fixture.problems(in: directory).first)
        #expect(problem.description == "proposals.json: $[0].sponsors[1]: 'cd' is a forum but must be an actor")
    }

    @Test("a criticism of a version that does not exist is reported")
    func unknownVersion() throws {
        let directory = try Fixture.brokenCopy("proposals.json") {
            $0.replacingOccurrences(of: #""version": "2008""#, with: #""version": "2009""#)
        }
        let problem = try #require(Fixture.problems(in: directory).first)
        #expect(problem.location == "$[0].criticisms[0].version")
        #expect(problem.message.contains("unknown version '2009' of 'ppwt'"))
    }

    @Test("a dated version listed after a later one is reported; precisions that overlap and undated versions are not")
    func versionsOutOfOrder() throws {
        let directory = try Fixture.brokenCopy("proposals.json") {
            $0.replacingOccurrences(of: #""date": "2008-02-29""#, with: #""date": "2015""#)
        }
        let problems = Fixture.problems(in: directory)
        #expect(problems.map(\.description) == ["proposals.json: $[0].versions[1].date: version '2014' (2014-06-12) is listed after '2008' (2015); list versions oldest first"])
        for (first, second) in [("2014", "2014-06-12"), ("2014-06", "2014-06-12"), ("2014-06-12", "2014-06-12")] {
            let overlapping = try Fixture.brokenCopy("proposals.json") {
                $0.replacingOccurrences(of: #""date": "2008-02-29""#, with: #""date": "\#(first)""#)
                  .replacingOccurrences(of: #""date": "2014-06-12""#, with: #""date": "\#(second)""#)
            }
            #expect(Fixture.problems(in: overlapping).isEmpty, "\(first) then \(second)")
        }
        let undatedFirst = try Fixture.brokenCopy("proposals.json") {
            $0.replacingOccurrences(of: #""date": "2008-02-29","#, with: "")
        }
        #expect(Fixture.problems(in: undatedFirst).isEmpty)
    }

    @Test("an element held by a version that does not exist is reported")
    func elementOfUnknownVersion() throws {
        let directory = try Fixture.brokenCopy("proposals.json") {
            $0.replacingOccurrences(of: #""text": "No weapons in orbit.","#, with: #""text": "No weapons in orbit.", "versions": ["2008", "2012"],"#)
        }
        let problems = Fixture.problems(in: directory)
        #expect(problems.count == 1)
        #expect(problems.first?.location == "$[0].elements[0].versions[1]")
        #expect(problems.first?.message == "unknown version '2012' of 'ppwt' (versions: 2008, 2014)")
    }

    @Test("a missing footnote is reported against its work")
    func missingFootnote() throws {
        let directory = try Fixture.brokenCopy("works.json") {
            $0.replacingOccurrences(of: #""footnoteCount": 2"#, with: #""footnoteCount": 4"#)
        }
        let problem = try #require(Fixture.problems(in: directory).first)
        #expect(problem.description == "works.json: $[1].footnoteCount: 'remarks' has 4 footnotes but sources.json lacks numbers 3–4")
    }

    @Test("missing footnotes are listed as runs, the first twelve of them")
    func missingFootnoteRuns() throws {
        #expect(RecordValidator.runs([1, 2, 3, 7, 9, 10]) == [1...3, 7...7, 9...10])
        #expect(RecordValidator.runs([]) == [])
        let directory = try Fixture.brokenCopy("works.json") {
            $0.replacingOccurrences(of: #""footnoteCount": 2"#, with: #""footnoteCount": 60000"#)
        }
        let problems = Fixture.problems(in: directory)
        #expect(problems.map(\.description) == ["works.json: $[1].footnoteCount: 'remarks' has 60000 footnotes but sources.json lacks numbers 3–60000"])
    }

    @Test("a footnote count past any book's is reported as such, without listing what it lacks",
          arguments: ["9223372036854775807", "100001"])
    func absurdFootnoteCount(_ count: String) throws {
        let directory = try Fixture.brokenCopy("works.json") {
            $0.replacingOccurrences(of: #""footnoteCount": 2"#, with: #""footnoteCount": "# + count)
        }
        let problems = Fixture.problems(in: directory)
        #expect(problems.map(\.description) == [
            "works.json: $[1].footnoteCount: is \(count); a work of more than 100000 footnotes is a typing error",
        ])
    }

    @Test("a malformed document symbol is reported")
    func badSymbol() throws {
        let directory = try Fixture.brokenCopy("events.json") {
            $0.replacingOccurrences(of: #""symbols": ["CD/1839"]"#, with: #""symbols": ["CD 1839"]"#)
        }
        let problem = try #require(Fixture.problems(in: directory).first)
        #expect(problem.location == "$[1].symbols[0]")
        #expect(problem.message.contains("is not a document symbol"))
    }

    @Test("an id that is not kebab-case is reported")
    func badID() throws {
        let directory = try Fixture.brokenCopy("actors.json") {
            $0.replacingOccurrences(of: #""id": "china""#, with: #""id": "China""#)
        }
        let problems = Fixture.problems(in: directory)
        #expect(problems.contains { $0.location == "$[1].id" && $0.message.contains("kebab-case") })
    }

    @Test("a file that is not a list says what it must be")
    func notAList() throws {
        let directory = try Fixture.brokenCopy("themes.json") { _ in #"{"id": "x"}"# }
        #expect(Fixture.problems(in: directory).map(\.description) == ["themes.json: $: must be a JSON array of themes ([ {...}, {...} ])"])
    }

    @Test("an event without sources is reported")
    func eventWithoutSources() throws {
        let directory = try Fixture.brokenCopy("events.json") {
            $0.replacingOccurrences(of: #""sources": ["remarks-fn-1"]"#, with: #""sources": []"#)
        }
        #expect(Fixture.problems(in: directory).contains { $0.location == "$[3].sources" && $0.message.contains("at least one source") })
    }

    @Test("a footnote nothing cites is a warning, not an error")
    func uncitedSourceIsWarning() throws {
        let directory = try Fixture.brokenCopy("actors.json") {
            $0.replacingOccurrences(of: #", "sources": ["remarks-fn-1"]"#, with: "")
        }
        let editedEvents = try String(contentsOfFile: directory + "/events.json", encoding: .utf8)
            .replacingOccurrences(of: #""sources": ["remarks-fn-1"]"#, with: #""sources": ["remarks-fn-2"]"#)
        try TestFiles.replace(directory + "/events.json", with: editedEvents)
        let problems = Fixture.problems(in: directory)
        #expect(problems.count == 1)
        #expect(problems.first?.severity == .warning)
        #expect(problems.first?.message.contains("'remarks-fn-1' is cited by no") == true)
        #expect(throws: Never.self) { try RecordLoader.load(directory: directory) }
    }

    @Test("every problem in every file is reported at once")
    func reportsAllProblems() throws {
        let directory = try Fixture.brokenCopy("events.json") {
            $0.replacingOccurrences(of: #""forum": "osce""#, with: #""forum": "nowhere""#)
                .replacingOccurrences(of: #""date": "1998""#, with: #""date": "98""#)
        }
        let broken = try String(contentsOfFile: directory + "/actors.json", encoding: .utf8)
            .replacingOccurrences(of: #""kind": "person""#, with: #""kind": "alien""#)
        try TestFiles.replace(directory + "/actors.json", with: broken)
        let problems = Fixture.problems(in: directory)
        #expect(problems.contains { $0.file == "events.json" && $0.location == "$[0].forum" })
        #expect(problems.contains { $0.file == "events.json" && $0.location == "$[2].date" })
        #expect(problems.contains { $0.file == "actors.json" && $0.location == "$[2].kind" })
        let error = try #require(throws: RecordLoadError.self) { try RecordLoader.load(directory: directory) }
        #expect(error.errors.count >= 3)
    }

    @Test("a directory with item files but no record.json says what is missing; one with no record file is no record")
    func missingManifest() throws {
        let directory = try Fixture.temporaryDirectory()
        try "[]".write(toFile: directory + "/events.json", atomically: true, encoding: .utf8)
        let problems = Fixture.problems(in: directory)
        #expect(problems.map(\.file) == ["record.json"])
        #expect(problems.first?.message.contains("needs record.json") == true)
        // Empty, or holding something else (a handout): the folder is the problem.
        let other = try Fixture.temporaryDirectory()
        try "# Handout".write(toFile: other + "/notes.md", atomically: true, encoding: .utf8)
        let error = try #require(throws: RecordLoadError.self) { try RecordLoader.load(directory: other) }
        #expect(error.isAboutTheDirectory)
        #expect(error.oneLine == "no record at \(other): no record.json nor any item file (events.json, proposals.json…) here; "
                + "pass --record the directory that holds record.json")
    }

    @Test("a directory that does not exist says how to point at one")
    func missingDirectory() {
        let problems = Fixture.problems(in: "/nonexistent/travaux-record")
        #expect(problems.first?.message == "no such directory; check the path given to --record or in TRAVAUX_RECORD")
    }
}

@Suite("Footnote numbering")
struct FootnoteNumberingTests {
    @Test("a footnote number used twice in one work is reported on the second")
    func duplicateFootnote() throws {
        let directory = try Fixture.brokenCopy("sources.json") {
            $0.replacingOccurrences(of: #""number": 2,"#, with: #""number": 1,"#)
        }
        let problems = Fixture.problems(in: directory)
        #expect(problems.contains { $0.description == "sources.json: $[1].number: footnote 1 of 'chapter' is already 'chapter-fn-1'" })
    }
}
