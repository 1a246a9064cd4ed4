/// A note's text as the words of a filter are looked for in it: body, tags and target, folded,
/// and with a record, the title (and short name) of the item it is on, which the Notes pane
/// shows beside it: a note on the PPWT is found by "placement" as by "ppwt".
public struct FoldedNoteText: Sendable {
    public let folded: String
    /// Whether words can be looked for bytewise (`PhraseMatch.isBytewise`).
    public let bytewise: Bool

    public init(_ note: Note, record: Record? = nil) {
        var text = note.body + " " + note.tags.joined(separator: " ") + " " + note.target.description
        if let item = record?.item(note.target.item) {
            text += " " + item.title
            if case .proposal(let proposal) = item, let short = proposal.shortName { text += " " + short }
        }
        folded = TextFolding.fold(text)
        bytewise = PhraseMatch.isBytewise(folded)
    }
}

/// The folded text of every note, kept between the keys typed in the Notes pane's filter.
///
/// Folding was nearly all of a key's cost there: with 100,000 notes, each key folded every
/// note again (about 1 s). The first key with words folds every note once (on all
/// processors); after that only notes added or changed since are folded. As a word grows
/// letter by letter, only the notes that held it before are looked at again, and the answers
/// to the last few filters are kept for the backspace. It costs about the notes' own text in
/// memory again, and only once a filter has words.
public struct NoteSearchText: Sendable {
    private struct Entry: Sendable {
        // What the text was folded from: while the note still holds these (usually the very
        // same storage, so comparing is a pointer check), the folding is current.
        let id: String
        let body: String
        let tags: [String]
        let target: NoteTarget
        let text: FoldedNoteText

        init(_ note: Note, text: FoldedNoteText) {
            id = note.id
            body = note.body
            tags = note.tags
            target = note.target
            self.text = text
        }

        func isCurrent(for note: Note) -> Bool {
            id == note.id && body == note.body && tags == note.tags && target == note.target
        }
    }

    /// By position in the notes last given: a collection keeps its order between keys, and
    /// a removal moves one note, so a lookup is an index, not a hash of the id.
    private var entries: [Entry] = []
    /// The last words looked for, each with the positions of the notes whose text holds them
    /// all, newest last: typing narrows from the newest, and a backspace finds its answer here.
    private var recent: [(words: [String], positions: [Int])] = []
    /// The revision of the notes last given, so that the same notes are known at a glance.
    private var lastRevision: Revision?
    /// The collection's revision the entries were last brought up to date with.
    public var revision: Revision? { lastRevision }
    /// The notes' tags folded (`FoldedNoteTags`), made when a `#tag` is first typed, and the
    /// revision of the notes they are from.
    private(set) var foldedTags = FoldedNoteTags()
    private var foldedTagsRevision: Revision?
    /// The record whose item titles are folded in with each note, and what it is known by:
    /// texts folded with another record's titles (or none) are folded again.
    private var record: Record?
    private var recordKey: String?
    static let recentLimit = 24

    public init() {}

    /// Notes whose folding is kept.
    public var count: Int { entries.count }

    /// Every note folded, its tags too: what the interface prepares on another thread when
    /// the Notes filter opens on a large store, so that the first key finds the work done.
    public static func folding(_ notes: NoteCollection, record: Record?) -> NoteSearchText {
        var texts = NoteSearchText()
        texts.update(for: notes.unordered, revision: notes.revision, record: record)
        texts.layOutTags(of: notes.unordered, revision: notes.revision)
        return texts
    }

    /// Positions in `notes` (the collection's notes at `revision`, if known) of the notes
    /// whose folded text holds every word.
    mutating func positions(in notes: [Note], revision: Revision?, holding words: [PhraseMatch], record: Record?) -> [Int] {
        if update(for: notes, revision: revision, record: record) { recent.removeAll() }
        let phrases = words.map(\.phrase)
        if let known = recent.lastIndex(where: { $0.words == phrases }) {
            return recent[known].positions
        }
        let narrowed = recent.last(where: { Self.narrows($0.words, to: phrases) })?.positions
        let positions = entries.withUnsafeBufferPointer { entries in
            (narrowed ?? Array(notes.indices)).filter { position in
                let text = entries[position].text
                return words.allSatisfy { $0.occurs(in: text.folded, bytewise: text.bytewise) }
            }
        }
        if recent.count == Self.recentLimit { recent.removeFirst() }
        recent.append((phrases, positions))
        return positions
    }

    /// Positions among `candidates` (every note's when nil) of the notes, the collection's at
    /// `revision`, that carry for each of `typed` a tag beginning so once folded; nil when
    /// the tags cannot be laid out (`FoldedNoteTags`).
    mutating func positions(in notes: [Note], revision: Revision, among candidates: [Int]?,
                            carrying typed: [[UInt8]]) -> [Int]? {
        guard layOutTags(of: notes, revision: revision) else { return nil }
        return foldedTags.positions(among: candidates, carrying: typed)
    }

    /// Lays out the notes' tags unless they are laid out at this revision; false when they
    /// cannot be.
    @discardableResult
    private mutating func layOutTags(of notes: [Note], revision: Revision) -> Bool {
        if revision == foldedTagsRevision, foldedTags.count == notes.count { return true }
        guard let laidOut = FoldedNoteTags(notes) else { return false }
        foldedTags = laidOut
        foldedTagsRevision = revision
        return true
    }

    /// Whether every note holding the new words holds the old ones: each old word begins the
    /// new word in its place (a word typed further, or words added after).
    static func narrows(_ old: [String], to new: [String]) -> Bool {
        old.count <= new.count && zip(old, new).allSatisfy { $1.hasPrefix($0) }
    }

    /// Folds the notes not folded yet or changed since; true when anything changed.
    @discardableResult
    mutating func update(for notes: [Note], revision: Revision?, record: Record?) -> Bool {
        let key = record.map(Self.key)
        if key != recordKey {
            entries.removeAll()
            lastRevision = nil
            recordKey = key
            self.record = record
        }
        // The same revision is the same notes, and 100,000 checks are skipped on every key.
        // (Holding the notes' array to compare it made every save copy all of it: 10–25 ms.)
        if let revision, revision == lastRevision { return false }
        lastRevision = revision
        var stale: [Int] = []
        for position in notes.indices where position >= entries.count || !entries[position].isCurrent(for: notes[position]) {
            stale.append(position)
        }
        let removed = entries.count > notes.count
        if removed { entries.removeLast(entries.count - notes.count) }
        guard !stale.isEmpty else { return removed }
        let parts = ParallelWork.parts(forNotes: stale.count)
        var folded = [FoldedNoteText?](repeating: nil, count: stale.count)
        let record = self.record
        folded.withUnsafeMutableBufferPointer { output in
            ParallelWork.run(parts: parts) { part in
                for index in stride(from: part, to: stale.count, by: parts) {
                    output[index] = FoldedNoteText(notes[stale[index]], record: record)
                }
            }
        }
        entries.reserveCapacity(notes.count)
        for (index, position) in stale.enumerated() {
            let entry = Entry(notes[position], text: folded[index] ?? FoldedNoteText(notes[position], record: record))
            if position < entries.count { entries[position] = entry } else { entries.append(entry) }
        }
        return true
    }

    /// What a record is known by here: one process holds one record, and a record read
    /// again from the same place with the same counts has the same titles but for an edit
    /// made while it ran, which the interface does not take in.
    private static func key(_ record: Record) -> String {
        "\(record.directory) \(record.manifest.version) \(record.allIDs.count)"
    }
}
