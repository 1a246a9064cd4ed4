import TravauxCore

/// The comparison on screen: which proposal, which two of its versions, how far scrolled,
/// and its layout for the current width.
public struct ComparisonState: Sendable, Hashable {
    public var proposalID: String
    /// The proposal's version ids in the record's order (oldest first, as `validate` checks).
    public var versions: [String]
    /// Indices into `versions`; `from` always comes before `to`.
    public var from: Int
    public var to: Int
    public var scroll = 0
    public var layout: ComparisonLayout?

    /// From `start` (the proposal's `defaultComparisonStart`), else the first, to the last.
    public init(proposalID: String, versions: [String], start: String? = nil) {
        self.proposalID = proposalID
        self.versions = versions
        self.to = max(0, versions.count - 1)
        self.from = start.flatMap { versions.firstIndex(of: $0) }.map { min($0, max(0, versions.count - 2)) } ?? 0
    }

    public var fromID: String { versions.indices.contains(from) ? versions[from] : "" }
    public var toID: String { versions.indices.contains(to) ? versions[to] : "" }
}
