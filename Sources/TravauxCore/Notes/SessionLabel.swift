/// A session label names the seminar or meeting a note was taken in. It is typed afresh at
/// each start (`S`, `--session`), so `Seminar 3`, `seminar 3` and `seminar  3` are one
/// session, as a tag is one tag whatever its case.
public enum SessionLabel {
    /// As typed, with its white space trimmed and each run of it one space (case kept).
    public static func normalise(_ label: String) -> String {
        label.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Whether two labels name the same session: equal once lowered and their white space
    /// made single spaces.
    public static func same(_ a: String, _ b: String) -> Bool {
        // Labels as typed are plain, and the filters compare one with every note's: compared
        // in place, as tags are, without making a key of each.
        if isPlain(a), isPlain(b) { return Tag.same(a, b) }
        return key(a) == key(b)
    }

    /// The key a session is counted and found by.
    static func key(_ label: String) -> String { normalise(label).lowercased() }

    /// ASCII with single spaces between words and none at the ends: its key is itself lowered.
    static func isPlain(_ label: String) -> Bool {
        var afterSpace = true
        for byte in label.utf8 {
            guard byte >= 0x20, byte < 0x80 else { return false }
            if byte == 0x20 {
                if afterSpace { return false }
                afterSpace = true
            } else {
                afterSpace = false
            }
        }
        return !afterSpace || label.isEmpty
    }
}
