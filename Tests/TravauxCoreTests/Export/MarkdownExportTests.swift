import Foundation
import Testing
@testable import TravauxCore

@Suite("Exporting notes to a Markdown handout")
struct MarkdownExportTests {
    let record: Record

    init() throws { record = try Fixture.record() }

    func export(_ selection: ExportSelection = ExportSelection(), title: String? = nil) throws -> String {
        try MarkdownExport.render(notes: ExportFixture.fixtureCollection, record: record,
                                  options: ExportFixture.options(selection, title: title))
    }

    @Test("the fixture handout matches its golden file, which is a real handout")
    func golden() throws {
        let text = try export(title: "Seminar handout")
        try Golden.check(text, named: "fixture-handout.md")
        let golden = try Golden.read("fixture-handout.md")
        // The golden file itself says what a handout must say.
        #expect(golden.hasPrefix("---\ntitle: \"Seminar handout\"\ndate: 2026-11-30\n"))
        #expect(golden.contains("\n## Space\n"))
        #expect(golden.contains("\n### PPWT — Treaty on the Prevention of the Placement of Weapons in Outer Space · 29 Feb 2008 – 12 Jun 2014 · Conference on Disarmament · CD/1839, CD/1985\n"))
        #expect(golden.contains("> not to place in orbit around the Earth any objects carrying any kinds of weapons\n"))
        #expect(golden.contains("> \\# Heading in a note\n"))
        #expect(golden.contains("\n[^1]: 'Draft Treaty on the Prevention of the Placement of Weapons in Outer Space', CD/1985 (Conference on Disarmament, 12 June 2014). <http://daccess-dds-ny.un.org/doc/UNDOC/GEN/G14/050/66/PDF/G1405066.pdf> (Meyer, footnote 1)\n"))
    }

    @Test("a seminar's notes on the shipped record (the sample in docs/export.md) match their golden file")
    func seminarOnShippedRecord() throws {
        let shipped = try ExportFixture.shippedRecord()
        let options = ExportFixture.options(ExportSelection(notes: NoteFilter(session: "seminar-3")), title: "Seminar 3: treaties or confidence-building?")
        let text = try MarkdownExport.render(notes: ExportFixture.seminarCollection, record: shipped, options: options)
        try Golden.check(text, named: "seminar-handout.md")
        let structure = try MarkdownParsers.structure(ofHTML: try MarkdownParsers.cmarkHTML(try Golden.read("seminar-handout.md")))
        #expect(structure.headings.filter { $0.hasPrefix("h4 ") }.count == 6)
        #expect(Set(structure.references) == Set(structure.definitions))
        #expect(structure.rawHTML == 0)
        // The docs show this very file.
        let docs = try String(contentsOf: Golden.directory.deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/export.md"), encoding: .utf8)
        #expect(docs.contains(text), "docs/export.md must show Golden/seminar-handout.md verbatim")
    }

    @Test("in the order taken (a meeting's minutes): each day a heading, each note its UTC time and its item, footnotes resolving; a golden file")
    func inTheOrderTaken() throws {
        var options = ExportFixture.options(title: "Minutes")
        options.order = .time
        let text = try MarkdownExport.render(notes: ExportFixture.fixtureCollection, record: record, options: options)
        try Golden.check(text, named: "fixture-minutes.md")
        let structure = try MarkdownParsers.structure(ofHTML: try MarkdownParsers.cmarkHTML(text))
        // The days the fixture's notes were taken, in order; no domain or item headings.
        #expect(structure.headings.filter { $0.hasPrefix("h2 ") } == ["h2 2026-11-21", "h2 2026-11-22", "h2 2026-11-23", "h2 2026-11-24"])
        let notes = structure.headings.filter { $0.hasPrefix("h3 ") }
        #expect(notes.count == ExportFixture.fixtureNotes.count)
        #expect(notes.enumerated().allSatisfy { $0.element.hasPrefix("h3 Note \($0.offset + 1) · ") && $0.element.hasSuffix(" UTC") }, "\(notes)")
        // In the order taken: by creation time, whatever the ids.
        let created = ExportFixture.fixtureNotes.sorted { ($0.created.millisecondsSince1970, $0.id) < ($1.created.millisecondsSince1970, $1.id) }
        let order = created.map { text.range(of: "id `" + $0.id + "`")?.lowerBound }
        #expect(order.allSatisfy { $0 != nil } && order.compactMap { $0 } == order.compactMap { $0 }.sorted())
        // Each note names its item, the one the record no longer holds too.
        #expect(text.contains("On *PPWT — Treaty on the Prevention of the Placement of Weapons in Outer Space* (proposal `ppwt`) [^1], the version"))
        #expect(text.contains("On `gone-item` (not in this record)."))
        #expect(Set(structure.references) == Set(structure.definitions) && !structure.references.isEmpty)
        #expect(structure.rawHTML == 0)
        let pandoc = try MarkdownParsers.pandoc(text).elementCounts
        #expect(pandoc["RawBlock"] == nil && pandoc["RawInline"] == nil)
    }

    @Test("the same notes and date give the same bytes")
    func deterministic() throws {
        let shuffled = NoteCollection(notes: ExportFixture.fixtureNotes.reversed())
        let again = try MarkdownExport.render(notes: shuffled, record: record, options: ExportFixture.options(title: "Seminar handout"))
        #expect(try export(title: "Seminar handout") == again)
    }

    @Test("cmark-gfm reads the headings, the notes and footnotes that all resolve")
    func commonMarkStructure() throws {
        let text = try export()
        let structure = try MarkdownParsers.structure(ofHTML: try MarkdownParsers.cmarkHTML(text))
        #expect(structure.headings.filter { $0.hasPrefix("h1 ") } == ["h1 Notes on the negotiating record"])
        #expect(structure.headings.filter { $0.hasPrefix("h2 ") } == ["h2 Space", "h2 Cyber", "h2 General", "h2 Footnotes, actors, forums and works",
                                                                             "h2 Not in this record"])
        #expect(structure.headings.filter { $0.hasPrefix("h4 ") }.count == ExportFixture.fixtureNotes.count)
        #expect(structure.headings.filter { $0.hasPrefix("h4 ") }.map { String($0.dropFirst(3).prefix(7)) } == (1...10).map { "Note \($0)".padding(toLength: 7, withPad: " ", startingAt: 0) })
        #expect(structure.rawHTML == 0)
        #expect(structure.rules == 0)
        // Every reference resolves, and every definition is referenced.
        #expect(!structure.references.isEmpty)
        #expect(Set(structure.references) == Set(structure.definitions))
        let defined = text.split(separator: "\n").filter { $0.hasPrefix("[^") }.count
        #expect(defined == structure.definitions.count)
        // Numbered in order of first use.
        #expect(structure.references.uniqued() == (1...defined).map { "fn-\($0)" })
    }

    @Test("Pandoc reads the same document: front matter, headings, footnotes, no raw markup")
    func pandocStructure() throws {
        let text = try export(title: "Seminar: \"one\" #1 — A/RES/69/31")
        let document = try MarkdownParsers.pandoc(text)
        #expect(document.metaText("title") == "Seminar: \"one\" #1 — A/RES/69/31")
        #expect(document.metaText("date") == "2026-11-30")
        #expect(document.metaList("tags") == ["cbms", "osce", "PPWT", "treaty", "verification"])
        #expect(document.metaList("symbols") == ["CD/1839", "CD/1985", "PC.DEC/1106"])
        #expect(document.metaText("record-version") == "test-1")
        let counts = document.elementCounts
        #expect(counts["RawBlock"] == nil && counts["RawInline"] == nil)
        #expect(counts["HorizontalRule"] == nil)
        #expect(document.headings.filter { $0.hasPrefix("4 Note") }.count == 10)
        #expect(document.headings.first == "1 Seminar: \"one\" #1 — A/RES/69/31")
        // Pandoc repeats a note at each reference; the references are what count (not the
        // escaped `\[^1]` of a note's text).
        let pattern = try NSRegularExpression(pattern: #"(?<!\\)\[\^[0-9]+\]"#)
        let references = text.split(separator: "\n").filter { !$0.hasPrefix("[^") }.map(String.init)
            .reduce(0) { $0 + pattern.numberOfMatches(in: $1, range: NSRange($1.startIndex..., in: $1)) }
        #expect(references == 11)
        #expect(counts["Note"] == references)
    }

    @Test("notes are grouped by domain, then proposals in record order, events by date, themes; the rest last")
    func grouping() throws {
        let text = try export()
        let headings = text.split(separator: "\n").filter { $0.hasPrefix("## ") || $0.hasPrefix("### ") }.map(String.init)
        #expect(headings.map { String($0.prefix(while: { $0 != "·" })).trimmingCharacters(in: .whitespaces) } == [
            "## Space",
            "### PPWT — Treaty on the Prevention of the Placement of Weapons in Outer Space",
            "## Cyber",
            "### OSCE confidence-building measures for ICTs",
            "### OSCE adopts an initial set of cyber CBMs",
            "### Calls for a Global Cyber Treaty",
            "## General",
            "### Confidence-building measures come before treaties",
            "## Footnotes, actors, forums and works",
            "### Meyer, footnote 3: Ibid.",
            "### Russia",
            "## Not in this record",
            "### gone-item (not in this record)",
        ])
        // Within an item: the whole item, then its versions and quotes, then its elements.
        let ppwt = text.components(separatedBy: "### PPWT")[1].components(separatedBy: "## Cyber")[0]
        let order = ["The **PPWT** bans", "Compare with the 2014 text", "- a list"].compactMap { ppwt.range(of: $0)?.lowerBound }
        #expect(order.count == 3 && order == order.sorted())
    }

    @Test("each note says what it is on, with its tags, session, author and dates")
    func noteDetails() throws {
        let text = try export()
        #expect(text.contains("On the version *Draft treaty* (29 Feb 2008; CD/1839), the quoted text [^1]:\n\n> not to place in orbit"))
        #expect(text.contains("On element 1 (No weapons in orbit.) [^1]."))
        #expect(text.contains("Tags: #verification #PPWT · Session: seminar-1 · Author: ana · Created 2026-11-21 · id `01M80000000000000000000001`"))
        #expect(text.contains("Author: ana · Created 2026-11-24 · updated 2026-11-25"))
        #expect(text.contains("The record (version test-1) has no item `gone-item`; the notes are kept as written."))
        // "Ibid." says what it stands for.
        #expect(text.contains("Ibid. (Meyer, footnote 3); it refers to Meyer, footnote 2: Organization for Security"))
    }

    @Test("front matter is flat, quoted, with the symbols apart from the tags")
    func frontMatter() throws {
        var selection = ExportSelection()
        selection.notes.tags = ["cbms"]
        let text = try export(selection)
        let yaml = String(text.prefix(upTo: try #require(text.range(of: "\n---\n", range: text.index(text.startIndex, offsetBy: 3)..<text.endIndex)).upperBound))
        #expect(yaml == """
        ---
        title: "Notes on the negotiating record"
        date: 2026-11-30
        sessions:
          - "seminar-2"
        tags:
          - "cbms"
          - "osce"
        symbols:
          - "PC.DEC/1106"
        filters:
          - "tags: cbms"
        notes: 3
        record: "travaux test fixture"
        record-version: "test-1"
        generator: "travaux"
        ---

        """)
        // No nested key anywhere: every line is `key: value`, `key:` before a list, or a list item.
        for line in yaml.split(separator: "\n") where line != "---" {
            #expect(line.hasPrefix("  - \"") || line.first?.isLetter == true, "\(line)")
        }
    }

    @Test("Pandoc shows a title as written: no citation, emphasis, footnote, raw markup or list from its punctuation",
          arguments: ["Seminar with @UNIDIR: the [PPWT] *draft*", "see [^1] and <UNIDIR> back\\slash $x$ ~a~ ^b^",
                      "1. first session", "- dash", "plain title", "a) intro", "(b) second", ": defined", "[\u{301}[x]]"])
    func titleForPandoc(_ title: String) throws {
        let document = try MarkdownParsers.pandoc(try export(title: title))
        let value = try #require(document.meta["title"])
        var kinds = Set<String>()
        func walk(_ node: Any) {
            if let object = node as? [String: Any] {
                if let kind = object["t"] as? String { kinds.insert(kind) }
                object.values.forEach(walk)
            } else if let array = node as? [Any] {
                array.forEach(walk)
            }
        }
        walk(value)
        #expect(kinds.isSubset(of: ["MetaInlines", "MetaString", "Str", "Space"]), "\(kinds)")
        #expect(document.metaText("title") == title)
        // Obsidian and other YAML readers see the title with backslashes only where needed.
        #expect(MarkdownText.metadata("plain title") == "plain title")
        #expect(MarkdownText.metadata("Seminar 3: treaties?") == "Seminar 3: treaties?")
        #expect(MarkdownText.metadata("Dr. Ana's notes") == "Dr. Ana's notes")
        #expect(MarkdownText.metadata("a) intro") == "a\\) intro")
        #expect(MarkdownText.metadata("iv. fourth") == "iv\\. fourth")
        #expect(MarkdownText.metadata("[\u{301}x") == "\\[\u{301}x")
    }

    @Test("a quoted official text keeps its paragraphs and its line breaks")
    func quotedTextLines() throws {
        let quoted = MarkdownExport.quotedText("\nArticle 1\nStates shall *not*\n\nArticle 2\n")
        #expect(quoted == "> Article 1\\\n> States shall \\*not\\*\n>\n> Article 2")
        let html = try MarkdownParsers.cmarkHTML(quoted)
        #expect(html.contains("Article 1<br />") && html.components(separatedBy: "<p>").count == 3, "\(html)")
        #expect(MarkdownExport.quotedText("one line") == "> one line")
    }

    @Test("YAML strings are quoted so that no value can end the block or change type")
    func yamlQuoting() {
        #expect(YAMLFrontMatter.quoted("a \"b\" \\ c") == #""a \"b\" \\ c""#)
        #expect(YAMLFrontMatter.quoted("line\n---\nkey:\tvalue") == #""line --- key: value""#)
        #expect(YAMLFrontMatter.quoted("yes") == "\"yes\"")
        #expect(YAMLFrontMatter.quoted("\u{0}\u{7}\u{85}\u{2028}\u{FEFF}é中🛰") == #""\uFEFFé中🛰""#)
    }

    @Test("filters: tag, session, item, domain and the notes' days")
    func filters() throws {
        func ids(_ selection: ExportSelection) -> [String] {
            let notes = selection.apply(to: ExportFixture.fixtureCollection, record: record, zone: .utc)
            // What the interface's `x` says before exporting: the same number, counted without sorting.
            #expect(selection.count(in: ExportFixture.fixtureCollection, record: record, zone: .utc) == notes.count)
            return notes.map { String($0.id.suffix(2)) }
        }
        #expect(ids(ExportSelection(notes: NoteFilter(tags: ["verification"]))) == ["01", "02"])
        #expect(ids(ExportSelection(notes: NoteFilter(tags: ["cbms", "osce"]))) == ["10"])
        #expect(ids(ExportSelection(notes: NoteFilter(session: "seminar-2"))) == ["04", "10"])
        #expect(ids(ExportSelection(notes: NoteFilter(itemIDs: ["ppwt", "russia"]))) == ["01", "02", "03", "07"])
        // Items without a domain (footnotes, actors) pass a domain filter, as in `travaux list`;
        // an item the record lost does not.
        #expect(ids(ExportSelection(record: RecordFilter(domain: .space))) == ["01", "02", "03", "06", "07"])
        #expect(ids(ExportSelection(record: RecordFilter(forum: "un"))) == ["01", "02", "03"])
        // Days of creation, inclusive; a month bound covers the month.
        let day = { (text: String) in PartialDate(iso: text) }
        #expect(ids(ExportSelection(from: day("2026-11-22"), to: day("2026-11-23"))) == ["04", "05", "06", "07", "10"])
        #expect(ids(ExportSelection(to: day("2026-11-21"))) == ["01", "02", "03"])
        #expect(ids(ExportSelection(from: day("2026-11-24"))) == ["08", "09"])
        #expect(ids(ExportSelection(from: day("2026-11"), to: day("2026-11"))).count == 10)
        #expect(ids(ExportSelection(from: day("2026-12"))).isEmpty)
        #expect(ids(ExportSelection(to: day("2025"))).isEmpty)
    }

    @Test("nothing to export is an error that says why, never an empty handout")
    func nothing() throws {
        let empty = ExportSelection(notes: NoteFilter(tags: ["nope"], session: "s"))
        #expect(throws: ExportError.nothingToExport("no note matches tags 'nope', session 's'; 'travaux note list' shows the notes")) {
            try export(empty)
        }
        #expect(throws: ExportError.nothingToExport("there are no notes yet; add one with 'travaux note add ITEM-ID TEXT'")) {
            try MarkdownExport.render(notes: NoteCollection(), record: record, options: ExportFixture.options())
        }
    }

    @Test("a note's own Markdown stays, and nothing in it becomes the handout's structure")
    func hostileNoteIsContained() throws {
        let text = try export()
        let note = text.components(separatedBy: "#### Note 6")[0].components(separatedBy: "#### Note 5")[1]
        #expect(note.contains("""
        > \\# Heading in a note
        >
        > \\-\\-\\-\\
        > \\[^1]: a fake footnote\\
        > &lt;div>raw html&lt;/div>\\
        > \\```\\
        > an unclosed fence
        """))
        // A bare URL leaves the code span in doubt: its brackets are escaped as text's are.
        #expect(text.contains("> Touré's call; see `\\[^2\\]` and <https://example.org/a_b>."))
        #expect(text.contains("> - a list\n> - of points\n>\n> 1. and a numbered one"))
    }
}
