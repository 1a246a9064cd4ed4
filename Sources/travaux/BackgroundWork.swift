#if canImport(Glibc)
import Glibc
#endif
import TravauxTUI

/// Work the run loop hands to threads of their own (building the search index, reading the
/// notes store), so that keys are answered meanwhile. A job posts its results as actions;
/// each post writes a byte to a pipe whose read end the loop polls beside the terminal, so
/// the loop wakes at once, and it reduces the actions on its own thread like any others.
final class BackgroundWork: @unchecked Sendable {
    /// Guards `posted`; a class, so the mutex never moves.
    private var mutex = pthread_mutex_t()
    private var posted: [Action] = []
    /// Polled by the run loop; readable when something was posted.
    let wakeDescriptor: Int32
    private let wakeWriter: Int32

    init?() {
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { return nil }
        for end in ends {
            _ = fcntl(end, F_SETFD, FD_CLOEXEC)
            _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
        }
        wakeDescriptor = ends[0]
        wakeWriter = ends[1]
        pthread_mutex_init(&mutex, nil)
    }

    deinit {
        close(wakeDescriptor)
        close(wakeWriter)
        pthread_mutex_destroy(&mutex)
    }

    /// Runs `job` on a new thread; it calls `post` with each result as it has it. Without a
    /// thread to spare, the job runs here.
    func start(_ job: @escaping @Sendable (_ post: (Action) -> Void) -> Void) {
        final class Context {
            let work: BackgroundWork
            let job: @Sendable ((Action) -> Void) -> Void
            init(_ work: BackgroundWork, _ job: @escaping @Sendable ((Action) -> Void) -> Void) { self.work = work; self.job = job }
        }
        let context = Unmanaged.passRetained(Context(self, job)).toOpaque()
        var thread = pthread_t()
        let started = pthread_create(&thread, nil, { pointer in
            guard let pointer else { return nil }
            let context = Unmanaged<Context>.fromOpaque(pointer).takeRetainedValue()
            context.work.run(context.job)
            return nil
        }, context)
        if started == 0 {
            pthread_detach(thread)
        } else {
            let context = Unmanaged<Context>.fromOpaque(context).takeRetainedValue()
            run(context.job)
        }
    }

    /// What the jobs posted since the last call, oldest first.
    func take() -> [Action] {
        var scratch = [UInt8](repeating: 0, count: 64)
        while read(wakeDescriptor, &scratch, scratch.count) > 0 {}
        return locked {
            defer { posted = [] }
            return posted
        }
    }

    private func run(_ job: @Sendable ((Action) -> Void) -> Void) {
        job { action in
            self.locked { self.posted.append(action) }
            self.wake()
        }
    }

    private func wake() {
        var byte: UInt8 = 1
        _ = write(wakeWriter, &byte, 1)
    }

    private func locked<T>(_ body: () -> T) -> T {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        return body()
    }
}
