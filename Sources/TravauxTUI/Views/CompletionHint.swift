import TravauxCore

/// What `Tab` would complete, after the cursor in `style` (`Palette.suggestion`): the rest when what is typed is spelt as
/// the completion is, else the completion whole (`  → ASAT-tests`), in the spelling `Tab` puts in
/// its place. Shared by the editor's tags and the session prompt.
enum CompletionHint {
    static func render(_ completion: String, typed: String, field: TextField, area: Rect, style: Style, into canvas: inout Canvas) {
        let x = area.x + field.cursorColumn(width: area.width)
        let preview = completion.hasPrefix(typed) ? String(completion.dropFirst(typed.count)) : "  → " + completion
        _ = canvas.put(preview + "  (Tab)", x: x, y: area.y, style: style, maxWidth: area.maxX - x)
    }
}
