import TravauxCore
import TravauxCurses
import TravauxTUI

/// The interface's run loop: draw, wait for input, reduce, perform the effects.
enum Interface {
    static func run(record: Record) throws {
        let session: TerminalSession
        do {
            session = try TerminalSession()
        } catch let error as TerminalError {
            throw CLIError(error.message)
        }
        defer { session.end() }
        let size = session.size
        var state = AppState(record: record, width: size.width, height: size.height)
        state.monochrome = session.colorCount == 0
        session.draw(Screen.render(state), cursor: Screen.cursor(state))
        // Work the first screen does not need comes after it is drawn.
        var effects: [Effect] = [.buildSearchIndex]
        while true {
            for effect in effects {
                switch effect {
                case .quit:
                    return
                case .buildSearchIndex:
                    if state.searchIndex == nil {
                        _ = Reducer.reduce(&state, .searchIndexReady(SearchIndex(record: state.record)))
                    }
                case .redrawAll:
                    session.forceRedraw()
                }
            }
            if !effects.isEmpty { session.draw(Screen.render(state), cursor: Screen.cursor(state)) }
            guard let event = session.nextEvent() else {
                effects = []
                continue
            }
            effects = Reducer.reduce(&state, .input(event))
            if effects.contains(.quit) { return }
            session.draw(Screen.render(state), cursor: Screen.cursor(state))
        }
    }
}
