/// What one cell shows: a spacing character and the combining marks drawn on it, as up to
/// five Unicode scalars packed into 16 bytes.
///
/// Five is what a terminal cell can hold: ncurses keeps at most `CCHARW_MAX` (5) wide
/// characters per cell and drops the rest, so a cell never needs more. Packed, a cell is
/// plain bytes with no reference to count: a frame of 12,000 cells is reset, copied and
/// compared as memory, where a `String` per cell cost a retain and a release per copy.
public struct Glyph: Sendable, Hashable {
    /// Scalars 0–2, 21 bits each, from the low bits.
    private var low: UInt64
    /// Scalars 3–4, 21 bits each, from the low bits; the count in the top 4 bits.
    private var high: UInt64

    /// The most scalars a glyph keeps, as many as ncurses draws in a cell.
    public static let capacity = 5
    private static let scalarBits: UInt64 = 21
    private static let scalarMask: UInt64 = (1 << 21) - 1
    private static let countShift: UInt64 = 60

    /// The glyph of one printable ASCII byte, without any Unicode work.
    @inline(__always)
    init(ascii byte: UInt8) {
        low = UInt64(byte)
        high = 1 << Self.countShift
    }

    /// The first five scalars of `text` (an empty glyph for empty text).
    public init(_ text: some StringProtocol) {
        low = 0
        high = 0
        for scalar in text.unicodeScalars where !append(scalar) { break }
    }

    public static let space = Glyph(ascii: 0x20)
    /// The glyph of a continuation cell: nothing.
    public static let empty = Glyph("")

    /// How many scalars it holds.
    public var count: Int { Int(high >> Self.countShift) }

    /// The scalar values, first to last.
    public var scalarValues: [UInt32] {
        (0..<count).map { value(at: $0) }
    }

    /// The scalar value at `index` (below `count`).
    @inline(__always)
    public func value(at index: Int) -> UInt32 {
        let word = index < 3 ? low : high
        let shift = UInt64(index < 3 ? index : index - 3) * Self.scalarBits
        return UInt32(truncatingIfNeeded: (word >> shift) & Self.scalarMask)
    }

    /// The one printable ASCII byte this glyph is, or nil.
    @inline(__always)
    public var asciiByte: UInt8? {
        guard high == 1 << Self.countShift, low >= 0x20, low < 0x7F else { return nil }
        return UInt8(truncatingIfNeeded: low)
    }

    /// Adds a scalar (a combining mark); false, and nothing added, when the glyph is full.
    @discardableResult
    public mutating func append(_ scalar: Unicode.Scalar) -> Bool {
        let index = count
        guard index < Self.capacity else { return false }
        let shift = UInt64(index < 3 ? index : index - 3) * Self.scalarBits
        if index < 3 {
            low |= UInt64(scalar.value) << shift
        } else {
            high |= UInt64(scalar.value) << shift
        }
        high = (high & ~(0xF << Self.countShift)) | (UInt64(index + 1) << Self.countShift)
        return true
    }

    /// Adds the scalars of `text` while there is room.
    public mutating func append(contentsOf text: some StringProtocol) {
        for scalar in text.unicodeScalars where !append(scalar) { return }
    }

    /// The glyph as text.
    public var string: String {
        if let byte = asciiByte { return Cell.printableASCII[Int(byte &- 0x20)] }
        var text = ""
        for index in 0..<count {
            if let scalar = Unicode.Scalar(value(at: index)) { text.unicodeScalars.append(scalar) }
        }
        return text
    }
}
