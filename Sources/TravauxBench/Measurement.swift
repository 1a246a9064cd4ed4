/// The times one benchmark took, iteration by iteration, and their summary.
public struct Measurement: Sendable, Hashable {
    /// Each iteration's time in milliseconds, in the order they ran.
    public var samples: [Double]

    public init(samples: [Double]) { self.samples = samples }

    public var iterations: Int { samples.count }
    public var median: Double { percentile(50) }
    public var p90: Double { percentile(90) }

    /// Nearest-rank percentile: a time some iteration actually took.
    public func percentile(_ p: Double) -> Double {
        guard !samples.isEmpty else { return 0 }
        let sorted = samples.sorted()
        let rank = Int((p / 100 * Double(sorted.count)).rounded(.up))
        return sorted[min(sorted.count - 1, max(0, rank - 1))]
    }

    /// Runs `body` `iterations` times (after `warmup` unmeasured runs) and times each run.
    /// `prepare` runs before each, untimed, for work that must not be counted.
    public static func time(iterations: Int, warmup: Int = 1, prepare: () -> Void = {},
                            _ body: () throws -> Void) rethrows -> Measurement {
        let clock = ContinuousClock()
        for _ in 0..<warmup {
            prepare()
            try body()
        }
        var samples: [Double] = []
        samples.reserveCapacity(iterations)
        for _ in 0..<max(1, iterations) {
            prepare()
            let start = clock.now
            try body()
            samples.append(milliseconds(clock.now - start))
        }
        return Measurement(samples: samples)
    }

    /// Like `time`, for work that returns what it built: the result is released after the
    /// clock stops, as a program keeps what it loads (freeing 100,000 notes is not loading them).
    public static func time<Result>(iterations: Int, warmup: Int = 1, keeping body: () throws -> Result) rethrows -> Measurement {
        var kept: Result?
        return try time(iterations: iterations, warmup: warmup, prepare: { kept = nil }) {
            kept = try body()
            _ = kept
        }
    }

    public static func milliseconds(_ duration: Duration) -> Double {
        let parts = duration.components
        return Double(parts.seconds) * 1000 + Double(parts.attoseconds) / 1e15
    }
}

/// One line of the report: a benchmark at one scale.
public struct BenchmarkResult: Sendable, Hashable {
    public enum Outcome: Sendable, Hashable {
        case measured(Measurement)
        /// The thing measured does not exist yet; the reason says why.
        case unavailable(String)
    }

    public var name: String
    public var scale: Int
    /// What one iteration does, in a few words ("100,000 notes", "12 queries").
    public var detail: String
    public var outcome: Outcome

    public init(name: String, scale: Int, detail: String, outcome: Outcome) {
        self.name = name
        self.scale = scale
        self.detail = detail
        self.outcome = outcome
    }

    public var measurement: Measurement? {
        if case .measured(let measurement) = outcome { return measurement }
        return nil
    }
}
