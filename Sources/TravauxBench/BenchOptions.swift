/// What a run measures: which scales, how often, and how big the stores are.
public struct BenchOptions: Sendable {
    public var scales: [Int] = [1, 10, 100]
    /// Iterations of every benchmark; nil for each one's own default.
    public var iterations: Int?
    /// Benchmarks to run, by name or by a part of it up to a `.`, `-` or `+` ("search",
    /// "notes.save" for both saves); empty runs all.
    public var only: [String] = []
    /// Notes in the store at 1× (100,000 at 100× by default); smaller for a quick run.
    public var notesPerScale: Int = RecordProfile.shipped.notes
    /// Notes exported at once.
    public var exportNotes = 10_000
    public var seed: UInt64 = 2015
    /// An existing store to time loading and refreshing on, instead of a synthetic one (it is
    /// only read: the saves are not run on it).
    public var existingStore: String?
    /// The terminal size frames are rendered at.
    public var width = 200
    public var height = 60

    public init() {}

    public func wants(_ name: String) -> Bool {
        only.isEmpty || only.contains { wanted in
            name == wanted || [".", "-", "+"].contains { name.hasPrefix(wanted + $0) }
        }
    }

    /// Whether any benchmark of a group ("notes.") is wanted, so its setup can be skipped if not.
    public func wantsGroup(_ group: String) -> Bool {
        only.isEmpty || only.contains { $0.hasPrefix(group) || group.hasPrefix($0) }
    }

    func iterations(default count: Int) -> Int { max(1, iterations ?? count) }
}
