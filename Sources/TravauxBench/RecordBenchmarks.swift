import TravauxCore

/// Start-up work before the first frame: reading and decoding the record's files, building
/// the record's tables, validating it; and the search index, built after the first frame.
enum RecordBenchmarks {
    static func run(directory: String, cacheDirectory: String, scale: Int, options: BenchOptions,
                    into results: inout [BenchmarkResult]) throws -> (Record, SearchIndex) {
        let heavy = options.iterations(default: scale >= 100 ? 5 : 20)
        let detail = "\(RecordProfile.shipped.scaled(by: scale).items) items"
        func add(_ name: String, _ measurement: Measurement) {
            results.append(BenchmarkResult(name: name, scale: scale, detail: detail, outcome: .measured(measurement)))
        }
        if options.wants("record.decode") {
            add("record.decode", Measurement.time(iterations: heavy) { _ = RecordLoader.decode(directory: directory) })
        }
        let decoded = RecordLoader.decode(directory: directory)
        guard let record = decoded.record else { throw BenchError("the synthetic record did not decode: \(decoded.problems.prefix(3))") }
        if options.wants("record.build") {
            add("record.build", Measurement.time(iterations: heavy) {
                _ = Record(manifest: record.manifest, works: record.works, sources: record.sources, events: record.events,
                           proposals: record.proposals, actors: record.actors, forums: record.forums, themes: record.themes,
                           directory: record.directory)
            })
        }
        let problems = RecordLoader.validate(decoded).filter { $0.severity == .error }
        guard problems.isEmpty else { throw BenchError("the synthetic record is invalid: \(problems.prefix(3))") }
        if options.wants("record.validate") {
            add("record.validate", Measurement.time(iterations: heavy) { _ = RecordLoader.validate(decoded) })
        }
        if options.wants("record.load") {
            add("record.load", try Measurement.time(iterations: heavy) { _ = try RecordLoader.load(directory: directory) })
        }
        // The snapshot the interface and the CLI start from while the files are unchanged.
        // The files were just written, so the margin for coarse file times is waived.
        var cache = RecordCache(directory: cacheDirectory)
        cache.settleNanoseconds = 0
        if options.wants("record.snapshot-save") || options.wants("record.snapshot") {
            guard let pending = try cache.load(directory: directory).pendingSnapshot else {
                throw BenchError("the synthetic record in \(directory) gave no snapshot to save")
            }
            if options.wants("record.snapshot-save") {
                add("record.snapshot-save", Measurement.time(iterations: heavy) { _ = pending.save() })
            }
            guard pending.save() else { throw BenchError("cannot save the record's snapshot in \(cacheDirectory)") }
        }
        if options.wants("record.snapshot") {
            add("record.snapshot", try Measurement.time(iterations: heavy, keeping: {
                let loading = try cache.load(directory: directory)
                guard loading.fromSnapshot else { throw BenchError("the snapshot of the synthetic record was not used") }
                return loading
            }))
        }
        if options.wants("record.index") {
            add("record.index", Measurement.time(iterations: heavy) { _ = SearchIndex(record: record) })
        }
        if options.wants("record.load+index") {
            add("record.load+index", try Measurement.time(iterations: heavy) {
                _ = SearchIndex(record: try RecordLoader.load(directory: directory))
            })
        }
        return (record, SearchIndex(record: record))
    }
}
