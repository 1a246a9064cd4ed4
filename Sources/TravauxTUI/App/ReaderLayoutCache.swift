import TravauxCore

/// Layouts of the items last shown in the reader, and of the items beside the selection laid
/// out while no key was waiting (`Action.idle`): moving to a neighbour then takes its layout
/// from here instead of wrapping the whole item (a third of a keystroke's work otherwise).
public struct ReaderLayoutCache: Sendable {
    struct Entry: Sendable {
        var itemID: String
        var width: Int
        var notesRevision: Revision
        /// nil for an id the record does not have: that is remembered too.
        var layout: ReaderLayout?
    }

    /// Enough for the item shown, both neighbours, and a step back.
    static let capacity = 6
    private var entries: [Entry] = []

    public init() {}

    /// The cached layout for the item at this width and notes revision; `.none` if there is none.
    func layout(itemID: String, width: Int, notesRevision: Revision) -> ReaderLayout?? {
        entries.last { $0.itemID == itemID && $0.width == width && $0.notesRevision == notesRevision }.map { $0.layout }
    }

    func contains(itemID: String, width: Int, notesRevision: Revision) -> Bool {
        layout(itemID: itemID, width: width, notesRevision: notesRevision) != nil
    }

    mutating func insert(_ layout: ReaderLayout?, itemID: String, width: Int, notesRevision: Revision) {
        entries.removeAll { $0.itemID == itemID }
        entries.append(Entry(itemID: itemID, width: width, notesRevision: notesRevision, layout: layout))
        if entries.count > Self.capacity { entries.removeFirst(entries.count - Self.capacity) }
    }
}
