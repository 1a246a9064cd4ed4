import TravauxCore

/// Exporting notes to a Markdown handout: the notes chosen, grouped, their sources
/// footnoted, written to a string (the file write is the same as a note's).
enum ExportBenchmark {
    static let name = "notes.export-markdown"

    static func measureExport(notes: NoteCollection, record: Record, count: Int, scale: Int,
                              options: BenchOptions) -> BenchmarkResult {
        let selected = NoteCollection(notes: Array(notes.all.prefix(count)))
        let date = NoteTime(millisecondsSince1970: 1_795_288_316_654)
        // The machine's zone, as the CLI's export reads it: each note's day goes through it.
        let exportOptions = ExportOptions(date: date, zone: LocalZone.system(now: date))
        // A first render outside the timing, so an error is reported instead of timed.
        do {
            _ = try MarkdownExport.render(notes: selected, record: record, options: exportOptions)
        } catch {
            return BenchmarkResult(name: name, scale: scale, detail: "\(selected.count) notes to Markdown",
                                   outcome: .unavailable(error.description))
        }
        let measurement = Measurement.time(iterations: options.iterations(default: 5)) {
            _ = try? MarkdownExport.render(notes: selected, record: record, options: exportOptions)
        }
        return BenchmarkResult(name: name, scale: scale, detail: "\(selected.count) notes to Markdown",
                               outcome: .measured(measurement))
    }
}
