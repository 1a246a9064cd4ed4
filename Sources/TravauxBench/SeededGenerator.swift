/// SplitMix64: a small, fast generator whose whole sequence follows from its seed, so that
/// every run of the benchmarks measures the same synthetic record and store.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A generator for one part of the data, so adding items of one kind does not shift another's.
    public func derived(_ label: String) -> SeededGenerator {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in label.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
        return SeededGenerator(seed: state ^ hash)
    }

    /// True with probability `p`.
    public mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &self) < p }

    /// A length around `mean`, between `mean / 3` and about `3 * mean`, skewed like prose is.
    public mutating func length(around mean: Int) -> Int {
        let u = Double.random(in: 0.01..<1, using: &self)
        let factor = 0.35 + 1.3 * u * u + 0.35 * Double.random(in: 0..<1, using: &self)
        return max(mean / 3, Int(Double(mean) * factor))
    }

    /// Some elements of `pool`, without repeats, `count` at most.
    public mutating func pick<T>(_ count: Int, from pool: [T]) -> [T] {
        guard !pool.isEmpty, count > 0 else { return [] }
        if count >= pool.count { return pool }
        var chosen = Set<Int>()
        while chosen.count < count { chosen.insert(Int.random(in: 0..<pool.count, using: &self)) }
        return chosen.sorted().map { pool[$0] }
    }

    public mutating func element<T>(of pool: [T]) -> T {
        pool[Int.random(in: 0..<pool.count, using: &self)]
    }
}
