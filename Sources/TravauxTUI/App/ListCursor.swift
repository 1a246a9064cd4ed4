/// The selected row and scroll offset of a list whose heading rows cannot be selected.
public struct ListCursor: Sendable, Hashable {
    public var selected: Int?
    public var offset: Int = 0

    public init(selected: Int? = nil, offset: Int = 0) {
        self.selected = selected
        self.offset = offset
    }

    /// Moves by `delta` rows, landing on the nearest item in that direction.
    mutating func move(by delta: Int, in rows: [PaneRow], viewport: Int) {
        // The first and last items only: no list of every item's index on each key.
        guard let first = rows.firstIndex(where: { !$0.isHeading }),
              let last = rows.lastIndex(where: { !$0.isHeading }) else { selected = nil; offset = 0; return }
        guard let current = selected else { select(first, in: rows, viewport: viewport); return }
        var target = min(max(current + delta, 0), rows.count - 1)
        if rows[target].isHeading {
            let step = delta >= 0 ? 1 : -1
            var probe = target
            while probe >= 0 && probe < rows.count && rows[probe].isHeading { probe += step }
            target = (probe >= 0 && probe < rows.count) ? probe : (delta >= 0 ? last : first)
        }
        select(target, in: rows, viewport: viewport)
    }

    mutating func select(_ row: Int, in rows: [PaneRow], viewport: Int) {
        guard rows.indices.contains(row) else { return }
        selected = row
        reveal(in: rows, viewport: viewport)
    }

    /// Keeps the selection on screen, and its group heading too when there is room.
    mutating func reveal(in rows: [PaneRow], viewport: Int) {
        guard let selected, viewport > 0 else { return }
        if selected < offset {
            offset = selected > 0 && rows[selected - 1].itemID == nil ? selected - 1 : selected
        } else if selected >= offset + viewport {
            offset = selected - viewport + 1
        }
        offset = max(0, min(offset, max(0, rows.count - viewport)))
    }

    /// Keeps the same row selected after the rows change: the same item (after a filter), the
    /// same note (after notes were added, changed or deleted, here or in another window). A
    /// note that is gone leaves the selection where it was, as a deleted line does in an
    /// editor; an item a filter took away leaves it on the first item.
    mutating func reconcile(previous: RowSelection, rows: [PaneRow], viewport: Int) {
        if let found = previous.row.flatMap({ Self.index(of: $0, in: rows) }) {
            selected = found
        } else if previous.row?.noteID != nil, let index = previous.index, !rows.isEmpty {
            selected = min(index, rows.count - 1)
            move(by: 0, in: rows, viewport: viewport)   // off a heading, onto the next note (or the last)
        } else {
            selected = rows.firstIndex { $0.itemID != nil }
            offset = 0
        }
        reveal(in: rows, viewport: viewport)
    }

    /// A note is found by its id, whatever item it is on now.
    private static func index(of row: PaneRow, in rows: [PaneRow]) -> Int? {
        if let id = row.noteID { return rows.firstIndex { $0.noteID == id } }
        return rows.firstIndex(of: row)
    }
}

/// What a pane had selected when its rows went out of date: the row, and where it stood.
public struct RowSelection: Sendable, Hashable {
    public var row: PaneRow?
    public var index: Int?

    public init(row: PaneRow? = nil, index: Int? = nil) {
        self.row = row
        self.index = index
    }
}
