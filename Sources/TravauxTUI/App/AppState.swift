import TravauxCore

/// Everything the interface shows, as one value: `reduce` changes it, `Screen` draws it.
public struct AppState: Sendable {
    public let record: Record
    public var keymap: Keymap
    public var width: Int
    public var height: Int

    public var pane: Pane = .timeline
    public var focus: Focus = .list
    public var filters = RecordFilter()
    /// Each pane's rows, rebuilt when the filters or search results change.
    public var rows: [Pane: [PaneRow]] = [:]
    public var cursors: [Pane: ListCursor] = [:]

    /// The item in the reader (beside the list on wide screens, full screen on narrow ones),
    /// laid out for the reader's width.
    public var reader: ReaderState?
    /// Where Back returns to, most recent last.
    public var history: [Location] = []

    public var search: SearchState?
    public var searchIndex: SearchIndex?
    public var overlay: OverlayState?
    /// Two versions of a proposal compared (`c`), in place of the list and the reader until closed.
    public var comparison: ComparisonState?
    /// The terminal shows no colour: changes are also marked `[-…-]` and `{+…+}`.
    public var monochrome = false
    /// A one-off message for the status bar ("no more matches").
    public var message: String?

    public init(record: Record, width: Int, height: Int, keymap: Keymap = .standard) {
        self.record = record
        self.keymap = keymap
        self.width = width
        self.height = height
        for pane in Pane.allCases { refreshRows(pane) }
        for pane in Pane.browsable {
            var cursor = ListCursor()
            cursor.move(by: 0, in: rows[pane] ?? [], viewport: listViewport)
            cursors[pane] = cursor
        }
        syncReader()
    }

    // MARK: layout facts the reducer and the views share

    /// Side by side from this width; below it, list and reader take turns.
    public static let wideWidth = 100
    public static let minimumWidth = 40
    public static let minimumHeight = 10

    public var isTooSmall: Bool { width < Self.minimumWidth || height < Self.minimumHeight }
    public var isWide: Bool { width >= Self.wideWidth }

    /// Rows for the list or the reader: all but the tab bar and the status bar (and the prompt).
    public var bodyHeight: Int { max(0, height - 2 - (search?.editing == true ? 1 : 0)) }
    public var listViewport: Int { bodyHeight }
    public var listWidth: Int { isWide ? max(30, width * 9 / 20) : width }
    /// The reader's width, borders excluded.
    public var readerWidth: Int { isWide ? width - listWidth - 1 : width }
    public var readerViewport: Int { bodyHeight }

    /// Which bindings of the keymap apply now.
    public var keyContext: KeyContext {
        if comparison != nil { return .comparison }
        return focus == .reader && showsReader ? .reader : .list
    }

    /// Whether the reader is on screen: always beside the list when wide, when focused when narrow.
    public var showsReader: Bool { isWide || focus == .reader }

    public var currentRows: [PaneRow] { rows[pane] ?? [] }
    public var currentCursor: ListCursor { cursors[pane] ?? ListCursor() }

    public var selectedItemID: String? {
        guard let row = currentCursor.selected, currentRows.indices.contains(row) else { return nil }
        return currentRows[row].itemID
    }

    /// The words searched for, for highlighting.
    public var highlightWords: [String] {
        guard let search, !search.query.isEmpty else { return [] }
        return SearchQuery(search.query).words
    }

    mutating func refreshRows(_ pane: Pane) {
        rows[pane] = PaneRows.rows(for: pane, record: record, filters: filters, searchHits: search?.hits ?? [])
    }

    /// In the list, the reader previews the selected item (from its top when the selection
    /// moves); once focused, it keeps the item it was opened on.
    mutating func syncReader() {
        if focus == .list {
            guard let id = selectedItemID else { reader = nil; return }
            if reader?.itemID != id { reader = ReaderState(itemID: id) }
        }
        relayoutReader()
    }

    /// Lays the reader out again if its item or width changed; skipped while it is off screen.
    mutating func relayoutReader() {
        guard showsReader, var current = reader else { return }
        if current.layout?.width != readerWidth || current.layout?.itemID != current.itemID {
            current.layout = record.detail(of: current.itemID).map { ReaderLayout(document: $0, width: readerWidth) }
        }
        reader = current
    }
}

/// The item in the reader, its scroll position and which link is selected.
public struct ReaderState: Sendable, Hashable {
    public var itemID: String
    public var scroll: Int = 0
    public var selectedLink: Int?
    public var layout: ReaderLayout?

    public init(itemID: String) { self.itemID = itemID }
}

/// A place to come back to: the pane, the selection, and what the reader showed.
public struct Location: Sendable, Hashable {
    public var pane: Pane
    public var focus: Focus
    public var cursor: ListCursor
    public var reader: ReaderState?
}
