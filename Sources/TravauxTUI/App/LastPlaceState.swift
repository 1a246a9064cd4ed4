import TravauxCore

/// The interface's place as it is kept between starts (`LastPlace`), and taken back: a stray
/// `q`, or a seminar's second hour in a new window, costs nothing.
extension AppState {
    /// Where the interface is now. In the search's results, the place the search started from:
    /// a search is not kept, only its words, for `/` to offer again.
    public var lastPlace: LastPlace {
        let origin = pane == .search ? search?.origin : nil
        var place = LastPlace(pane: Self.placeName(origin?.pane ?? pane))
        for browsable in Pane.browsable where browsable != .notes {
            if let id = selectedRow(in: browsable)?.itemID { place.items[Self.placeName(browsable)] = id }
        }
        place.note = selectedRow(in: .notes)?.noteID ?? placeNoteID
        let readerFocused = origin.map { $0.focus == .reader ? $0.reader : nil } ?? (focus == .reader ? reader : nil)
        place.reader = readerFocused.map { LastPlace.ReaderPlace(item: $0.itemID, scroll: $0.scroll, link: $0.selectedLink) }
        place.comparison = comparison.map { LastPlace.ComparisonPlace(proposal: $0.proposalID, from: $0.fromID, to: $0.toID, scroll: $0.scroll) }
        let query = search?.query ?? lastSearchQuery
        place.search = query.isEmpty ? nil : query
        // A window that never set a session passes the last one on, until one is set.
        place.session = session ?? lastWindowSession
        place.notesOrder = notesOrder == .changed ? nil : notesOrder.rawValue
        return place
    }

    /// Goes back to `place` as far as the record still has it: an item gone from the record
    /// leaves its pane at the top, a comparison of versions gone is not opened.
    public mutating func restore(_ place: LastPlace) {
        for browsable in Pane.browsable where browsable != .notes {
            guard let id = place.items[Self.placeName(browsable)], record.item(id) != nil else { continue }
            select(.item(id), in: browsable)
        }
        // The notes are read after the first frame: their selection waits for them.
        placeNoteID = place.note
        if let order = place.notesOrder.flatMap(NotesOrder.init(rawValue:)) { orderNotes(order) }
        if let shown = Pane.browsable.first(where: { Self.placeName($0) == place.pane }), shown != pane {
            pane = shown
            if cursors[shown]?.selected == nil {
                var cursor = ListCursor()
                cursor.move(by: 0, in: rows[shown] ?? [], viewport: listViewport)
                cursors[shown] = cursor
            }
        }
        if let kept = place.reader, record.item(kept.item) != nil {
            focus = .reader
            var reader = ReaderState(itemID: kept.item)
            reader.scroll = max(0, kept.scroll)
            self.reader = reader
        }
        syncReader()
        // A link's place counts the notes' ✎ markers among the links, and the notes are read
        // after the first frame: it is selected again once they are (`restorePlaceNote`).
        if focus == .reader { placeLink = place.reader?.link }
        if let search = place.search { lastSearchQuery = search }
        if session == nil, let kept = place.session {
            lastWindowSession = kept
            if message == nil { message = "notes are taken without a session; the last window had '\(kept)': S then Enter takes it up again" }
        }
        if let kept = place.comparison, case .proposal(let proposal)? = record.item(kept.proposal) {
            let versions = proposal.versions.map(\.id)
            if let from = versions.firstIndex(of: kept.from), let to = versions.firstIndex(of: kept.to), from < to {
                var comparison = ComparisonState(proposalID: proposal.id, versions: versions)
                comparison.from = from
                comparison.to = to
                self.comparison = comparison
                ComparisonHandling.relayout(&self)
                if let scroll = kept.scroll { ComparisonHandling.scroll(&self, by: scroll) }
            }
        }
    }

    /// Selects the note the last place had, once the notes are read; nothing if it is gone.
    mutating func restorePlaceNote() {
        if let link = placeLink {
            placeLink = nil
            if focus == .reader, let count = reader?.layout?.links.count, link < count { reader?.selectedLink = link }
        }
        guard let id = placeNoteID else { return }
        placeNoteID = nil
        guard let note = notes.note(id) else { return }
        selectInNotesPane(note)
        if pane == .notes { syncReader() }
    }

    /// The row a pane has selected, whether its rows are up to date or waiting to be made.
    private func selectedRow(in pane: Pane) -> PaneRow? {
        if let stale = staleRows[pane] { return stale.row }
        guard let index = cursors[pane]?.selected, let list = rows[pane], list.indices.contains(index) else { return nil }
        return list[index]
    }

    static func placeName(_ pane: Pane) -> String { pane.title.lowercased() }
}
