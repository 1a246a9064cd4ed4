/// A tag a note already carried, typed again in another case (`GGE` → `gge`): the tag is
/// re-spelled, on that note and on every other note that carries it, so that one tag keeps
/// one spelling everywhere (lists, `tags`, an export's `#tags`).
public struct TagRespelling: Sendable, Hashable {
    public var old: String
    public var new: String

    public init(old: String, new: String) {
        self.old = old
        self.new = new
    }

    /// `tags` with this tag in its new spelling, or nil when it does not carry the tag in another.
    public func applied(to tags: [String]) -> [String]? {
        guard tags.contains(where: { Tag.same($0, new) && $0 != new }) else { return nil }
        return Tag.normalise(tags.map { Tag.same($0, new) ? new : $0 })
    }
}

extension TagRespelling {
    /// The note with the tag in its new spelling, changed at `time`; nil when it has none to change.
    public func respelled(_ note: Note, at time: NoteTime) -> Note? {
        guard let tags = applied(to: note.tags) else { return nil }
        var edited = note
        edited.tags = tags
        edited.updated = time
        return edited
    }
}

/// The tags a note is saved with, and the tags its edit re-spelled.
public struct SpelledTags: Sendable, Hashable {
    public var tags: [String]
    public var respellings: [TagRespelling]
}

extension NoteCollection {
    /// Each tag as the notes already spell it, so that a tag typed `verification` joins
    /// `#Verification` rather than starting a second spelling; but a tag the note being edited
    /// (`base`) already carried, typed in another case, is re-spelled as typed.
    public func spelled(_ tags: [String], editing base: Note?) -> SpelledTags {
        var respellings: [TagRespelling] = []
        // One tally for all the tags: counting it is a pass over every note when none is kept.
        let result = zip(tags, spelled(tags)).map { tag, known in
            guard let had = base?.tags.first(where: { Tag.same($0, tag) }) else { return known }
            if had != tag { respellings.append(TagRespelling(old: had, new: tag)) }
            return tag
        }
        return SpelledTags(tags: result, respellings: respellings)
    }

    /// The spelling a tag renamed from `old` to `new` takes: `new` as typed when it re-spells
    /// `old`; merged into another tag in use, that tag's spelling (`t3` into `T1`, spelled `t1`).
    public func spellingOfRename(from old: String, to new: String) -> String {
        let typed = Tag.normalise(new)
        return Tag.same(typed, Tag.normalise(old)) ? typed : (spelled([typed]).first ?? typed)
    }

    /// The other notes that carry the re-spelled tag in another spelling than the new one.
    public func notes(toRespell respelling: TagRespelling, except noteID: String) -> [Note] {
        unordered.filter { $0.id != noteID && respelling.applied(to: $0.tags) != nil }.sorted { $0.id < $1.id }
    }
}
