/// Where the interface was left, kept for the next start on the same record: the pane shown,
/// each pane's selected row, what the reader showed, and an open comparison. Ids only, so a
/// place outlives an edit of the record; whatever is gone by the next start is passed over.
public struct LastPlace: Sendable, Hashable, Codable {
    /// The pane's name as the tab bar spells it, lowercased (`timeline`, `notes`).
    public var pane: String
    /// Per pane (same names), the item selected in its list.
    public var items: [String: String]
    /// The note selected in the Notes pane.
    public var note: String?
    /// The item the reader had the keyboard on (full screen on a narrow terminal), if it had.
    public var reader: ReaderPlace?
    public var comparison: ComparisonPlace?
    /// The words of the last search, which `/` offers again.
    public var search: String?
    /// The session label the window had: said at the next start (not taken up unasked, since
    /// the next start may be another day's meeting).
    public var session: String?
    /// The Notes pane's order when not the first one (`taken`); a name this travaux does not
    /// know (a newer one's) is passed over.
    public var notesOrder: String?

    public struct ReaderPlace: Sendable, Hashable, Codable {
        public var item: String
        /// The first line shown, at the width it was left at.
        public var scroll: Int
        /// The link or ✎ marker selected, by its place among the item's links.
        public var link: Int?

        public init(item: String, scroll: Int, link: Int? = nil) {
            self.item = item
            self.scroll = scroll
            self.link = link
        }
    }

    public struct ComparisonPlace: Sendable, Hashable, Codable {
        public var proposal: String
        public var from: String
        public var to: String
        /// The first line shown below the comparison's header.
        public var scroll: Int?

        public init(proposal: String, from: String, to: String, scroll: Int? = nil) {
            self.proposal = proposal
            self.from = from
            self.to = to
            self.scroll = scroll
        }
    }

    enum CodingKeys: String, CodingKey { case pane, items, note, reader, comparison, search, session, notesOrder }

    /// Every field but the pane may be missing (a hand edit, an older file): what is there is taken.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        pane = try container.decode(String.self, forKey: .pane)
        items = try container.decodeIfPresent([String: String].self, forKey: .items) ?? [:]
        note = try container.decodeIfPresent(String.self, forKey: .note)
        reader = try container.decodeIfPresent(ReaderPlace.self, forKey: .reader)
        comparison = try container.decodeIfPresent(ComparisonPlace.self, forKey: .comparison)
        search = try container.decodeIfPresent(String.self, forKey: .search)
        session = try container.decodeIfPresent(String.self, forKey: .session)
        notesOrder = try container.decodeIfPresent(String.self, forKey: .notesOrder)
    }

    public init(pane: String, items: [String: String] = [:], note: String? = nil,
                reader: ReaderPlace? = nil, comparison: ComparisonPlace? = nil, search: String? = nil, session: String? = nil,
                notesOrder: String? = nil) {
        self.pane = pane
        self.items = items
        self.note = note
        self.reader = reader
        self.comparison = comparison
        self.search = search
        self.session = session
        self.notesOrder = notesOrder
    }
}
