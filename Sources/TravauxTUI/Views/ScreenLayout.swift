/// Where each part of the screen goes for a state: shared by drawing and by mouse clicks.
struct ScreenLayout {
    var tabs: Rect
    var list: Rect?
    var separator: Rect?
    var reader: Rect?
    var comparison: Rect?
    var prompt: Rect?
    var status: Rect

    // Borrowed: an `init` takes its arguments owned, and handing it the state copied every
    // reference in it (twice a frame, once for drawing and once for the cursor).
    init(_ state: borrowing AppState) {
        let width = state.width, height = state.height
        tabs = Rect(x: 0, y: 0, width: width, height: min(1, height))
        status = Rect(x: 0, y: max(0, height - 1), width: width, height: height > 1 ? 1 : 0)
        let bodyHeight = state.bodyHeight
        let body = Rect(x: 0, y: 1, width: width, height: bodyHeight)
        prompt = state.hasPromptLine ? Rect(x: 0, y: max(0, height - 2), width: width, height: 1) : nil
        if state.comparison.isPresent {
            comparison = body
        } else if state.showsBothPanes {
            list = Rect(x: 0, y: body.y, width: state.listWidth, height: bodyHeight)
            separator = Rect(x: state.listWidth, y: body.y, width: 1, height: bodyHeight)
            reader = Rect(x: state.listWidth + 1, y: body.y, width: state.readerWidth, height: bodyHeight)
        } else if state.focus == .reader {
            reader = body
        } else {
            list = body
        }
    }
}
