import Foundation
import TravauxTestSupport

/// Drives the real binary in a pseudo-terminal through tmux, as a person would: keys in,
/// screen text out. Each driver has its own tmux server, so tests do not share state.
final class TerminalDriver {
    /// The server's socket, among the tests' files so that it goes with them.
    let socket = TestFiles.path("tmux")
    let session = "e2e"

    static var isAvailable: Bool {
        FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux") || FileManager.default.isExecutableFile(atPath: "/usr/local/bin/tmux")
    }

    /// Starts `command` (run by sh) in a width × height terminal; the pane stays after it exits.
    /// `XDG_STATE_HOME` of this driver alone: the place one test quits at is never where
    /// another starts.
    let stateHome = TestFiles.path("state")

    init(command: String, width: Int = 120, height: Int = 40) throws {
        // remain-on-exit is set before the session exists, so even a command that exits at
        // once leaves its last screen to read.
        try tmux(startingServer: true, ["start-server", ";", "set-option", "-g", "remain-on-exit", "on", ";",
                                        "new-session", "-d", "-s", session, "-x", "\(width)", "-y", "\(height)",
                                        "-e", "TERM=xterm-256color", "-e", "XDG_CACHE_HOME=" + CLIProcess.cacheHome,
                                        "-e", "XDG_DATA_HOME=" + CLIProcess.dataHome, "-e", "XDG_STATE_HOME=" + stateHome,
                                        "-e", "TRAVAUX_STORE=", "-e", "TZ=UTC", command])
    }

    deinit {
        _ = try? tmux(["kill-server"])
    }

    /// Runs a tmux client command. The command that starts the server must not hand it our
    /// pipes: the server outlives the client and would hold them open forever.
    @discardableResult
    func tmux(startingServer: Bool = false, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["tmux", "-S", socket] + arguments
        process.standardInput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        if startingServer {
            // A server started through Foundation's Process does not outlive it here, so the
            // command that starts one goes through the C library's shell instead.
            let line = (["tmux", "-S", socket] + arguments).map(Self.shellQuoted).joined(separator: " ")
            let status = system(line + " </dev/null >/dev/null 2>&1")
            if status != 0 { throw DriverError.cannotStart(line) }
            return ""
        }
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    func screen() throws -> String { try tmux(["capture-pane", "-p", "-t", session]) }

    /// Everything the normal screen showed, scrolled-off lines included, wrapped lines joined.
    func transcript() throws -> String { try tmux(["capture-pane", "-p", "-J", "-S", "-", "-t", session]) }

    func send(_ keys: String...) throws { try tmux(["send-keys", "-t", session] + keys) }

    func type(_ text: String) throws { try tmux(["send-keys", "-t", session, "-l", text]) }

    func value(_ format: String) throws -> String {
        try tmux(["display-message", "-p", "-t", session, format]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-t", session, "-x", "\(width)", "-y", "\(height)"])
    }

    /// Waits until the screen satisfies `condition` (up to 45 s: on this 2-core machine class,
    /// with the whole suite running at once, a process once took over 10 s to start, and a
    /// CLI command's output to a tmux pane twice took over 20 s to end), and returns it.
    @discardableResult
    func waitFor(_ what: String, _ condition: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(45)
        var last = ""
        // tmux may be captured while it is still taking in a frame: the screen counts once the
        // condition holds and two captures 50 ms apart agree, so a half-drawn frame is never
        // asserted on.
        var matched: String?
        while Date() < deadline {
            last = try screen()
            if let matched, matched == last { return last }
            matched = condition(last) ? last : nil
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw DriverError.timeout(what, last)
    }

    @discardableResult
    func waitFor(text: String) throws -> String { try waitFor("'\(text)' on screen") { $0.contains(text) } }

    static func shellQuoted(_ argument: String) -> String {
        "'" + argument.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    enum DriverError: Error, CustomStringConvertible {
        case timeout(String, String)
        case cannotStart(String)
        var description: String {
            switch self {
            case .timeout(let what, let screen): return "timed out waiting for \(what); the screen was:\n\(screen)"
            case .cannotStart(let command): return "tmux did not start: \(command)"
            }
        }
    }
}
