#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writing to the terminal or a pipe; the one place the CLI touches stdout and stderr.
enum CLIOutput {
    /// Output that cannot be written (a full disk, a closed descriptor) fails the command, so
    /// that `travaux export > file` never exits 0 with half a file. A reader that stopped
    /// reading (`| head`) ends the command quietly, as it would with any Unix filter.
    ///
    /// `done` says what the command did before it reported it (`the note was saved as 01M…`),
    /// so that a failed report is not taken for a failed command and done again.
    static func write(_ text: String, done: String? = nil) {
        var text = text
        if !text.hasSuffix("\n") { text += "\n" }
        write(bytes: Array(text.utf8)[...], done: done)
    }

    /// Part of the output as bytes, written as it is (a long list written as it is made);
    /// fails as `write` does.
    static func write(bytes: ArraySlice<UInt8>, done: String? = nil) {
        let error = writeAll(bytes, to: STDOUT_FILENO)
        if error == 0 { return }
        if error == EPIPE { exit(0) }
        let reason = "cannot write to standard output: \(String(cString: strerror(error)))"
        if let done { fail(reason + "; \(done) all the same, only this report of it is lost") }
        fail(reason + "; the output is incomplete")
    }

    /// A word for the person at the terminal that is not a result ("nothing matches"): on
    /// stderr, so that a pipe or `wc -l` sees results only.
    static func say(_ text: String) {
        // It quotes what files hold (a session or tag a note file spells with a colour in it).
        writeAll(TerminalText.multiline(text) + "\n", to: STDERR_FILENO)
    }

    /// Writes all of `text` by descriptor, unbuffered (no shared `FILE*` state, nothing left
    /// unflushed at exit), through interruptions; 0, or the `errno` that stopped it.
    @discardableResult
    static func writeAll(_ text: String, to descriptor: Int32) -> Int32 {
        writeAll(Array(text.utf8)[...], to: descriptor)
    }

    @discardableResult
    static func writeAll(_ bytes: ArraySlice<UInt8>, to descriptor: Int32) -> Int32 {
        var bytes = bytes
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 { if errno == EINTR { continue } else { return errno } }
            bytes = bytes.dropFirst(written)
        }
        return 0
    }

    /// `travaux: warning: message` on stderr; the command goes on.
    static func warn(_ message: String) {
        writeAll("travaux: warning: \(TerminalText.multiline(message))\n", to: STDERR_FILENO)
    }

    /// `travaux: message` on stderr, one line (an argument typed with a line break in it
    /// included), then exit. Only the interface's report of a broken record is a `report`,
    /// one problem a line.
    static func fail(_ message: String, code: Int32 = 1, report: Bool = false) -> Never {
        // Messages quote what was typed and what files hold: never an escape sequence.
        let text = report ? TerminalText.multiline(message) : TerminalText.singleLine(message)
        writeAll("travaux: \(text)\n", to: STDERR_FILENO)
        exit(code == 0 ? 1 : code)
    }

    static var isTerminal: Bool { isatty(STDOUT_FILENO) == 1 }

    /// Colour only for a person at a terminal that can show it, and not under `NO_COLOR`.
    static var usesColor: Bool {
        let environment = CLIEnvironment.variables
        guard isTerminal, environment["NO_COLOR"].map(\.isEmpty) ?? true else { return false }
        return environment["TERM"] != "dumb"
    }

    /// Columns available for a table: the terminal's width, or unlimited when piped.
    static var width: Int? {
        guard isTerminal else { return nil }
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        if let columns = CLIEnvironment.variables["COLUMNS"].flatMap(Int.init), columns > 0 { return columns }
        return 80
    }
}
