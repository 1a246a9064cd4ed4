import TravauxCore

/// A note named on the command line, where a note held out of the store by a git merge
/// conflict is said as one (not "no note"), with the command that resolves it.
enum NoteLookup {
    /// A note moved to `quarantine/` (when this or an earlier command read it) is said to be
    /// there, with why and how it comes back.
    static func note(_ typed: String, in notes: NoteCollection, store: NoteStore) throws -> Note {
        // A beginning that a note in conflict shares names two notes, even though only one can
        // be read: taken for the readable one, `note rm` would delete a note never meant.
        let held = conflicted(typed, in: notes)
        if !held.isEmpty, notes.note(typed) == nil, notes.note(typed.uppercased()) == nil {
            let readable = notes.unordered.filter { $0.id.uppercased().hasPrefix(typed.uppercased()) }.map(\.id)
            if !readable.isEmpty {
                let all = (readable + held.map { $0.noteID + " in a merge conflict" }).sorted()
                throw CLIError("'\(typed)' matches \(all.count) notes (\(all.joined(separator: ", "))); type more of the id")
            }
        }
        do {
            return try notes.resolve(typed)
        } catch .noSuchNote(let id, let suggestions) {
            if held.count > 1 {
                throw CLIError("'\(typed)' matches \(held.count) notes in a merge conflict (\(held.map(\.noteID).sorted().joined(separator: ", "))); type more of the id")
            }
            if let conflicted = held.first {
                guard conflicted.resolvable else {
                    // Why `note resolve` cannot take it, and how to mend it by hand.
                    throw CLIError("note \(conflicted.noteID) cannot be read: \(conflicted.file) " + conflicted.reason.dropFirst("it ".count))
                }
                throw CLIError("note \(conflicted.noteID) is in a git merge conflict (\(conflicted.file)), so it cannot be read; "
                               + "'travaux note resolve \(conflicted.noteID)' keeps both versions, the other as a conflict copy")
            }
            let quarantined = store.quarantinedNotes(named: typed)
            if quarantined.count == 1, let only = quarantined.first { throw CLIError(only.description) }
            if quarantined.count > 1 {
                let ids = Set(quarantined.map(\.noteID)).sorted()
                throw CLIError("'\(typed)' names \(quarantined.count) files in quarantine (\(quarantined.map(\.path).joined(separator: ", "))), "
                               + "which could not be read as notes; " + (ids.count == 1 ? "mend one and move it back to \(quarantined[0].home) to read it again"
                                                                          : "type more of the id"))
            }
            throw CLIError(NoteStoreError.noSuchNote(id, suggestions: suggestions).description)
        } catch {
            throw CLIError(error.description)
        }
    }

    /// The id of the one note in a merge conflict `typed` names: its id, a unique beginning of
    /// it (4 characters or more, any case), or its file.
    static func conflictedID(_ typed: String, in notes: NoteCollection) throws -> String {
        let matches = conflicted(typed, in: notes)
        if matches.count == 1, let only = matches.first { return only.noteID }
        if matches.count > 1 {
            throw CLIError("'\(typed)' names \(matches.count) notes in a merge conflict (\(matches.map(\.noteID).joined(separator: ", "))); type more of the id")
        }
        let all = notes.problems.filter(\.mergeConflict).map(\.noteID)
        if (try? notes.resolve(typed)) != nil {
            throw CLIError("note '\(typed)' holds no git merge conflict; nothing to resolve")
        }
        if typed.count < NoteCollection.minimumPrefix, !typed.contains("/") {
            throw CLIError(NoteStoreError.shortNotePrefix(typed).description)
        }
        throw CLIError("no note in a git merge conflict is '\(typed)'"
                       + (all.isEmpty ? "; none is in conflict now" : "; those in conflict: " + all.joined(separator: ", ")))
    }

    private static func conflicted(_ typed: String, in notes: NoteCollection) -> [NoteStoreProblem] {
        notes.problems.filter { $0.mergeConflict && names(typed, file: $0.file) }
    }

    /// Whether `typed` names the note of `file`: its id, a beginning of it of 4 characters or
    /// more (any case), or its file.
    static func names(_ typed: String, file: String) -> Bool {
        var key = typed
        if let name = key.split(separator: "/").last.map(String.init), name.lowercased().hasSuffix(".json") { key = String(name.dropLast(5)) }
        key = key.uppercased()
        let id = NoteStore.noteID(ofFile: file).uppercased()
        return id == key || (key.count >= NoteCollection.minimumPrefix && id.hasPrefix(key))
    }

    /// The notes held out by a merge conflict a side of which carries what `carries` looks
    /// for (a tag, a session), as far as their sides can be read.
    static func conflicted(carrying carries: (Note) -> Bool, in notes: NoteCollection) -> [NoteStoreProblem] {
        notes.problems.filter { $0.mergeConflict && $0.conflictSides.contains(where: carries) }
    }

    /// Notes held out by a conflict a side of which cannot be read, and does not show it
    /// carries what is looked for: it may.
    static func unreadableConflicts(notCarrying carries: (Note) -> Bool, in notes: NoteCollection) -> [String] {
        notes.problems.filter { $0.mergeConflict && !$0.resolvable && !$0.conflictSides.contains(where: carries) }.map(\.noteID)
    }

    /// How the notes held out come back: `resolve it ('travaux note resolve ID')`, naming the
    /// note when there is one, and by hand for those `note resolve` cannot take.
    private static func wayBack(_ held: [NoteStoreProblem]) -> String {
        let resolvable = held.filter(\.resolvable).map(\.noteID), unresolvable = held.filter { !$0.resolvable }.map(\.noteID)
        var ways: [String] = []
        if !resolvable.isEmpty {
            ways.append(resolvable.count == 1 ? "resolve it ('travaux note resolve \(resolvable[0])')" : "resolve them ('travaux note resolve ID')")
        }
        if !unresolvable.isEmpty {
            let which = held.count == 1 ? "it" : unresolvable.joined(separator: ", ")
            ways.append("'travaux note resolve' cannot take \(which): mend \(unresolvable.count == 1 ? "it" : "them") by hand (the warning above says how)")
        }
        return ways.joined(separator: "; ")
    }

    /// Why a tag or session no readable note has is not there to act on, when notes held
    /// out by a merge conflict have it. A conflict a side of which cannot be read is not
    /// taken to have every tag, so that a typo keeps its "did you mean"; the warning on it
    /// says why it is held out.
    static func onlyInConflicts(_ what: String, carriedBy carries: (Note) -> Bool, in notes: NoteCollection) -> CLIError? {
        let held = conflicted(carrying: carries, in: notes)
        guard !held.isEmpty else { return nil }
        return CLIError("\(what) is only on \(held.count == 1 ? "a note" : "notes") in a git merge conflict (\(held.map(\.noteID).joined(separator: ", "))); "
                        + wayBack(held) + ", then run it again")
    }

    /// Says, under a list of tags or sessions, that notes held out by a merge conflict are
    /// not counted in it, and how each comes back.
    static func sayConflictsUncounted(in notes: NoteCollection) {
        let held = notes.problems.filter(\.mergeConflict)
        guard !held.isEmpty else { return }
        CLIOutput.say("\(held.count) note\(held.count == 1 ? " is" : "s are") in a git merge conflict and not counted; " + wayBack(held))
    }

    /// Says that notes held out by a merge conflict were not part of a change made to every
    /// note (a tag or session renamed), which would otherwise come back unchanged once
    /// resolved: those a side of which `carries` the tag or session, and those a side of
    /// which cannot be read, which may.
    static func sayConflictsLeftOut(of change: String, in notes: NoteCollection, carrying carries: (Note) -> Bool) {
        let held = conflicted(carrying: carries, in: notes)
        if !held.isEmpty {
            CLIOutput.say("\(held.count) note\(held.count == 1 ? " is" : "s are") in a git merge conflict and \(held.count == 1 ? "was" : "were") left out of \(change) ("
                          + held.map(\.noteID).joined(separator: ", ") + "); " + wayBack(held) + ", then run it again")
        }
        let unreadable = unreadableConflicts(notCarrying: carries, in: notes)
        if !unreadable.isEmpty {
            let one = unreadable.count == 1
            CLIOutput.say("\(unreadable.count) note\(one ? "" : "s") in a git merge conflict that cannot be read (\(unreadable.joined(separator: ", "))) "
                          + "may have it and \(one ? "was" : "were") left out of \(change); mend \(one ? "it" : "them") by hand (the warning above says how), then run it again")
        }
    }
}
