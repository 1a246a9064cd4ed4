import Testing
@testable import TravauxCore

/// Byte-by-byte phrase matching against `String.contains`, which it stands in for.
@Suite("Phrase matching")
struct PhraseMatchTests {
    static let pieces: [String] = [
        "code", " of ", "conduct", "co", "de", " ", "-", ";", "`", "\u{37E}", "\u{1FEF}", "é", "e\u{301}", "外空",
        "\u{200D}", "a", "\r\n", "\n", "ﾞ", "🇫🇷", "’", "k", "\u{212A}",
    ]

    @Test("a phrase occurs in folded text exactly when the Character-by-Character comparison says so")
    func sameAsContains() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let text = TextFolding.fold((0..<Int.random(in: 0...8, using: &generator)).map { _ in Self.pieces.randomElement(using: &generator) ?? "" }.joined())
            let phrase = TextFolding.fold((0..<Int.random(in: 1...3, using: &generator)).map { _ in Self.pieces.randomElement(using: &generator) ?? "" }.joined())
            let match = PhraseMatch(phrase)
            #expect(match.occurs(in: text, bytewise: PhraseMatch.isBytewise(text)) == PhraseMatch.characterwise(text, phrase),
                    "\(phrase.unicodeScalars.map(\.value)) in \(text.unicodeScalars.map(\.value))")
        }
    }

    @Test("a phrase is found at the start, at the very end, after false starts, and not past the text")
    func edges() {
        let cases: [(String, String, Bool)] = [
            ("code of conduct", "code", true), ("code of conduct", "conduct", true), ("code of conduct", "conducts", false),
            ("cocode", "code", true), ("ccccd", "cccd", true), ("code of cond", "conduct", false), ("code", "code", true),
            ("cod", "code", false), ("", "a", false), ("a", "a", true), ("ba", "a", true), ("ab", "b", true), ("ab", "ba", false),
        ]
        for (text, phrase, expected) in cases {
            #expect(PhraseMatch(phrase).occurs(in: text, bytewise: true) == expected, "'\(phrase)' in '\(text)'")
            #expect(PhraseMatch.characterwise(text, phrase) == expected, "'\(phrase)' in '\(text)', by Character")
        }
    }
}
