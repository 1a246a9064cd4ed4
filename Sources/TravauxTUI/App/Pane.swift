import TravauxCore

/// The lists the interface shows, one at a time, with the selected item's detail beside.
public enum Pane: Int, Sendable, Hashable, CaseIterable {
    case timeline, proposals, sources, themes, search

    /// The panes `Tab` and the number keys cycle through; search results appear on demand.
    public static let browsable: [Pane] = [.timeline, .proposals, .sources, .themes]

    public var title: String {
        switch self {
        case .timeline: return "Timeline"
        case .proposals: return "Proposals"
        case .sources: return "Sources"
        case .themes: return "Themes"
        case .search: return "Search"
        }
    }
}

/// One row of a pane: a group heading (a year, a domain, a work) or an item.
public enum PaneRow: Sendable, Hashable {
    case heading(String)
    case item(String)

    public var itemID: String? {
        if case .item(let id) = self { return id }
        return nil
    }
}

/// Where the keyboard goes: the list, the reader beside it, or a layer on top.
public enum Focus: Sendable, Hashable {
    case list, reader
}
