import Testing
import TravauxTUI

@Suite("Text sanitizer")
struct TextSanitizerTests {
    @Test("Clean text is returned unchanged")
    func clean() {
        #expect(TextSanitizer.sanitize("Code of Conduct — 中文 😀") == "Code of Conduct — 中文 😀")
    }

    @Test("An escape sequence shows as visible text and cannot reach the terminal")
    func escapeSequence() {
        let hostile = "a\u{1B}[31mred\u{1B}]0;title\u{07}b"
        let shown = TextSanitizer.sanitize(hostile)
        #expect(shown == "a^[[31mred^[]0;title^Gb")
        #expect(!shown.unicodeScalars.contains { $0.value < 0x20 })
    }

    @Test("C0 controls, DEL and C1 controls are neutralised")
    func controls() {
        #expect(TextSanitizer.sanitize("\u{0}\u{8}\u{7F}") == "^@^H^?")
        #expect(TextSanitizer.sanitize("x\u{9B}2Jy") == "x\u{FFFD}2Jy")
    }

    @Test("Bidirectional overrides and isolates become replacement characters")
    func bidi() {
        #expect(TextSanitizer.sanitize("abc\u{202E}def\u{2066}") == "abc\u{FFFD}def\u{FFFD}")
    }

    @Test("Tabs become spaces")
    func tabs() {
        #expect(TextSanitizer.sanitize("a\tb") == "a    b")
        #expect(TextSanitizer.sanitize("a\tb", tabWidth: 2) == "a  b")
    }

    @Test("Line breaks become spaces unless they are preserved for wrapping")
    func newlines() {
        #expect(TextSanitizer.sanitize("one\ntwo\r\nthree\rfour\u{2028}five") == "one two three four five")
        #expect(TextSanitizer.sanitize("one\r\ntwo\u{85}three", preservingNewlines: true) == "one\ntwo\nthree")
    }
}
