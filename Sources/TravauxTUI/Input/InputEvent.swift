/// Everything the terminal backend reports to the run loop.
public enum InputEvent: Sendable, Hashable {
    case key(KeyEvent)
    case mouse(MouseEvent)
    /// The terminal now has this size; the next frame is drawn whole.
    case resize(width: Int, height: Int)
    /// A signal asked the program to end (Ctrl-C, `kill`, the terminal closing): the
    /// run loop should save what needs saving, end the terminal session and exit.
    case terminate(TerminationSignal)
}

/// The signal behind `InputEvent.terminate`.
public enum TerminationSignal: Sendable, Hashable {
    /// SIGINT (Ctrl-C).
    case interrupt
    /// SIGTERM.
    case terminate
    /// SIGHUP: the terminal went away.
    case hangup
}
