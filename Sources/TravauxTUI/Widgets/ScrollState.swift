/// How far a text view is scrolled: the first wrapped line shown. Kept in the
/// application state, read by `WrappedTextView`.
public struct ScrollState: Sendable, Hashable {
    public private(set) var offset: Int

    public init(offset: Int = 0) {
        self.offset = max(0, offset)
    }

    /// Scrolls by `lines` (negative: up) without passing either end.
    public mutating func scroll(by lines: Int, contentHeight: Int, viewportHeight: Int) {
        offset = ScrollState.clamp(offset + lines, contentHeight: contentHeight, viewportHeight: viewportHeight)
    }

    public mutating func scrollToTop() {
        offset = 0
    }

    public mutating func scrollToBottom(contentHeight: Int, viewportHeight: Int) {
        offset = ScrollState.clamp(contentHeight, contentHeight: contentHeight, viewportHeight: viewportHeight)
    }

    /// Scrolls as little as needed to show `line` (the line of a search match).
    public mutating func reveal(line: Int, contentHeight: Int, viewportHeight: Int) {
        var target = offset
        if line < target { target = line }
        if line >= target + viewportHeight { target = line - max(1, viewportHeight) + 1 }
        offset = ScrollState.clamp(target, contentHeight: contentHeight, viewportHeight: viewportHeight)
    }

    /// The offset to draw with, for content and a viewport of these heights.
    public func clampedOffset(contentHeight: Int, viewportHeight: Int) -> Int {
        ScrollState.clamp(offset, contentHeight: contentHeight, viewportHeight: viewportHeight)
    }

    static func clamp(_ value: Int, contentHeight: Int, viewportHeight: Int) -> Int {
        max(0, min(value, contentHeight - max(0, viewportHeight)))
    }
}
