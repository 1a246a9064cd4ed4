/// When the interface should read the notes store again for other windows' changes, and what
/// a read made on another thread lacks when it comes back.
///
/// A read lists and stats the whole directory (about 0.2 s at 100,000 notes), so it runs off
/// the interface's thread. A save or delete of this window made meanwhile is in the notes the
/// interface shows but may be missing from the read, which listed the files before it: the
/// watch keeps those changes and makes them again on the read's notes.
public struct StoreWatch: Sendable {
    /// A change this window made to the store.
    public enum Change: Sendable {
        case saved(Note)
        case deleted(Note)
    }

    /// The directory's stamp when the notes shown were last brought up to date with it.
    private var lastSeen: Int64?
    /// This window's changes since the read under way began; nil when none is under way.
    private var changesDuringRead: [Change]?

    /// Watches from `stamp`, the directory's stamp now (nil if it could not be read).
    public init(stamp: Int64?) {
        lastSeen = stamp
    }

    /// A read of the store is under way.
    public var isReading: Bool { changesDuringRead != nil }

    /// Begins a read if the directory changed since it was last seen and none is under way;
    /// `force` begins one whatever the stamp (the first read of the store).
    public mutating func beginRead(stamp: Int64?, force: Bool = false) -> Bool {
        guard !isReading, force || stamp != lastSeen else { return false }
        // Seen from now: a change made while reading shows as a new stamp at the next look.
        lastSeen = stamp
        changesDuringRead = []
        return true
    }

    /// Makes this window's changes since the read began again on the notes it gave, where
    /// the read has an older version or none. Whether the read listed the files before or
    /// after a change, the outcome is the same; a later edit by another window, which the
    /// read found, is kept. Notes with nothing to change are not touched (nor copied).
    public func replayChanges(on notes: inout NoteCollection) {
        for change in changesDuringRead ?? [] {
            switch change {
            case .saved(let note):
                if let read = notes.note(note.id), read.updated >= note.updated { continue }
                notes.put(note)
            case .deleted(let note):
                if let read = notes.note(note.id), read.updated <= note.updated { notes.remove(note.id) }
            }
        }
    }

    /// The read under way is over.
    public mutating func endRead() {
        changesDuringRead = nil
    }

    /// This window changed the store, which moved its stamp from `before` to `after`.
    public mutating func wrote(_ changes: [Change], before: Int64?, after: Int64?) {
        changesDuringRead? += changes
        // Only a stamp the watch had already seen moves on with our own change: another
        // window's change just before it would otherwise be taken for ours, and never read.
        if before == lastSeen { lastSeen = after }
    }
}
