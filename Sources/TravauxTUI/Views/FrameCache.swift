/// What the run loop keeps from one frame to the next so a key redraws only what it changed:
/// the list's rows (`ListRowCache`), the tab bar, and the status line's bar with its hints, its
/// count of items and its text's storage (`StatusLine.Cache`). Owned by the run loop, like the
/// frames, and passed to `Screen.render(_:into:cache:)`. A cache serves one record.
public struct FrameCache: Sendable {
    var listRows = ListRowCache()
    var tabBar = KeptRow<TabBar.Key>()
    var statusLine = StatusLine.Cache()

    public init() {}
}

/// A value kept while what it was made from (`key`) is the same.
struct Kept<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private(set) var key: Key?
    private(set) var value: Value?

    /// The kept value, when it was made for `key`.
    func value(for key: Key) -> Value? {
        self.key == key ? value : nil
    }

    /// The kept value when it was made for `key`, else the one `make` makes, kept.
    mutating func value(for key: Key, make: () -> Value) -> Value {
        if let value = value(for: key) { return value }
        let made = make()
        keep(made, for: key)
        return made
    }

    mutating func keep(_ value: Value, for key: Key) {
        self.key = key
        self.value = value
    }
}

/// One row of cells kept while what it shows is the same.
typealias KeptRow<Key: Hashable & Sendable> = Kept<Key, CellRun>

extension Kept where Value == CellRun {
    /// Draws a whole row of `canvas` at `y`: the kept cells when they were drawn for `key`,
    /// else what `draw` draws there, which is then kept.
    mutating func render(_ key: Key, into canvas: inout Canvas, y: Int, draw: (inout Canvas) -> Void) {
        if let run = value(for: key) {
            canvas.place(run, x: 0, y: y)
            return
        }
        draw(&canvas)
        keep(canvas.run(ofRow: y), for: key)
    }
}
