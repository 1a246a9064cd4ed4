import CNcursesw
import TravauxTUI

/// The colours the terminal offers and the colour pairs allocated so far.
///
/// ncurses draws a cell in a numbered (foreground, background) pair; pairs are created
/// the first time a style needs them and reused after.
struct ColorPairs {
    /// 256, 16, 8, or 0 when colour is off (no colour support, or `NO_COLOR`).
    let paletteSize: Int
    /// Whether -1 ("the terminal's own colour") is allowed (`use_default_colors`).
    let hasDefaultColors: Bool
    private let pairLimit: Int
    private var pairs: [PairKey: Int16] = [:]
    private var nextPair = 1

    private struct PairKey: Hashable {
        var foreground: Int
        var background: Int
    }

    init(paletteSize: Int, hasDefaultColors: Bool, pairLimit: Int) {
        self.paletteSize = paletteSize
        self.hasDefaultColors = hasDefaultColors
        self.pairLimit = min(Int(Int16.max), pairLimit)
    }

    static let none = ColorPairs(paletteSize: 0, hasDefaultColors: false, pairLimit: 0)

    /// The pair for a style's colours, created if needed; 0 (the default pair) when
    /// colour is off, the style sets no colour, or the pairs run out.
    mutating func pair(for style: Style) -> Int16 {
        guard paletteSize > 0, style.foreground != nil || style.background != nil else { return 0 }
        let key = PairKey(
            foreground: index(of: style.foreground, fallback: Int(COLOR_WHITE)),
            background: index(of: style.background, fallback: Int(COLOR_BLACK)))
        if hasDefaultColors, key.foreground == -1, key.background == -1 { return 0 }
        if let existing = pairs[key] { return existing }
        guard nextPair < pairLimit else { return 0 }
        let number = Int16(nextPair)
        guard init_pair(number, Int16(key.foreground), Int16(key.background)) != ERR else { return 0 }
        nextPair += 1
        pairs[key] = number
        return number
    }

    private func index(of color: Color?, fallback: Int) -> Int {
        guard let color, let index = color.approximated(toPaletteSize: paletteSize).paletteIndex else {
            return hasDefaultColors ? -1 : fallback
        }
        return index
    }
}
