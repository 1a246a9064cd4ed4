import CNcursesw

#if canImport(Glibc)
import Glibc
#endif

/// Signals routed to a self-pipe while the session runs: the C handler writes the
/// signal number to the pipe, and the run loop's thread reads it with `drain()`.
final class SignalRouting {
    let readDescriptor: Int32
    private let writeDescriptor: Int32
    /// Signals the thread blocked before: blocked again when routing stops.
    private let previouslyBlocked: [Int32]
    private var stopped = false

    /// Catches `signals` and unblocks them on this thread (a program started from a
    /// thread that blocks signals inherits its mask and would never see them). On
    /// failure (no pipe) the signals keep their dispositions.
    init?(signals: [Int32]) {
        var descriptors: [Int32] = [-1, -1]
        guard travaux_make_signal_pipe(&descriptors) == 0 else { return nil }
        readDescriptor = descriptors[0]
        writeDescriptor = descriptors[1]
        previouslyBlocked = signals.filter { travaux_signal_is_blocked($0) != 0 }
        for signal in signals {
            _ = travaux_catch_signal(signal, writeDescriptor)
            _ = travaux_unblock_signal(signal)
        }
    }

    /// The signals received since the last call, oldest first.
    func drain() -> [Int32] {
        var received: [Int32] = []
        var buffer = [UInt8](repeating: 0, count: 64)
        while true {
            let count = read(readDescriptor, &buffer, buffer.count)
            if count > 0 {
                received.append(contentsOf: buffer[0..<count].map { Int32($0) })
                continue
            }
            if count < 0, errno == EINTR { continue }
            break
        }
        return received
    }

    /// Stops routing (the caller restores the dispositions) and closes the pipe.
    func stop() {
        guard !stopped else { return }
        stopped = true
        for signal in previouslyBlocked {
            _ = travaux_block_signal(signal)
        }
        travaux_forget_signal_pipe()
        close(readDescriptor)
        close(writeDescriptor)
    }

    deinit {
        stop()
    }
}
