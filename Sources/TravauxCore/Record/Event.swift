/// Something that happened (or is named by the texts) in one of the two realms.
public struct Event: Codable, Sendable, Hashable, Identifiable {
    public var id: String
    public var title: String
    public var domain: Domain
    /// What sort of event: "treaty", "resolution", "report", "test", "collision"...
    public var type: String
    /// nil when the texts give no date; such events are listed apart, never dated by us.
    public var date: PartialDate?
    /// The words the date comes from, as the text puts them.
    public var dateWording: String?
    /// Set when the date is inferred rather than stated: says from what.
    public var dateInferred: String?
    public var forum: String?
    @DefaultEmpty public var actors: [String] = []
    /// Our own summary, never the texts' prose.
    public var summary: String
    @DefaultEmpty public var symbols: [String] = []
    public var vote: Vote?
    @DefaultEmpty public var facts: [Fact] = []
    @DefaultEmpty public var sources: [String] = []
    @DefaultEmpty public var proposals: [String] = []
    /// Parallels and other links to items of any kind.
    @DefaultEmpty public var related: [String] = []
}
