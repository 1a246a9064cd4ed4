/// Columns `start..<end` of row `y`: cells that differ from the frame compared with, side by
/// side, which a backend redraws with one call. A span never starts on the right half of a
/// wide glyph unless that half is in the first column (it starts on the glyph instead), so
/// the cells in it, continuation cells skipped, are the glyphs to draw.
public struct ChangedSpan: Sendable, Hashable {
    public var y: Int
    public var start: Int
    public var end: Int
    /// Every cell of the span shows the glyph it showed in the frame compared with, and only
    /// styles may differ (the selection bar moved): a backend may restyle the cells the
    /// terminal already holds instead of drawing them again.
    public var stylesOnly: Bool

    public init(y: Int, start: Int, end: Int, stylesOnly: Bool = false) {
        self.y = y
        self.start = start
        self.end = end
        self.stylesOnly = stylesOnly
    }
}
