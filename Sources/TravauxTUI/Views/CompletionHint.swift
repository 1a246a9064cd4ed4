import TravauxCore

/// What `Tab` would complete, dimmed after the cursor: the rest when what is typed is spelt as
/// the completion is, else the completion whole (`  → ASAT-tests`), in the spelling `Tab` puts in
/// its place. Shared by the editor's tags and the session prompt.
enum CompletionHint {
    static func render(_ completion: String, typed: String, field: TextField, area: Rect, into canvas: inout Canvas) {
        let x = area.x + field.cursorColumn(width: area.width)
        let preview = completion.hasPrefix(typed) ? String(completion.dropFirst(typed.count)) : "  → " + completion
        _ = canvas.put(preview + "  (Tab)", x: x, y: area.y, style: Palette.dim, maxWidth: area.maxX - x)
    }
}
