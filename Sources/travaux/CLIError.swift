/// An error the CLI reports as one line, `travaux: message`, with a non-zero exit.
struct CLIError: Error {
    var message: String
    var exitCode: Int32

    init(_ message: String, exitCode: Int32 = 1) {
        self.message = message
        self.exitCode = exitCode
    }
}
