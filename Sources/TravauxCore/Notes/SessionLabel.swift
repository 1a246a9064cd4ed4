/// A session label names the seminar or meeting a note was taken in. It is typed afresh at
/// each start (`S`, `--session`), so `Seminar 3` and `seminar 3` are one session, as a tag is
/// one tag whatever its case.
public enum SessionLabel {
    /// Whether two labels name the same session: equal once lowered.
    public static func same(_ a: String, _ b: String) -> Bool { Tag.same(a, b) }

    /// The key a session is counted and found by.
    static func key(_ label: String) -> String { label.lowercased() }
}
