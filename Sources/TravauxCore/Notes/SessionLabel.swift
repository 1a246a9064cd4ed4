/// A session label names the seminar or meeting a note was taken in. It is typed afresh at
/// each start (`S`, `--session`), so `Seminar 3`, `seminar 3` and `seminar  3` are one
/// session, as a tag is one tag whatever its case.
public enum SessionLabel {
    /// As typed, with its white space trimmed and each run of it one space (case kept), and
    /// without escape sequences or control characters (a pasted colour or window title),
    /// which a label printed on a list would send to the terminal.
    public static func normalise(_ label: String) -> String {
        isClean(label) ? label : ControlSequences.oneLine(label)
    }

    /// Whether two labels name the same session: equal once lowered and their white space
    /// made single spaces.
    public static func same(_ a: String, _ b: String) -> Bool {
        // Labels are clean as typed, and a filter compares one with every note's: compared
        // in place, as tags are, without making a key of each.
        if isClean(a), isClean(b) { return Tag.same(a, b) }
        return key(a) == key(b)
    }

    /// The key a session is counted and found by.
    public static func key(_ label: String) -> String { normalise(label).lowercased() }

    /// Without white space at its ends, doubled, or other than a space: its own normal form.
    /// Read scalar by scalar, making nothing.
    static func isClean(_ label: String) -> Bool {
        var afterSpace = true
        for scalar in label.unicodeScalars {
            if scalar == " " {
                if afterSpace { return false }
                afterSpace = true
            } else if scalar.value < 0xA0 ? scalar.value < 0x20 || scalar.value >= 0x7F : scalar.properties.isWhitespace {
                return false
            } else {
                afterSpace = false
            }
        }
        return !afterSpace || label.isEmpty
    }
}
