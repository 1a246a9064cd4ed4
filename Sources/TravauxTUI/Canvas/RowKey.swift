/// How a canvas row was drawn, as a number: blanked in a style, then the runs placed on it
/// in order. Rows with equal non-zero keys hold the same cells; 0 is no key (the row was
/// written some other way).
enum RowKey {
    static let none: UInt64 = 0

    static func blank(_ style: Style) -> UInt64 {
        // The style's bytes, as the cell holds them (equal exactly when the styles are).
        nonZero(avalanche(Cell.blank(style).appearanceWord ^ 0x5851_F42D_4C95_7F2D))
    }

    /// The key of a row with key `key` after a run with this fingerprint is placed on it at column `x`.
    static func placing(_ fingerprint: UInt64, at x: Int, on key: UInt64) -> UInt64 {
        guard key != none else { return none }
        let column = UInt64(UInt(bitPattern: x))
        return nonZero(avalanche(key &* 0xD6E8_FEB8_6659_FD93 ^ avalanche(fingerprint ^ column &* 0xA076_1D64_78BD_642F)))
    }

    /// What `Canvas.setStyle` does to a whole row, as a number to make its key with.
    static func setting(_ style: Style) -> UInt64 { Cell.blank(style).appearanceWord ^ 0x2545_F491_4F6C_DD1D }

    /// What `Canvas.patchStyle` does to a whole row, as a number to make its key with.
    static func patching(_ style: Style) -> UInt64 { Cell.blank(style).appearanceWord ^ 0x9FB2_1C65_1E98_DF25 }

    /// The key of a row with key `key` after it is restyled whole, as `restyle` says.
    static func restyling(_ key: UInt64, with restyle: UInt64) -> UInt64 {
        guard key != none else { return none }
        return nonZero(avalanche(key &* 0xE703_7ED1_A0B4_28DB ^ avalanche(restyle)))
    }

    /// splitmix64's finalizer: every bit of the input moves about half the bits of the output.
    static func avalanche(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    private static func nonZero(_ key: UInt64) -> UInt64 { key == none ? 1 : key }
}
