/// A run of cells kept from one frame to the next (a list row, a line of the reader, the tab
/// bar), with a fingerprint of its content.
///
/// A canvas keys each row by the runs placed on it (`Canvas.place(_:x:y:)`), so that a row
/// drawn from the same runs as the row already there is neither copied nor compared again.
/// Two runs with the same fingerprint are taken to hold the same cells: the fingerprint is a
/// 64-bit hash of the cells' bytes, so two different runs share one with a chance of about
/// one in 2⁶⁴, far below that of a flipped bit in memory.
public struct CellRun: Sendable, Hashable {
    public let cells: [Cell]
    let fingerprint: UInt64

    public init(_ cells: [Cell]) {
        self.cells = cells
        fingerprint = Self.fingerprint(of: cells)
    }

    public var count: Int { cells.count }

    public static func == (left: CellRun, right: CellRun) -> Bool {
        left.fingerprint == right.fingerprint && left.cells == right.cells
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(fingerprint) }

    /// The cells' bytes (a cell is plain bytes, with no padding) eight at a time, each word
    /// mixed in with a multiply and a rotation, then the length and a final avalanche.
    private static func fingerprint(of cells: [Cell]) -> UInt64 {
        cells.withUnsafeBytes { bytes in
            var hash: UInt64 = 0x243F_6A88_85A3_08D3
            let words = bytes.count / 8
            for word in 0..<words {
                let value = bytes.loadUnaligned(fromByteOffset: word * 8, as: UInt64.self)
                hash = ((hash ^ value) &* 0x9E37_79B9_7F4A_7C15).rotated(by: 29)
            }
            for byte in bytes[(words * 8)...] {
                hash = ((hash ^ UInt64(byte)) &* 0x9E37_79B9_7F4A_7C15).rotated(by: 29)
            }
            return RowKey.avalanche(hash ^ UInt64(bytes.count))
        }
    }
}

private extension UInt64 {
    func rotated(by bits: UInt64) -> UInt64 { (self << bits) | (self >> (64 - bits)) }
}
