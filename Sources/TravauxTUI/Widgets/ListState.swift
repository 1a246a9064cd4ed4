/// Where a list is between frames: which item is selected and which item is on the
/// first row of its view. Kept in the application state; `ListView` only reads it.
///
/// Every change keeps the selection visible in the last known viewport height and keeps
/// the view from scrolling past the end; a change in the number of items clamps both.
public struct ListState: Sendable, Hashable {
    /// The selected item, `nil` only when the list is empty.
    public private(set) var selected: Int?
    /// The item on the first row of the view.
    public private(set) var offset: Int
    public private(set) var itemCount: Int
    /// Rows the list had when last laid out (what a page is).
    public private(set) var viewportHeight: Int

    /// A state with the first item selected (if there is one).
    public init(itemCount: Int = 0, viewportHeight: Int = 1) {
        self.itemCount = max(0, itemCount)
        self.viewportHeight = max(1, viewportHeight)
        self.selected = itemCount > 0 ? 0 : nil
        self.offset = 0
    }

    /// A move of the selection.
    public enum Move: Sendable, Hashable {
        case next, previous, pageDown, pageUp, first, last
    }

    public mutating func select(_ move: Move) {
        guard itemCount > 0 else { return }
        let current = selected ?? 0
        switch move {
        case .next:
            selected = selected == nil ? 0 : min(itemCount - 1, current + 1)
        case .previous:
            selected = max(0, current - 1)
        case .pageDown:
            // The view moves by a page too, so the selection keeps its row.
            selected = min(itemCount - 1, current + viewportHeight)
            offset += viewportHeight
        case .pageUp:
            selected = max(0, current - viewportHeight)
            offset -= viewportHeight
        case .first:
            selected = 0
        case .last:
            selected = itemCount - 1
        }
        keepSelectionVisible()
    }

    /// Selects an item by index (clamped), or nothing.
    public mutating func select(index: Int?) {
        if let index, itemCount > 0 {
            selected = min(itemCount - 1, max(0, index))
        } else {
            selected = itemCount > 0 ? 0 : nil
        }
        keepSelectionVisible()
    }

    /// Follows a change in the number of items: the selection and the view stay in range.
    public mutating func setItemCount(_ count: Int) {
        itemCount = max(0, count)
        if itemCount == 0 {
            selected = nil
        } else if let current = selected {
            selected = min(current, itemCount - 1)
        } else {
            selected = 0
        }
        keepSelectionVisible()
    }

    /// Follows a change of the list's height (a resize, a pane opening).
    public mutating func setViewportHeight(_ height: Int) {
        viewportHeight = max(1, height)
        keepSelectionVisible()
    }

    /// Scrolls the view by `lines` (the mouse wheel), dragging the selection along
    /// when it would leave the view.
    public mutating func scroll(by lines: Int) {
        guard itemCount > 0 else { return }
        offset = clampOffset(offset + lines, height: viewportHeight)
        if let current = selected {
            selected = min(max(current, offset), offset + viewportHeight - 1, itemCount - 1)
        }
    }

    /// The item shown on a row of the view (a mouse click), if any.
    public func index(atRow row: Int) -> Int? {
        guard row >= 0, row < viewportHeight else { return nil }
        let index = offset + row
        return index < itemCount ? index : nil
    }

    /// The first item to show in a view `height` rows high: the stored offset, moved as
    /// little as needed to show the selection. Rendering uses it so that a frame drawn
    /// before the state learnt a new height still shows the selection.
    public func visibleOffset(forHeight height: Int) -> Int {
        guard height > 0 else { return offset }
        var result = offset
        if let current = selected {
            if current < result { result = current }
            if current >= result + height { result = current - height + 1 }
        }
        return clampOffset(result, height: height)
    }

    private mutating func keepSelectionVisible() {
        offset = visibleOffset(forHeight: viewportHeight)
    }

    private func clampOffset(_ value: Int, height: Int) -> Int {
        max(0, min(value, itemCount - height))
    }
}
