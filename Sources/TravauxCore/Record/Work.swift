/// A text whose footnotes are the record's sources: the chapter, the remarks.
public struct Work: Codable, Sendable, Hashable, Identifiable {
    public var id: String
    public var title: String
    public var author: String
    /// How footnote markers name the work when two works are cited together ("Meyer 12").
    public var abbreviation: String?
    /// What sort of text it is: "book chapter", "remarks"...
    public var form: String
    public var date: PartialDate?
    public var dateWording: String?
    public var dateInferred: String?
    /// How many footnotes the text has; the validator checks they are all present.
    public var footnoteCount: Int
    /// The file in the seeds the work was read from.
    public var seed: String?
    public var summary: String
}
