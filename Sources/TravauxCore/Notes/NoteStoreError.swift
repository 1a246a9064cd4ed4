#if canImport(Glibc)
import Glibc
#endif

/// Why the store could not do what was asked, with what to do about it.
public enum NoteStoreError: Error, Equatable, CustomStringConvertible {
    /// A file or directory could not be read or written.
    case io(path: String, reason: String)
    /// The disk (or the user's quota) is full: no advice about permissions, which are fine.
    case noSpace(path: String, reason: String)
    /// The store, or one of its notes, was written by a newer travaux.
    case newerSchema(path: String, version: Int)
    case noSuchNote(String, suggestions: [String])
    case ambiguousNote(String, matches: [String])
    /// Fewer characters than a note's id prefix needs (or none).
    case shortNotePrefix(String)
    /// The note was changed by another process since it was read; nothing was written.
    case changedElsewhere(id: String)
    /// The store's manifest is there but cannot be read as one.
    case damagedManifest(path: String)
    /// The directory holds JSON files but no store manifest: not a notes store.
    case notAStore(directory: String, jsonFiles: Int)
    /// The store's path runs through a file (`--store notes.txt`).
    case notADirectory(path: String)
    /// The note's file holds git's conflict markers; nothing was written or removed.
    case mergeConflict(path: String)
    /// `note resolve` of a note whose file holds no conflict.
    case noConflict(path: String)
    /// `note resolve` of a conflict whose sides are not notes: only a person can mend it.
    case unreadableConflict(path: String, why: String)
    /// The store this window read is no longer there (moved, deleted, a drive unmounted):
    /// nothing is made in its place, so the notes are not split between two stores.
    case storeGone(directory: String)

    public var description: String {
        switch self {
        case .io(let path, let reason):
            return "\(path): \(reason); check that the notes store can be read and written (--store DIR or TRAVAUX_STORE)"
        case .noSpace(let path, let reason):
            return "\(path): \(reason); free some space on that disk and try again"
        case .newerSchema(let path, let version):
            return "\(path) was written by a newer travaux (schema \(version), this one reads up to \(Note.schemaVersion)); upgrade travaux to use this store — nothing was changed"
        case .noSuchNote(let id, let suggestions):
            let hint = suggestions.isEmpty ? "; 'travaux note list' shows the notes" : "; " + IDSuggestion.question(suggestions)
            return "no note '\(id)'" + hint
        case .shortNotePrefix(let prefix):
            let what = prefix.allSatisfy(\.isWhitespace) ? "no note id given" : "'\(prefix)' is too short to name a note"
            return "\(what); give the note's id or at least its first \(NoteCollection.minimumPrefix) characters ('travaux note list' shows them)"
        case .ambiguousNote(let prefix, let matches):
            return "'\(prefix)' matches \(matches.count) notes (\(matches.prefix(3).joined(separator: ", "))\(matches.count > 3 ? ", …" : "")); type more of the id"
        case .damagedManifest(let path):
            return "\(path) is damaged: it is not a travaux store manifest, so nothing was read or changed; restore it (from git or a backup), or write {\"format\": \"travaux notes\", \"schema\": \(Note.schemaVersion)} into it"
        case .notAStore(let directory, let count):
            return "\(directory) holds \(count) JSON file\(count == 1 ? "" : "s") but no \(NoteStore.manifestName), so it is not a travaux notes store; nothing was read or changed. Point --store (or TRAVAUX_STORE) at your notes, or at a new or empty directory"
        case .mergeConflict(let path):
            return "\(path) holds a git merge conflict; resolve it (\(NoteStore.conflictAdvice(path))), then try again — nothing was changed"
        case .noConflict(let path):
            return "\(path) holds no git merge conflict; nothing to resolve"
        case .unreadableConflict(let path, let why):
            return "\(path) holds a git merge conflict whose two sides cannot both be kept: \(why); nothing was changed: "
                + NoteStore.editAdvice
        case .notADirectory(let path):
            return "\(path) is a file, not a directory, on the way to the notes store (which --store, TRAVAUX_STORE, XDG_DATA_HOME or HOME gives); move the file, or point --store (or TRAVAUX_STORE) at the folder of your notes, or at a new one"
        case .storeGone(let directory):
            return "the notes store \(directory) is gone (moved, deleted or unmounted): the notes shown are those read before, and nothing is written there until it is back; put it back, or start again with --store DIR"
        case .changedElsewhere(let id):
            return "note \(id) was changed elsewhere (another window, a command or a git pull) since it was read; nothing was deleted — look at it again first"
        }
    }

    init(_ failure: StoreFiles.Failure) {
        if failure.code == ENOTDIR, let file = StoreFiles.fileOnPath(failure.path) {
            self = .notADirectory(path: file)
        } else if failure.code == ENOSPC || failure.code == EDQUOT {
            self = .noSpace(path: failure.path, reason: failure.reason)
        } else {
            self = .io(path: failure.path, reason: failure.reason)
        }
    }
}

/// A file the store could not load, and where it was put so nothing is lost.
public struct NoteStoreProblem: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var reason: String
    /// The quarantine path the file was moved to, or nil if it could not be moved.
    public var movedTo: String?
    /// A note with git's conflict markers, left in place for `note resolve`.
    public var mergeConflict = false
    /// For a merge conflict, whether `note resolve` can keep both its sides.
    public var resolvable = true
    /// For a merge conflict, those of its sides that are notes (both, one, or none when
    /// `resolvable` is false): what a change made to every note (a tag renamed) would have
    /// met there.
    public var conflictSides: [Note] = []

    public init(file: String, reason: String, movedTo: String?, mergeConflict: Bool = false, resolvable: Bool = true) {
        self.file = file
        self.reason = reason
        self.movedTo = movedTo
        self.mergeConflict = mergeConflict
        self.resolvable = resolvable
    }

    /// The id a conflicted note's file is named by.
    public var noteID: String { NoteStore.noteID(ofFile: file) }

    public var description: String {
        let destination = movedTo.map { "; moved to \($0)" } ?? "; left in place"
        return "\(file): \(reason)\(destination)"
    }
}
