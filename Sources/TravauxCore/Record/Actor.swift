/// A state, organisation, group, NGO, company or person the texts name.
public struct Actor: Codable, Sendable, Hashable, Identifiable {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case state, organisation, group, ngo, company, person
    }

    public var id: String
    public var name: String
    public var kind: Kind
    /// Other spellings the texts use, so a search for any of them finds the actor.
    @DefaultEmpty public var aliases: [String] = []
    public var summary: String?
    @DefaultEmpty public var sources: [String] = []
}
