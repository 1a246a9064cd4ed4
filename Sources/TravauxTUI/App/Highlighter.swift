import TravauxCore

/// Finds the searched words in displayed text, ignoring case and accents as search does.
public enum Highlighter {
    /// Character ranges of `text` where a word (or a word's prefix) of the search begins.
    public static func ranges(in text: String, words: [String]) -> [Range<Int>] {
        guard !words.isEmpty else { return [] }
        // Fold character by character so offsets map back to the displayed text.
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
        for word in words where !word.isEmpty {
            let needle = Array(word)
            guard needle.count <= folded.count else { continue }
            var start = 0
            while start + needle.count <= folded.count {
                // Match at the start of a word only, as the index does.
                let atWordStart = start == 0 || !(folded[start - 1].isLetter || folded[start - 1].isNumber)
                if atWordStart && Array(folded[start..<start + needle.count]) == needle {
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
