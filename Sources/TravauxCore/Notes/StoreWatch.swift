/// When the interface should read the notes store again for other windows' changes, and
/// whether a read made on another thread may still be used when it comes back.
///
/// A read lists and stats the whole directory (about 0.2 s at 100,000 notes), so it runs off
/// the interface's thread. A save or delete of this window made meanwhile is in the notes the
/// interface shows but may be missing from the read, which began from the notes as they were.
public struct StoreWatch: Sendable, Equatable {
    /// The directory's stamp when the notes shown were last brought up to date with it;
    /// nil to read at the next look whatever the stamp.
    private var lastSeen: Int64?
    /// A read of the store is under way.
    public private(set) var isReading = false
    /// This window's own saves and deletes, counted so a read can tell it was overtaken.
    private var ownWrites = 0
    private var ownWritesAtRead = 0

    /// Watches from `stamp`, the directory's stamp now (nil if it could not be read).
    public init(stamp: Int64?) {
        lastSeen = stamp
    }

    /// Begins a read if the directory changed since it was last seen and none is under way;
    /// `force` begins one whatever the stamp (the first read of the store).
    public mutating func beginRead(stamp: Int64?, force: Bool = false) -> Bool {
        guard !isReading, force || stamp != lastSeen else { return false }
        // Seen from now: a change made while reading shows as a new stamp at the next look.
        lastSeen = stamp
        isReading = true
        ownWritesAtRead = ownWrites
        return true
    }

    /// The read under way is over. False when this window saved or deleted a note meanwhile:
    /// the read may lack that change, and the store will be read again at the next look.
    public mutating func endRead() -> Bool {
        isReading = false
        guard ownWrites == ownWritesAtRead else {
            lastSeen = nil
            return false
        }
        return true
    }

    /// This window saved or deleted a note, which changed the stamp from `before` to `after`.
    public mutating func wrote(before: Int64?, after: Int64?) {
        ownWrites += 1
        // Only a stamp the watch had already seen moves on with our own write: another
        // window's change just before it would otherwise be taken for ours, and never read.
        if before == lastSeen { lastSeen = after }
    }
}
