/// Why the interface could not start on this terminal. The message names what to do
/// instead; `description` is the one line the CLI prints (`travaux: …`).
public enum TerminalError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Standard input or output is a pipe or a file, not a terminal.
    case notATerminal
    /// `TERM` is unset or empty.
    case terminalTypeUnset
    /// No terminfo entry for `TERM`.
    case unknownTerminalType(String)
    /// The terminal cannot address the cursor (`TERM=dumb`, a printing terminal).
    case terminalTooLimited(String)
    /// ncurses refused to start for another reason.
    case cannotStart(String)

    /// The message without the `travaux: ` prefix.
    public var message: String {
        switch self {
        case .notATerminal:
            return "the interface needs a terminal; for scripts use 'travaux list', 'show', 'search' (see 'travaux --help')"
        case .terminalTypeUnset:
            return "TERM is not set, so the interface cannot drive this terminal; set it (e.g. TERM=xterm-256color), or use 'travaux list', 'show', 'search'"
        case .unknownTerminalType(let name):
            return "unknown terminal type TERM=\(name) (no terminfo entry); try TERM=xterm-256color, or install its terminfo (ncurses-term)"
        case .terminalTooLimited(let name):
            return "the terminal TERM=\(name) cannot move the cursor, which the interface needs; try TERM=xterm-256color, or use 'travaux list', 'show', 'search'"
        case .cannotStart(let reason):
            return "cannot start the interface: \(reason)"
        }
    }

    public var description: String { "travaux: " + message }
}
