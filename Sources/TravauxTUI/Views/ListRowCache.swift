/// The list rows drawn in the last frame, as cells, for the run loop to keep from frame to
/// frame: a key that moves the selection then copies the rows in view instead of making
/// each one's label again (at 200×60 that was the larger part of a keystroke's work).
///
/// A row's cells depend on the row, the list's width, whether the pane marks noted items,
/// the words highlighted, and the notes (through `AppState.notesRevision`). These make the
/// cache's context; a frame in another context starts the cache afresh. The selection is
/// not in the cells: it is laid over them as they are copied. A cache serves one record,
/// as the run loop does.
struct ListRowCache: Sendable {
    struct Context: Hashable, Sendable {
        var width: Int
        var marksNotes: Bool
        var words: [String]
        var notesRevision: Int
    }

    private var context: Context?
    /// The rows of the frame being drawn, and those of the frame before it.
    private var current: [PaneRow: [Cell]] = [:]
    private var previous: [PaneRow: [Cell]] = [:]

    init() {}

    /// Starts a frame; rows made in another context are forgotten.
    mutating func beginFrame(_ context: Context) {
        if context != self.context {
            self.context = context
            previous.removeAll(keepingCapacity: true)
        }
        current.removeAll(keepingCapacity: true)
    }

    /// The row's cells from the cache, else made by `make` and kept.
    mutating func cells(for row: PaneRow, make: () -> [Cell]) -> [Cell] {
        if let cells = current[row] { return cells }
        let cells = previous.removeValue(forKey: row) ?? make()
        current[row] = cells
        return cells
    }

    /// Ends a frame: only the rows it drew are kept for the next.
    mutating func endFrame() {
        swap(&previous, &current)
        current.removeAll(keepingCapacity: true)
    }

    /// How many rows are kept (for tests).
    var count: Int { current.count + previous.count }
}
