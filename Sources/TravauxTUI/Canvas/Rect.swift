/// A rectangle of terminal cells: where a widget may draw.
///
/// Coordinates are columns (`x`) and rows (`y`) from the top-left corner. A width or
/// height below zero is stored as zero, so layout arithmetic on a tiny terminal yields
/// empty rectangles instead of traps.
public struct Rect: Sendable, Hashable, CustomStringConvertible {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    /// An empty rectangle at the origin.
    public static let zero = Rect(x: 0, y: 0, width: 0, height: 0)

    /// The column just right of the rectangle.
    public var maxX: Int { x + width }
    /// The row just below the rectangle.
    public var maxY: Int { y + height }
    public var isEmpty: Bool { width == 0 || height == 0 }
    public var area: Int { width * height }

    public var description: String { "Rect(x: \(x), y: \(y), \(width)×\(height))" }

    public func contains(x column: Int, y row: Int) -> Bool {
        column >= x && column < maxX && row >= y && row < maxY
    }

    /// The cells both rectangles cover (empty when they do not overlap).
    public func intersection(_ other: Rect) -> Rect {
        let left = max(x, other.x)
        let top = max(y, other.y)
        let right = min(maxX, other.maxX)
        let bottom = min(maxY, other.maxY)
        guard right > left, bottom > top else { return Rect(x: left, y: top, width: 0, height: 0) }
        return Rect(x: left, y: top, width: right - left, height: bottom - top)
    }

    /// The rectangle shrunk by `amount` on every side.
    public func inset(by amount: Int) -> Rect {
        inset(horizontal: amount, vertical: amount)
    }

    /// The rectangle shrunk by `horizontal` columns left and right and `vertical` rows
    /// top and bottom; never smaller than empty.
    public func inset(horizontal: Int, vertical: Int) -> Rect {
        let h = max(0, horizontal)
        let v = max(0, vertical)
        let newWidth = max(0, width - 2 * h)
        let newHeight = max(0, height - 2 * v)
        return Rect(x: x + min(h, width / 2), y: y + min(v, height / 2), width: newWidth, height: newHeight)
    }

    /// How much of a rectangle the first part of a split takes.
    public enum SplitSize: Sendable, Hashable {
        /// The first part is this many cells (clamped to what there is).
        case first(Int)
        /// The last part is this many cells, the first part the rest.
        case last(Int)
        /// The first part is this fraction (0...1) of the whole, rounded down.
        case ratio(Double)

        func firstLength(of total: Int) -> Int {
            switch self {
            case .first(let n):
                return min(total, max(0, n))
            case .last(let n):
                return total - min(total, max(0, n))
            case .ratio(let r):
                guard r.isFinite else { return 0 }
                let clamped = min(1, max(0, r))
                return min(total, Int((Double(total) * clamped).rounded(.down)))
            }
        }
    }

    /// Splits into two side-by-side parts (columns), as ratatui's horizontal direction.
    public func splitHorizontally(_ size: SplitSize) -> (left: Rect, right: Rect) {
        let leftWidth = size.firstLength(of: width)
        return (
            Rect(x: x, y: y, width: leftWidth, height: height),
            Rect(x: x + leftWidth, y: y, width: width - leftWidth, height: height)
        )
    }

    /// Splits into two stacked parts (rows).
    public func splitVertically(_ size: SplitSize) -> (top: Rect, bottom: Rect) {
        let topHeight = size.firstLength(of: height)
        return (
            Rect(x: x, y: y, width: width, height: topHeight),
            Rect(x: x, y: y + topHeight, width: width, height: height - topHeight)
        )
    }

    /// The one-row rectangles the rectangle is made of, top to bottom.
    public var rows: [Rect] {
        (0..<height).map { Rect(x: x, y: y + $0, width: width, height: 1) }
    }

    /// A rectangle of at most `width` × `height` centred in this one.
    public func centered(width wantedWidth: Int, height wantedHeight: Int) -> Rect {
        let w = min(width, max(0, wantedWidth))
        let h = min(height, max(0, wantedHeight))
        return Rect(x: x + (width - w) / 2, y: y + (height - h) / 2, width: w, height: h)
    }
}
