import TravauxCore

/// The status line's "n/N": the selected row's place among a pane's items (headings aside),
/// and how many items there are. The headings are found once per revision of the rows, so a
/// frame costs a search among them instead of a pass over every row (9,000 in the timeline
/// at 100×).
struct ListPosition: Sendable {
    /// The revision of the rows counted (`AppState.rowsRevision`).
    private var revision: Revision?
    /// Indices of the heading rows, ascending.
    private var headings: [Int] = []

    /// The place of `selected` among the items of `rows` (nil when none is selected, or the
    /// selection is a heading), and the number of items. `revision` changes whenever `rows` do.
    mutating func position(of selected: Int?, in rows: [PaneRow], revision: Revision) -> (position: Int?, count: Int) {
        if revision != self.revision {
            self.revision = revision
            headings = rows.indices.filter { rows[$0].isHeading }
        }
        let count = rows.count - headings.count
        guard let selected, rows.indices.contains(selected), !rows[selected].isHeading else { return (nil, count) }
        return (selected - Self.count(of: headings, below: selected), count)
    }

    /// How many of the ascending `indices` are below `limit`.
    private static func count(of indices: [Int], below limit: Int) -> Int {
        var low = 0
        var high = indices.count
        while low < high {
            let middle = (low + high) / 2
            if indices[middle] < limit { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
