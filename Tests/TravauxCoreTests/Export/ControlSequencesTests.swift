import Testing
@testable import TravauxCore

/// An escape sequence pasted into a note (a terminal's colours, a window title) leaves the
/// handout whole, not only its ESC: `[31mRED[0m` would be text nobody wrote.
@Suite("Escape sequences are dropped whole from a handout")
struct ControlSequencesTests {
    func body(_ text: String) -> [String] { NoteBodyMarkdown.blockQuote(text) }

    @Test("colours, cursor moves and private modes (CSI), in both their forms")
    func controlSequences() {
        #expect(body("\u{1B}[31mRED\u{1B}[0m and \u{1B}[1;32mgreen\u{1B}[m") == ["> RED and green"])
        #expect(body("a\u{1B}[2J\u{1B}[?2004hb\u{9B}31mc") == ["> abc"])
        // A sequence cut short by a character no sequence holds ends there; that character stays.
        #expect(body("x\u{1B}[31é y") == ["> xé y"])
    }

    @Test("window titles and hyperlinks (OSC) up to BEL or ESC \\, and other string sequences")
    func stringSequences() {
        #expect(body("\u{1B}]0;title\u{07}text") == ["> text"])
        #expect(body("\u{1B}]8;;http://evil.example\u{1B}\\link\u{1B}]8;;\u{1B}\\ end") == ["> link end"])
        #expect(body("\u{1B}P1$r\u{1B}\\a\u{9D}2;t\u{9C}b") == ["> ab"])
        // Unterminated: it ends at the line break, and the next line is the note's own.
        #expect(body("x\u{1B}]0;never ended\nnext line") == ["> x\\", "> next line"])
    }

    @Test("two-byte sequences and character-set designations")
    func shortSequences() {
        #expect(body("a\u{1B}7b\u{1B}8c\u{1B}(Bd\u{1B}") == ["> abcd"])
    }

    @Test("record text and the front matter are cleaned alike")
    func recordText() {
        #expect(MarkdownText.plain("Title \u{1B}[1mbold\u{1B}[0m") == "Title bold")
        #expect(YAMLFrontMatter.quoted(MarkdownText.metadata("s\u{1B}]0;x\u{07}1")) == "\"s1\"")
    }
}
