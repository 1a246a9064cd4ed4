/// What a run measured, as a table for people and as JSON for scripts.
public struct BenchReport: Sendable {
    public var seed: UInt64
    public var width: Int
    public var height: Int
    public var results: [BenchmarkResult] = []
    /// Peak resident memory after each scale, in KiB (cumulative: it never goes down).
    public var peakMemory: [(scale: Int, kibibytes: Int)] = []

    public init(seed: UInt64, width: Int, height: Int) {
        self.seed = seed
        self.width = width
        self.height = height
    }

    public var table: String {
        var rows: [[String]] = [["benchmark", "scale", "median ms", "p90 ms", "iterations", "what"]]
        for result in results {
            switch result.outcome {
            case .measured(let m):
                rows.append([result.name, "\(result.scale)×", Self.milliseconds(m.median), Self.milliseconds(m.p90),
                             String(m.iterations), result.detail])
            case .unavailable(let reason):
                rows.append([result.name, "\(result.scale)×", "—", "—", "0", result.detail + "; " + reason])
            }
        }
        let widths = rows[0].indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        // Numbers right-aligned, words left-aligned.
        let numeric: Set<Int> = [1, 2, 3, 4]
        var lines = rows.map { row in
            row.enumerated().map { column, cell in
                let pad = String(repeating: " ", count: widths[column] - cell.count)
                return numeric.contains(column) ? pad + cell : cell + pad
            }.joined(separator: "  ")
        }
        lines.insert(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  "), at: 1)
        let memory = peakMemory.map { "\($0.scale)×: \(Self.mebibytes($0.kibibytes))" }.joined(separator: ", ")
        lines.append("")
        lines.append("peak memory (ru_maxrss, cumulative) after \(memory)")
        return lines.map { $0.replacingTrailingSpaces() }.joined(separator: "\n") + "\n"
    }

    public var json: JSONValue {
        .object([
            "seed": .int(Int(truncatingIfNeeded: seed)),
            "frame": .string("\(width)x\(height)"),
            "results": .array(results.map { result in
                var members: KeyValuePairs<String, JSONValue?> = [:]
                switch result.outcome {
                case .measured(let m):
                    members = ["name": .string(result.name), "scale": .int(result.scale), "detail": .string(result.detail),
                               "available": .bool(true), "median_ms": .milliseconds(m.median), "p90_ms": .milliseconds(m.p90),
                               "iterations": .int(m.iterations), "samples_ms": .array(m.samples.map(JSONValue.milliseconds))]
                case .unavailable(let reason):
                    members = ["name": .string(result.name), "scale": .int(result.scale), "detail": .string(result.detail),
                               "available": .bool(false), "reason": .string(reason)]
                }
                return JSONValue.object(members)
            }),
            "peak_memory_kib": .array(peakMemory.map { .object(["scale": .int($0.scale), "kib": .int($0.kibibytes)]) }),
        ])
    }

    static func milliseconds(_ value: Double) -> String {
        JSONValue.fixed(value, digits: value < 1 ? 3 : (value < 100 ? 2 : 1))
    }

    static func mebibytes(_ kibibytes: Int) -> String {
        JSONValue.fixed(Double(kibibytes) / 1024, digits: 1) + " MiB"
    }
}

extension String {
    func replacingTrailingSpaces() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
