import Testing
@testable import TravauxCore

/// `---` in a note or a session is text once escaped; escaped as `\---`, Pandoc's smart
/// dashes still read the `--` left as an en dash and show `-–`.
@Suite("A run of hyphens shows as written in Pandoc and GFM")
struct DashRunTests {
    let record: Record

    init() throws { record = try Fixture.record() }

    @Test("a rule or underline of hyphens in a note is escaped hyphen by hyphen")
    func noteLines() {
        #expect(NoteBodyMarkdown.blockQuote("---") == ["> \\-\\-\\-"])
        #expect(NoteBodyMarkdown.blockQuote("Title\n-----") == ["> Title\\", "> \\-\\-\\-\\-\\-"])
        #expect(NoteBodyMarkdown.blockQuote("-- --") == ["> \\-\\- \\-\\-"])
        #expect(NoteBodyMarkdown.blockQuote("> ---") == ["> > \\-\\-\\-"])
        // Single hyphens, and dashes the note writes in its prose, are the note's own.
        #expect(NoteBodyMarkdown.blockQuote("- - -") == ["> \\- - -"])
        #expect(NoteBodyMarkdown.blockQuote("1990--2000 -- a range") == ["> 1990--2000 -- a range"])
    }

    @Test("record text and front-matter values escape every hyphen of a run")
    func recordText() {
        #expect(MarkdownText.metadata("---") == "\\-\\-\\-")
        #expect(MarkdownText.metadata("1990--2000") == "1990\\-\\-2000")
        #expect(MarkdownText.metadata("a-b - c") == "a-b - c")
        #expect(MarkdownText.plain("Session --- 3") == "Session \\-\\-\\- 3")
    }

    @Test("Pandoc and cmark-gfm show the note and its session as written")
    func parsers() throws {
        let note = ExportFixture.note(1, NoteTarget(item: "ppwt"), "Title\n---\n\n---", session: "---")
        let text = MarkdownExport.render(selected: [note], record: record, options: ExportFixture.options())
        let document = try MarkdownParsers.pandoc(text)
        #expect(document.metaText("session") == "---")
        let blocks = document.blocks.compactMap { $0 as? [String: Any] }
        let quotes = blocks.filter { $0["t"] as? String == "BlockQuote" }.map { MarkdownParsers.PandocDocument.text($0["c"] ?? []) }
        let paragraphs = blocks.filter { $0["t"] as? String == "Para" }.map { MarkdownParsers.PandocDocument.text($0["c"] ?? []) }
        // The two paragraphs of the note, run together by `text`; the first keeps its line break.
        #expect(quotes.last == "Title\n------")
        #expect(paragraphs.contains { $0.contains("Session: --- ·") }, "\(paragraphs)")
        #expect(document.elementCounts["HorizontalRule"] == nil)
        let html = try MarkdownParsers.cmarkHTML(text)
        #expect(html.contains("<p>Title<br />\n---</p>") && html.contains("<p>---</p>") && html.contains("Session: ---"), "\(html)")
    }
}
