import Foundation
import Testing
@testable import TravauxCore

/// A note indented with tabs means in the handout what it means alone: behind the `> ` of
/// the block quote a tab would reach only the next tab stop of the handout's columns, and a
/// nested list came out flat, an indented code block as a paragraph.
@Suite("Tabs in a note's indentation keep their meaning in the handout")
struct IndentationTabsTests {
    /// Notes whose structure rests on tabs (and none in their text, which Pandoc widens by
    /// the handout's columns, as it is told to do with every tab).
    static let notes: [String] = [
        "1. Space\n\t1. PPWT\n\t2. EU Code\n2. Cyber",
        "- a\n\t- b\n\t\t- c\n- d",
        "Before\n\n\tlet x = 1\n\t\treturn x\n\nAfter",
        "1. First point\n\n\tIts second paragraph.\n\n2. Second",
        "-\tmarker then a tab\n\n\tfollow-on paragraph",
        "> quoted\n>\tstill quoted, indented",
        "Term\n:\tdefinition\n\n\tmore of it",
        "- a\n  \t- mixed spaces and a tab",
        // Fenced code: a tab-indented fence inside it is code, four columns deep; two columns
        // deep behind `> `, it closed the fence and the rest was the handout's structure.
        "```text\nexample:\n\t```\n# not a heading\n[^1]: not a footnote\n```",
        "```python\ndef fetch(url):\n\tif url:\n\t\treturn get(url)\n```",
        "~~~\nfirst\n\t~~~\n---\ntitle: not the handout's\n---\n~~~",
    ]

    @Test("indentation tabs become spaces at the note's own tab stops; other tabs stay")
    func lines() {
        #expect(NoteBodyMarkdown.blockQuote("1. Space\n\t1. PPWT\n\t2. EU Code\n2. Cyber")
                == ["> 1. Space", ">     1. PPWT", ">     2. EU Code", "> 2. Cyber"])
        #expect(NoteBodyMarkdown.blockQuote("\tcode\tcolumn") == [">     code\tcolumn"])
        #expect(NoteBodyMarkdown.blockQuote("-\tx\n  \ty") == ["> -   x\\", ">     y"])
        #expect(NoteBodyMarkdown.blockQuote("1.\t# x") == ["> 1.  \\# x"])
        #expect(NoteBodyMarkdown.blockQuote("a\tb") == ["> a\tb"])
        // In a fenced code block the lines are the note's code; the tabs they begin with are
        // spaces too (tabs further in stay).
        #expect(NoteBodyMarkdown.blockQuote("```make\nall:\n\tcc x.c\t# build\n```") == ["> ```make", "> all:", ">     cc x.c\t# build", "> ```"])
        #expect(NoteBodyMarkdown.blockQuote("```\nx\n\t```\n# no\n```") == ["> ```", "> x", ">     ```", "> # no", "> ```"])
        #expect(NoteBodyMarkdown.blockQuote("```\n \t```\n```") == ["> ```", ">     ```", "> ```"])
    }

    /// Line breaks aside: the handout breaks a paragraph's lines where the note alone runs
    /// them together (`NoteLineBreaks`).
    @Test("Pandoc reads the quoted note as it reads the note alone", arguments: Self.notes)
    func pandoc(_ note: String) throws {
        let alone = try MarkdownParsers.pandoc(note).blocks
        let handout = NoteBodyMarkdown.blockQuote(note).joined(separator: "\n") + "\n"
        let quoted = try MarkdownParsers.pandoc(handout.replacingOccurrences(of: "\\\n", with: "\n")).blocks
        let inside = (quoted.first as? [String: Any])?["c"] as? [Any]
        #expect(quoted.count == 1 && inside.map { ($0 as NSArray).isEqual(alone as NSArray) } == true,
                "\(alone)\n\(quoted)")
    }

    /// cmark-gfm keeps a tab of a code line's own indentation (past the block's four columns)
    /// in the code, where the handout has the spaces to the same tab stop: the same to see.
    @Test("cmark-gfm reads the quoted note as it reads the note alone, tabs and line breaks aside", arguments: Self.notes)
    func commonMark(_ note: String) throws {
        let alone = try MarkdownParsers.cmarkHTML(note)
        let handout = NoteBodyMarkdown.blockQuote(note).joined(separator: "\n") + "\n"
        let quoted = try MarkdownParsers.cmarkHTML(handout.replacingOccurrences(of: "\\\n", with: "\n"))
        #expect(Self.spaced(quoted) == "<blockquote>\n" + Self.spaced(alone) + "</blockquote>\n")
    }

    /// Each line's tabs as spaces to the next 4-column stop.
    static func spaced(_ html: String) -> String {
        html.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            var out = ""
            for character in line {
                if character == "\t" { out += String(repeating: " ", count: 4 - out.count % 4) } else { out.append(character) }
            }
            return out
        }.joined(separator: "\n")
    }
}
