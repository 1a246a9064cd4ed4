#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A note being typed, saved every few seconds and on SIGHUP/SIGTERM so that a closed
/// terminal or a crash loses at most a few seconds of typing. Kept in `drafts/`, one file
/// per editing session, named with the process id so a running window's draft is not
/// offered to another.
public struct NoteDraft: Sendable, Hashable, Codable {
    public var id: String
    public var target: NoteTarget
    public var body: String
    public var tags: [String]
    public var session: String?
    /// The note being edited, when not a new one.
    public var baseID: String?
    /// When that note was last changed as the editor read it (ISO 8601): a draft resumed after
    /// the note changed elsewhere must be saved as a conflict, not over that change. Absent
    /// from drafts written before it existed.
    public var baseUpdated: String?
    public var saved: String
    public var pid: Int32
    /// When the window's process started (`startOfProcess`): a later process given
    /// the same id neither hides this draft nor writes over it. Absent from older drafts.
    public var processStart: Int64?

    public init(id: String, target: NoteTarget, body: String, tags: [String], session: String?, baseID: String?,
                baseUpdated: NoteTime? = nil, saved: NoteTime, pid: Int32, processStart: Int64? = nil) {
        self.id = id
        self.target = target
        self.body = body
        self.tags = tags
        self.session = session
        self.baseID = baseID
        self.baseUpdated = baseUpdated?.iso8601
        self.saved = saved.iso8601
        self.pid = pid
        self.processStart = processStart
    }

    /// The note to edit this draft against, given the note as it is now: that note when it
    /// is unchanged since the draft began; when it changed elsewhere, one that differs from
    /// it, so that saving keeps both (a conflict copy) instead of overwriting the change.
    public func base(now current: Note?) -> (note: Note?, changedElsewhere: Bool) {
        guard var note = current, let stamp = baseUpdated, let then = NoteTime(iso8601: stamp),
              note.updated != then else { return (current, false) }
        note.updated = then
        return (note, true)
    }

    /// When process `pid` started, for `processStart`; nil where `/proc` cannot tell.
    public static func startOfProcess(_ pid: Int32) -> Int64? { StoreFiles.processStart(pid) }

    /// The time a draft carries when the reducer, which has no clock, makes it: the one who
    /// writes it stamps it with the clock's time (`isUnstamped`).
    public static let unstampedTime = NoteTime(millisecondsSince1970: 0)

    public var isUnstamped: Bool { saved == NoteDraft.unstampedTime.iso8601 }
}

extension NoteStore {
    private func draftPath(_ draft: NoteDraft) -> String {
        draftsDirectory + "/" + draft.id + "-" + String(draft.pid) + (draft.processStart.map { "-\($0)" } ?? "") + ".json"
    }

    public func saveDraft(_ draft: NoteDraft) throws(NoteStoreError) {
        var members: [(String, CanonicalJSON.Value)] = [
            ("id", .string(draft.id)), ("body", .string(draft.body)), ("tags", .array(draft.tags.map { .string($0) })),
            ("saved", .string(draft.saved)), ("pid", .int(Int(draft.pid))),
        ]
        if let start = draft.processStart { members.append(("processStart", .int(Int(start)))) }
        members.append(("target", NoteFile.targetValue(draft.target)))
        if let session = draft.session { members.append(("session", .string(session))) }
        if let baseID = draft.baseID { members.append(("baseID", .string(baseID))) }
        if let baseUpdated = draft.baseUpdated { members.append(("baseUpdated", .string(baseUpdated))) }
        // A store gone is not made again for a draft (`knownToExist`): the text goes elsewhere.
        if knownToExist, !StoreFiles.exists(directory + "/" + Self.manifestName) { throw .storeGone(directory: directory) }
        do {
            try StoreFiles.makeDirectory(draftsDirectory)
            try StoreFiles.writeAtomically(Array(CanonicalJSON.encode(.object(members)).utf8), to: draftPath(draft), temporaryTag: draft.id)
        } catch {
            throw NoteStoreError(error)
        }
    }

    /// Takes a closed window's draft for this one: its file is renamed to `draft`'s, which
    /// only one window can do, then `draft` is written there; a kill in between leaves the
    /// old text under the new name, still a closed window's draft, never neither. A failed
    /// rename leaves `old` where it is. False, and nothing written, when the file is gone:
    /// another window resumed it first, or saved its note.
    public func claimDraft(_ old: NoteDraft, as draft: NoteDraft) throws(NoteStoreError) -> Bool {
        do {
            guard try StoreFiles.renameIfPresent(draftPath(old), to: draftPath(draft)) else { return false }
        } catch {
            throw NoteStoreError(error)
        }
        try saveDraft(draft)
        return true
    }

    public func discardDraft(_ draft: NoteDraft) {
        try? StoreFiles.remove(draftPath(draft))
    }

    /// Drafts left by windows that are no longer running, oldest first. Unreadable drafts
    /// are skipped (they hold no acknowledged note).
    public func abandonedDrafts() -> [NoteDraft] {
        guard StoreFiles.exists(draftsDirectory), let listing = try? DirectoryListing(draftsDirectory) else { return [] }
        // A draft's temporary file left by a window killed while writing it, as in the notes' directory.
        StoreFiles.removeAbandonedTemporaries(listing, in: draftsDirectory)
        var drafts: [NoteDraft] = []
        for index in 0..<listing.count where listing.hasSuffix(index, ".json") {
            guard let bytes = try? StoreFiles.read(draftsDirectory + "/" + listing.name(index)),
                  let draft = try? JSONDecoder().decode(NoteDraft.self, from: Data(bytes)),
                  !Self.isLive(draft) else { continue }
            drafts.append(draft)
        }
        return drafts.sorted { $0.saved < $1.saved }
    }

    /// Whether the window that wrote a draft is still open: its process is running, and is
    /// the same process (started when the draft says), not a later one given its id.
    static func isLive(_ draft: NoteDraft) -> Bool {
        guard StoreFiles.isRunning(draft.pid) else { return false }
        guard let start = draft.processStart, let now = StoreFiles.processStart(draft.pid) else { return true }
        return start == now
    }
}
