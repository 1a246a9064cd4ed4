#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// A few parts of one job run at once on threads of their own: opening a large store or
/// record is CPU-bound work that splits cleanly (files, ranges of entries). Plain POSIX
/// threads, so that the core loads no concurrency runtime on the way to the first frame.
public enum ParallelWork {
    static var processorCount: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }

    /// The parts a job over this many notes (files, cache entries, texts) is split into: one
    /// below 2,000, where a thread costs more than it saves, and at most four.
    static func parts(forNotes count: Int) -> Int {
        count < 2_000 ? 1 : max(1, min(4, processorCount))
    }

    /// Runs `body(0)` … `body(parts - 1)` at once, on threads of their own, and waits for all.
    /// `body` must only write where no other part does.
    static func run(parts: Int, _ body: (Int) -> Void) {
        guard parts > 1 else { body(0); return }
        withoutActuallyEscaping(body) { body in
            final class Work {
                let body: (Int) -> Void
                let part: Int
                init(_ body: @escaping (Int) -> Void, _ part: Int) { self.body = body; self.part = part }
            }
            var threads: [pthread_t] = []
            for part in 1..<parts {
                let work = Unmanaged.passRetained(Work(body, part)).toOpaque()
                var thread = pthread_t()
                let started = pthread_create(&thread, nil, { context in
                    guard let context else { return nil }
                    let work = Unmanaged<Work>.fromOpaque(context).takeRetainedValue()
                    work.body(work.part)
                    return nil
                }, work)
                if started == 0 {
                    threads.append(thread)
                } else {
                    // No thread to spare: do this part here.
                    Unmanaged<Work>.fromOpaque(work).release()
                    body(part)
                }
            }
            body(0)
            for thread in threads { pthread_join(thread, nil) }
        }
    }

    /// `first` and `second` at once, each on a thread of its own, and both their results.
    public static func both<First, Second>(_ first: () -> First, _ second: () -> Second) -> (First, Second) {
        var firstResult: First?
        var secondResult: Second?
        let parts = processorCount > 1 ? 2 : 1
        // Each part writes only its own variable; with one processor, one part does both.
        run(parts: parts) { part in
            if part == 0 { firstResult = first() }
            if part == 1 || parts == 1 { secondResult = second() }
        }
        // Every part has run when `run` returns, so neither is nil; were one, it is made here.
        return (firstResult ?? first(), secondResult ?? second())
    }

    /// Deals jobs of the given sizes out to `parts` workers, largest first, each to the
    /// least loaded worker so far. The record's files differ tenfold in size (proposals are
    /// 40 % of the whole), so taking turns would leave one worker with far more than half.
    static func deal(sizes: [Int], parts: Int) -> [[Int]] {
        var shares = [[Int]](repeating: [], count: max(1, parts))
        var loads = [Int](repeating: 0, count: shares.count)
        for job in sizes.indices.sorted(by: { sizes[$0] > sizes[$1] }) {
            let worker = loads.indices.min { loads[$0] < loads[$1] } ?? 0
            shares[worker].append(job)
            loads[worker] += sizes[job]
        }
        return shares
    }
}
