import CNcursesw
import Testing
import TravauxTUI
@testable import TravauxCurses

@Suite("Keys beyond ASCII, put together from their UTF-8 bytes")
struct KeyDecoderTests {
    /// Decodes `bytes` as the session does: the first byte read, the rest on demand.
    private func decode(_ bytes: [UInt8]) -> (key: KeyEvent?, putBack: [Int32], unread: [UInt8]) {
        var rest = bytes.dropFirst()
        var putBack: [Int32] = []
        let key = KeyDecoder.character(
            utf8Lead: bytes[0],
            nextByte: { rest.isEmpty ? nil : Int32(rest.removeFirst()) },
            putBack: { putBack.append($0) })
        return (key, putBack, Array(rest))
    }

    @Test("every scalar of two, three and four bytes is its character", arguments: [
        "é", "ß", "Ω", "—", "中", "€", "\u{FFFD}", "😀", "\u{10FFFF}", "\u{A0}",
    ])
    func wholeCharacters(_ text: String) {
        let result = decode(Array(text.utf8))
        #expect(result.key == .character(Character(text)))
        #expect(result.putBack.isEmpty)
        #expect(result.unread.isEmpty)
    }

    @Test("printable ASCII keys are the characters of their codes")
    func printableASCII() {
        for code in UInt32(0x20)...0x7E {
            #expect(KeyDecoder.character(code) == .character(Character(Unicode.Scalar(UInt8(code)))))
        }
        #expect(KeyDecoder.character(0x7F) == .backspace)
        #expect(KeyDecoder.character(0xE9) == .character("é"))
    }

    @Test("Find and Select, as terminals of the VT220 line name Home and End, are Home and End")
    func findAndSelect() {
        #expect(KeyDecoder.keyCode(KEY_FIND) == .home)
        #expect(KeyDecoder.keyCode(KEY_SELECT) == .end)
        #expect(KeyDecoder.keyCode(KEY_HOME) == .home)
        #expect(KeyDecoder.keyCode(KEY_END) == .end)
    }

    @Test("C1 controls (U+0080–U+009F) are never typed keys")
    func controls() {
        #expect(decode([0xC2, 0x80]).key == nil)
        #expect(decode([0xC2, 0x9F]).key == nil)
    }

    @Test("a byte that cannot continue the character is put back, to be read as the next key")
    func interruptedCharacter() {
        let result = decode([0xE4, 0xB8, 0x6A])   // two bytes of 中, then j
        #expect(result.key == nil)
        #expect(result.putBack == [0x6A])
        #expect(decode([0xC3, 0x1B]).putBack == [0x1B])   // Esc starting a sequence
    }

    @Test("bytes UTF-8 never starts with, overlong forms and surrogates give no key, and read nothing more", arguments: [
        [0x80, 0x41], [0xBF], [0xC0, 0xAF], [0xC1, 0xBF], [0xF5, 0x80, 0x80, 0x80], [0xFF],
    ] as [[UInt8]])
    func invalidLeads(_ bytes: [UInt8]) {
        let result = decode(bytes)
        #expect(result.key == nil)
        #expect(result.unread == Array(bytes.dropFirst()))
    }

    @Test("overlong three- and four-byte forms and surrogates are refused whole", arguments: [
        [0xE0, 0x80, 0xAF], [0xF0, 0x80, 0x80, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80],
    ] as [[UInt8]])
    func refusedForms(_ bytes: [UInt8]) {
        let result = decode(bytes)
        #expect(result.key == nil)
        #expect(result.putBack.isEmpty)
        #expect(result.unread.isEmpty)
    }

    @Test("a character cut short, its last byte never coming, gives no key")
    func truncated() {
        #expect(decode([0xF0, 0x9F, 0x98]).key == nil)
    }
}
