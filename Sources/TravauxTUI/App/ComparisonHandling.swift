import TravauxCore

/// `c`: two versions of a proposal compared, `[` `]` and `{` `}` to choose them,
/// scrolling, and back to where the comparison was opened.
enum ComparisonHandling {
    /// The proposal `c` would compare: the reader's item when the reader has the keyboard,
    /// the selected row otherwise.
    static func target(_ state: AppState) -> Proposal? {
        guard let id = targetID(state), case .proposal(let proposal)? = state.record.item(id) else { return nil }
        return proposal
    }

    /// The item `c` looks at, whatever it is.
    private static func targetID(_ state: AppState) -> String? {
        state.keyContext == .reader ? state.reader?.itemID : state.selectedItemID
    }

    /// Whether `c` has something to compare here (the status bar offers it only then).
    static func canCompare(_ state: AppState) -> Bool {
        // The status line asks on every key: a list of events, footnotes or themes has nothing
        // to compare, known without hashing the selected item's id to look it up.
        if state.keyContext != .reader, let kind = state.pane.itemKind, kind != .proposal { return false }
        guard let id = targetID(state) else { return false }
        return state.record.versionCount(ofProposal: id) >= 2
    }

    static func open(_ state: inout AppState) {
        guard let proposal = target(state) else {
            state.message = "c compares the versions of a proposal; select one first"
            return
        }
        let versions = proposal.versions.map(\.id)
        guard versions.count >= 2 else {
            state.message = "\(proposal.shortName ?? proposal.title) has only one version; nothing to compare"
            return
        }
        state.comparison = ComparisonState(proposalID: proposal.id, versions: versions, start: proposal.defaultComparisonStart?.id)
        relayout(&state)
    }

    /// Handles a command while the comparison is open; nil lets the reducer perform it
    /// as usual (help, quit, and, once the comparison is closed, the panes and search).
    static func perform(_ state: inout AppState, _ command: Command) -> [Effect]? {
        let page = max(1, viewport(state) - 1)
        switch command {
        case .moveDown: scroll(&state, by: 1)
        case .moveUp: scroll(&state, by: -1)
        case .pageDown: scroll(&state, by: page)
        case .pageUp: scroll(&state, by: -page)
        case .halfPageDown: scroll(&state, by: max(1, page / 2))
        case .halfPageUp: scroll(&state, by: -max(1, page / 2))
        case .top: scroll(&state, by: Int.min / 2)
        case .bottom: scroll(&state, by: Int.max / 2)
        case .earlierFrom: step(&state, from: -1)
        case .laterFrom: step(&state, from: 1)
        case .earlierTo: step(&state, to: -1)
        case .laterTo: step(&state, to: 1)
        case .back: state.comparison = nil
        case .compare: break
        case .help, .quit, .redraw, .copy: return nil
        case .open, .nextLink, .previousLink, .nextMatch, .previousMatch, .zoom, .nextGroup, .previousGroup:
            state.message = "Esc closes the comparison"
        case .nextPane, .previousPane, .timeline, .proposals, .sources, .themes, .notes, .search, .filter, .clearFilters:
            state.comparison = nil
            return nil
        // Notes are taken over the comparison, on the proposal compared.
        case .exportNotes, .annotate, .editNote, .editExternally, .editTags, .deleteNote, .undoDelete, .setSession, .resumeDraft, .filterNotesText,
             .moveNote, .orderNotes:
            return nil
        case .saveNote, .cancelEdit, .switchField, .cycleTarget, .undoEdit, .redoEdit, .externalEditor:
            return nil
        }
        return []
    }

    static func step(_ state: inout AppState, from delta: Int) {
        guard var comparison = state.comparison else { return }
        let next = comparison.from + delta
        guard next >= 0, next < comparison.to else {
            // Advice only where it can be taken: 'to' moves later only if it is not the last.
            state.message = delta < 0 ? "'from' is the first version"
                : comparison.to < comparison.versions.count - 1 ? "'from' is just before 'to'; move 'to' later with }"
                : "'from' is just before 'to', the last version"
            return
        }
        comparison.from = next
        change(&state, to: comparison)
    }

    static func step(_ state: inout AppState, to delta: Int) {
        guard var comparison = state.comparison else { return }
        let next = comparison.to + delta
        guard next > comparison.from, next < comparison.versions.count else {
            state.message = delta > 0 ? "'to' is the last version"
                : comparison.from > 0 ? "'to' is just after 'from'; move 'from' earlier with ["
                : "'to' is just after 'from', the first version"
            return
        }
        comparison.to = next
        change(&state, to: comparison)
    }

    /// New versions: laid out again, from the top.
    private static func change(_ state: inout AppState, to comparison: ComparisonState) {
        var comparison = comparison
        comparison.scroll = 0
        state.comparison = comparison
        relayout(&state)
    }

    /// Rows for the scrolling part, below the fixed header.
    static func viewport(_ state: AppState) -> Int {
        let height = max(1, state.bodyHeight - (state.comparison?.layout?.header.count ?? 0))
        return ScrollPosition.textRows(height: height, lineCount: state.comparison?.layout?.lines.count ?? 0)
    }

    static func scroll(_ state: inout AppState, by delta: Int) {
        guard var comparison = state.comparison, let layout = comparison.layout else { return }
        let maxScroll = max(0, layout.lines.count - viewport(state))
        comparison.scroll = max(0, min(maxScroll, comparison.scroll &+ delta))
        state.comparison = comparison
    }

    /// Lays the comparison out again when the versions, the width or the colours changed,
    /// and keeps the scroll within the new length.
    static func relayout(_ state: inout AppState) {
        guard var comparison = state.comparison else { return }
        if comparison.layout?.fits(comparison, width: state.width, sideBySide: state.isWide, monochrome: state.monochrome) != true {
            guard case .proposal(let proposal)? = state.record.item(comparison.proposalID),
                  let compared = try? proposal.comparison(from: comparison.fromID, to: comparison.toID) else {
                state.comparison = nil
                state.message = "cannot compare '\(comparison.proposalID)'"
                return
            }
            comparison.layout = ComparisonLayout(comparison: compared, record: state.record, width: state.width,
                                                 sideBySide: state.isWide, monochrome: state.monochrome)
        }
        state.comparison = comparison
        scroll(&state, by: 0)
    }

    static func handleMouse(_ state: inout AppState, _ event: MouseEvent) -> [Effect] {
        switch event.kind {
        case .wheelUp: scroll(&state, by: -MouseHandling.wheelLines)
        case .wheelDown: scroll(&state, by: MouseHandling.wheelLines)
        default: break
        }
        return []
    }
}
