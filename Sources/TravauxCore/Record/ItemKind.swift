/// The kinds of item the record holds; every id is unique across all of them.
public enum ItemKind: String, Codable, Sendable, CaseIterable {
    case work, source, event, proposal, actor, forum, theme

    /// The record file that holds items of this kind.
    public var fileName: String {
        switch self {
        case .work: return "works.json"
        case .source: return "sources.json"
        case .event: return "events.json"
        case .proposal: return "proposals.json"
        case .actor: return "actors.json"
        case .forum: return "forums.json"
        case .theme: return "themes.json"
        }
    }

    public var plural: String { rawValue + "s" }

    /// "an event", "a proposal": for messages.
    public var withArticle: String { (self == .event || self == .actor ? "an " : "a ") + rawValue }
}
