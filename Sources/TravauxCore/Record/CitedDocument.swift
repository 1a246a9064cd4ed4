/// One of the documents a footnote cites when it cites several (Meyer 15: CD/1679 of 2002,
/// CD/1839 of 2008, CD/1985 of 2014), with what a reference needs of it. The footnote's own
/// fields describe the footnote as a whole; a reference manager needs one item per document,
/// each with its own date and symbol, and these fields give it.
///
/// Nothing is taken from the footnote's fields: a document the footnote gives no author or
/// date has none (its author is not the other document's).
public struct CitedDocument: Codable, Sendable, Hashable, Identifiable {
    /// Kebab-case, unique within its footnote (`cd-1985`). The export's citation key is the
    /// footnote's id and this one (`meyer-fn-15-cd-1985`): stored, not counted, so no
    /// correction elsewhere changes a key a paper cites.
    public var id: String
    public var author: String?
    /// As printed, without italics markers; left out when the footnote gives none.
    public var title: String?
    public var date: PartialDate?
    public var dateWording: String?
    /// This document's symbols, among the footnote's `symbols`.
    @DefaultEmpty public var symbols: [String] = []
    /// This document's URLs, among the footnote's `urls`.
    @DefaultEmpty public var urls: [String] = []
    public var documentType: String?
}
