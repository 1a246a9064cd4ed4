import CNcursesw
import Testing
@testable import TravauxCurses

/// A key's sequence the terminal's description lacks must never come through as keys.
@Suite("Key sequences beyond the terminal's description")
struct EscapeSequenceTests {
    /// Skips what follows `ESC [` in `bytes`, as the session does; returns whether a sequence
    /// was read and what is left for the next key.
    private func skip(_ text: String) -> (skipped: Bool, left: String) {
        var rest = Array(text.utf8)[...]
        let skipped = EscapeSequence.skipControlSequence { rest.isEmpty ? nil : Int32(rest.removeFirst()) }
        return (skipped, String(decoding: rest, as: UTF8.self))
    }

    @Test("a control sequence is read to its final byte, and only to it", arguments: [
        ("4~", ""), ("15;5~x", "x"), ("1;5Dj", "j"), ("200~text", "text"), ("<0;10;5Mq", "q"), ("Ab", "b"), ("?1049h", ""),
    ])
    func wholeSequence(rest: String, left: String) {
        #expect(skip(rest) == (true, left))
    }

    @Test("an old-style mouse report carries three bytes after its M; the Linux console's F-keys one after [[")
    func specialShapes() {
        #expect(skip("M !!j") == (true, "j"))
        #expect(skip("[Aj") == (true, "j"))
    }

    /// Reads the string after `ESC ]` or `ESC P` in `text` (its first byte given), as the session
    /// does: nil when dropped whole, else the bytes read; and what is left for the next key.
    private func string(_ text: String) -> (unread: String?, left: String) {
        var rest = Array(text.utf8)[...]
        let first = Int32(rest.removeFirst())
        let unread = EscapeSequence.unfinishedString(first: first) { rest.isEmpty ? nil : Int32(rest.removeFirst()) }
        return (unread.map { String(decoding: $0.map { UInt8($0) }, as: UTF8.self) }, String(decoding: rest, as: UTF8.self))
    }

    @Test("a terminal's reply string (OSC, DCS) is read to its BEL or ST and dropped, and nothing after it")
    func replyStrings() {
        #expect(string("11;rgb:1e1e/1e1e/1e1e\u{1b}\\j") == (nil, "j"))
        #expect(string("10;rgb:ffff/ffff/ffff\u{07}/") == (nil, "/"))
        #expect(string("1$r0m\u{1b}\\") == (nil, ""))
    }

    @Test("a string with no end here (Esc and ] typed, then more in one burst) gives its bytes back as keys")
    func unfinished() {
        #expect(string("2j") == ("2j", ""))
        #expect(string("1\u{1b}[A") == ("1\u{1b}[", "A"))
        let long = String(repeating: "1", count: 300)
        let result = string(long)
        #expect(result.unread?.count == EscapeSequence.longestString)
        #expect(result.left.count == 300 - EscapeSequence.longestString)
    }

    @Test("nothing after the [ is Esc then [ typed: nothing is read")
    func typed() {
        #expect(skip("") == (false, ""))
    }

    @Test("the keys of xterm, VT220 and the Linux console are all known, once each")
    func table() {
        let sequences = KeySequences.all.map(\.sequence)
        #expect(Set(sequences).count == sequences.count)
        let meaning = Dictionary(uniqueKeysWithValues: KeySequences.all.map { ($0.sequence, $0.meaning) })
        #expect(meaning["\u{1b}[4~"] == .code(KEY_END))
        #expect(meaning["\u{1b}[1~"] == .code(KEY_HOME))
        #expect(meaning["\u{1b}[15~"] == .code(KEY_F0 + 5))
        #expect(meaning["\u{1b}[[A"] == .code(KEY_F0 + 1))
        #expect(meaning["\u{1b}OP"] == .code(KEY_F0 + 1))
        #expect(meaning["\u{1b}[1;5D"] == .wordLeft)
        #expect(meaning["\u{1b}[1;3C"] == .wordRight)
        #expect(meaning["\u{1b}[1;2A"] == .code(KEY_UP))
    }
}
