/// A terminal colour: the terminal's default, one of the 16 ANSI colours, or an entry of
/// the 256-colour palette.
///
/// Views choose colours freely; the backend approximates them to what the terminal has
/// (`approximated(toPaletteSize:)`) and drops them entirely under `NO_COLOR`.
public enum Color: Sendable, Hashable {
    case `default`
    case black, red, green, yellow, blue, magenta, cyan, white
    case brightBlack, brightRed, brightGreen, brightYellow
    case brightBlue, brightMagenta, brightCyan, brightWhite
    /// An entry of the xterm 256-colour palette (0–15 are the ANSI colours).
    case indexed(UInt8)

    /// The palette index the terminal knows this colour by; `nil` for the default colour.
    public var paletteIndex: Int? {
        switch self {
        case .default: return nil
        case .black: return 0
        case .red: return 1
        case .green: return 2
        case .yellow: return 3
        case .blue: return 4
        case .magenta: return 5
        case .cyan: return 6
        case .white: return 7
        case .brightBlack: return 8
        case .brightRed: return 9
        case .brightGreen: return 10
        case .brightYellow: return 11
        case .brightBlue: return 12
        case .brightMagenta: return 13
        case .brightCyan: return 14
        case .brightWhite: return 15
        case .indexed(let n): return Int(n)
        }
    }

    /// The nearest colour a terminal with `paletteSize` colours (8, 16, 256…) can show.
    ///
    /// Bright colours fall back to their base colour on 8-colour terminals; palette
    /// entries past 15 go to the nearest ANSI colour by their RGB value.
    public func approximated(toPaletteSize paletteSize: Int) -> Color {
        guard let index = paletteIndex else { return .default }
        if index < paletteSize { return self }
        let ansi = index < 16 ? index : Color.nearestANSI(toPaletteEntry: index)
        let limited = paletteSize >= 16 ? ansi : ansi % 8
        return .indexed(UInt8(limited))
    }

    /// The ANSI colour (0–15) nearest to an entry 16–255 of the xterm palette.
    static func nearestANSI(toPaletteEntry index: Int) -> Int {
        let rgb = paletteRGB(index)
        var best = 0
        var bestDistance = Int.max
        for candidate in 0..<16 {
            let c = paletteRGB(candidate)
            let d = (c.r - rgb.r) * (c.r - rgb.r) + (c.g - rgb.g) * (c.g - rgb.g) + (c.b - rgb.b) * (c.b - rgb.b)
            if d < bestDistance {
                best = candidate
                bestDistance = d
            }
        }
        return best
    }

    /// The xterm default RGB of a palette entry.
    static func paletteRGB(_ index: Int) -> (r: Int, g: Int, b: Int) {
        let ansi: [(Int, Int, Int)] = [
            (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0),
            (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
            (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0),
            (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
        ]
        switch index {
        case 0..<16:
            let (r, g, b) = ansi[index]
            return (r, g, b)
        case 16..<232:
            let levels = [0, 95, 135, 175, 215, 255]
            let n = index - 16
            return (levels[n / 36], levels[(n / 6) % 6], levels[n % 6])
        default:
            let grey = 8 + 10 * (min(255, max(232, index)) - 232)
            return (grey, grey, grey)
        }
    }
}
