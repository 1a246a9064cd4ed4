import Foundation
import PropertyBased
import Testing
@testable import TravauxCore

/// A note typed line by line (one speaker or point a line) shows line by line in the handout,
/// in Pandoc and GitHub as in Obsidian: each line of a paragraph but its last ends with a
/// hard break, and a list right after a line of text stays a list in Pandoc.
@Suite("A note's lines stay lines in the handout")
struct NoteLineBreaksTests {
    func lines(_ body: String) -> [String] { NoteBodyMarkdown.blockQuote(body) }

    /// The note's block quote as a file of its own.
    func quote(_ body: String, hardBreaks: Bool = true) -> String {
        NoteBodyMarkdown.blockQuote(body, hardBreaks: hardBreaks).joined(separator: "\n") + "\n"
    }

    static let seminar = "Russia: supports treaty\nUS: opposes, verification\nChina: with Russia"

    @Test("the lines of a paragraph end with a backslash, its last line and the note's last do not")
    func paragraphLines() {
        #expect(lines(Self.seminar) == ["> Russia: supports treaty\\", "> US: opposes, verification\\", "> China: with Russia"])
        #expect(lines("one\ntwo\n\nthree\nfour") == ["> one\\", "> two", ">", "> three\\", "> four"])
        #expect(lines("single line") == ["> single line"])
        // A lone CR and CR LF end lines too.
        #expect(lines("Russia\r\nUS\rChina") == ["> Russia\\", "> US\\", "> China"])
        // Trailing blanks, a break of their own when two, give way to the backslash.
        #expect(lines("two blanks  \none blank \ntab\t\nend") == ["> two blanks\\", "> one blank\\", "> tab\\", "> end"])
        // Escaped lines are text, each on its line as typed.
        #expect(lines("# not a heading\n[^1]: not a footnote") == ["> \\# not a heading\\", "> \\[^1]: not a footnote"])
    }

    @Test("Pandoc and cmark-gfm break the lines; Pandoc's plain text has them as typed")
    func parsersBreak() throws {
        let html = try MarkdownParsers.run("pandoc", ["-f", "markdown", "-t", "html"], input: quote(Self.seminar))
        #expect(html.contains("Russia: supports treaty<br />\nUS: opposes, verification<br />\nChina: with Russia"), "\(html)")
        let cmark = try MarkdownParsers.cmarkHTML(quote(Self.seminar))
        #expect(cmark.contains("Russia: supports treaty<br />\nUS: opposes, verification<br />\nChina: with Russia"), "\(cmark)")
        let plain = try MarkdownParsers.run("pandoc", ["-f", "markdown", "-t", "plain"], input: quote(Self.seminar))
        #expect(plain.contains("Russia: supports treaty\n  US: opposes, verification\n  China: with Russia"), "\(plain)")
    }

    @Test("a list right after a line of text gets the blank line Pandoc needs, and stays a list")
    func listAfterParagraph() throws {
        let body = "A paragraph.\n- a list item\n- another"
        #expect(lines(body) == ["> A paragraph.", ">", "> - a list item", "> - another"])
        #expect(lines("Intro\n1. first\n2. second") == ["> Intro", ">", "> 1. first", "> 2. second"])
        #expect(lines("> quoted\n> - in the quote") == ["> > quoted", "> >", "> > - in the quote"])
        #expect(lines("text\n> a quote") == ["> text", ">", "> > a quote"])
        // A list the quote's lazy text would take in (Pandoc), after the quote's list.
        #expect(lines("> - quoted item\n- not quoted") == ["> > - quoted item", ">", "> - not quoted"])
        // What CommonMark does not let interrupt a paragraph is a line of it: both break it.
        #expect(lines("Intro\n2. not a list") == ["> Intro\\", "> 2. not a list"])
        #expect(lines("Intro\na) nor this") == ["> Intro\\", "> a) nor this"])
        // Out of a quote, any list item ends the paragraph (`2.` too), and the quote.
        #expect(lines("> a\n2. b") == ["> > a", ">", "> 2. b"])
        // Pandoc's own marker opens its list item: a marker after it is not broken to.
        #expect(lines("a) first\n   2. sub") == ["> a) first", ">    2. sub"])
        // Five blanks after Pandoc's marker make its item's text code, the line's end in it.
        #expect(lines("a)     indented\n\\section{x}") == ["> a)     indented", "> \\\\section{x}"])
        #expect(lines("a)    four\nnext") == ["> a)    four\\", "> next"])
        let document = try MarkdownParsers.pandoc(quote(body))
        #expect(document.elementCounts["BulletList"] == 1 && document.elementCounts["Plain"] == 2, "\(document.elementCounts)")
        let cmark = try MarkdownParsers.cmarkHTML(quote(body))
        #expect(cmark.contains("<p>A paragraph.</p>\n<ul>\n<li>a list item</li>\n<li>another</li>\n</ul>"), "\(cmark)")
    }

    @Test("a line that leaves a quote after its marker alone gets a blank line before it, so that Pandoc ends the quote there as GitHub does")
    func afterEmptyQuoteLine() throws {
        // A reply under a quote, parted by `>` alone: GitHub's reply is out of the quote; Pandoc
        // went on with the quote to the next blank line.
        let reply = "> quote text\n>\nSome reply\nsecond line"
        #expect(lines(reply) == ["> > quote text", "> >", ">", "> Some reply\\", "> second line"])
        let document = try MarkdownParsers.pandoc(quote(reply))
        #expect(document.elementCounts["BlockQuote"] == 2 && document.elementCounts["Para"] == 2, "\(document.elementCounts)")
        #expect(try MarkdownParsers.cmarkHTML(quote(reply)).contains("</blockquote>\n<p>Some reply<br />\nsecond line</p>"))
        // A quote's marker opening nothing, then a list: Pandoc took the list into the quote,
        // and read a line of its item after a blank line as code, with the break in it.
        let list = "\n> \n2. \\section{x}\n  \n    <h1>\n:::"
        #expect(lines(list).prefix(3) == ["> > ", ">", "> 2. \\\\section{x}"], "\(lines(list))")
        let broken = try MarkdownParsers.pandoc(quote(list)), plain = try MarkdownParsers.pandoc(quote(list, hardBreaks: false))
        #expect(broken.elementCounts["CodeBlock"] == nil && plain.elementCounts["CodeBlock"] == nil, "\(broken.elementCounts)")
        // Still in the quote, nothing is added.
        #expect(lines("> a\n>\n> b") == ["> > a", "> >", "> > b"])
    }

    @Test("in a list, an item's own lines break; the items, and a list nested in one, do not")
    func lists() throws {
        let body = "- Russia: supports\n  the treaty\n- US: opposes\n  - verification\n    and more\nlazy line"
        #expect(lines(body) == ["> - Russia: supports\\", ">   the treaty", "> - US: opposes", ">   - verification\\",
                                ">     and more\\", "> lazy line"])
        let html = try MarkdownParsers.run("pandoc", ["-f", "markdown", "-t", "html"], input: quote(body))
        let cmark = try MarkdownParsers.cmarkHTML(quote(body))
        for output in [html, cmark] {
            #expect(output.contains("Russia: supports<br />\nthe treaty") && output.contains("verification<br />\nand more<br />\nlazy line"),
                    "\(output)")
            #expect(!output.contains("\\"), "\(output)")
        }
        // Pandoc nests any list marker in an item (`2.`, `a)`), and reads `: …` as a
        // definition: no backslash, which it would show there.
        #expect(lines("- a\n  2. b") == ["> - a", ">   2. b"])
        #expect(lines("- a\n  a) b") == ["> - a", ">   a) b"])
        #expect(lines("Term\n: definition") == ["> Term", "> : definition"])
        // An item's text before a quote in it: Pandoc needs the blank line there too.
        #expect(lines("- a\n  > q") == ["> - a", ">", ">   > q"])
        // A task list is a list.
        #expect(lines("To do\n- [ ] read CD/1839\n- [x] compare") == ["> To do", ">", "> - [ ] read CD/1839", "> - [x] compare"])
    }

    @Test("code, tables and callouts keep their lines as they are")
    func untouched() {
        #expect(lines("Before\n\n```\nline 1\nline 2\n```") == ["> Before", ">", "> ```", "> line 1", "> line 2", "> ```"])
        #expect(lines("Before\n\n    code 1\n    code 2\nafter") == ["> Before", ">", ">     code 1", ">     code 2", "> after"])
        // A line indented four columns after text is the text's (no code block starts there).
        #expect(lines("text\n    more") == ["> text\\", ">     more"])
        #expect(lines("| a | b |\n|---|---|\n| 1 | 2 |") == ["> | a | b |", "> |---|---|", "> | 1 | 2 |"])
        // GitHub lets a table interrupt a paragraph; Pandoc needs a blank line.
        #expect(lines("Votes\n| a | b |\n|---|---|") == ["> Votes", ">", "> | a | b |", "> |---|---|"])
        // A callout's first line is read whole by Obsidian and GitHub.
        #expect(lines("> [!NOTE] Title\n> body\n> more") == ["> > [!NOTE] Title", "> > body\\", "> > more"])
    }

    @Test("no break inside a code span or math that runs on to the next line")
    func spansAcrossLines() throws {
        #expect(lines("a `code\nspan` b\nnext") == ["> a `code", "> span` b\\", "> next"])
        // A backtick escaped, or one never closed, opens nothing.
        #expect(lines("a \\`x\nb` c\nd") == ["> a \\`x\\", "> b` c\\", "> d"])
        #expect(lines("``a`\nb`\nc") == ["> ``a`", "> b`\\", "> c"])
        // Math Pandoc closes on the next line; a price no later `$` closes.
        #expect(lines("$a +\nb$ and\nnext") == ["> $a +", "> b$ and\\", "> next"])
        #expect(lines("Budget: $5 billion\nUS: opposes") == ["> Budget: $5 billion\\", "> US: opposes"])
        // A `$` first on the next line closes math the break's backslash and line end run into.
        #expect(lines("\\$x$\\begin{itemize}\n$math$1. item") == ["> \\$x$\\\\begin{itemize}", "> $math$1. item"])
        // A `>` indented four blanks after a quote's line: more of the quote in CommonMark,
        // indented code in Pandoc, where a break before it would end the quote's paragraph.
        #expect(lines("> abc\n    >") == ["> > abc", ">     >"])
        let html = try MarkdownParsers.run("pandoc", ["-f", "markdown", "-t", "html"], input: quote("a `code\nspan` b\nnext"))
        #expect(html.contains("<code>code span</code> b<br />"), "\(html)")
    }

    @Test("a backslash ending a line: the note's own break stays one, a literal one stays literal")
    func backslashes() throws {
        // The note's own hard break: not a second one.
        #expect(lines("C:\\drafts\\\nnext") == ["> C:\\\\drafts\\", "> next"])
        // An escaped backslash (`\\`) then the break.
        #expect(lines("a\\\\\nb") == ["> a\\\\\\", "> b"])
        // A backslash before a space is shown as itself, then the break.
        #expect(lines("a\\ \nb") == ["> a\\\\\\", "> b"])
        // Before a list the paragraph ends: the backslash is shown as itself, as CommonMark does.
        #expect(lines("a\\\n- item") == ["> a\\\\", ">", "> - item"])
        // After a mark whose reading depends on the blank after it, a blank stays before the break.
        #expect(lines("a *\nb*") == ["> a * \\", "> b*"])
        #expect(lines("$\n$n$") == ["> $ \\", "> $n$"])
        for body in ["a\\\\\nb", "a\\ \nb", "a *\nb*"] {
            let html = try MarkdownParsers.run("pandoc", ["-f", "markdown", "-t", "html"], input: quote(body))
            #expect(html.contains("<br />") && !html.contains("<em>"), "\(html)")
            let cmark = try MarkdownParsers.cmarkHTML(quote(body))
            #expect(cmark.contains("<br />") && !cmark.contains("<em>"), "\(cmark)")
        }
    }

    /// Pieces that make lines, blocks and spans, with the hostile ones.
    static let fragments = NoteBodyMarkdownTests.fragments + [
        "Russia: yes", "US", "\n", "\n", "\n", "\n- ", "\n  ", "\n    ", "\n> ", "\n2. ", "\n1. ", "\n: ", "\na) ", "*", "_",
        "$", "$x$", "`", "``", "\\", "  ", "\n| a | b |\n|---|---|\n", "[!NOTE]", "\"", "'", "\n  - ", "=",
    ]
    static let bodies = Gen<String?>.element(of: Self.fragments).array(of: 0...24).map { $0.compactMap { $0 }.joined() }
    /// Without a `*` or `_` ending a piece: Pandoc, unlike CommonMark, lets one ending a line
    /// open emphasis across the line end (`%*` then `*`), which a break, with the blank it
    /// keeps before it, takes back to CommonMark's reading.
    static let pandocBodies = Gen<String?>.element(of: Self.fragments.filter { !$0.hasSuffix("*") && !$0.hasSuffix("_") })
        .array(of: 0...24).map { $0.compactMap { $0 }.joined() }

    @Test("cmark-gfm reads the note as without the breaks, but for the breaks", .timeLimit(.minutes(5)))
    func commonMarkOnlyBreaks() async throws {
        /// Blanks as one space, by scalars (a joiner after a blank is no blank).
        func normalized(_ html: String) -> String {
            var out = String.UnicodeScalarView()
            for scalar in html.replacingOccurrences(of: "<br />", with: "").unicodeScalars {
                let blank = scalar == " " || scalar == "\n" || scalar == "\t"
                if blank, out.last == " " { continue }
                out.append(blank ? " " : scalar)
            }
            return String(out)
        }
        await propertyCheck(count: 300, input: Self.bodies) { body in
            let broken = try MarkdownParsers.cmarkHTML(quote(body))
            let plain = try MarkdownParsers.cmarkHTML(quote(body, hardBreaks: false))
            #expect(normalized(broken) == normalized(plain), "\(quote(body))")
        }
    }

    @Test("cmark-gfm keeps every word of a line that opens `[\\^` before an escaped footnote reference")
    func commonMarkEscapedCaret() throws {
        // Found by the property test above: cmark-gfm 0.29 lost `ine note]` and the whole
        // next line, without the break and with it differently.
        let body = "<![CDATA[\\^[inline note]\n<x/[^1]>"
        for hardBreaks in [true, false] {
            let html = try MarkdownParsers.cmarkHTML(quote(body, hardBreaks: hardBreaks))
            #expect(html.contains("CDATA[^[inline note]") && html.contains("&lt;x/[^1]&gt;"), "\(html)")
        }
    }

    @Test("Pandoc reads the note as without the breaks, but for the breaks", .timeLimit(.minutes(5)))
    func pandocOnlyBreaks() async throws {
        await propertyCheck(count: 60, input: Self.pandocBodies) { body in
            let broken = try MarkdownParsers.pandoc(quote(body)).blocks
            let plain = try MarkdownParsers.pandoc(quote(body, hardBreaks: false)).blocks
            #expect((Self.softened(broken) as? NSArray)?.isEqual(Self.softened(plain) as? NSArray) == true, "\(quote(body))")
            // No break left at a paragraph's or an item's end, where Pandoc keeps one.
            #expect(Self.finalBreaks(broken) == Self.finalBreaks(plain), "\(quote(body))")
        }
    }

    /// The AST with every line break a soft one, runs of them one, and none at the start or
    /// end of a link's or emphasis's text (where Pandoc drops a soft break, not a hard one).
    static func softened(_ value: Any, in parent: String = "") -> Any {
        if let object = value as? [String: Any] {
            let type = object["t"] as? String ?? ""
            if type == "LineBreak" { return ["t": "SoftBreak"] }
            return object.mapValues { softened($0, in: type) }
        }
        guard let array = value as? [Any] else { return value }
        var out: [Any] = []
        for element in array.map({ softened($0, in: parent) }) {
            if isSoftBreak(element), let last = out.last, isSoftBreak(last) { continue }
            out.append(element)
        }
        if !["Para", "Plain", "Header", "LineBlock"].contains(parent) {
            while let first = out.first, isSoftBreak(first) { out.removeFirst() }
            while let last = out.last, isSoftBreak(last) { out.removeLast() }
        }
        return out
    }

    static func isSoftBreak(_ value: Any) -> Bool { (value as? [String: Any])?["t"] as? String == "SoftBreak" }

    /// How many paragraphs and plain blocks end with a hard break.
    static func finalBreaks(_ value: Any) -> Int {
        if let object = value as? [String: Any] {
            let type = object["t"] as? String
            let own = (type == "Para" || type == "Plain") && ((object["c"] as? [Any])?.last.map { ($0 as? [String: Any])?["t"] as? String == "LineBreak" } ?? false)
            return (own ? 1 : 0) + (object["c"].map(finalBreaks) ?? 0)
        }
        if let array = value as? [Any] { return array.reduce(0) { $0 + finalBreaks($1) } }
        return 0
    }

    @Test("lines of prose: as many breaks as lines less one, in both parsers", .timeLimit(.minutes(5)))
    func proseLines() async throws {
        let words = Gen<String?>.element(of: ["Russia", "supports", "the", "treaty;", "US:", "opposes,", "*verification*", "CD/1839",
                                               "`PPWT`", "[link](http://a.org)", "$5", "é", "a_b", "(1)", "2.", "**no**", "https://un.org/x",
                                               "www.itu.int", "ben@uni.edu", "*", "a*", "\"quoted\"", "'"])
        // Each line a speaker's: a marker or a URL among the words, never a line's start.
        let line = words.array(of: 1...6).map { "Russia: " + $0.compactMap { $0 }.joined(separator: " ") }
        await propertyCheck(count: 60, input: line.array(of: 1...6)) { lines in
            let body = lines.joined(separator: "\n")
            let cmark = try MarkdownParsers.cmarkHTML(quote(body))
            #expect(cmark.components(separatedBy: "<br />").count == lines.count, "\(quote(body))\n\(cmark)")
            let document = try MarkdownParsers.pandoc(quote(body))
            #expect(document.elementCounts["LineBreak", default: 0] == lines.count - 1, "\(quote(body))")
        }
    }
}
