/// Tags are typed fast during a seminar; normalising them keeps "#Verification",
/// "verification " and "verification" one tag, and keeps them usable as Obsidian tags.
public enum Tag {
    /// Trimmed, without a leading `#`, inner spaces as hyphens; case kept (the first
    /// spelling a user chose), repeats removed case-insensitively, empty ones dropped.
    public static func normalise(_ tags: [String]) -> [String] {
        var seen = Set<String>()
        var result: [String] = []
        for tag in tags {
            let cleaned = normalise(tag)
            guard !cleaned.isEmpty, seen.insert(cleaned.lowercased()).inserted else { continue }
            result.append(cleaned)
        }
        return result
    }

    public static func normalise(_ tag: String) -> String {
        var text = tag.trimmingWhitespace()
        while text.hasPrefix("#") { text.removeFirst() }
        let words = text.split(whereSeparator: { $0.isWhitespace || $0 == "," })
        return words.joined(separator: "-")
    }

    /// Whether two tags are the same tag.
    public static func same(_ a: String, _ b: String) -> Bool {
        a.lowercased() == b.lowercased()
    }
}
