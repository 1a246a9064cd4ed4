/// One footnote of a work: the citation exactly as printed, and what it cites.
public struct Source: Codable, Sendable, Hashable, Identifiable {
    public var id: String
    public var work: String
    public var number: Int
    /// The footnote's text, verbatim.
    public var citation: String
    /// Person or body responsible for the cited document.
    public var author: String?
    public var title: String?
    public var date: PartialDate?
    public var dateWording: String?
    /// Document symbols the footnote names (`CD/1985`, `A/RES/69/31`), in order.
    @DefaultEmpty public var symbols: [String] = []
    /// URLs exactly as printed, in order.
    @DefaultEmpty public var urls: [String] = []
    /// An "Ibid." or short form points at the footnote it repeats.
    public var refersTo: String?
    /// What kind of document is cited: "treaty", "report", "resolution", "book"...
    public var documentType: String?
    /// Our own remark on a glitch in the footnote (numbering, a broken URL).
    public var remark: String?
    /// The documents one by one, for a footnote that cites several; empty for one that cites
    /// one (its fields above are that document's).
    @DefaultEmpty public var documents: [CitedDocument] = []

    public var symbol: String? { symbols.first }
    public var url: String? { urls.first }
}
