/// A quoted text of one version beside its counterpart in the other, diffed word by word.
///
/// Quotes pair by their id without a trailing year (`pairingKey`): `commitment-2011`
/// and `commitment-2015` are the same passage in two versions.
public struct QuoteComparison: Sendable, Hashable, Encodable {
    public var key: String
    public var change: ComparisonChange
    public var from: Quote?
    public var to: Quote?
    /// From the `from` quote's text to the `to` quote's; nil unless both exist.
    public var diff: TextDiff?

    /// Every key in JSON, `null` for the side a quote is missing from (as `date` and `session`
    /// are elsewhere), so that a script reads one shape.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(key, forKey: .key)
        try container.encode(change, forKey: .change)
        try container.encode(from, forKey: .from)
        try container.encode(to, forKey: .to)
        try container.encode(diff, forKey: .diff)
    }

    private enum CodingKeys: String, CodingKey { case key, change, from, to, diff }

    /// `commitment-2011` → `commitment`; an id without a year suffix is its own key.
    public static func pairingKey(_ id: String) -> String {
        guard let dash = id.lastIndex(of: "-"), dash > id.startIndex else { return id }
        let suffix = id[id.index(after: dash)...]
        guard suffix.count == 4, suffix.allSatisfy({ $0.isASCII && $0.isNumber }) else { return id }
        return String(id[..<dash])
    }
}
