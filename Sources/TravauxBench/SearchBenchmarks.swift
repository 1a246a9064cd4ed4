import TravauxCore

/// Queries as a seminar types them: a document symbol, a word, a prefix, a phrase, a plural,
/// another spelling, a date.
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
            // The other forms of a word a query is looked for in too (`WordForms`): a plural's
            // singular, `-ize`/`-ise`, `cyber` joined or apart; and an event's date as written.
            ("search.plural", "codes of conduct"),
            ("search.spellings", "cyber space organization"),
            ("search.date", "June 2014"),
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
