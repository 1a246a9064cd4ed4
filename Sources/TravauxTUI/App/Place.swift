import TravauxCore

/// Where the interface was when it quit: the pane, the item selected in it, and the item the
/// reader showed when it had the keyboard, so that the next start opens there (a `q` pressed
/// by mistake mid-seminar, as Zotero and Obsidian reopen where they were). Ids the record no
/// longer holds are passed over: the place is kept by the caller, not tied to one record.
public struct Place: Sendable, Hashable, Codable {
    public var pane: String
    public var selected: String?
    /// The item in the reader when it had the keyboard; nil when the list had it.
    public var reader: String?
    public var readerScroll: Int?

    public init(pane: String, selected: String? = nil, reader: String? = nil, readerScroll: Int? = nil) {
        self.pane = pane
        self.selected = selected
        self.reader = reader
        self.readerScroll = readerScroll
    }
}

extension Pane {
    /// The pane's name in a saved place.
    var placeName: String { title.lowercased() }
}

extension AppState {
    /// Where the interface is now. Search results are not a place to come back to (the
    /// search is not kept): their pane is saved as the Timeline.
    public var place: Place {
        guard pane != .search else { return Place(pane: Pane.timeline.placeName) }
        let reading = focus == .reader && showsReader ? reader : nil
        return Place(pane: pane.placeName, selected: selectedItemID, reader: reading?.itemID, readerScroll: reading?.scroll)
    }

    /// Goes to `place` as far as the record and the notes read so far allow: an item it no
    /// longer holds is not selected, and the Notes pane's notes come after the first frame.
    public mutating func restore(_ place: Place) {
        guard let pane = Pane.browsable.first(where: { $0.placeName == place.pane }) else { return }
        Reducer.switchPane(&self, to: pane)
        if let id = place.selected, let row = currentRows.firstIndex(where: { $0.itemID == id }) {
            var cursor = currentCursor
            cursor.select(row, in: currentRows, viewport: listViewport)
            cursors[pane] = cursor
            syncReader()
        }
        if let id = place.reader, record.item(id) != nil {
            if reader?.itemID != id {
                history.append(Reducer.location(of: self))
                reader = ReaderState(itemID: id)
            }
            focus = .reader
            relayoutReader()
            if let scroll = place.readerScroll { Reducer.scrollReader(&self, by: scroll - (reader?.scroll ?? 0)) }
        }
    }
}
