import TravauxCore

/// Finds the searched words in displayed text, ignoring case and accents as search does.
public enum Highlighter {
    /// Character ranges of `text` where a word (or a word's prefix) of the search begins.
    ///
    /// It runs on every line drawn while a search is on (the list's rows and the reader's
    /// lines), so a character that is one ASCII scalar, most of them, is lowered in place
    /// rather than folded through a `String` of its own, and a word is compared where it
    /// lies rather than copied out at every place it could begin.
    public static func ranges(in text: String, words: [String]) -> [Range<Int>] {
        guard !words.isEmpty else { return [] }
        // Folded character by character so that offsets map back to the displayed text.
        var folded: [Character] = []
        var origin: [Int] = []
        folded.reserveCapacity(text.utf8.count)
        origin.reserveCapacity(text.utf8.count)
        for (index, character) in text.enumerated() {
            let scalars = character.unicodeScalars
            if let scalar = scalars.first, scalar.isASCII, scalars.index(after: scalars.startIndex) == scalars.endIndex {
                folded.append(Character(Unicode.Scalar(TextFolding.lowered(UInt8(scalar.value)))))
                origin.append(index)
                continue
            }
            for f in TextFolding.fold(String(character)) {
                folded.append(f)
                origin.append(index)
            }
        }
        var ranges: [Range<Int>] = []
        for word in words where !word.isEmpty {
            let needle = Array(word)
            guard needle.count <= folded.count else { continue }
            var start = 0
            while start + needle.count <= folded.count {
                // Match at the start of a word only, as the index does.
                let atWordStart = start == 0 || !(folded[start - 1].isLetter || folded[start - 1].isNumber)
                if atWordStart && needle.indices.allSatisfy({ folded[start + $0] == needle[$0] }) {
                    let lower = origin[start]
                    let upper = origin[start + needle.count - 1] + 1
                    ranges.append(lower..<upper)
                    start += needle.count
                } else {
                    start += 1
                }
            }
        }
        return ranges.sorted { $0.lowerBound < $1.lowerBound }
    }
}
