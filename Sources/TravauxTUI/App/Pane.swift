import TravauxCore

/// The lists the interface shows, one at a time, with the selected item's detail beside.
public enum Pane: Int, Sendable, Hashable, CaseIterable {
    case timeline, proposals, sources, themes, notes, search

    /// The panes `Tab` and the number keys cycle through; search results appear on demand.
    public static let browsable: [Pane] = [.timeline, .proposals, .sources, .themes, .notes]

    public var title: String {
        switch self {
        case .timeline: return "Timeline"
        case .proposals: return "Proposals"
        case .sources: return "Sources"
        case .themes: return "Themes"
        case .notes: return "Notes"
        case .search: return "Search"
        }
    }

    /// The one kind of item the pane lists, when it lists one kind (tested on the shipped
    /// record): what can be known of its selection without looking the item up.
    public var itemKind: ItemKind? {
        switch self {
        case .timeline: return .event
        case .proposals: return .proposal
        case .sources: return .source
        case .themes: return .theme
        case .notes, .search: return nil
        }
    }
}

/// One row of a pane: a group heading (a year, a domain, a work), an item, or a note
/// (which previews the item it is on).
public enum PaneRow: Sendable, Hashable {
    case heading(String)
    case item(String)
    case note(id: String, item: String)

    public var itemID: String? {
        switch self {
        case .item(let id), .note(_, let id): return id
        case .heading: return nil
        }
    }

    public var isHeading: Bool {
        if case .heading = self { return true }
        return false
    }

    public var noteID: String? {
        if case .note(let id, _) = self { return id }
        return nil
    }
}

/// Where the keyboard goes: the list, the reader beside it, or a layer on top.
public enum Focus: Sendable, Hashable {
    case list, reader
}
