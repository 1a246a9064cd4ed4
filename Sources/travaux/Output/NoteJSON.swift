import TravauxCore

/// A note as scripts see it: `id`, `kind` ("note") and `title` (its first line) as for every
/// object the CLI prints, then the note's own fields.
struct NoteJSON: Encodable {
    var note: Note

    private enum Key: String, CodingKey {
        case id, kind, title, target, body, tags, session, author, created, updated, conflictOf
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(note.id, forKey: .id)
        try container.encode("note", forKey: .kind)
        try container.encode(note.headline, forKey: .title)
        try container.encode(note.target, forKey: .target)
        try container.encode(note.body, forKey: .body)
        try container.encode(note.tags, forKey: .tags)
        try container.encode(note.session, forKey: .session)
        try container.encode(note.author, forKey: .author)
        try container.encode(note.created.iso8601, forKey: .created)
        try container.encode(note.updated.iso8601, forKey: .updated)
        try container.encodeIfPresent(note.conflictOf, forKey: .conflictOf)
    }
}
