import TravauxCore

/// Start-up work before the first frame: reading and decoding the record's files, building
/// the record's tables, validating it; and the search index, built after the first frame.
enum RecordBenchmarks {
    static func run(directory: String, scale: Int, options: BenchOptions, into results: inout [BenchmarkResult]) throws -> (Record, SearchIndex) {
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
