/// Suggests the ids nearest to one that does not exist ("did you mean").
public enum IDSuggestion {
    /// `did you mean 'a', 'b'?`: every message names its suggestions alike, quoted, so that an
    /// id with a hyphen or a tag with a space reads as one.
    public static func question(_ near: [String]) -> String {
        "did you mean " + near.map { "'\($0)'" }.joined(separator: ", ") + "?"
    }

    /// `fewestEdits` is the edits always allowed; a longer query allows a third of its length.
    public static func nearest(to query: String, among ids: [String], limit: Int = 3, fewestEdits: Int = 2) -> [String] {
        let needle = query.lowercased()
        var completions: [(id: String, score: Int)] = [], nearMisses: [(id: String, score: Int)] = []
        for id in ids {
            // An id that starts with or contains what was typed is a likely completion
            // (`grotius`: `grotius-maritime-order` and `hugo-grotius` alike), in any case
            // (`wording`: the field `dateWording`).
            let lowered = id.lowercased()
            if lowered.hasPrefix(needle) { completions.append((id, 0)); continue }
            // One or two letters are inside most ids and a couple of edits from any short one:
            // those would suggest everything. They complete a beginning, or mend one slip of two.
            let length = needle.unicodeScalars.count
            if length >= 3, lowered.contains(needle) { completions.append((id, 1)); continue }
            let tolerance = min(max(fewestEdits, length / 3), length - 1)
            guard tolerance > 0 else { continue }
            let distance = editDistance(Array(needle.unicodeScalars), Array(lowered.unicodeScalars))
            if distance <= tolerance { nearMisses.append((id, distance)) }
        }
        // Of the misspellings, only the nearest: `tme` is one swap from `time`, and `item`,
        // two edits away, is noise.
        let nearest = nearMisses.map(\.score).min()
        return (completions + nearMisses.filter { $0.score == nearest })
            .sorted { ($0.score, $0.id.count, $0.id) < ($1.score, $1.id.count, $1.id) }
            .prefix(limit).map(\.id)
    }

    /// Edits between two texts, a letter added, dropped, changed, or two neighbours swapped
    /// (`titel` for `title` is one: the commonest slip of a short name), three rows at a time.
    static func editDistance<T: Equatable>(_ a: [T], _ b: [T]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var beforePrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], beforePrevious[j - 2] + 1)
                }
            }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return previous[b.count]
    }
}
