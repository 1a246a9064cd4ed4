/// Which notes to show: every condition given must hold.
public struct NoteFilter: Sendable, Hashable {
    public var tags: [String] = []
    public var session: String?
    public var itemIDs: [String] = []
    /// Words that must all occur in the body, tags or target (accent- and case-insensitive).
    public var text: String = ""

    public init(tags: [String] = [], session: String? = nil, itemIDs: [String] = [], text: String = "") {
        self.tags = tags
        self.session = session
        self.itemIDs = itemIDs
        self.text = text
    }

    public var isEmpty: Bool { tags.isEmpty && session == nil && itemIDs.isEmpty && text.isEmpty }

    /// The filter made ready to test many notes: the wanted tags normalised and the words
    /// folded once, not once per note (at 100,000 notes, each key typed in the Notes
    /// pane's filter took seconds).
    public func matcher() -> NoteMatcher {
        NoteMatcher(tags: tags.map(Tag.normalise), session: session, itemIDs: itemIDs,
                    words: TextFolding.fold(text).split(separator: " ").map { PhraseMatch(String($0)) })
    }

    public func apply(to notes: NoteCollection) -> [Note] {
        let matcher = matcher()
        return notes.all.filter(matcher.matches)
    }
}

/// A `NoteFilter` ready to test notes (`NoteFilter.matcher()`).
public struct NoteMatcher: Sendable {
    let tags: [String]
    let session: String?
    let itemIDs: [String]
    let words: [PhraseMatch]

    public func matches(_ note: Note) -> Bool {
        guard matchesApartFromWords(note) else { return false }
        guard !words.isEmpty else { return true }
        let text = FoldedNoteText(note)
        return words.allSatisfy { $0.occurs(in: text.folded, bytewise: text.bytewise) }
    }

    /// Positions in `notes` of the notes that match, with their folded text kept in `texts`
    /// between calls (the Notes pane's filter, a call per key typed).
    public func positions(in notes: [Note], texts: inout NoteSearchText) -> [Int] {
        let candidates: [Int]
        if words.isEmpty {
            texts.releaseNotes()
            candidates = Array(notes.indices)
        } else {
            candidates = texts.positions(in: notes, holding: words)
        }
        guard !tags.isEmpty || session != nil || !itemIDs.isEmpty else { return candidates }
        return candidates.filter { matchesApartFromWords(notes[$0]) }
    }

    private func matchesApartFromWords(_ note: Note) -> Bool {
        if !tags.isEmpty, !tags.allSatisfy({ wanted in note.tags.contains { Tag.same($0, wanted) } }) {
            return false
        }
        if let session, note.session != session { return false }
        if !itemIDs.isEmpty, !itemIDs.contains(note.target.item) { return false }
        return true
    }
}
