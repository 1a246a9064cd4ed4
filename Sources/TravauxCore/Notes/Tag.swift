/// Tags are typed fast during a seminar; normalising them keeps "#Verification",
/// "verification " and "verification" one tag, and keeps them usable as Obsidian tags.
public enum Tag {
    /// Trimmed, without a leading `#`, inner spaces as hyphens; case kept (the first
    /// spelling a user chose), repeats removed case-insensitively, empty ones dropped. A comma
    /// parts tags, as in the interface's tags line: `--tag norms,cbms` is two.
    public static func normalise(_ tags: [String]) -> [String] {
        var seen = Set<String>()
        var result: [String] = []
        for tag in parted(tags) {
            let cleaned = normalise(tag)
            guard !cleaned.isEmpty, seen.insert(cleaned.lowercased()).inserted else { continue }
            result.append(cleaned)
        }
        return result
    }

    /// The tags typed values name, each as typed: a comma parts two (`norms,cbms`), each part
    /// trimmed and an empty part dropped; a value without a comma stays whole.
    public static func parted(_ values: [String]) -> [String] {
        values.flatMap { value in
            value.contains(",") ? value.split(separator: ",").map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty } : [value]
        }
    }

    public static func normalise(_ tag: String) -> String {
        var text = tag.trimmingWhitespace()
        while text.hasPrefix("#") { text.removeFirst() }
        let words = text.split(whereSeparator: { $0.isWhitespace || $0 == "," })
        return words.joined(separator: "-")
    }

    /// Whether two tags are the same tag: equal once lowered.
    public static func same(_ a: String, _ b: String) -> Bool {
        // ASCII tags, the usual ones, are compared in place: lowering every tag of 100,000
        // notes made each save under a tag filter take 80 ms.
        sameASCII(a, b) ?? (a.lowercased() == b.lowercased())
    }

    /// Whether `a` and `b` are equal once lowered, read byte by byte while both are ASCII;
    /// nil when a byte of either is not (lowering then needs the whole scalar). A difference
    /// before that decides, since lowering maps each scalar on its own, never to nothing.
    static func sameASCII(_ a: String, _ b: String) -> Bool? {
        var first = a.utf8.makeIterator(), second = b.utf8.makeIterator()
        while true {
            switch (first.next(), second.next()) {
            case (nil, nil): return true
            case (nil, _?), (_?, nil): return false
            case let (x?, y?):
                guard x < 0x80, y < 0x80 else { return nil }
                if TextFolding.lowered(x) != TextFolding.lowered(y) { return false }
            }
        }
    }
}
