/// Which notes to show: every condition given must hold.
public struct NoteFilter: Sendable, Hashable {
    public var tags: [String] = []
    public var session: String?
    /// Only notes taken outside any session (`--no-session`, "Without a session" in `f`);
    /// `session` is then nil.
    public var withoutSession = false
    public var itemIDs: [String] = []
    /// Words that must all occur in the body, tags or target (accent- and case-insensitive),
    /// or, where the matcher is given the record, in the title of the note's item;
    /// a word written `#tag` asks for a tag beginning so instead (`NoteMatcher.typedTags`).
    public var text: String = ""

    public init(tags: [String] = [], session: String? = nil, itemIDs: [String] = [], text: String = "") {
        self.tags = tags
        self.session = session
        self.itemIDs = itemIDs
        self.text = text
    }

    /// What a search of the record asks of the notes (`/` in the interface, `travaux search`):
    /// the same words, without the double quotes that make a phrase of them in the record.
    public init(searchQuery: String) {
        self.init(text: String(searchQuery.map { $0 == "\"" ? " " : $0 }))
    }

    public var isEmpty: Bool { tags.isEmpty && session == nil && !withoutSession && itemIDs.isEmpty && text.isEmpty }

    /// Whether words typed ask for anything: a letter or a digit, a pictograph (`🚀`, which a
    /// tag or a note may hold), or a tag begun (`#🚀`). Quotes, dashes or a bare `#` alone would
    /// ask for every note.
    public static func asksForSomething(_ text: String) -> Bool {
        text.unicodeScalars.contains { (scalar: Unicode.Scalar) -> Bool in
            let properties = scalar.properties
            return properties.isAlphabetic || properties.numericType != nil
                || (scalar.value >= 0x80 && properties.isEmoji)
        }
    }

    /// The filter made ready to test many notes: the wanted tags normalised and the words
    /// folded once, not once per note (at 100,000 notes, each key typed in the Notes
    /// pane's filter took seconds). With `record`, a word may be in the title of the note's
    /// item (`FoldedNoteText`).
    public func matcher(record: Record? = nil) -> NoteMatcher {
        var words: [PhraseMatch] = []
        var typedTags: [[UInt8]] = []
        for word in text.split(whereSeparator: \.isWhitespace) {
            if word.hasPrefix("#") {
                // "#" alone, as a tag is begun, asks for nothing yet.
                let tag = TextFolding.fold(Tag.normalise(String(word)))
                if !tag.isEmpty { typedTags.append(Array(tag.utf8)) }
            } else {
                words += TextFolding.fold(String(word)).split(separator: " ").map { PhraseMatch(String($0)) }
            }
        }
        // The wanted session in its normal form once, so that each note's is compared in place.
        return NoteMatcher(tags: tags.map(Tag.normalise), session: session.map(SessionLabel.normalise), withoutSession: withoutSession,
                           itemIDs: itemIDs, words: words, typedTags: typedTags, record: record)
    }

    public func apply(to notes: NoteCollection, record: Record? = nil) -> [Note] {
        matcher(record: record).matching(notes.all)
    }
}

/// A `NoteFilter` ready to test notes (`NoteFilter.matcher()`).
public struct NoteMatcher: Sendable {
    let tags: [String]
    let session: String?
    let withoutSession: Bool
    let itemIDs: [String]
    let words: [PhraseMatch]
    /// Tags typed among the words (`#ASAT`), folded: a note needs, for each, a tag that
    /// begins so once folded, as a word matches inside a longer one while it is typed.
    let typedTags: [[UInt8]]
    /// Whose item titles the words may be found in too.
    let record: Record?

    public func matches(_ note: Note) -> Bool {
        guard matchesApartFromWords(note) else { return false }
        guard !words.isEmpty else { return true }
        let text = FoldedNoteText(note, record: record)
        return words.allSatisfy { $0.occurs(in: text.folded, bytewise: text.bytewise) }
    }

    /// The notes of `notes` that match, in their order. With words and a large store, every
    /// note's text is folded on all processors first: folding one note after another was
    /// most of `travaux search` with 100,000 notes.
    public func matching(_ notes: [Note]) -> [Note] {
        guard !words.isEmpty, ParallelWork.parts(forNotes: notes.count) > 1 else { return notes.filter(matches) }
        var texts = NoteSearchText()
        return positions(in: notes, texts: &texts).map { notes[$0] }
    }

    /// Positions in `notes` of the notes that match, with their folded text kept in `texts`
    /// between calls (the Notes pane's filter, a call per key typed). `revision`, the
    /// collection's the notes are from, spares looking at each note to see if it changed.
    public func positions(in notes: [Note], revision: Revision? = nil, texts: inout NoteSearchText) -> [Int] {
        var candidates = words.isEmpty ? nil : texts.positions(in: notes, revision: revision, holding: words, record: record)
        // Typed tags are read from the tags laid out once per revision of the notes.
        var tagsChecked = false
        if !typedTags.isEmpty, let revision,
           let carrying = texts.positions(in: notes, revision: revision, among: candidates, carrying: typedTags) {
            candidates = carrying
            tagsChecked = true
        }
        let others = !tags.isEmpty || session != nil || withoutSession || !itemIDs.isEmpty || (!typedTags.isEmpty && !tagsChecked)
        guard others else { return candidates ?? Array(notes.indices) }
        // The fields are read where the notes lie: a note handed whole to the closures below
        // was copied, a retain and a release for each of its strings, most of a key's time
        // with 100,000 notes.
        let typed = tagsChecked ? [] : typedTags
        return notes.withUnsafeBufferPointer { notes in
            (candidates ?? Array(notes.indices)).filter {
                matches(tags: notes[$0].tags, session: notes[$0].session, item: notes[$0].target.item, typedTags: typed)
            }
        }
    }

    private func matchesApartFromWords(_ note: Note) -> Bool {
        matches(tags: note.tags, session: note.session, item: note.target.item, typedTags: typedTags)
    }

    private func matches(tags noteTags: [String], session noteSession: String?, item: String, typedTags: [[UInt8]]) -> Bool {
        if !tags.isEmpty, !tags.allSatisfy({ wanted in noteTags.contains { Tag.same($0, wanted) } }) {
            return false
        }
        if let session, !(noteSession.map { SessionLabel.same($0, session) } ?? false) { return false }
        if withoutSession, noteSession != nil { return false }
        if !itemIDs.isEmpty, !itemIDs.contains(item) { return false }
        if !typedTags.isEmpty, !typedTags.allSatisfy({ wanted in noteTags.contains { Self.tag($0, begins: wanted) } }) {
            return false
        }
        return true
    }

    /// Whether `tag`, folded, begins with `folded`. An ASCII tag is compared in place, with
    /// its capitals lowered, as the filter runs over every note on each key typed.
    static func tag(_ tag: String, begins folded: [UInt8]) -> Bool {
        var isASCII = true
        var index = 0
        for byte in tag.utf8 {
            guard byte < 0x80 else { isASCII = false; break }
            guard index < folded.count else { break }
            if TextFolding.lowered(byte) != folded[index] { return false }
            index += 1
        }
        if isASCII { return index == folded.count }
        return TextFolding.fold(tag).utf8.starts(with: folded)
    }
}
