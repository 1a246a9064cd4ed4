import Testing
import TravauxCore
@testable import TravauxTUI

/// The highlighter against the definition it replaced, which folded every character through
/// a `String` of its own and copied each candidate out to compare it.
@Suite("Highlighting the searched words")
struct HighlighterTests {
    static func reference(in text: String, words: [String]) -> [Range<Int>] {
        guard !words.isEmpty else { return [] }
        let characters = Array(text)
        var folded: [Character] = []
        var origin: [Int] = []
        for (index, character) in characters.enumerated() {
            for f in TextFolding.fold(String(character)) {
                folded.append(f)
                origin.append(index)
            }
        }
        var ranges: [Range<Int>] = []
        var seen: [(String, Bool)] = []
        for (position, word) in words.enumerated() where !word.isEmpty {
            let needle = Array(word)
            // The index's rule: a prefix only for the last word or one of three letters or more.
            let asPrefix = position == words.count - 1 || needle.count >= 3
            // A word given twice by the same rule is marked once.
            if seen.contains(where: { $0 == (word, asPrefix) }) { continue }
            seen.append((word, asPrefix))
            guard needle.count <= folded.count else { continue }
            var start = 0
            while start + needle.count <= folded.count {
                // Each character of an unspaced script (an ideograph) is a word of its own.
                func betweenIdeographs(_ p: Int) -> Bool {
                    p > 0 && p < folded.count && (UnspacedScript.contains(folded[p - 1]) || UnspacedScript.contains(folded[p]))
                }
                let atWordStart = start == 0 || !(folded[start - 1].isLetter || folded[start - 1].isNumber) || betweenIdeographs(start)
                let end = start + needle.count
                let atWordEnd = end == folded.count || !(folded[end].isLetter || folded[end].isNumber) || betweenIdeographs(end)
                if atWordStart && (asPrefix || atWordEnd) && Array(folded[start..<end]) == needle {
                    ranges.append(origin[start]..<origin[start + needle.count - 1] + 1)
                    start += needle.count
                } else {
                    start += 1
                }
            }
        }
        return ranges.sorted { $0.lowerBound < $1.lowerBound }
    }

    static let pieces = ["Code", "code", " of ", "CONDUCT", "-", "é", "É", "e\u{301}", "\r\n", "\n", "ﬁ", "ﬁnal", "Æ", "ß", "外空", "和平利用外层空间", "PPWT草案",
                         "👩‍⚖️", "’", "“", "\u{212A}", "K", "1967", "CD/1985", "A/RES", " ", "—", "ǅ", "İ", "\u{37E}", ";", "٣", "²", "\u{0}"]
    static let words = ["code", "c", "conduct", "e", "etude", "fi", "final", "ae", "ss", "外", "外层", "空间", "草", "ppwt", "k", "1967", "cd", "1985", "res",
                        "of", "d", "i", "e\u{301}", "\r\n", ";", "a;", "\u{37E}c", "٣", "\u{0}"]

    @Test("ranges are those of the definition it replaced, on accents, ligatures, CJK, emoji, CR LF and case")
    func sameAsBefore() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let text = (0..<Int.random(in: 0...10, using: &generator)).map { _ in Self.pieces.randomElement(using: &generator) ?? "" }.joined()
            let words = (0..<Int.random(in: 0...3, using: &generator)).map { _ in Self.words.randomElement(using: &generator) ?? "" }
            #expect(Highlighter.ranges(in: text, words: words) == Self.reference(in: text, words: words),
                    "\(words) in \(text.unicodeScalars.map(\.value))")
        }
    }

    @Test("the other forms search finds a word in are marked too: the singular, the other spelling, a compound's parts or whole")
    func wordForms() {
        #expect(Highlighter.ranges(in: "Code of Conduct", words: ["codes", "of", "conduct"]) == [0..<4, 5..<7, 8..<15])
        #expect(Highlighter.ranges(in: "weaponisation of space", words: ["weaponization"]) == [0..<13])
        #expect(Highlighter.ranges(in: "Ten Rules for Cyber Security", words: ["cybersecurity"]) == [14..<19, 20..<28])
        #expect(Highlighter.ranges(in: "cybersecurity norms", words: ["cyber", "sec"]) == [0..<5, 0..<8])
        // A singular is marked whole only: `codes` does not mark "codex" or "cod".
        #expect(Highlighter.ranges(in: "codex cod", words: ["codes"]).isEmpty)
    }

    @Test("a word is marked where a word of the text begins with it, whatever its case and accents")
    func examples() {
        #expect(Highlighter.ranges(in: "Code of Conduct", words: ["co"]) == [0..<2, 8..<10])
        #expect(Highlighter.ranges(in: "Résumé — CODE", words: ["resume", "code"]) == [0..<6, 9..<13])
        #expect(Highlighter.ranges(in: "decode", words: ["code"]).isEmpty, "not inside a word")
        #expect(Highlighter.ranges(in: "anything", words: []).isEmpty)
        // As the index matches: a short word other than the last whole, the others as prefixes.
        #expect(Highlighter.ranges(in: "UN undertakings by experts", words: ["un", "expert"]) == [0..<2, 19..<25])
        #expect(Highlighter.ranges(in: "UN undertakings", words: ["un"]) == [0..<2, 3..<5])
        // Chinese is written without spaces: a run typed together is found inside a longer one.
        #expect(Highlighter.ranges(in: "和平利用外层空间", words: ["外层"]) == [4..<6])
        #expect(Highlighter.ranges(in: "PPWT草案", words: ["ppwt", "草"]) == [0..<4, 4..<5])
    }
}
