#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import TravauxTUI

/// How the interface ended, for the exit status a shell or a supervisor sees once the
/// terminal is restored and every farewell said.
struct InterfaceEnding {
    /// The signal that ended it; `q` and `Ctrl-C` (a quit key here) leave none.
    var endedBy: TerminationSignal?
    /// Whether a farewell warned of something not done: a note typed that only reached a
    /// temporary file or the screen, a handout that failed as travaux quit.
    var warned = false

    /// Exits as the ending asks: killed by SIGTERM or SIGHUP again, with their default action,
    /// so that the parent sees it (status 143 or 129 in a shell); status 1 after a warning;
    /// otherwise it returns and travaux exits 0.
    func exitIfNotClean() {
        let number: Int32? = switch endedBy {
        case .terminate: SIGTERM
        case .hangup: SIGHUP
        case .interrupt, nil: nil
        }
        if let number {
            signal(number, SIG_DFL)
            var mask = sigset_t()
            sigemptyset(&mask)
            sigaddset(&mask, number)
            sigprocmask(SIG_UNBLOCK, &mask, nil)
            raise(number)
        }
        if warned || number != nil { exit(1) }
    }
}
