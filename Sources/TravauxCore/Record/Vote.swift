/// A recorded vote: counts and, where the texts name them, who voted how.
public struct Vote: Codable, Sendable, Hashable {
    public var yes: Int?
    public var no: Int?
    public var abstain: Int?
    @DefaultEmpty public var yesActors: [String] = []
    @DefaultEmpty public var noActors: [String] = []
    @DefaultEmpty public var abstainActors: [String] = []
    /// How the texts describe the outcome ("adopted by consensus", "near universal support").
    public var wording: String?
}

/// A structured fact about an event: "ratifications: 47", "members: 20".
public struct Fact: Codable, Sendable, Hashable {
    public var label: String
    public var value: String
    public var source: String?
}
