/// What a canvas row written other than by kept runs still shares with a keyed row: it holds
/// the cells of a row with key `base` everywhere but in columns `low..<high`, written since.
///
/// The status line is its kept bar with a few columns of text over it. Knowing that, a frame
/// puts back only the columns the last text covered before writing the next, and compares only
/// those with the frame the terminal shows, instead of copying and comparing the whole row
/// (at 200 columns, most of the memory a cold one-pane key had to fetch).
struct RowDamage: Sendable, Equatable {
    /// The key of the row beneath, or `RowKey.none` when nothing is known of it.
    var base: UInt64
    var low: Int32
    var high: Int32

    static let unknown = RowDamage(base: RowKey.none, low: 0, high: 0)

    /// A row that holds the cells of `base`, with nothing written over them yet.
    static func over(_ base: UInt64) -> RowDamage {
        RowDamage(base: base, low: 0, high: 0)
    }

    var isEmpty: Bool { low >= high }

    /// The columns written.
    var columns: Range<Int> { Int(low)..<Int(max(low, high)) }

    /// Counts columns `low..<high` (clamped to `0..<width`) as written.
    mutating func widen(_ low: Int, _ high: Int, width: Int) {
        let low = Int32(clamping: max(0, low)), high = Int32(clamping: min(width, high))
        guard low < high else { return }
        if isEmpty {
            (self.low, self.high) = (low, high)
        } else {
            self.low = min(self.low, low)
            self.high = max(self.high, high)
        }
    }

    /// The columns where two rows over the same base may differ: both rows' written columns.
    func union(_ other: RowDamage) -> Range<Int> {
        if isEmpty { return other.columns }
        if other.isEmpty { return columns }
        return Int(min(low, other.low))..<Int(max(high, other.high))
    }
}
