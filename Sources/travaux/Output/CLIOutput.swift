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
    static func write(_ text: String) {
        var text = text
        if !text.hasSuffix("\n") { text += "\n" }
        let error = writeAll(text, to: STDOUT_FILENO)
        if error == 0 { return }
        if error == EPIPE { exit(0) }
        fail("cannot write to standard output: \(String(cString: strerror(error))); the output is incomplete")
    }

    /// Unbuffered writes by descriptor: no shared `FILE*` state, nothing left unflushed at exit.
    /// Returns 0, or the `errno` of the write that failed.
    @discardableResult
    /// Writes all of `text`, through interruptions; 0, or the `errno` that stopped it.
    static func writeAll(_ text: String, to descriptor: Int32) -> Int32 {
        var bytes = Array(text.utf8)[...]
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

    /// `travaux: message` on stderr, then exit.
    static func fail(_ message: String, code: Int32 = 1) -> Never {
        // Messages quote what was typed and what files hold: never an escape sequence.
        writeAll("travaux: \(TerminalText.multiline(message))\n", to: STDERR_FILENO)
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
