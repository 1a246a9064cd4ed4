/// What a canvas knows of one row besides its cells: how it was drawn, and, while a frame is
/// drawn, what the row still holds from the frame drawn there before.
///
/// One record per row, rather than one array per field: a key that changes three rows of a
/// frame reads and writes three records, a few cache lines on one page, where seven arrays
/// put each row's bookkeeping in seven places (docs/performance.md).
struct CanvasRow: Sendable {
    /// How the row was drawn (`RowKey`): rows of two canvases with equal non-zero keys hold
    /// the same cells, so a frame neither copies nor compares them again.
    var key: UInt64
    /// The key before the whole row was given a style (the selection bar), else `key`: rows
    /// whose keys differ but not these differ only in style, and are sent whole uncompared.
    var keyBeforeRestyle: UInt64
    /// For a row without a key: the keyed row it still is but for the columns written over it.
    var damage = RowDamage.unknown
    /// `damage` as the frame drawn here before left it, while a frame is drawn.
    var staleDamage = RowDamage.unknown
    /// While a frame is drawn: whether the row still holds the cells of the frame drawn here
    /// before (with key `staleKey`), not yet written for real. Kept runs placed on such a row
    /// wait in the canvas's deferred runs, from `firstDeferred` to `lastDeferred` (-1: none).
    var isStale = false
    var staleKey = RowKey.none
    var firstDeferred: Int32 = -1
    var lastDeferred: Int32 = -1

    init(key: UInt64) {
        self.key = key
        self.keyBeforeRestyle = key
    }
}
