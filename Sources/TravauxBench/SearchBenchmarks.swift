import TravauxCore

/// Queries as a seminar types them: a document symbol, a word, a prefix, a phrase.
enum SearchBenchmarks {
    /// The limit the interface asks for.
    static let limit = 200

    static func run(index: SearchIndex, record: SyntheticRecord, scale: Int, options: BenchOptions,
                    into results: inout [BenchmarkResult]) {
        let queries: [(name: String, query: String)] = [
            ("search.symbol", record.sampleSymbol),
            ("search.word", "confidence"),
            ("search.prefix", "negot"),
            ("search.phrase", "\"code of conduct\""),
            ("search.words", "outer space treaty"),
            // What incremental search runs on the way to the queries above: the first letter
            // of a word, and the first letters of a UN symbol, which most symbols share.
            ("search.first-letter", "c"),
            ("search.symbol-start", "A/"),
        ]
        let iterations = options.iterations(default: 50)
        for (name, query) in queries where options.wants(name) {
            var hits = 0
            let measurement = Measurement.time(iterations: iterations) { hits = index.search(query, limit: limit).count }
            results.append(BenchmarkResult(name: name, scale: scale, detail: "\(query) → \(hits) hits",
                                           outcome: .measured(measurement)))
        }
    }
}
