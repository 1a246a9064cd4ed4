/// How a quoted text or an element fares from one version to the other.
public enum ComparisonChange: String, Sendable, Hashable, Codable {
    /// Only the later side (the `to` version) has it: an element the record says came in.
    case added
    /// Only the earlier side (the `from` version) has it: an element the record says went.
    case removed
    /// Both have it, in different words.
    case reworded
    /// Both have it, word for word.
    case unchanged
    /// A quote the record gives of the `from` version with nothing beside it in the other.
    /// Not a removal: the texts quote a passage of one version, or what was said about it,
    /// and are silent about the other (the 2015 Sino-Russian code may keep its title).
    case fromOnly
    /// A quote the record gives of the `to` version alone; not an addition, as `fromOnly`.
    case toOnly

    /// Set beside nothing in the other version: neither a change nor the lack of one.
    public var isOneSided: Bool { self == .fromOnly || self == .toOnly }
}
