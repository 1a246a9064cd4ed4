import Testing
@testable import TravauxTUI

@Suite("Display width")
struct DisplayWidthTests {
    @Test("ASCII letters and punctuation take one column each")
    func ascii() {
        #expect(DisplayWidth.of("Outer space") == 11)
        #expect(DisplayWidth.of("CD/1985") == 7)
        #expect(DisplayWidth.of("") == 0)
    }

    @Test("CJK ideographs, kana, Hangul syllables and fullwidth forms take two columns",
          arguments: ["中", "国", "あ", "カ", "한", "Ａ", "，", "　", "𠀀", "\u{3FFFD}"])
    func wide(character: Character) {
        #expect(DisplayWidth.of(character) == 2)
    }

    @Test("Emoji with emoji presentation take two columns", arguments: ["😀", "🚀", "🌍", "⌚", "🧑"])
    func emoji(character: Character) {
        #expect(DisplayWidth.of(character) == 2)
    }

    @Test("Combining marks, zero-width characters and controls take no column",
          arguments: ["\u{301}", "\u{20DD}", "\u{200B}", "\u{200D}", "\u{FEFF}", "\u{1B}", "\u{7F}", "\u{9B}", "\u{1160}"] as [Unicode.Scalar])
    func zero(scalar: Unicode.Scalar) {
        #expect(DisplayWidth.of(scalar) == 0)
    }

    @Test("Latin, Greek, Cyrillic, box drawing and the soft hyphen take one column",
          arguments: ["é", "ß", "Ω", "Ж", "─", "│", "…", "\u{AD}", "€"] as [Character])
    func narrow(character: Character) {
        #expect(DisplayWidth.of(character) == 1)
    }

    @Test("A letter with combining accents is as wide as the letter")
    func combiningSequence() {
        #expect(DisplayWidth.of("e\u{301}" as Character) == 1)
        #expect(DisplayWidth.of("Ge\u{301}ne\u{300}ve") == 6)
        #expect(DisplayWidth.of("中\u{302}" as Character) == 2)
    }

    @Test("A flag counts both regional indicators; a joined or skin-toned emoji counts as its first emoji")
    func clusters() {
        #expect(DisplayWidth.of("🇫🇷" as Character) == 2)
        #expect(DisplayWidth.of("👩\u{200D}🚀" as Character) == 2)
        #expect(DisplayWidth.of("👍🏽" as Character) == 2)
    }

    @Test("A mixed line adds up its parts")
    func mixed() {
        #expect(DisplayWidth.of("UN 裁军 😀!") == 2 + 1 + 4 + 1 + 2 + 1)
    }

    @Test("Wide ranges are sorted and disjoint, so the binary search is sound")
    func tableShape() {
        for (a, b) in zip(DisplayWidth.wideRanges, DisplayWidth.wideRanges.dropFirst()) {
            #expect(a.upperBound < b.lowerBound)
        }
    }
}
