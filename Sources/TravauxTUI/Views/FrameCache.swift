/// What the run loop keeps from one frame to the next so a key redraws only what it changed:
/// the list's rows (`ListRowCache`) and the tab bar. Owned by the run loop, like the frames,
/// and passed to `Screen.render(_:into:cache:)`. A cache serves one record.
public struct FrameCache: Sendable {
    var listRows = ListRowCache()
    var tabBar = KeptRow<TabBar.Key>()

    public init() {}
}

/// One row of cells kept while what it shows (`key`) is the same.
struct KeptRow<Key: Hashable & Sendable>: Sendable {
    private(set) var key: Key?
    private(set) var cells: [Cell] = []

    /// The kept cells, when they were drawn for `key`.
    func cells(for key: Key) -> [Cell]? {
        self.key == key ? cells : nil
    }

    mutating func keep(_ cells: [Cell], for key: Key) {
        self.key = key
        self.cells = cells
    }
}
