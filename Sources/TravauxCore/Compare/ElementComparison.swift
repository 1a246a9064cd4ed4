/// An element (a pledge, a recommendation) held by only one of two versions, or reworded
/// between them: elements of the same number held by one version each are compared.
public struct ElementComparison: Sendable, Hashable, Encodable {
    public var number: String
    public var change: ComparisonChange
    public var from: ProposalElement?
    public var to: ProposalElement?
    /// Our summaries compared; nil unless both exist.
    public var textDiff: TextDiff?
    /// The quoted wordings compared; nil unless both quote it.
    public var quoteDiff: TextDiff?
}
