/// One annotation the user wrote on the record: the heart of a seminar's work.
///
/// Stored as one JSON file per note (see `NoteFile`), so that a store kept in git merges
/// note by note between the members of a seminar.
public struct Note: Sendable, Hashable, Identifiable {
    /// The schema this build writes; a store with a newer one is refused, not damaged.
    public static let schemaVersion = 1

    /// Time-sortable and unique across machines (`NoteID`).
    public var id: String
    public var target: NoteTarget
    /// Markdown, as typed.
    public var body: String
    /// Normalised with `Tag.normalise`, in the order the user gave them, without repeats.
    public var tags: [String]
    /// The seminar or meeting the note was taken in ("seminar-3").
    public var session: String?
    public var author: String
    public var created: NoteTime
    public var updated: NoteTime
    /// Set on the copy kept when two edits of one note crossed: the id of the note it copies.
    public var conflictOf: String?
    public var schema: Int

    public init(id: String, target: NoteTarget, body: String, tags: [String] = [], session: String? = nil,
                author: String, created: NoteTime, updated: NoteTime? = nil, conflictOf: String? = nil,
                schema: Int = Note.schemaVersion) {
        self.id = id
        self.target = target
        self.body = body
        self.tags = Tag.normalise(tags)
        // A label of blanks alone (a file written by hand) is no session, as an empty one is:
        // no command could name it.
        self.session = session.flatMap { $0.allSatisfy(\.isWhitespace) ? nil : $0 }
        self.author = author
        self.created = created
        self.updated = updated ?? created
        self.conflictOf = conflictOf
        self.schema = schema
    }

    /// The first line of the body that is not blank, for lists.
    public var headline: String {
        // Line by line from the top: splitting the whole body first was a sixth of the frame
        // after a save in the Notes pane, whose rows are all made again then.
        var rest = body[...]
        while !rest.isEmpty {
            let end = rest.firstIndex(where: \.isNewline) ?? rest.endIndex
            if !rest[..<end].allSatisfy(\.isWhitespace) {
                // A quotation's `>` marks go too: `> move the process…` lists as its words.
                let line = Self.withoutQuoteMarks(String(rest[..<end]).trimmingWhitespace())
                if !line.isEmpty { return Self.withoutHeadingMarks(line) }
            }
            rest = end == rest.endIndex ? rest[end...] : rest[rest.index(after: end)...]
        }
        return ""
    }

    /// A block quote's line without its `>` marks (`> > text`: `text`); a line of marks alone is empty.
    static func withoutQuoteMarks(_ line: String) -> String {
        guard line.first == ">" else { return line }
        var rest = Substring(line)
        while rest.first == ">" { rest = rest.dropFirst().drop { $0 == " " || $0 == "\t" } }
        return String(rest)
    }

    /// A Markdown heading's line without its marks (`## PPWT 2008 vs 2014`: `PPWT 2008 vs 2014`):
    /// in a list, after the tags, `# PPWT` read as a tag with no name.
    static func withoutHeadingMarks(_ line: String) -> String {
        let marks = line.prefix { $0 == "#" }
        guard (1...6).contains(marks.count) else { return line }
        let rest = line.dropFirst(marks.count)
        guard let first = rest.first, first == " " || first == "\t" else { return line }
        let text = rest.drop { $0 == " " || $0 == "\t" }
        return text.isEmpty ? line : String(text)
    }
}

/// What a note is about: an item of the record, and optionally a part of it.
public struct NoteTarget: Codable, Sendable, Hashable {
    /// The record item's id.
    public var item: String
    /// A version of a proposal ("2014").
    public var version: String?
    /// A numbered element of a proposal (a pledge, a proviso).
    public var element: String?
    /// A quoted official text, by its id within the proposal.
    public var quote: String?

    public init(item: String, version: String? = nil, element: String? = nil, quote: String? = nil) {
        self.item = item
        self.version = version
        self.element = element
        self.quote = quote
    }

    /// "ppwt", "ppwt@2014", "ppwt#element-3", "ppwt@2011>commitment"; what the CLI prints.
    public var description: String {
        item + partMarks.joined()
    }

    /// The most precise part alone, marked as in `description` (">commitment"), or nil for
    /// the whole item: what a list row of notes has room for.
    public var mostPrecisePart: String? { partMarks.last }

    private var partMarks: [String] {
        [version.map { "@" + $0 }, element.map { "#" + $0 }, quote.map { ">" + $0 }].compactMap { $0 }
    }
}
