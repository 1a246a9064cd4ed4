/// One search result: the item, how well it matched, and where.
public struct SearchHit: Sendable, Hashable {
    public var id: String
    public var kind: ItemKind
    public var title: String
    public var score: Int
    /// The field the best match was in ("title", "symbol", "quote"...).
    public var field: String
    /// The text of that field, for showing the match in context.
    public var text: String
}
