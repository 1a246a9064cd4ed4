/// One terminal cell of a `Canvas`: what it shows and how.
///
/// A glyph two columns wide lives in its first cell (`width == 2`); the cell to its
/// right is a continuation cell (`width == 0`, empty symbol) that only says "taken".
public struct Cell: Sendable, Hashable {
    /// A spacing character with the combining marks drawn on it (already sanitized).
    public var symbol: String
    /// Columns the symbol takes: 1 or 2, or 0 for a continuation cell.
    public var width: Int
    public var style: Style

    public init(symbol: String, width: Int, style: Style = .plain) {
        self.symbol = symbol
        self.width = width
        self.style = style
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
}
