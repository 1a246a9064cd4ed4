import TravauxCore

/// A tag typed on the command line, as the notes spell it, or an error naming the nearest
/// tags: `list --tag`, `note list --tag` and `tag rename` treat an unknown tag alike.
enum KnownTag {
    static func spelling(of typed: String, in notes: NoteCollection) throws -> String {
        if let stored = notes.tagCounts.first(where: { Tag.same($0.tag, Tag.normalise(typed)) })?.tag { return stored }
        if let held = NoteLookup.onlyInConflicts("the tag '\(typed)'", carriedBy: { $0.tags.contains { Tag.same($0, Tag.normalise(typed)) } }, in: notes) {
            throw held
        }
        let near = IDSuggestion.nearest(to: Tag.normalise(typed), among: notes.tagCounts.map(\.tag))
        throw CLIError("no note has the tag '\(typed)'" + (near.isEmpty ? "; 'travaux tags' lists them" : "; " + IDSuggestion.question(near)))
    }
}
