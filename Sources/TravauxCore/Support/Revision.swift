/// One state of something that changes: a new revision is made at each change, and is equal
/// only to itself. What was worked out from that state (the notes' folded text, a list's
/// headings, the rows drawn) holds while the revision is the same, and a cache that keeps the
/// revision need not keep the thing itself: holding an array made its next change in place
/// copy it whole.
public struct Revision: Sendable, Hashable {
    // One held is never freed, so a revision made later can never be taken for it.
    private final class Token: Sendable {}
    private let token = Token()

    public init() {}

    public static func == (a: Revision, b: Revision) -> Bool { a.token === b.token }

    public func hash(into hasher: inout Hasher) { hasher.combine(ObjectIdentifier(token)) }
}
