import PropertyBased
import Testing
@testable import TravauxTUI

@Suite("Text wrapper")
struct TextWrapperTests {
    func wrapped(_ text: StyledText, width: Int) -> [String] {
        TextWrapper.wrap(text, width: width).map(\.text.plainText)
    }

    @Test("Words wrap at spaces and the spaces at a break are dropped")
    func words() {
        #expect(wrapped("Transparency and confidence-building measures in outer space", width: 16) == [
            "Transparency and",
            "confidence-",
            "building",
            "measures in",
            "outer space",
        ])
    }

    @Test("A word longer than the line is cut")
    func longWord() {
        #expect(wrapped("see https://undocs.org/A/RES/69/31 now", width: 10) == [
            "see",
            "https://un",
            "docs.org/A",
            "/RES/69/31",
            "now",
        ])
    }

    @Test("CJK text wraps between characters and never splits a glyph")
    func cjk() {
        #expect(wrapped("外层空间安全与网络空间", width: 7) == ["外层空", "间安全", "与网络", "空间"])
        // Closing punctuation never starts a line.
        #expect(wrapped("中文，标点。", width: 4) == ["中", "文，", "标", "点。"])
    }

    @Test("Mixed Latin and CJK text breaks around the wide characters")
    func mixed() {
        #expect(wrapped("UN 裁军研究所 report", width: 8) == ["UN 裁军", "研究所", "report"])
    }

    @Test("An ideographic space is a space; a hyphen between letters breaks, accented or not; a hyphen carrying a mark does not")
    func spacesAndHyphens() {
        #expect(wrapped("abc\u{3000}def", width: 4) == ["abc", "def"])
        #expect(wrapped("café-crème bar", width: 6) == ["café-", "crème", "bar"])
        #expect(wrapped("xx ab-\u{301}cd", width: 6) == ["xx", "ab-\u{301}cd"])
        #expect(wrapped("xx ab-cde", width: 6) == ["xx ab-", "cde"])
    }

    @Test("a hyphen breaks with two letters before it and three after, so a key's name stays whole")
    func shortHyphenated() {
        #expect(wrapped("xx ab-cd", width: 6) == ["xx", "ab-cd"])
        #expect(wrapped("or Alt-b/f by", width: 8) == ["or", "Alt-b/f", "by"])
        #expect(wrapped("or Ctrl-W to", width: 8) == ["or", "Ctrl-W", "to"])
        #expect(wrapped("a-bcd", width: 3) == ["a-b", "cd"])
        #expect(wrapped("space-weapons", width: 8) == ["space-", "weapons"])
    }

    @Test("a web address is cut where the width runs out, never at a hyphen of its own")
    func addresses() {
        #expect(wrapped("at http://daccess-dds-ny.un.org/doc", width: 24) == ["at", "http://daccess-dds-ny.un", ".org/doc"])
        #expect(wrapped("see www.unidir-space.org now", width: 12) == ["see", "www.unidir-s", "pace.org now"])
        #expect(wrapped("space-weapons http://x", width: 8) == ["space-", "weapons", "http://x"])
    }

    @Test("a file's path is cut where the width runs out, never at a hyphen of its own")
    func paths() {
        #expect(wrapped("kept in /tmp/travaux-tests/note.md", width: 20) == ["kept in", "/tmp/travaux-tests/n", "ote.md"])
        #expect(wrapped("in ~/travaux-notes/x", width: 12) == ["in", "~/travaux-no", "tes/x"])
        #expect(wrapped("in ./travaux-notes/x", width: 12) == ["in", "./travaux-no", "tes/x"])
        // Not paths: a hyphenated word, a key with a slash, an ellipsis.
        #expect(wrapped("outer space-weapons", width: 12) == ["outer space-", "weapons"])
        #expect(wrapped("or Alt-b/f by", width: 8) == ["or", "Alt-b/f", "by"])
        #expect(wrapped("...space-weapons", width: 10) == ["...space-", "weapons"])
    }

    @Test("Explicit line breaks are kept and empty lines stay")
    func newlines() {
        #expect(wrapped("First line\n\nThird", width: 20) == ["First line", "", "Third"])
        #expect(wrapped("", width: 5) == [""])
        #expect(wrapped("ends with break\n", width: 20) == ["ends with break", ""])
    }

    @Test("Indentation at the start of a paragraph is kept")
    func indentation() {
        #expect(wrapped("  indented text here", width: 10) == ["  indented", "text here"])
    }

    @Test("Span styles follow their characters across breaks")
    func stylesAcrossBreaks() {
        let bold = Style(bold: true)
        let text = StyledText([Span("plain "), Span("bold words here", style: bold), Span(" end")])
        let lines = TextWrapper.wrap(text, width: 10)
        #expect(lines.map(\.text.plainText) == ["plain bold", "words here", "end"])
        #expect(lines[0].text.spans == [Span("plain "), Span("bold", style: bold)])
        #expect(lines[1].text.spans == [Span("words here", style: bold)])
        #expect(lines[2].text.spans == [Span("end")])
    }

    @Test("Each line knows which source characters it shows")
    func sourceRanges() {
        let lines = TextWrapper.wrap("alpha beta\ngamma", width: 6)
        #expect(lines.map(\.sourceRange) == [0..<5, 6..<10, 11..<16])
    }

    @Test("Combining marks stay with their letter at a cut")
    func combiningAtCut() {
        #expect(wrapped("ab\u{301}c\u{301}d", width: 2) == ["ab\u{301}", "c\u{301}d"])
    }

    @Test("Control characters are sanitized before measuring")
    func sanitized() {
        #expect(wrapped("a\u{1B}[1mb", width: 4) == ["a^[[", "1mb"])
    }

    @Test("A zero or negative width gives no lines; width 1 still makes progress with wide glyphs")
    func degenerateWidths() {
        #expect(TextWrapper.wrap("text", width: 0).isEmpty)
        #expect(TextWrapper.wrap("text", width: -3).isEmpty)
        #expect(wrapped("中a", width: 1) == ["中", "a"])
    }

    static let fragments: [String] = [
        "word", "space-weapons", "a-b", "Alt-b/f", "https://undocs.org/A/RES/69/31", "www.un.org", "/tmp/x-y",
        "条約", "、", "。", "Ж", "é", "e\u{301}", "👩‍👩‍👧", "\u{1B}[31m", "\t", "\u{3000}",
        " ", " ", " ", "  ", "\n", "-", "—", "(A/66/359)", "confidence-building",
    ]
    static let text = Gen.int(in: 0...(fragments.count - 1)).map { fragments[$0] }.array(of: 0...120).map { $0.joined() }

    @Test("a long paragraph settled every few words wraps as it does held whole")
    func settledAsWhole() async {
        await propertyCheck(count: 300, input: Self.text, Gen.int(in: 1...30), Gen.int(in: 1...40)) { text, width, settling in
            let whole = TextWrapper.wrap(StyledText(text), width: width, settlingAtoms: .max)
            let settled = TextWrapper.wrap(StyledText(text), width: width, settlingAtoms: settling)
            #expect(settled == whole, "width \(width), settling \(settling): \(text.debugDescription)")
        }
    }

    @Test("a paragraph longer than what is held at once wraps as it does held whole")
    func longParagraph() {
        let text = String(repeating: "confidence-building measures 条約 https://undocs.org/A/66/359 ", count: 1_000)
        let lines = TextWrapper.wrap(StyledText(text), width: 37)
        #expect(text.count > 3 * TextWrapper.settlingAtoms)
        #expect(lines == TextWrapper.wrap(StyledText(text), width: 37, settlingAtoms: .max))
    }
}
