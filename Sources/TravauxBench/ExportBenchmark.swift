import TravauxCore

/// Exporting notes to a Markdown handout. The export module is being written on another
/// branch; until it is merged this reports "not yet available" instead of a number.
enum ExportBenchmark {
    static let name = "notes.export-markdown"

    static func measureExport(notes: NoteCollection, record: Record, count: Int, scale: Int,
                              options: BenchOptions) -> BenchmarkResult {
        let selected = Array(notes.all.prefix(count))
        // TODO(export): once the export module is merged, time exporting `selected` to Markdown:
        //   .measured(Measurement.time(iterations: options.iterations(default: 10)) { _ = <export>(selected, record) })
        return BenchmarkResult(name: name, scale: scale, detail: "\(selected.count) notes to Markdown",
                               outcome: .unavailable("not yet available: the export module is not on this branch"))
    }
}
