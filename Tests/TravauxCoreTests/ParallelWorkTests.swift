import Testing
@testable import TravauxCore

/// The helper that spreads stat calls over the processors.
@Suite("Work in parallel")
struct ParallelWorkTests {
    @Test("every part runs once, each writing its own slots")
    func everyPartOnce() {
        for parts in [1, 2, 3, 8] {
            var slots = [Int](repeating: 0, count: parts * 1_000)
            slots.withUnsafeMutableBufferPointer { buffer in
                ParallelWork.run(parts: parts) { part in
                    for index in stride(from: part, to: buffer.count, by: parts) { buffer[index] += part + 1 }
                }
            }
            #expect(slots.enumerated().allSatisfy { $0.element == $0.offset % parts + 1 }, "\(parts) parts")
        }
    }

    @Test("two jobs at once give each its own result")
    func both() {
        let (sum, text) = ParallelWork.both({ (1...10_000).reduce(0, +) }, { String(repeating: "ab", count: 3) })
        #expect(sum == 50_005_000)
        #expect(text == "ababab")
        // Errors travel as values: a failure in one leaves the other's result whole.
        struct Failure: Error {}
        let (failed, counted) = ParallelWork.both({ Result<Int, Failure>.failure(Failure()) }, { [1, 2, 3].count })
        #expect((try? failed.get()) == nil)
        #expect(counted == 3)
    }

    @Test("jobs are dealt largest first to the least loaded worker, each job once")
    func deal() {
        // The 100× record's files, in kind order (works … themes), in KB.
        let sizes = [175, 4_041, 6_123, 11_165, 1_419, 548, 3_621]
        let shares = ParallelWork.deal(sizes: sizes, parts: 2)
        #expect(shares.flatMap { $0 }.sorted() == Array(sizes.indices))
        #expect(shares[0].first == 3)
        let loads = shares.map { $0.map { sizes[$0] }.reduce(0, +) }
        #expect(loads.max() ?? 0 <= 14_000, "\(loads)")
        #expect(ParallelWork.deal(sizes: sizes, parts: 1) == [[3, 2, 1, 6, 4, 5, 0]])
        #expect(ParallelWork.deal(sizes: [], parts: 2) == [[], []])
    }
}
