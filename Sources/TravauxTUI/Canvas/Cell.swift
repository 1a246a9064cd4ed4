/// One terminal cell of a `Canvas`: what it shows and how.
///
/// A glyph two columns wide lives in its first cell (`width == 2`); the cell to its
/// right is a continuation cell (`width == 0`, empty glyph) that only says "taken".
///
/// A cell is 24 plain bytes with no padding and no reference (16 of glyph, 7 of style,
/// one of width), every byte defined: frames are reset, copied and compared as memory
/// (`Canvas.changedSpans(from:)`), and two cells are equal exactly when their bytes are.
public struct Cell: Sendable, Hashable {
    /// A spacing character with the combining marks drawn on it (already sanitized).
    public var glyph: Glyph
    public var style: Style
    private var columns: UInt8

    /// The glyph as text.
    public var symbol: String { glyph.string }

    /// Columns the symbol takes: 1 or 2, or 0 for a continuation cell.
    public var width: Int {
        get { Int(columns) }
        set { columns = UInt8(clamping: newValue) }
    }

    public init(glyph: Glyph, width: Int, style: Style = .plain) {
        self.glyph = glyph
        self.style = style
        self.columns = UInt8(clamping: width)
    }

    public init(symbol: String, width: Int, style: Style = .plain) {
        self.init(glyph: Glyph(symbol), width: width, style: style)
    }

    /// A space in the plain style: what an empty canvas is made of.
    public static let blank = Cell(glyph: .space, width: 1)

    /// A space in the given style.
    public static func blank(_ style: Style) -> Cell {
        Cell(glyph: .space, width: 1, style: style)
    }

    /// The right half of a wide glyph.
    public static func continuation(_ style: Style) -> Cell {
        Cell(glyph: .empty, width: 0, style: style)
    }

    public var isContinuation: Bool { width == 0 }

    /// Bytes 16–23: the style and the width, the glyph being bytes 0–15 (tested). Cells with
    /// the same word are drawn in the same attributes and colours, found once per word by a
    /// backend, where comparing `Style`s field by field was most of the cost of a changed cell.
    @inline(__always)
    public var appearanceWord: UInt64 {
        withUnsafeBytes(of: self) { $0.loadUnaligned(fromByteOffset: 16, as: UInt64.self) }
    }

    /// Equal exactly when the bytes are (tested), compared as three words: frames compare
    /// thousands of cells, which field by field compared two optional colours each time.
    @inline(__always)
    public static func == (left: Cell, right: Cell) -> Bool {
        withUnsafeBytes(of: left) { l in
            withUnsafeBytes(of: right) { r in
                l.loadUnaligned(as: UInt64.self) == r.loadUnaligned(as: UInt64.self)
                    && l.loadUnaligned(fromByteOffset: 8, as: UInt64.self) == r.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
                    && l.loadUnaligned(fromByteOffset: 16, as: UInt64.self) == r.loadUnaligned(fromByteOffset: 16, as: UInt64.self)
            }
        }
    }

    public func hash(into hasher: inout Hasher) {
        withUnsafeBytes(of: self) { hasher.combine(bytes: $0) }
    }

    /// The symbols of the printable ASCII characters, space (0x20) to tilde (0x7E), made
    /// once: snapshots read thousands of them.
    static let printableASCII: [String] = (0x20..<0x7F).map { String(UnicodeScalar(UInt8($0))) }
}
