/// A field whose value differs between two versions of a proposal, with the values a
/// version inherits from its proposal filled in (a version that names no sponsors has
/// the proposal's).
public struct FieldChange: Sendable, Hashable, Encodable {
    public enum Field: String, Sendable, Hashable, CaseIterable, Encodable {
        case date, symbols, sponsors, legalCharacter, status, sources

        public var label: String {
            switch self {
            case .date: return "Date"
            case .symbols: return "Symbols"
            case .sponsors: return "Sponsors"
            case .legalCharacter: return "Legal character"
            case .status: return "Status"
            case .sources: return "Footnotes"
            }
        }

        /// Lists compare as sets and report what was added and removed.
        public var isList: Bool { self == .symbols || self == .sponsors || self == .sources }

        /// A single value as a reader writes it: `14 Sep 2011`, `legally binding`; ids of
        /// lists are named by the views, which know how (actors' names, footnote markers).
        public func readable(_ value: String) -> String {
            switch self {
            case .date: return PartialDate(iso: value)?.natural ?? value
            case .legalCharacter: return Proposal.LegalCharacter(rawValue: value)?.words ?? value
            default: return value
            }
        }
    }

    public var field: Field
    /// The values as the record stores them: an ISO date, ids of actors or footnotes,
    /// symbols, a legal character's raw value. Empty when the version has none.
    public var from: [String]
    public var to: [String]

    /// A single-valued field as readable text on each side (empty when a side has no value,
    /// which a comparison says as `(none)` beside the diff, never as text put in or taken out).
    public var readableFrom: String { from.first.map(field.readable) ?? "" }
    public var readableTo: String { to.first.map(field.readable) ?? "" }

    public var added: [String] { to.filter { !from.contains($0) } }
    public var removed: [String] { from.filter { !to.contains($0) } }

    private enum CodingKeys: String, CodingKey {
        case field, from, to, added, removed
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(field, forKey: .field)
        if field.isList {
            try container.encode(from, forKey: .from)
            try container.encode(self.to, forKey: .to)
            try container.encode(added, forKey: .added)
            try container.encode(removed, forKey: .removed)
        } else {
            try container.encode(from.first, forKey: .from)
            try container.encode(self.to.first, forKey: .to)
        }
    }
}
