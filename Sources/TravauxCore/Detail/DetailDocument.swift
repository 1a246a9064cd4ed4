/// An item laid out for reading: the same document feeds `travaux show` and the TUI
/// reader, so both say the same things in the same order.
public struct DetailDocument: Sendable, Hashable {
    public var id: String
    /// Nil for an id the record does not hold, shown only for the notes on it.
    public var kind: ItemKind?
    public var title: String
    /// Label–value lines under the title (date, forum, sponsors...).
    public var fields: [DetailField]
    public var sections: [DetailSection]
    /// Blocks that show a part of the item a note can be attached to (a version, a quoted
    /// text, an element), so `a` in the reader can offer the part being read.
    public var anchors: [DetailAnchor] = []

    /// "proposal", or what a page of an id the record does not hold is.
    public var kindName: String { kind?.rawValue ?? "not in this record" }

    /// Every link and footnote in reading order, for stepping through them.
    public var links: [DetailSpan] {
        (fields.flatMap(\.value) + sections.flatMap { $0.blocks.flatMap(\.spans) }).filter(\.isLink)
    }
}

public struct DetailAnchor: Sendable, Hashable {
    public var section: Int
    public var block: Int
    public var target: NoteTarget
}

public struct DetailField: Sendable, Hashable {
    public var label: String
    public var value: [DetailSpan]
}

public struct DetailSection: Sendable, Hashable {
    public var title: String
    public var blocks: [DetailBlock]
}

public enum DetailBlock: Sendable, Hashable {
    /// Running text.
    case paragraph([DetailSpan])
    /// A verbatim official text.
    case quote([DetailSpan])
    /// One entry of a list, with an optional marker ("1.", "(a)", "2008").
    case entry(marker: String?, [DetailSpan])
    /// Text that belongs to the entry above it, shown indented under it.
    case continuation([DetailSpan])

    public var spans: [DetailSpan] {
        switch self {
        case .paragraph(let spans), .quote(let spans), .entry(_, let spans), .continuation(let spans): return spans
        }
    }
}

public enum DetailSpan: Sendable, Hashable {
    case text(String)
    case strong(String)
    /// Italic text: a title a citation sets in italics (`*…*` in the record).
    case emphasis(String)
    /// A link to another item, shown by its name.
    case link(id: String, label: String)
    /// A footnote marker such as `[12]`, leading to its source.
    case footnote(id: String, label: String)
    /// The user's note, by its id: following it edits the note.
    case note(id: String, label: String)

    public var isLink: Bool {
        switch self {
        case .link, .footnote, .note: return true
        case .text, .strong, .emphasis: return false
        }
    }

    public var target: String? {
        switch self {
        case .link(let id, _), .footnote(let id, _), .note(let id, _): return id
        case .text, .strong, .emphasis: return nil
        }
    }

    /// The span as plain text.
    public var plain: String {
        switch self {
        case .text(let text), .strong(let text), .emphasis(let text): return text
        case .link(_, let label): return label
        case .footnote(_, let label), .note(_, let label): return label
        }
    }
}
