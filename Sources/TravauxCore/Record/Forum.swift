/// A place where negotiation happens, in a hierarchy (UN > General Assembly > First Committee).
public struct Forum: Codable, Sendable, Hashable, Identifiable {
    public var id: String
    public var name: String
    public var parent: String?
    @DefaultEmpty public var aliases: [String] = []
    public var summary: String?
    @DefaultEmpty public var sources: [String] = []
}
