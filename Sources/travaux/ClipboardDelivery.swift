#if canImport(Glibc)
import Glibc
#endif
import TravauxCore

/// Hands a text copied with `y` to the clipboard programs within reach (`ClipboardRoute`),
/// each reading it on its standard input. Runs off the interface's thread: a clipboard
/// program that hangs must not hang the keys.
enum ClipboardDelivery {
    /// Gives `text` to every program route; the terminal route is the run loop's (it owns
    /// the terminal) and is skipped here.
    static func deliver(_ text: String, routes: [ClipboardRoute]) -> (delivered: [ClipboardRoute], failures: [String]) {
        var delivered: [ClipboardRoute] = [], failures: [String] = []
        for route in routes {
            let attempts: [[String]]
            switch route {
            case .terminal: continue
            // `-w` (tmux 3.2) also sets the outer terminal's clipboard; older tmux refuses it.
            case .tmux: attempts = [["tmux", "load-buffer", "-w", "-"], ["tmux", "load-buffer", "-"]]
            case .program(_, let arguments): attempts = [arguments]
            }
            var failure: String?
            for arguments in attempts {
                failure = run(arguments, input: text)
                if failure == nil { break }
            }
            if let failure { failures.append(failure) } else { delivered.append(route) }
        }
        return (delivered, failures)
    }

    /// Whether `name` is an executable file in one of `path`'s folders.
    static func onPath(_ name: String, path: String?) -> Bool {
        for folder in (path ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":") where !folder.isEmpty {
            if access(folder + "/" + name, X_OK) == 0 { return true }
        }
        return false
    }

    /// Runs the program with `input` as its standard input and its output discarded; nil
    /// when it exited 0, else why not. The input goes through a socket rather than a pipe:
    /// `send` with MSG_NOSIGNAL, so a program that exits without reading cannot raise
    /// SIGPIPE here, which would end the interface.
    private static func run(_ arguments: [String], input: String) -> String? {
        let name = arguments[0]
        var ends: [Int32] = [-1, -1]
        guard socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0, &ends) == 0 else {
            return "\(name): no socket to pass the text (\(String(cString: strerror(errno))))"
        }
        let (ours, theirs) = (ends[0], ends[1])
        defer { close(ours) }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, theirs, STDIN_FILENO)
        posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0)
        let spawned = ChildProcess.spawn(arguments, actions: &actions)
        close(theirs)
        let pid: pid_t
        switch spawned {
        case .success(let started): pid = started
        case .failure(let failure): return "\(name) did not start (\(failure.reason))"
        }

        let bytes = Array(input.utf8)
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { send(ours, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { break }   // it stopped reading; its exit status says why
            sent += count
        }
        _ = shutdown(ours, Int32(SHUT_WR))
        guard let status = ChildProcess.wait(pid) else { return "\(name): lost track of it (\(String(cString: strerror(errno))))" }
        if status == 0, sent < bytes.count { return "\(name) took \(sent) of \(bytes.count) bytes" }
        return status == 0 ? nil : "\(name) exited with status \(status)"
    }
}
