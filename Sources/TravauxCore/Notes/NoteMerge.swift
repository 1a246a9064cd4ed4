/// Two edits of one note made from the same version of it, merged field by field, as git
/// merges lines: a field one side changed takes that side's value; a field both changed alike
/// is that value. Tags merge as a set: each side's additions and removals both apply. A field
/// both changed otherwise (the text in two windows) does not merge, and the save keeps the
/// other edit as a conflict copy instead.
enum NoteMerge {
    struct Merged {
        var note: Note
        /// The fields taken from `theirs`.
        var theirFields: [String]
    }

    static func merged(base: Note, mine: Note, theirs: Note) -> Merged? {
        guard base.id == mine.id, mine.id == theirs.id else { return nil }
        var result = mine
        var taken: [String] = []
        func field<T: Equatable>(_ name: String, _ path: WritableKeyPath<Note, T>) -> Bool {
            let (b, m, t) = (base[keyPath: path], mine[keyPath: path], theirs[keyPath: path])
            if m == t || t == b { return true }
            if m == b {
                result[keyPath: path] = t
                taken.append(name)
                return true
            }
            return false
        }
        guard field("text", \.body), field("place", \.target), field("session", \.session), field("author", \.author),
              field("creation", \.created), field("conflict mark", \.conflictOf) else { return nil }
        if mine.tags != theirs.tags, theirs.tags != base.tags {
            if mine.tags == base.tags {
                result.tags = theirs.tags
            } else {
                result.tags = mergedTags(base: base.tags, mine: mine.tags, theirs: theirs.tags)
            }
            taken.append("tags")
        }
        result.schema = max(mine.schema, theirs.schema)
        result.updated = max(mine.updated, theirs.updated)
        return Merged(note: result, theirFields: taken)
    }

    /// Their tags, less those this side removed, with those this side added after them;
    /// whatever the case, as tags match.
    static func mergedTags(base: [String], mine: [String], theirs: [String]) -> [String] {
        func has(_ tags: [String], _ tag: String) -> Bool { tags.contains { Tag.same($0, tag) } }
        let removed = base.filter { !has(mine, $0) }
        let added = mine.filter { !has(base, $0) }
        var tags = theirs.filter { !has(removed, $0) }
        for tag in added where !has(tags, tag) { tags.append(tag) }
        return tags
    }
}
