import TravauxCore

/// The list rows drawn in the last frame, as cells, for the run loop to keep from frame to
/// frame: a key that moves the selection then copies the rows in view instead of making
/// each one's label again (at 200×60 that was the larger part of a keystroke's work).
///
/// A row's cells depend on the row, the list's width, whether the pane marks noted items,
/// the words highlighted, and the notes (through their revision and the order they are
/// listed in, whose time a note's row shows). These make the
/// cache's context; a frame in another context starts the cache afresh. The selection is
/// not in the cells: it is laid over them as they are copied. A cache serves one record,
/// as the run loop does.
struct ListRowCache: Sendable {
    struct Context: Hashable, Sendable {
        var width: Int
        var marksNotes: Bool
        var words: [String]
        var notesRevision: Revision
        /// A note's row shows the time it is listed by.
        var notesOrder: NotesOrder = .changed
    }

    private var context: Context?
    /// The rows of the frame being drawn, and those of the frame before it.
    private var current: [PaneRow: CellRun] = [:]
    private var previous: [PaneRow: CellRun] = [:]

    /// The last frame's rows by their place in the pane's rows, from `windowStart`, while the
    /// pane's rows are those drawn then (the same revision): a key that only moves the
    /// selection then finds each row without hashing it (hashing 58 rows' ids was a third of
    /// such a key).
    private var rowsDrawn: Revision?
    private var window: [CellRun] = []
    private var windowStart = 0
    private var nextWindow: [CellRun] = []
    private var nextWindowStart = 0
    private var sameRows = false
    /// Whether this frame draws from where the last one did, over the same rows: the window
    /// is then kept as it is (and only grown), not built again row by row.
    private var reusingWindow = false

    init() {}

    /// Starts a frame that draws a pane's rows at `revision` (which changes whenever they do)
    /// from `first`; rows made in another context are forgotten.
    mutating func beginFrame(_ context: Context, rows revision: Revision, first: Int) {
        if context != self.context {
            self.context = context
            previous.removeAll(keepingCapacity: true)
            window.removeAll(keepingCapacity: true)
        }
        sameRows = !window.isEmpty && revision == rowsDrawn
        if !sameRows { rowsDrawn = revision }
        current.removeAll(keepingCapacity: true)
        nextWindow.removeAll(keepingCapacity: true)
        nextWindowStart = first
        reusingWindow = sameRows && first == windowStart
    }

    /// Places the kept cells of `rows[index]` on row `y` of `canvas` from column `x`, and says
    /// whether there were any; if not, the row is made and given to `keep`. A frame asks for its
    /// rows in order.
    mutating func placeKept(at index: Int, of rows: [PaneRow], into canvas: inout Canvas, x: Int, y: Int) -> Bool {
        switch find(at: index, of: rows) {
        case .inWindow(let slot):
            // A row the canvas already holds from the frame before last (most rows of a key that
            // only moves the selection) is placed by its fingerprint: its cells are not read, nor
            // their storage retained, whose counts, cold after a pause, each cost a trip to memory.
            if !canvas.holdsRun(fingerprint: window[slot].fingerprint, x: x, y: y) {
                canvas.place(window[slot], x: x, y: y)
            }
            return true
        case .byRow(let cells):
            canvas.place(cells, x: x, y: y)
            return true
        case nil:
            return false
        }
    }

    /// The kept cells of `rows[index]`, found as `placeKept` finds them, or nil (tests).
    mutating func keptCells(at index: Int, of rows: [PaneRow]) -> CellRun? {
        switch find(at: index, of: rows) {
        case .inWindow(let slot): return window[slot]
        case .byRow(let cells): return cells
        case nil: return nil
        }
    }

    private enum Found {
        case inWindow(Int)
        case byRow(CellRun)
    }

    /// Finds the kept cells of `rows[index]` and notes them for the next frame: by place, in the
    /// window, while the rows are those of the last frame (no hashing of each row's id), else by
    /// row.
    private mutating func find(at index: Int, of rows: [PaneRow]) -> Found? {
        if sameRows, index >= windowStart, index < windowStart + window.count {
            // A window kept as it is already holds the row: nothing to note, and no copy.
            if !reusingWindow { record(window[index - windowStart], at: index) }
            return .inWindow(index - windowStart)
        }
        let row = rows[index]
        guard let cells = current[row] ?? previous.removeValue(forKey: row) else { return nil }
        current[row] = cells
        record(cells, at: index)
        return .byRow(cells)
    }

    /// Keeps a row made for this frame.
    mutating func keep(_ cells: CellRun, at index: Int, of rows: [PaneRow]) {
        current[rows[index]] = cells
        record(cells, at: index)
    }

    /// Notes a row of this frame in the window the next frame finds rows in by place.
    private mutating func record(_ cells: CellRun, at index: Int) {
        if reusingWindow {
            if index == windowStart + window.count { window.append(cells) }
        } else if index == nextWindowStart + nextWindow.count {
            nextWindow.append(cells)
        }
    }

    /// Ends a frame: the rows it drew are kept for the next (with those of the last frame
    /// still in the window, when it drew from the same place over the same rows).
    mutating func endFrame() {
        if !reusingWindow {
            swap(&window, &nextWindow)
            windowStart = nextWindowStart
        }
        nextWindow.removeAll(keepingCapacity: true)
        // Rows found by place were not looked up by id: the ids kept are the last ones made.
        if !current.isEmpty {
            swap(&previous, &current)
            current.removeAll(keepingCapacity: true)
        }
    }

    /// How many rows are kept (for tests).
    var count: Int { max(window.count, current.count + previous.count) }
}
