#if canImport(Glibc)
import Glibc
#endif
import TravauxCore
import TravauxCurses
import TravauxTUI

/// The interface's run loop: draw, wait for input, reduce, perform the effects.
enum Interface {
    /// How long the loop waits for a key before a tick (autosave, other windows' notes).
    static let tickMilliseconds = 1000

    static func run(record: Record, store: NoteStore, session: String?, author: String) throws {
        // The notes are read before the terminal is taken, so a refused store (newer
        // schema, unreadable directory) is one clear line, not a broken screen.
        let notes: NoteCollection
        do { notes = try store.load() } catch { throw CLIError(error.description) }
        let terminal: TerminalSession
        do {
            terminal = try TerminalSession()
        } catch let error as TerminalError {
            throw CLIError(error.message)
        }
        defer { terminal.end() }
        let size = terminal.size
        var state = AppState(record: record, width: size.width, height: size.height,
                             notes: notes, session: session, author: author)
        state.processID = getpid()
        state.monochrome = terminal.colorCount == 0
        state.recoveredDrafts = store.abandonedDrafts()
        if !notes.problems.isEmpty {
            state.message = "\(notes.problems.count) damaged note file\(notes.problems.count == 1 ? "" : "s") moved to quarantine: " + (notes.problems.first?.description ?? "")
        }
        terminal.draw(Screen.render(state), cursor: Screen.cursor(state))
        var runner = EffectRunner(store: store, terminal: terminal, author: author)
        // Work the first screen does not need comes after it is drawn.
        var effects: [Effect] = [.buildSearchIndex]
        while true {
            while !effects.isEmpty {
                let effect = effects.removeFirst()
                if effect == .quit { return }
                for action in runner.perform(effect, state: state) {
                    effects += Reducer.reduce(&state, action)
                }
            }
            terminal.draw(Screen.render(state), cursor: Screen.cursor(state))
            guard let event = terminal.nextEvent(timeoutMilliseconds: tickMilliseconds) else {
                effects = Reducer.reduce(&state, .tick(now: NoteClock.system.now()))
                continue
            }
            effects = Reducer.reduce(&state, .input(event))
        }
    }
}
