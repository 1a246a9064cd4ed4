import Testing
@testable import TravauxTUI

/// A string's width, summed scalar by scalar, against the sum over its grapheme clusters.
@Suite("Display width of strings")
struct DisplayWidthSumTests {
    static let pieces: [String] = [
        "a", " ", "é", "e\u{301}", "外", "空", "ｶ", "ﾞ", "한", "\u{1100}\u{1161}\u{11A8}", "👍", "👍🏽", "🏽", "👩\u{200D}💻",
        "\u{200D}", "🇫🇷", "\u{FE0F}", "\t", "\u{1B}", "\u{AD}", "\u{600}1", "ก\u{E33}", "\u{301}",
    ]

    @Test("summing scalars gives what summing grapheme clusters gives")
    func sameAsClusters() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let text = (0..<Int.random(in: 0...8, using: &generator)).map { _ in Self.pieces.randomElement(using: &generator) ?? "" }.joined()
            let byClusters = text.reduce(0) { $0 + DisplayWidth.of($1) }
            #expect(DisplayWidth.of(text) == byClusters, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }
}
