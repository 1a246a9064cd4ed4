import TravauxCore

/// Notes just saved or deleted: as they were (and may have been listed), and as they are now.
struct NoteChange {
    var listed: [Note]
    var current: [Note]
}

/// The Notes pane's rows brought up to date with a few notes saved or deleted by moving only
/// their rows. Sorting and listing 100,000 notes again for one saved note was most of what a
/// save cost the interface (about 50 ms); each note here is two binary searches.
///
/// The rows must be those `PaneRows.notes` made in `order` for the notes as they were before the
/// change, under their day: a row whose note the collection no longer has means they are
/// not, and the patch gives up (false) so that the caller makes the rows again.
struct NoteRowPatch {
    let notes: NoteCollection
    var order: NotesOrder = .changed
    /// The zone the rows' days were told in.
    let zone: LocalZone

    /// Takes the row of the note `removed` (as it was listed: the collection may hold it
    /// changed, or no more) out, and the heading above it if it was the last of its day.
    /// False if the row is not where its time places it.
    func remove(_ removed: Note, from rows: inout [PaneRow]) -> Bool {
        guard let index = boundary(of: key(removed), in: rows, listed: removed) else { return false }
        guard let at = firstNoteRow(from: index, in: rows), rows[at].noteID == removed.id else { return false }
        let aloneInDay = at > 0 && rows[at - 1].isHeading && (at + 1 == rows.count || rows[at + 1].isHeading)
        if aloneInDay { rows.removeSubrange((at - 1)...at) } else { rows.remove(at: at) }
        return true
    }

    /// Puts the row of `note` where its time places it, under its day's heading (made if the
    /// day had none).
    func insert(_ note: Note, into rows: inout [PaneRow]) -> Bool {
        let key = key(note)
        guard let index = boundary(of: key, in: rows, listed: nil) else { return false }
        let row = PaneRow.note(id: note.id, item: note.target.item)
        let day = zone.dayNumber(of: NoteTime(millisecondsSince1970: key.time))
        // The note just before is a note row (see `boundary`); the one after may follow a heading.
        if index > 0 {
            guard let before = time(of: rows[index - 1]) else { return false }
            if zone.dayNumber(of: NoteTime(millisecondsSince1970: before)) == day {
                rows.insert(row, at: index)
                return true
            }
        }
        if let after = firstNoteRow(from: index, in: rows) {
            guard let time = time(of: rows[after]) else { return false }
            if zone.dayNumber(of: NoteTime(millisecondsSince1970: time)) == day {
                rows.insert(row, at: after)
                return true
            }
        }
        rows.insert(contentsOf: [.heading(order.heading(zone.day(of: NoteTime(millisecondsSince1970: key.time)))), row], at: index)
        return true
    }

    private typealias Key = (time: Int64, id: String)

    private func key(_ note: Note) -> Key { (order.time(of: note).millisecondsSince1970, note.id) }

    /// The time a note row is listed at: its note's in the collection, or `listed`'s for its own row.
    private func time(of row: PaneRow, listed: Note? = nil) -> Int64? {
        guard let id = row.noteID else { return nil }
        if let listed, listed.id == id { return order.time(of: listed).millisecondsSince1970 }
        return notes.note(id).map { order.time(of: $0).millisecondsSince1970 }
    }

    private func firstNoteRow(from index: Int, in rows: [PaneRow]) -> Int? {
        rows[index...].firstIndex { !$0.isHeading }
    }

    /// The first row at which nothing listed before `key` remains: the row after the last note
    /// listed before it. Nil when a row's note is not in the collection.
    private func boundary(of key: Key, in rows: [PaneRow], listed: Note?) -> Int? {
        var low = 0, high = rows.count
        while low < high {
            let middle = (low + high) / 2
            guard let at = firstNoteRow(from: middle, in: rows) else { high = middle; continue }
            guard let id = rows[at].noteID, let time = time(of: rows[at], listed: listed) else { return nil }
            if order.listsBefore((time, id), key) { low = at + 1 } else { high = middle }
        }
        return low
    }
}
