import Foundation
import PropertyBased
import Testing
@testable import TravauxCore

/// TeX math in a note (`$n \geq 65$`) reaches Pandoc as the note wrote it: its backslashes
/// were doubled, as they must be outside math, where Pandoc reads `\geq` as raw TeX.
@Suite("Math in a note keeps its backslashes")
struct MathSpansTests {
    func lines(_ body: String) -> [String] { NoteBodyMarkdown.blockQuote(body) }

    @Test("inline and display math, by Pandoc's rules for the dollar signs")
    func spans() {
        #expect(lines("Threshold: $n \\geq 65$ States") == ["> Threshold: $n \\geq 65$ States"])
        #expect(lines("$$\\sum_{i} x_i \\le \\frac{1}{2}$$") == ["> $$\\sum_{i} x_i \\le \\frac{1}{2}$$"])
        #expect(lines("$\\text{a $b$ c}$ and $\\$5 \\%$") == ["> $\\text{a $b$ c}$ and $\\$5 \\%$"])
        // Prices are no math: a blank after the opening `$` or before the closing one, or a
        // digit after it.
        #expect(lines("Costs $5 and $6, not \\alpha") == ["> Costs $5 and $6, not \\\\alpha"])
        #expect(lines("$5 and \\beta $") == ["> $5 and \\\\beta $"])
        #expect(lines("$a$5 \\b$") == ["> $a$5 \\b$"])
        #expect(lines("$5 and $\\alpha$") == ["> $5 and $\\alpha$"])
        // Four dollars and more open nothing until the last two (Pandoc: `$$`, then `$$…$$`).
        #expect(lines("$$$$a \\b$$ \\c") == ["> $$$$a \\b$$ \\\\c"])
        #expect(lines("$$$$$<$n \\geq 65$") == ["> $$$$$<$n \\\\geq 65$"])
        #expect(lines("$$$$$<b$n \\geq 65$") == ["> $$$$$&lt;b$n \\\\geq 65$"])
        // A `<` in math stays, unless it could open HTML for a reader without math.
        #expect(lines("$a < b$, $a<2$, $a</b$") == ["> $a < b$, $a<2$, $a&lt;/b$"])
        // Other escapes still hold inside: a footnote reference stays text in GFM.
        #expect(lines("$x[^1] \\to y$") == ["> $x\\[^1] \\to y$"])
    }

    @Test("where Pandoc could pair the dollars otherwise, backslashes are doubled as before")
    func uncertain() {
        // (The code span itself is copied as written: `CodeSpans`.)
        #expect(lines("`$\\alpha$` and @key$x \\y$") == ["> `$\\alpha$` and \\@key$x \\\\y$"])
        #expect(lines("[a]($x) \\c$") == ["> [a]($x) \\\\c$"])
        #expect(lines("a | b\n--|--\n$\\a$ | $\\b$") == ["> a | b", "> --|--", "> $\\\\a$ | $\\\\b$"])
        // Open on one line and closed on the next: which `$` opens what there is unclear.
        #expect(lines("cost $a\nb$ \\c $\\d$") == ["> cost $a", "> b$ \\\\c $\\\\d$"])
        // A `$` that cannot close there (a blank before it) leaves the next line as if alone.
        #expect(lines("Cost $5 per State.\nThreshold $n \\geq 65$") == ["> Cost $5 per State.", "> Threshold $n \\geq 65$"])
        // A `$` before a code span may open math that takes its backtick in: Pandoc reads
        // display math "`" then `\sum` outside it, where cmark reads a code span.
        #expect(lines("$$`$$\\sum$$`") == ["> $$`$$\\\\sum$$`"])
        #expect(lines("$$a\n`b$$ \\c`") == ["> $$a", "> `b$$ \\\\c`"])
        #expect(lines("\\$5 for `a<b`") == ["> \\$5 for `a&lt;b`"])
        // Display math left open: nothing after it in the paragraph.
        #expect(lines("$$a \\b\nc$$ $\\d$\n\n$\\e$") == ["> $$a \\\\b", "> c$$ $\\\\d$", ">", "> $\\e$"])
    }

    @Test("Pandoc reads the math as the note wrote it, and cmark-gfm shows it as written")
    func parsers() throws {
        let note = "Threshold: $n \\geq 65$ of $\\frac{3}{4}$ States\n\n$$\\sum_i x_i < 1$$"
        let document = try MarkdownParsers.pandoc(lines(note).joined(separator: "\n") + "\n")
        var math: [String] = []
        func walk(_ value: Any) {
            if let object = value as? [String: Any] {
                if object["t"] as? String == "Math", let content = object["c"] as? [Any], let text = content.last as? String { math.append(text) }
                object.values.forEach(walk)
            } else if let array = value as? [Any] {
                array.forEach(walk)
            }
        }
        walk(document.blocks)
        #expect(math == ["n \\geq 65", "\\frac{3}{4}", "\\sum_i x_i < 1"])
        let html = try MarkdownParsers.cmarkHTML(lines(note).joined(separator: "\n") + "\n")
        #expect(html == "<blockquote>\n" + (try MarkdownParsers.cmarkHTML(note)) + "</blockquote>\n")
    }

    /// Pieces of notes with math and prices, and what could pair their dollars otherwise.
    static let fragments: [String] = [
        "$", "$", "$$", "$x$", "$5", "5", " ", " ", "a", "\\alpha", "\\$", "\\\\", "\\text{a $b}", "\\text{", "}", "{",
        "$n \\geq 65$", "`", "@c", "[l](u)", "](", "<b>", "<", "|", "\n|--|--|\n", "\n", "\n", "\n\n", "\n- ", "\n> ",
        "\t", "\n    ", "$$\\sum$$", "\\", "é", "\u{301}", "a\u{301}", "%%", "[^1]", "# ", "*", "_", "~", "^", "'",
        "\"", "[", "]", "(", ")", "1. ", "<http://a.org/$x>", "&#36;", "  \n", "\\\n", "{.c}", "\u{A0}", "```\n",
    ]

    @Test("whatever the dollars and backslashes, Pandoc never reads raw TeX in a note", .timeLimit(.minutes(5)))
    func neverRawTeX() async throws {
        let bodies = Gen<String?>.element(of: Self.fragments).array(of: 0...16).map { $0.compactMap { $0 }.joined() }
        await propertyCheck(count: 150, input: bodies, bodies, bodies, bodies, bodies) { a, b, c, d, e in
            // Notes apart, as in a handout: a paragraph between their quotes.
            let text = [a, b, c, d, e].map { self.lines($0).joined(separator: "\n") }.joined(separator: "\n\nnext\n\n") + "\n"
            let counts = try MarkdownParsers.pandoc(text).elementCounts
            #expect(counts["RawInline"] == nil && counts["RawBlock"] == nil, "\([a, b, c, d, e])")
        }
    }
}
