import TravauxCore

/// A session typed on the command line that no readable note is of: an error naming the
/// notes in a merge conflict that are, or else the nearest sessions. `export --session`,
/// `note list --session` and `session rename` treat an unknown session alike, as `KnownTag` treats a tag.
enum KnownSession {
    static func check(_ typed: String, in notes: NoteCollection) throws {
        guard !notes.sessionsByUse.contains(where: { SessionLabel.same($0, typed) }) else { return }
        if let held = NoteLookup.onlyInConflicts("the session '\(typed)'", carriedBy: { $0.session.map { SessionLabel.same($0, typed) } ?? false }, in: notes) {
            throw held
        }
        let near = IDSuggestion.nearest(to: SessionLabel.normalise(typed), among: notes.sessionsByUse)
        throw CLIError("no note has the session '\(typed)'" + (near.isEmpty ? "; 'travaux sessions' lists them" : "; " + IDSuggestion.question(near)))
    }
}
