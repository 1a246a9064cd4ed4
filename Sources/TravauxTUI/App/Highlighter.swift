import TravauxCore

/// Finds the searched words in displayed text, ignoring case and accents as search does.
public enum Highlighter {
    /// A word to mark: folded, and whether it is marked where it begins a longer word too.
    public struct Needle: Sendable, Hashable {
        fileprivate var line: FoldedLine
        var asPrefix: Bool

        init(_ word: String, asPrefix: Bool) {
            line = FoldedLine(characters: Array(word))
            self.asPrefix = asPrefix
        }
    }

    /// The words of a search to mark, by the index's rule: each word whole, or as a prefix
    /// when it has three letters or more or is the last typed; and the other forms the index
    /// finds it in (`WordForms`: "Code" for `codes`, "weaponisation" for `weaponization`,
    /// "Cyber Security" for `cybersecurity`). Made once per frame, not per line.
    public static func needles(for words: [String]) -> [Needle] {
        var needles: [Needle] = []
        func add(_ word: String, asPrefix: Bool) {
            let needle = Needle(word, asPrefix: asPrefix)
            if !word.isEmpty, !needles.contains(needle) { needles.append(needle) }
        }
        for (position, word) in words.enumerated() {
            let isLast = position == words.count - 1
            add(word, asPrefix: isLast || word.count >= 3)
            for variant in WordForms.variants(of: word) {
                for (index, part) in variant.words.enumerated() {
                    let typed = variant.asPrefix && index == variant.words.count - 1
                    add(part, asPrefix: typed && (isLast || part.count >= 3))
                }
            }
            if position + 1 < words.count, let joined = WordForms.joined(word, words[position + 1]) {
                add(joined, asPrefix: position + 1 == words.count - 1)
            }
        }
        return needles
    }

    /// Character ranges of `text` where a word of the search begins (`needles(for:)`).
    public static func ranges(in text: String, words: [String]) -> [Range<Int>] {
        ranges(in: text, needles: needles(for: words))
    }

    /// It runs on every line drawn while a search is on (the list's rows and the reader's
    /// lines), so characters that are one ASCII scalar, most of them, are lowered and compared
    /// as bytes; only the others are folded through a `String` of their own and compared, or
    /// asked whether they are letters, as `Character`s.
    public static func ranges(in text: String, needles: [Needle]) -> [Range<Int>] {
        guard !needles.isEmpty else { return [] }
        // Folded character by character so that offsets map back to the displayed text.
        let folded = FoldedLine(text)
        var ranges: [Range<Int>] = []
        for candidate in needles {
            let needle = candidate.line
            let asPrefix = candidate.asPrefix
            guard needle.count <= folded.count else { continue }
            var start = 0
            while start + needle.count <= folded.count {
                // Match at the start of a word only, as the index does.
                let end = start + needle.count
                if folded.same(start, as: needle, 0),
                   start == 0 || !folded.isWordCharacter(start - 1) || folded.isBetweenUnspaced(start),
                   (1..<needle.count).allSatisfy({ folded.same(start + $0, as: needle, $0) }),
                   asPrefix || end == folded.count || !folded.isWordCharacter(end) || folded.isBetweenUnspaced(end) {
                    ranges.append(folded.origin[start]..<folded.origin[start + needle.count - 1] + 1)
                    start += needle.count
                } else {
                    start += 1
                }
            }
        }
        return ranges.sorted { $0.lowerBound < $1.lowerBound }
    }

    /// Folded characters, each with the lowered byte it is when it is one ASCII scalar (0
    /// otherwise) and the offset of the displayed character it comes from.
    fileprivate struct FoldedLine: Sendable, Hashable {
        var characters: [Character] = []
        var bytes: [UInt8] = []
        var origin: [Int] = []
        var count: Int { characters.count }

        init(_ text: String) {
            characters.reserveCapacity(text.utf8.count)
            bytes.reserveCapacity(text.utf8.count)
            origin.reserveCapacity(text.utf8.count)
            for (index, character) in text.enumerated() {
                if let byte = Self.asciiByte(character) {
                    let lowered = TextFolding.lowered(byte)
                    characters.append(Character(Unicode.Scalar(lowered)))
                    bytes.append(lowered)
                    origin.append(index)
                    continue
                }
                for f in TextFolding.fold(String(character)) {
                    characters.append(f)
                    bytes.append(Self.asciiByte(f) ?? 0)
                    origin.append(index)
                }
            }
        }

        /// A word as typed, already folded.
        init(characters: [Character]) {
            self.characters = characters
            bytes = characters.map { Self.asciiByte($0) ?? 0 }
        }

        /// The byte of a character that is one ASCII scalar other than NUL (`"\r\n"` is two).
        static func asciiByte(_ character: Character) -> UInt8? {
            let scalars = character.unicodeScalars
            guard let scalar = scalars.first, scalar.isASCII, scalar.value != 0,
                  scalars.index(after: scalars.startIndex) == scalars.endIndex else { return nil }
            return UInt8(scalar.value)
        }

        func same(_ index: Int, as other: FoldedLine, _ otherIndex: Int) -> Bool {
            let (mine, theirs) = (bytes[index], other.bytes[otherIndex])
            // Two ASCII scalars are equal only as bytes; anything else by canonical equivalence
            // (the Kelvin sign is a K).
            if mine != 0 && theirs != 0 { return mine == theirs }
            return characters[index] == other.characters[otherIndex]
        }

        /// Whether the characters on either side of `index` are split as words because one is
        /// an ideograph, or another character of a script that the index takes one by one.
        func isBetweenUnspaced(_ index: Int) -> Bool {
            guard index > 0, index < count else { return false }
            return isUnspaced(index - 1) || isUnspaced(index)
        }

        private func isUnspaced(_ index: Int) -> Bool {
            bytes[index] == 0 && UnspacedScript.contains(characters[index])
        }

        func isWordCharacter(_ index: Int) -> Bool {
            let byte = bytes[index]
            guard byte == 0 else { return (TextFolding.lowered(byte) >= 0x61 && TextFolding.lowered(byte) <= 0x7A) || (byte >= 0x30 && byte <= 0x39) }
            return characters[index].isLetter || characters[index].isNumber
        }
    }
}
