#if canImport(Glibc)
import Glibc
#endif

/// Notes git could not merge. Every save rewrites a note's `updated` line, so two edits of one
/// note always clash there, even when git merged the edits themselves (a text changed on one
/// side, a tag renamed on the other). Such a conflict is settled when the store is read: the
/// note as git merged it, with the later time. Any other is left for `resolveConflict`, which
/// keeps both versions as a save does when two windows' edits cross, where `git checkout
/// --ours` or `--theirs` would drop one side's edits whole.
extension NoteStore {
    /// What a note file with git's markers holds, read as its two sides.
    enum ConflictSides {
        /// One note, but for the time of its last change: the later one is taken.
        case sameButTime(Note, otherFields: [(String, String)])
        /// Two versions of the note.
        case twoVersions(ours: Note, oursFields: [(String, String)], theirs: Note, theirsFields: [(String, String)])
        /// Sides that are not both notes this travaux reads as this file's (markers in a hand
        /// edit, a conflict within a conflict, a side of another id or a newer schema): why,
        /// and the side that is one, if either is (what a tag renamed would meet there).
        case unreadable(String, readable: [Note])
    }

    static func sides(of bytes: [UInt8], fileName: String) -> ConflictSides {
        guard let conflict = MergeConflict(bytes) else {
            return .unreadable("its markers do not make one whole conflict (a marker missing, or a conflict inside another)", readable: [])
        }
        /// The side's note, or why it is none.
        func side(_ bytes: [UInt8], _ name: String) -> (note: Note?, why: String) {
            do throws(NoteFile.Failure) {
                return (try NoteFile.decode(bytes, fileName: fileName), "")
            } catch .newerSchema(let version) {
                return (nil, "its \(name) was written by a newer travaux (note schema \(version)); resolve it there")
            } catch {
                return (nil, "its \(name) is not a note: \(error.reason)")
            }
        }
        // Named by the markers that open and close them: with diff3's style, the first side
        // ends at `|||||||`, not `=======`.
        let first = side(conflict.ours, "first side (after <<<<<<<)")
        let second = side(conflict.theirs, "second side (between ======= and >>>>>>>)")
        guard let ours = first.note else { return .unreadable(first.why, readable: second.note.map { [$0] } ?? []) }
        guard let theirs = second.note else { return .unreadable(second.why, readable: [ours]) }
        let oursFields = NoteFile.otherFields(in: conflict.ours)
        let theirsFields = NoteFile.otherFields(in: conflict.theirs)
        var theirsAtOurTime = theirs
        theirsAtOurTime.updated = ours.updated
        if theirsAtOurTime == ours, oursFields.elementsEqual(theirsFields, by: ==) {
            var later = ours
            later.updated = max(ours.updated, theirs.updated)
            return .sameButTime(later, otherFields: oursFields)
        }
        return .twoVersions(ours: ours, oursFields: oursFields, theirs: theirs, theirsFields: theirsFields)
    }

    /// Writes `note` over a file that held a conflict over its time alone, if the file still
    /// holds `bytes`; the file's new stamp, or nil when it changed meanwhile or could not be
    /// written (the conflict is then reported as any other).
    func settleConflictOverTime(_ note: Note, otherFields: [(String, String)], was bytes: [UInt8]) -> StoreFiles.Stamp? {
        let path = path(of: note.id)
        let written = try? locked { (_: inout NoteStoreError?) throws(StoreFiles.Failure) -> Bool? in
            guard try StoreFiles.read(path) == bytes else { return false }
            try write(note, keeping: otherFields)
            return true
        }
        guard written == true else { return nil }
        return StoreFiles.stamp(path)
    }

    /// What is said of a note whose conflict over its time alone was settled as it was read.
    public static func settledConflictReport(_ path: String) -> String {
        "\(path): it held a git merge conflict over the time of its last change alone (git merged each side's edits), "
            + "settled with the later time; git add it to finish the merge"
    }

    /// Whether `file` (a path as typed) is in this store's folder, whatever way each is written.
    public func holds(file: String) -> Bool {
        func resolved(_ path: String) -> String? {
            guard let pointer = realpath(path, nil) else { return nil }
            defer { free(pointer) }
            return String(cString: pointer)
        }
        guard let folder = resolved(StoreFiles.parentPath(file)) else { return false }
        return folder == resolved(directory)
    }

    /// What `resolveConflict` did.
    public struct ConflictResolution: Sendable, Hashable {
        /// The note as its file now holds it.
        public var note: Note
        /// The other version, kept as a new note (`conflictOf` the first), when the sides
        /// differed in more than the time of their last change.
        public var copy: Note?

        public init(note: Note, copy: Note?) {
            self.note = note
            self.copy = copy
        }
    }

    /// Resolves the conflict git left in the note `id`'s file, keeping both sides: the version
    /// changed last keeps the id, the other becomes a conflict copy, as when two windows' edits
    /// cross. A conflict over the time of the last change alone becomes the note with the later time.
    public func resolveConflict(_ id: String) throws(NoteStoreError) -> ConflictResolution {
        let path = path(of: id)
        let resolution = try locked { (refusal: inout NoteStoreError?) throws(StoreFiles.Failure) -> ConflictResolution? in
            guard let bytes = try StoreFiles.read(path) else {
                refusal = .noSuchNote(id, suggestions: [])
                return nil
            }
            guard Self.hasMergeConflict(bytes) else {
                refusal = .noConflict(path: path)
                return nil
            }
            switch Self.sides(of: bytes, fileName: id + ".json") {
            case .unreadable(let why, _):
                refusal = .unreadableConflict(path: path, why: why)
                return nil
            case .sameButTime(let note, let otherFields):
                try write(note, keeping: otherFields)
                return ConflictResolution(note: note, copy: nil)
            case .twoVersions(let ours, let oursFields, let theirs, let theirsFields):
                let (kept, keptFields, other, otherFields) = ours.updated >= theirs.updated
                    ? (ours, oursFields, theirs, theirsFields) : (theirs, theirsFields, ours, oursFields)
                var copy = other
                copy.id = NoteID.make(at: clock.now())
                copy.conflictOf = id
                // With the fields another tool gave that side (an "attachments" list), as any write keeps them.
                try write(copy, keeping: otherFields)
                try write(kept, keeping: keptFields)
                return ConflictResolution(note: kept, copy: copy)
            }
        }
        guard let resolution else { throw .io(path: path, reason: "not resolved") }
        return resolution
    }
}
