import TravauxCore

/// Where the editor's parts go: shared by the key handling (wrap width, page size) and the view.
struct EditorLayout {
    var frame: Rect
    var header: Rect
    var body: Rect
    var tags: Rect
    var hints: Rect

    // Borrowed, not owned as an `init`'s arguments are by default: a copy of the state retains
    // every reference in it, on each key typed.
    init(_ state: borrowing AppState) {
        let width = state.width, height = state.height
        // A centred box on wide screens; the whole body area on narrow ones.
        let boxWidth = width >= 100 ? min(width - 8, 96) : width
        let boxHeight = max(8, height >= 30 ? min(height - 4, 28) : height - 1)
        frame = Rect(x: (width - boxWidth) / 2, y: max(0, (height - boxHeight) / 2), width: boxWidth, height: min(boxHeight, height))
        let inner = Rect(x: frame.x + 1, y: frame.y + 1, width: max(1, frame.width - 2), height: max(1, frame.height - 2))
        header = Rect(x: inner.x, y: inner.y, width: inner.width, height: 2)
        hints = Rect(x: inner.x, y: inner.maxY - 1, width: inner.width, height: 1)
        tags = Rect(x: inner.x, y: inner.maxY - 2, width: inner.width, height: 1)
        body = Rect(x: inner.x, y: inner.y + 3, width: inner.width, height: max(1, inner.height - 6))
    }

    var bodyWidth: Int { body.width }
    var bodyHeight: Int { body.height }
}
