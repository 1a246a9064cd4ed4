import Foundation
import PropertyBased
import Testing
@testable import TravauxCore

/// Whatever a note holds, the handout keeps its structure: the same headings, the same
/// footnotes, the same number of notes. Checked on the Markdown itself for many random
/// bodies, and through cmark-gfm and Pandoc for some of them.
@Suite("A note cannot break the handout")
struct NoteBodyMarkdownTests {
    let record: Record

    init() throws { record = try Fixture.record() }

    /// Pieces of hostile Markdown (and of ordinary text), joined at random: each can land
    /// at the start of a line, inside one, or next to another.
    static let fragments: [String] = [
        "# heading", "## h2", "###### h6", "####### seven", "#tag", "---", "***", "___", "- - -", "===", "=", "-",
        "[^1]", "[^1]: fake", "[^3]", "[^x]:", "^[inline note]", "[ref]: http://x.org", "[ref]", "[text](http://a.org)",
        "<div>", "</div>", "<!--", "-->", "<script>alert(1)</script>", "<?php", "<![CDATA[", "<h1>x</h1>", "<br>",
        "<http://ok.example/a>", "<x@y.org>", "<http://x/[^1]>", "```", "```python", "```{=html}", "~~~", "````",
        "`", "``", "` code `", "\\", "\\#", "\\section{x}", "\\begin{itemize}", "`x`{=html}", "{=latex}", "%%",
        "%% comment", "$math$", "@cite", "[@cite]", "| a | b |", "|---|---|", ": definition", "::: div", ":::",
        "(@) example", "% title", "+ item", "* item", "1. item", "2) item", "> quote", ">", "    indented", "\t",
        "**bold", "*em*", "_", "&amp;", "&lt;h1&gt;", "title: x", "...", "[[wikilink]]", "==mark==", "![img](x.png)",
        "text", "word", " ", "  ", "é 中 🛰", "e\u{301}",
        "a) ", "(1) ", "iv. ", "#. ", "(@) ", ": ", "~ ", "\u{301}", "\u{200D}", "[\u{301}", "<todo:ana>",
        "<doc:A/RES/69/31>", "- [ ] ", "[!NOTE]", "\\", "[a\nb]: http://evil.example", "[a b]",
        "`<div>`", "`<!--`", "``a`<b>``", "`[^1]`", "`\\x`", "`@cite`", "`%%`", "`a", "b`", "`\u{301}<i>`",
        "\n", "\n", "\n", "\n", "\n\n", "\r\n", "\r", "\n    ", "\n> ", "\n- ", "\n1. ",
    ]

    static let bodies = Gen<String?>.element(of: fragments).array(of: 0...24).map { $0.compactMap { $0 }.joined() }

    /// Three notes on the fixture record with the given bodies.
    func handout(_ bodies: [String]) -> String {
        let targets = [NoteTarget(item: "ppwt", version: "2008", quote: "q-no-weapons"), NoteTarget(item: "osce-initial-cbms"),
                       NoteTarget(item: "chapter-fn-2")]
        let notes = bodies.enumerated().map { index, body in
            ExportFixture.note(index + 1, targets[index % targets.count], body, tags: ["t"], session: "s")
        }
        return MarkdownExport.render(selected: notes, record: record, options: ExportFixture.options())
    }

    /// The handout with every note's body replaced by a plain word.
    func benign(_ count: Int) -> String { handout(Array(repeating: "x", count: count)) }

    @Test("every line outside the notes' block quotes stays the same, whatever the bodies", .timeLimit(.minutes(5)))
    func linesOutsideNotes() async {
        let expected = benign(3).split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix(">") }
        await propertyCheck(count: 1500, input: Self.bodies, Self.bodies, Self.bodies) { a, b, c in
            let text = handout([a, b, c])
            let outside = text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix(">") }
            #expect(outside == expected)
            // No line ending other than LF reaches the file: a CR would end the block quote.
            #expect(!text.unicodeScalars.contains("\r"))
        }
    }

    @Test("cmark-gfm sees the same headings, footnotes and notes", .timeLimit(.minutes(5)))
    func commonMarkStructure() async throws {
        let expected = try MarkdownParsers.structure(ofHTML: try MarkdownParsers.cmarkHTML(benign(3)))
        await propertyCheck(count: 150, input: Self.bodies, Self.bodies, Self.bodies) { a, b, c in
            let html = try MarkdownParsers.cmarkHTML(handout([a, b, c]))
            let structure = try MarkdownParsers.structure(ofHTML: html)
            #expect(structure == expected, "\(structure)")
        }
    }

    @Test("Pandoc sees the same headings, footnotes and notes, and no raw markup", .timeLimit(.minutes(5)))
    func pandocStructure() async throws {
        let expected = try MarkdownParsers.pandoc(benign(3))
        await propertyCheck(count: 40, input: Self.bodies, Self.bodies, Self.bodies) { a, b, c in
            let document = try MarkdownParsers.pandoc(handout([a, b, c]))
            #expect(document.headings == expected.headings)
            #expect(document.topLevel == expected.topLevel)
            let counts = document.elementCounts
            #expect(counts["Note"] == expected.elementCounts["Note"])
            #expect(counts["RawBlock"] == nil && counts["RawInline"] == nil, "\(counts)")
            #expect(counts["HorizontalRule"] == nil && counts["Header"] == expected.elementCounts["Header"])
            #expect(document.metaText("title") == expected.metaText("title"))
            #expect(document.metaList("tags") == expected.metaList("tags"))
        }
    }

    /// Backticks among what a code span could hide or a reader could take before it.
    static let codeBodies = Gen<String?>.element(of: [
        "`", "`", "``", "<b>", "<!--", "<http://a.org>", "http://x.org", "www.x.org", "\\", "|", "$", "[^1]", "\u{301}", "a", " ", "\n",
    ]).array(of: 0...12).map { $0.compactMap { $0 }.joined() }

    @Test("code spans copied as written leave no raw HTML and the same structure, in cmark-gfm and Pandoc", .timeLimit(.minutes(5)))
    func codeSpansStayCode() async throws {
        let expected = try MarkdownParsers.structure(ofHTML: try MarkdownParsers.cmarkHTML(benign(3)))
        await propertyCheck(count: 300, input: Self.codeBodies, Self.codeBodies, Self.codeBodies) { a, b, c in
            let structure = try MarkdownParsers.structure(ofHTML: try MarkdownParsers.cmarkHTML(handout([a, b, c])))
            #expect(structure == expected, "\(structure)")
        }
        let expectedPandoc = try MarkdownParsers.pandoc(benign(3))
        await propertyCheck(count: 30, input: Self.codeBodies, Self.codeBodies, Self.codeBodies) { a, b, c in
            let document = try MarkdownParsers.pandoc(handout([a, b, c]))
            #expect(document.headings == expectedPandoc.headings && document.topLevel == expectedPandoc.topLevel)
            #expect(document.elementCounts["RawInline"] == nil && document.elementCounts["RawBlock"] == nil, "\(document.elementCounts)")
        }
    }

    @Test("tags, sessions and authors cannot break it either", .timeLimit(.minutes(5)))
    func bylines() async throws {
        let notes = { (texts: [String]) in
            texts.enumerated().map { index, text in
                ExportFixture.note(index + 1, NoteTarget(item: index == 0 ? "ppwt" : "russia"), "x", tags: [text, "t"], session: text, author: text)
            }
        }
        let benign = MarkdownExport.render(selected: notes(["a", "a"]), record: record, options: ExportFixture.options())
        let expected = try MarkdownParsers.structure(ofHTML: try MarkdownParsers.cmarkHTML(benign))
        let expectedPandoc = try MarkdownParsers.pandoc(benign)
        await propertyCheck(count: 30, input: Self.bodies, Self.bodies) { a, b in
            let text = MarkdownExport.render(selected: notes([a, b]), record: record, options: ExportFixture.options())
            #expect(try MarkdownParsers.structure(ofHTML: try MarkdownParsers.cmarkHTML(text)) == expected)
            let document = try MarkdownParsers.pandoc(text)
            #expect(document.headings == expectedPandoc.headings)
            #expect(document.topLevel == expectedPandoc.topLevel)
            #expect(Set(document.meta.keys) == Set(expectedPandoc.meta.keys).union(document.meta["sessions"] != nil ? ["sessions"] : []).subtracting(document.meta["session"] == nil ? ["session"] : []))
            #expect(document.elementCounts["RawInline"] == nil && document.elementCounts["RawBlock"] == nil)
        }
    }

    static let bracketBodies = Gen<String?>.element(of: ["word", "other", "[", "]", "[yes]", "\\[", "`]`", "`[`", "$[$", " ", " ", "\n", "\n\n", "\n\n", "- "])
        .array(of: 0...20).map { $0.compactMap { $0 }.joined() }

    @Test("every word of a note with brackets across its paragraphs shows, in Pandoc and cmark-gfm", .timeLimit(.minutes(5)))
    func bracketsKeepWords() async throws {
        let markup: Set<Substring> = ["p", "pre", "blockquote", "ul", "li", "br", "code", "span", "class", "math", "inline"]
        func words(_ text: String) -> [Substring] { text.split { !$0.isLetter }.filter { !markup.contains($0) } }
        await propertyCheck(count: 150, input: Self.bracketBodies) { body in
            let quoted = NoteBodyMarkdown.blockQuote(body).joined(separator: "\n") + "\n"
            let expected = words(body)
            let pandoc = try MarkdownParsers.run("pandoc", ["-f", "markdown", "-t", "plain", "--wrap=none"], input: quoted)
            #expect(words(pandoc) == expected, "\(quoted.debugDescription) → \(pandoc.debugDescription)")
            let cmark = try MarkdownParsers.cmarkHTML(quoted)
            #expect(words(cmark) == expected, "\(quoted.debugDescription) → \(cmark.debugDescription)")
        }
    }

    @Test("Pandoc with --citeproc leaves a note's @mentions as written")
    func mentionsAreNotCitations() throws {
        let note = "Ask @ben whether @UNIDIR covered it [@meyer-fn-26]; mail ben@uni.edu."
        let quoted = NoteBodyMarkdown.blockQuote(note).joined(separator: "\n") + "\n"
        let plain = try MarkdownParsers.run("pandoc", ["--citeproc", "-t", "plain", "--wrap=none"], input: quoted)
        #expect(plain.trimmingCharacters(in: .whitespacesAndNewlines) == note, "\(plain)")
        #expect(try MarkdownParsers.cmarkHTML(quoted).contains("<p>Ask @ben whether @UNIDIR covered it [@meyer-fn-26]; mail "))
    }

    @Test("hostile constructs, one by one, are escaped or contained")
    func examples() {
        func lines(_ body: String) -> [String] { NoteBodyMarkdown.blockQuote(body) }
        #expect(lines("# Title") == ["> \\# Title"])
        #expect(lines("- # in a list") == ["> - \\# in a list"])
        #expect(lines("> > ## nested") == ["> > > \\## nested"])
        #expect(lines("#tag stays a tag") == ["> #tag stays a tag"])
        // An underline escaped is text, on a line of its own as typed (`NoteLineBreaks`).
        #expect(lines("Title\n===") == ["> Title\\", "> \\==="])
        #expect(lines("Title\n  ---") == ["> Title\\", ">   \\-\\-\\-"])
        #expect(lines("* * *") == ["> \\* * *"])
        #expect(lines("1. ---") == ["> 1. \\-\\-\\-"])
        #expect(lines("[^1]: fake") == ["> \\[^1]: fake"])
        #expect(lines("see [^1] and ^[inline]") == ["> see \\[^1] and ^\\[inline]"])
        // A `<` that can open no HTML stays: after a bare URL, GitHub's link stops at it.
        #expect(lines("https://undocs.org/A/66/359<-- the 2011 letter, a < b, <2>, <\u{301}") == ["> https://undocs.org/A/66/359<-- the 2011 letter, a < b, <2>, <\u{301}"])
        #expect(lines("www.un.org/page<b>bold</b> <!-- <?x <!DOCTYPE") == ["> www.un.org/page&lt;b>bold&lt;/b> &lt;!-- &lt;?x &lt;!DOCTYPE"])
        // Any letter: Pandoc reads `<é>` and `<ж\n>` as tags.
        #expect(lines("<é and <жук>") == ["> &lt;é and &lt;жук>"])
        // The other line breaks are line breaks, not dropped between two words.
        #expect(lines("Page 12 ends here.\u{0C}Page 13 starts here\u{0B}and more") == ["> Page 12 ends here.\\", "> Page 13 starts here\\", "> and more"])
        #expect(lines("Russia: yes\u{85}China: yes\u{2028}US: no\u{2029}EU: abstains") == ["> Russia: yes\\", "> China: yes\\", "> US: no\\", "> EU: abstains"])
        // A `[` no `]` closes in its paragraph: Pandoc dropped the paragraphs up to a later `]`.
        #expect(lines("Draft: [States shall…\n\nkept.\n\nThe US wants it deleted.]")
                == ["> Draft: \\[States shall…", ">", "> kept.", ">", "> The US wants it deleted.]"])
        #expect(lines("A [b `]` c") == ["> A \\[b `]` c"])
        // Paired line by line: a list or a quote on the next line is another block.
        #expect(lines("A [b\nc] d [e] \\[f") == ["> A \\[b\\", "> c\\] d [e] \\[f"])
        #expect(lines("word [\n- word]") == ["> word \\[", ">", "> - word\\]"])
        // Code in doubt (a `$` before it): every bracket of the line.
        #expect(lines("$[$[`]` [x]") == ["> $\\[$\\[`\\]` \\[x\\]"])
        #expect(lines("[[a] b") == ["> \\[[a] b"])
        // cmark-gfm reads `[\^` as a footnote's start too (found by the property test).
        #expect(lines("[\\^[inline note] and [\\*]") == ["> \\[\\^[inline note] and [\\*]"])
        #expect(lines("[ref]: http://evil") == ["> \\[ref]: http://evil"])
        #expect(lines("[a link](http://a.org) stays") == ["> [a link](http://a.org) stays"])
        #expect(lines("<div>x</div> <!-- c") == ["> &lt;div>x&lt;/div> &lt;!-- c"])
        #expect(lines("http://x.org<br>") == ["> http://x.org&lt;br>"])
        // Found by the property test: an escaped `<` after a bare URL must not open HTML.
        #expect(lines("http://x.org\\<script>") == ["> http://x.org\\\\&lt;script>"])
        #expect(lines("####### seven") == ["> \\####### seven"])
        // Pandoc's citations: an `@` a word follows is text, unless it is an address's or a path's.
        #expect(lines("Ask @ben, @UNIDIR and (@good) [@meyer-fn-26] @{x}") == ["> Ask \\@ben, \\@UNIDIR and (\\@good) [\\@meyer-fn-26] \\@{x}"])
        #expect(lines("ben@uni.edu, https://a.social/@ben, @ alone") == ["> ben@uni.edu, https://a.social/@ben, @ alone"])
        #expect(lines("<https://a.org/x_y> <me@a.org>") == ["> <https://a.org/x_y> <me@a.org>"])
        #expect(lines("<http://a/[^1]>") == ["> &lt;http://a/\\[^1]>"])
        #expect(lines("\\section{x} \\* \\é \\ \\") == ["> \\\\section{x} \\* \\\\é \\\\ \\\\"])
        // A backslash ending a line is a line break, except where the paragraph ends: there
        // Pandoc would drop it, so it shows as itself.
        #expect(lines("line\\\nnext") == ["> line\\", "> next"])
        #expect(lines("see C:\\drafts\\\n\nafter") == ["> see C:\\\\drafts\\\\", ">", "> after"])
        // Pandoc's own list and definition markers open a block as CommonMark's do.
        #expect(lines("a) # of ratifications") == ["> a) \\# of ratifications"])
        #expect(lines("(1) # X") == ["> (1) \\# X"])
        #expect(lines("iv. # X") == ["> iv. \\# X"])
        #expect(lines("#. # X") == ["> #. \\# X"])
        #expect(lines("(@) # X") == ["> (@) \\# X"])
        #expect(lines("Term\n: # X") == ["> Term", "> : \\# X"])
        #expect(lines("Term\n~ # X") == ["> Term", "> ~ \\# X"])
        #expect(lines("a) - - -") == ["> a) \\- - -"])
        // A combining mark or a joiner after a space or `[` does not hide it from a parser.
        #expect(lines("# \u{301}Heading") == ["> \\# \u{301}Heading"])
        #expect(lines("## \u{200D}X") == ["> \\## \u{200D}X"])
        #expect(lines("text^[\u{301}note]") == ["> text^\\[\u{301}note]"])
        // Autolinks only for schemes Pandoc links too; others would be raw HTML there.
        #expect(lines("Ask <todo:ana> about <doc:A/RES/69/31>") == ["> Ask &lt;todo:ana> about &lt;doc:A/RES/69/31>"])
        #expect(lines("<doi:10.1000/182> <mailto:a@b.org>") == ["> <doi:10.1000/182> <mailto:a@b.org>"])
        // Task boxes, callouts and wiki links stay; only a link definition is escaped.
        #expect(lines("- [ ] read CD/1839") == ["> - [ ] read CD/1839"])
        #expect(lines("> [!NOTE]\n> text") == ["> > [!NOTE]", "> > text"])
        #expect(lines("[!NOTE] Title\ntext\nmore") == ["> [!NOTE] Title", "> text\\", "> more"])
        #expect(lines("[[PPWT draft]] and [x]") == ["> [[PPWT draft]] and [x]"])
        // Pandoc's label may hold brackets: a wiki link then `:` would define a link, and vanish.
        #expect(lines("[[PPWT]]: tabled 2008") == ["> \\[[PPWT]]: tabled 2008"])
        #expect(lines("[[PPWT]] [a]: x") == ["> [[PPWT]] [a]: x"])
        // A definition's label may run onto the next line: a `[` not closed on its line is escaped.
        #expect(lines("[a\nb]: https://evil.example \"t\"") == ["> \\[a\\", "> b]: https://evil.example \"t\""])
        #expect(lines("`x`{=html} %% hidden") == ["> `x`\\{=html} %\\% hidden"])
        // A code span closed on its line is copied as written: readers show it as typed.
        #expect(lines("compare `a<b`, ``x`<!--`` and `[^1] \\d @ben %%` <b>") == ["> compare `a<b`, ``x`<!--`` and `[^1] \\d @ben %%` &lt;b>"])
        // Left open on its line, it may close on the next: the paragraph is escaped as text.
        #expect(lines("`open <b>\nclose` <i> `c<d`\n\n`e<f`") == ["> `open &lt;b>", "> close` &lt;i> `c&lt;d`", ">", "> `e<f`"])
        // A backtick after a backslash, with a mark, beside an autolink or a table's pipe: not certain.
        #expect(lines("\\`a<b`") == ["> \\`a&lt;b`"])
        #expect(lines("`\u{301}<i>`") == ["> `\u{301}&lt;i>`"])
        #expect(lines("<http://a.org/x> `y<z`") == ["> <http://a.org/x> `y&lt;z`"])
        #expect(lines("see http://a.org``a`<b>``") == ["> see http://a.org``a`&lt;b>``"])
        #expect(lines("| `a<b` | c |") == ["> | `a&lt;b` | c |"])
        #expect(lines("a\rb\r\nc") == ["> a\\", "> b\\", "> c"])
        // Nothing that could drive a terminal the handout is printed to, and no leftover of
        // an escape sequence either (ControlSequencesTests); tabs stay.
        #expect(lines("evil \u{1B}[2J\u{1B}]0;title\u{07} end\u{0}\u{7F}\u{9B}\tx") == ["> evil  end\tx"])
        #expect(lines("```\ncode \u{1B}[31m\n```") == ["> ```", "> code ", "> ```"])
        #expect(lines("\n\n  \nbody\n\n") == ["> body"])
        #expect(lines("   ") == [])
    }

    /// Line splitting as it was defined, scalar by scalar.
    static func plainSplit(_ text: String) -> [String] {
        var lines: [String] = []
        var current = String.UnicodeScalarView()
        var afterCR = false
        for scalar in text.unicodeScalars {
            if scalar == "\n" || scalar == "\r" {
                if !(scalar == "\n" && afterCR) {
                    lines.append(String(current))
                    current = String.UnicodeScalarView()
                }
                afterCR = scalar == "\r"
            } else {
                current.append(scalar)
                afterCR = false
            }
        }
        lines.append(String(current))
        return lines
    }

    @Test("lines are split as scalar by scalar, and a line left as it is is one escaping would not change", .timeLimit(.minutes(5)))
    func quickPathsAgree() async {
        let extra = ["Plain prose", "\u{301}", " \u{301}x", "à la", "中文", "A", "z", "9", "(", "\"", "’", "\u{FEFF}", "\t\u{301}"]
        let lines = Gen<String?>.element(of: Self.fragments + extra).array(of: 0...8).map { $0.compactMap { $0 }.joined() }
        var quick = 0
        await propertyCheck(count: 3000, input: lines) { text in
            #expect(NoteBodyMarkdown.splitLines(text) == Self.plainSplit(text))
            for line in NoteBodyMarkdown.splitLines(text) {
                if NoteBodyMarkdown.needsNoEscape(line) { quick += 1 }
                #expect(NoteBodyMarkdown.escape(line) == NoteBodyMarkdown.escapeLine(Array(line)), "\(line.unicodeScalars.map { $0.value })")
            }
        }
        #expect(quick > 100, "the quick path was taken \(quick) times")
    }

    @Test("a closed fenced block at the top level stays code; any other fence is text")
    func fences() {
        #expect(NoteBodyMarkdown.blockQuote("```swift\n# not escaped [^1] <b>\n```") == ["> ```swift", "> # not escaped [^1] <b>", "> ```"])
        #expect(NoteBodyMarkdown.blockQuote("intro\n\n~~~~\ncode\n~~~~~\nafter") == ["> intro", ">", "> ~~~~", "> code", "> ~~~~~", "> after"])
        // After a paragraph line Pandoc would not open the fence: escaped.
        // Its lines are then a paragraph's, each on a line of its own as typed.
        #expect(NoteBodyMarkdown.blockQuote("intro\n```\ncode\n```") == ["> intro\\", "> \\```\\", "> code\\", "> \\```"])
        // Unclosed, with a raw attribute, or closed only by an indented fence: escaped.
        #expect(NoteBodyMarkdown.blockQuote("```\n# x") == ["> \\```\\", "> \\# x"])
        #expect(NoteBodyMarkdown.blockQuote("```{=html}\n<b>\n```") == ["> \\```\\{=html}\\", "> &lt;b>\\", "> \\```"])
        #expect(NoteBodyMarkdown.blockQuote("```\nx\n  ```") == ["> \\```\\", "> x\\", ">   \\```"])
    }

    @Test("record text is escaped, italics in citations kept, URLs made links")
    func recordText() {
        #expect(MarkdownText.plain("A *b* [c] <d> #e & f_g $h @i") == "A \\*b\\* \\[c\\] &lt;d\\> \\#e \\& f\\_g \\$h \\@i")
        #expect(MarkdownText.plain("two\nlines\t tab") == "two lines tab")
        // An official text's `...` stays three dots in Pandoc, which shows it as `…` otherwise.
        #expect(MarkdownText.plain("[a] global culture ... with all stakeholders. End.. x....") == "\\[a\\] global culture \\.\\.\\. with all stakeholders. End.. x\\.\\.\\.\\.")
        #expect(MarkdownText.needsNoEscape("a.b.. c") && !MarkdownText.needsNoEscape("a..."))
        #expect(MarkdownText.citation("See *Title*, <http://a.org/x_y>.", urls: ["http://a.org/x_y"]) == "See *Title*, <http://a.org/x_y>.")
        #expect(MarkdownText.citation("A *lone star, www.a.org/x_y", urls: ["www.a.org/x_y"]) == "A \\*lone star, [www.a.org/x\\_y](http://www.a.org/x_y)")
        #expect(MarkdownText.citation("www.a.org/{x}", urls: ["www.a.org/{x}"]) == "www.a.org/\\{x\\}")
        #expect(MarkdownText.code("a`b") == "``a`b``")
        #expect(MarkdownText.blockLine("1. first") == "1\\. first")
        #expect(MarkdownText.blockLine("- dash") == "\\- dash")
        #expect(MarkdownText.tag("dual-use") == "#dual-use")
        #expect(MarkdownText.tag("[^1]") == "#\\[\\^1\\]")
    }
}
