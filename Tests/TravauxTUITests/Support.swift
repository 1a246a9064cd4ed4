import TravauxTUI

/// Renders into a fresh canvas and returns its snapshot: screens as text.
func screen(width: Int, height: Int, _ draw: (inout Canvas) -> Void) -> String {
    var canvas = Canvas(width: width, height: height)
    draw(&canvas)
    return canvas.snapshot()
}

/// Expected screen lines, written one per argument.
func lines(_ rows: String...) -> String {
    rows.joined(separator: "\n")
}
