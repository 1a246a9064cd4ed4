import TravauxCore

/// The `/` prompt: what is typed, and the hits it gives as it is typed.
public struct SearchState: Sendable, Hashable {
    public var field = TextField(placeholder: "search titles, quotes, symbols, names, your notes…")
    public var hits: [SearchHit] = []
    /// More items matched than the `shownLimit` listed.
    public var hasMore = false
    /// The most items a search lists: past that, the words are too few to read them all.
    public static let shownLimit = 200
    /// How many of the user's notes hold the words, listed after the hits; kept here, as the
    /// status line would otherwise count up to 100,000 rows on every frame.
    public var noteCount = 0
    /// The query the hits and highlights belong to.
    public var query: String = ""
    /// Whether the prompt has the keyboard (false once Enter moves to the results).
    public var editing = true
    /// Where the search started (pane, row, reader), to return to when it closes.
    public var origin: Location?

    public init() {}
}
