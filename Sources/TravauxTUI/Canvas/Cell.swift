/// One terminal cell of a `Canvas`: what it shows and how.
///
/// A glyph two columns wide lives in its first cell (`width == 2`); the cell to its
/// right is a continuation cell (`width == 0`, empty symbol) that only says "taken".
public struct Cell: Sendable, Hashable {
    /// A spacing character with the combining marks drawn on it (already sanitized).
    public var symbol: String
    public var style: Style
    /// One byte, after the seven of the style: a cell is then 24 bytes with no padding, every
    /// byte defined, so two frames can be compared a block of memory at a time
    /// (`Canvas.changes(from:)`).
    private var columns: UInt8

    /// Columns the symbol takes: 1 or 2, or 0 for a continuation cell.
    public var width: Int {
        get { Int(columns) }
        set { columns = UInt8(clamping: newValue) }
    }

    public init(symbol: String, width: Int, style: Style = .plain) {
        self.symbol = symbol
        self.style = style
        self.columns = UInt8(clamping: width)
    }

    /// A space in the plain style: what an empty canvas is made of.
    public static let blank = Cell(symbol: " ", width: 1)

    /// A space in the given style.
    public static func blank(_ style: Style) -> Cell {
        Cell(symbol: " ", width: 1, style: style)
    }

    /// The right half of a wide glyph.
    public static func continuation(_ style: Style) -> Cell {
        Cell(symbol: "", width: 0, style: style)
    }

    public var isContinuation: Bool { width == 0 }

    /// Cells are equal when they draw the same bytes in the same style: a terminal shows
    /// two canonically equivalent symbols differently, so they are not the same cell, and
    /// comparing bytes spares the diff of a frame the Unicode-aware `String` comparison.
    public static func == (lhs: Cell, rhs: Cell) -> Bool {
        guard lhs.width == rhs.width, lhs.style == rhs.style else { return false }
        // Most symbols are one byte: their count and first byte settle it.
        let left = lhs.symbol.utf8, right = rhs.symbol.utf8
        guard left.count == right.count, left.first == right.first else { return false }
        return left.count == 1 || left.elementsEqual(right)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(width)
        hasher.combine(style)
        for byte in symbol.utf8 { hasher.combine(byte) }
    }

    /// The symbols of the printable ASCII characters, space (0x20) to tilde (0x7E), made
    /// once: a frame writes thousands of them.
    static let printableASCII: [String] = (0x20..<0x7F).map { String(UnicodeScalar(UInt8($0))) }
}
