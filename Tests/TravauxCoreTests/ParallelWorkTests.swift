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
}
