import TravauxCore

/// Everything that can happen to the interface: input, and the results of effects.
public enum Action: Sendable {
    case input(InputEvent)
    case command(Command)
    /// The search index, built after the first frame so that start-up stays fast.
    case searchIndexReady(SearchIndex)
}

/// Work the run loop does for the reducer, which stays pure.
public enum Effect: Sendable, Hashable {
    case quit
    case buildSearchIndex
    /// Repaint every cell (after Ctrl-L or a child program).
    case redrawAll
}
