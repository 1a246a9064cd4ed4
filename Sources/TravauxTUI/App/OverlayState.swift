import TravauxCore

/// A layer over the panes that takes the keyboard until it closes.
public enum OverlayState: Sendable, Hashable {
    case help(scroll: Int)
    case filter(FilterMenu)
    case copy(CopyMenu)
}

/// The `f` menu: first which filter, then its value.
public struct FilterMenu: Sendable, Hashable {
    public enum Level: Sendable, Hashable {
        case kinds
        case domain
        case forum
        case actor
        case tag
        case session
    }

    public var level: Level = .kinds
    public var selected: Int = 0
    public var offset: Int = 0
    /// Words typed after `/` in a list of values: only the values holding them are listed
    /// (accents and case ignored), as lazygit's menus do; a long tag list is found in a few keys.
    public var search: TextField?

    /// The sessions in the order they were held (by their first note), as `travaux sessions`
    /// lists them; taken when the session list opens, since finding it reads every note,
    /// while names and counts stay live. A session begun since comes last.
    public var sessionOrder: [String] = []

    /// The value of "Without a session": empty, which no session label is (`Note` keeps none).
    static let withoutSession = ""

    public init() {}

    /// The rows shown at the current level, as (label, value id) pairs: those `search` keeps.
    public func choices(in state: AppState) -> [(label: String, value: String?)] {
        narrowed(allChoices(in: state), in: state.record)
    }

    /// Those of `all` (the level's rows) that `search` keeps. A forum or an actor is found by
    /// its names' words, aliases too, as the command line's `--forum` and `--actor` take them
    /// (`gge`, `US`), each word typed the start of one of them: `us` is not in `Australia`.
    /// Tags and sessions, one word each, keep any row holding what is typed (`1540`).
    func narrowed(_ all: [(label: String, value: String?)], in record: Record) -> [(label: String, value: String?)] {
        guard let words = search.map({ TextFolding.words(TextFolding.fold($0.text)) }), !words.isEmpty else { return all }
        return all.filter { choice in
            guard let value = choice.value else { return false }
            guard level == .forum || level == .actor else {
                let label = TextFolding.fold(searchName(choice.label, value))
                return words.allSatisfy { label.contains($0) }
            }
            let aliases: [String]
            switch record.item(value) {
            case .actor(let actor)?: aliases = actor.aliases
            case .forum(let forum)?: aliases = forum.aliases
            default: aliases = []
            }
            let names = ([choice.label, value] + aliases).flatMap { TextFolding.words(TextFolding.fold($0)) }
            return words.allSatisfy { word in names.contains { $0.hasPrefix(word) } }
        }
    }

    /// What `/` finds a row by: a tag or a session by its name (its row's count would match
    /// digits typed for `res-1540`), any other row by its label.
    func searchName(_ label: String, _ value: String) -> String {
        (level == .tag || level == .session) && value != Self.withoutSession ? value : label
    }

    /// Every row of the level, whatever `search` keeps.
    func allChoices(in state: AppState) -> [(label: String, value: String?)] {
        let record = state.record, filters = state.filters
        switch level {
        case .kinds:
            return [("Domain: " + (filters.domain?.rawValue ?? "all"), "domain"),
                    ("Forum: " + (filters.forum.map(record.name(of:)) ?? "all"), "forum"),
                    ("Actor: " + (filters.actor.map(record.name(of:)) ?? "all"), "actor"),
                    ("Tag (items and notes): " + (filters.tag.map { "#" + $0.name } ?? "all"), "tag"),
                    ("Session (notes): " + (state.noteFilter.withoutSession ? "none" : state.noteFilter.session ?? "all"), "session"),
                    ("Clear all filters", "clear")]
        case .tag:
            return [("All tags", nil)] + state.notes.tagCounts.map { ("#\($0.tag)  (\($0.count))", $0.tag) }
        case .session:
            let outside = state.notes.countWithoutSession
            let held = Dictionary(sessionOrder.enumerated().map { (SessionLabel.key($1), $0) }, uniquingKeysWith: min)
            let sessions = state.notes.sessions.enumerated()
                .sorted { (held[SessionLabel.key($0.element)] ?? Int.max, $0.offset) < (held[SessionLabel.key($1.element)] ?? Int.max, $1.offset) }
                .map(\.element)
            return [("All sessions", nil)] + sessions.map { ("\($0)  (\(state.notes.count(inSession: $0)))", $0) }
                + (outside == 0 ? [] : [("Without a session  (\(outside))", Self.withoutSession)])
        case .domain:
            return [("All domains", nil)] + Domain.allCases.map { ($0.rawValue, $0.rawValue) }
        case .forum:
            return [("All forums", nil)] + record.forumsByHierarchy.map { (String(repeating: "  ", count: $0.depth) + $0.forum.name, $0.forum.id) }
        case .actor:
            return [("All actors", nil)] + record.actors.sorted { $0.name < $1.name }.map { ($0.name, $0.id) }
        }
    }
}
