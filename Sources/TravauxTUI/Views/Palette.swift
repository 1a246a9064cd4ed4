import TravauxCore

/// The interface's styles in one place. Every distinction also shows without colour
/// (bold, underline, reverse), for 8-colour terminals and `NO_COLOR`.
public enum Palette {
    public static let tab = Style()
    public static let activeTab = Style(bold: true, reverse: true)
    public static let heading = Style(foreground: .yellow, bold: true)
    public static let sectionTitle = Style(foreground: .cyan, bold: true)
    public static let title = Style(bold: true)
    public static let dim = Style(dim: true)
    /// Text in a field that was not typed: a placeholder, what `Tab` would complete. Dim, or
    /// underlined where the terminal has no dim (vt100, vt220, ansi), since plain it would
    /// read as typed.
    public static func suggestion(showsDim: Bool) -> Style {
        showsDim ? Style(dim: true) : Style(underline: true)
    }
    public static let label = Style(foreground: .blue, bold: true)
    public static let link = Style(foreground: .cyan, underline: true)
    public static let footnote = Style(foreground: .magenta, underline: true)
    public static let selectedLink = Style(bold: true, reverse: true)
    /// A prompt's text offered again, which typing replaces.
    public static let selectedText = Style(reverse: true)
    public static let quote = Style(foreground: .green)
    public static let strong = Style(bold: true)
    /// Titles in citations, which the footnotes set in italics.
    public static let emphasis = Style(italic: true)
    /// The list's selection bar. In colour, a background the terminal can erase with: ncurses
    /// then ends the bar with one erase (`EL`) where reverse video needs every blank column
    /// written, about 110 bytes a key on a wide list. Without colour, reverse video.
    public static func selection(monochrome: Bool) -> Style {
        monochrome ? Style(reverse: true) : Style(foreground: .black, background: .cyan)
    }
    public static let match = Style(foreground: .black, background: .yellow, bold: true, underline: true)
    /// The matches on the line `n`/`N` stepped to. Without colour, reverse video alone: a
    /// selected link is bold, reverse and underlined (its own underline), and must not look
    /// the same, since it is what Enter follows.
    public static func currentMatch(monochrome: Bool) -> Style {
        monochrome ? Style(reverse: true) : Style(bold: true, reverse: true, underline: true)
    }
    /// Words a later version dropped, and words it brought in (also `[-…-]` / `{+…+}` without colour).
    public static let deleted = Style(foreground: .red, reverse: true)
    public static let inserted = Style(foreground: .green, bold: true, reverse: true)
    /// The `−` and `+` that mark the two sides of a comparison.
    public static let fromSide = Style(foreground: .red, bold: true)
    public static let toSide = Style(foreground: .green, bold: true)
    public static let statusBar = Style(reverse: true)
    public static let hint = Style(dim: true)
    public static let border = Style(dim: true)
    public static let inferred = Style(foreground: .yellow)
    public static let error = Style(foreground: .red, bold: true)
    /// The user's own words, set apart from the record's.
    public static let noteMarker = Style(foreground: .yellow, bold: true, underline: true)
    public static let noted = Style(foreground: .yellow, bold: true)
    public static let tag = Style(foreground: .green)

    public static func domain(_ domain: Domain) -> Style {
        switch domain {
        case .space: return Style(foreground: .cyan, bold: true)
        case .cyber: return Style(foreground: .magenta, bold: true)
        case .general: return Style(foreground: .green, bold: true)
        }
    }
}
