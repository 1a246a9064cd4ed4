/// One cell a backend must redraw: where, and what it now holds (`Canvas.changes(from:)`,
/// the changed spans cell by cell, which tests compare).
struct CellChange: Sendable, Hashable {
    var x: Int
    var y: Int
    var cell: Cell

    init(x: Int, y: Int, cell: Cell) {
        self.x = x
        self.y = y
        self.cell = cell
    }
}
