/// How a quoted text or an element fares from one version to the other.
public enum ComparisonChange: String, Sendable, Hashable, Codable {
    /// Only the later side (the `to` version) has it.
    case added
    /// Only the earlier side (the `from` version) has it.
    case removed
    /// Both have it, in different words.
    case reworded
    /// Both have it, word for word.
    case unchanged
}
