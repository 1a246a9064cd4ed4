/// A point the texts argue, linked to the evidence it rests on.
public struct Theme: Codable, Sendable, Hashable, Identifiable {
    public var id: String
    public var title: String
    /// "similarity", "difference", "cbms-vs-treaty", "obstacle", "venue", "driver", "prospect"...
    public var type: String
    public var domain: Domain
    public var work: String
    /// Our summary of the argument.
    public var summary: String
    @DefaultEmpty public var events: [String] = []
    @DefaultEmpty public var proposals: [String] = []
    @DefaultEmpty public var sources: [String] = []
    @DefaultEmpty public var related: [String] = []
}
