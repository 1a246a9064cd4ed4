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

    /// Every key in JSON, `null` where a side or a diff is missing.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(number, forKey: .number)
        try container.encode(change, forKey: .change)
        try container.encode(from, forKey: .from)
        try container.encode(to, forKey: .to)
        try container.encode(textDiff, forKey: .textDiff)
        try container.encode(quoteDiff, forKey: .quoteDiff)
    }

    private enum CodingKeys: String, CodingKey { case number, change, from, to, textDiff, quoteDiff }
}
