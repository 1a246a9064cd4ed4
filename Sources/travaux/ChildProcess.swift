#if canImport(Glibc)
import Glibc
#endif

/// Starting a program without a shell and waiting for it: `$EDITOR`, and the clipboard's
/// programs. The two steps are apart so that a caller can feed the child between them.
enum ChildProcess {
    /// Starts `arguments[0]` (looked up on the PATH) with `actions` applied to its
    /// descriptors: its pid, or the `errno` that kept it from starting.
    static func spawn(_ arguments: [String], actions: UnsafePointer<posix_spawn_file_actions_t>? = nil) -> Result<pid_t, SpawnFailure> {
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let failure = posix_spawnp(&pid, arguments[0], actions, nil, &argv, environ)
        return failure == 0 ? .success(pid) : .failure(SpawnFailure(code: failure))
    }

    /// Waits for the child: its exit status, 128 + the signal that ended it, or nil if it
    /// could not be waited for.
    static func wait(_ pid: pid_t) -> Int32? {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            if errno != EINTR { return nil }
        }
        // Exited normally: the low 7 bits are zero and the status is in the next byte.
        if status & 0x7F == 0 { return (status >> 8) & 0xFF }
        return 128 + (status & 0x7F)
    }

    struct SpawnFailure: Error {
        var code: Int32
        var reason: String { String(cString: strerror(code)) }
    }
}
