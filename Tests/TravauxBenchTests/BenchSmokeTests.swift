import Testing
import TravauxBench
import TravauxCore

/// The benchmarks run here once, small, so they cannot rot. Nothing here looks at a time.
@Suite("The benchmarks")
struct BenchSmokeTests {
    static let expected = [
        "record.decode", "record.build", "record.validate", "record.load", "record.snapshot-save", "record.snapshot",
        "record.index", "record.load+index",
        "search.symbol", "search.word", "search.prefix", "search.phrase", "search.words", "search.first-letter", "search.symbol-start", "search.plural", "search.spellings", "search.date",
        "ui.start", "ui.frame", "ui.key", "ui.one-pane-key", "ui.one-pane-in-view", "ui.one-pane-after-pause", "ui.search-typing", "ui.search-results-key",
        "notes.load", "notes.open", "notes.refresh", "notes.save-new", "notes.save-edit",
        "notes.filter-first", "notes.filter-typing", "notes.search-typing", "notes.filter-tag", "notes.interface-save", "notes.interface-save-tagged", "notes.interface-refresh", "notes.tag-menu", "notes.export-markdown",
    ]

    @Test("run at 1× with one iteration and report every benchmark, as a table and as JSON")
    func smoke() throws {
        var options = BenchOptions()
        options.scales = [1]
        options.iterations = 1
        options.notesPerScale = 50
        options.exportNotes = 20
        let report = try Bench.run(options)
        #expect(report.results.map(\.name) == Self.expected)
        for result in report.results where result.name != "notes.export-markdown" {
            #expect(result.measurement?.iterations == 1, "\(result.name)")
        }
        #expect(report.peakMemory.count == 1)
        #expect(report.table.contains("ui.key"))
        #expect(report.json.text.contains("\"median_ms\""))
    }

    @Test("the export benchmark renders the chosen notes to Markdown and reports a time")
    func exportMarkdown() throws {
        var options = BenchOptions()
        options.scales = [1]
        options.iterations = 1
        options.notesPerScale = 10
        options.only = ["notes.export"]
        let report = try Bench.run(options)
        let export = try #require(report.results.first { $0.name == "notes.export-markdown" })
        #expect(export.measurement?.samples.count == 1)
        #expect(export.detail == "10 notes to Markdown")
        #expect(!report.json.text.contains("\"available\": false"))
    }

    @Test("--only runs just the benchmarks named")
    func only() throws {
        var options = BenchOptions()
        options.scales = [1]
        options.iterations = 1
        options.only = ["search.word", "record.validate"]
        let report = try Bench.run(options)
        #expect(report.results.map(\.name) == ["record.validate", "search.word"])
    }

    @Test("the synthetic record is the same for the same seed, and has accents and CJK")
    func deterministic() {
        let profile = RecordProfile.shipped.scaled(by: 1)
        let first = SyntheticRecord(profile: profile, seed: 7)
        let again = SyntheticRecord(profile: profile, seed: 7)
        let other = SyntheticRecord(profile: profile, seed: 8)
        #expect(first.files == again.files)
        #expect(first.files != other.files)
        let events = first.files[ItemKind.event.fileName]?.text ?? ""
        #expect(events.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) })
        #expect(events.unicodeScalars.contains { (0xC0...0x17F).contains($0.value) })
        #expect(first.ids[.event]?.count == profile.events)
    }

    @Test("a table lines up its columns")
    func table() {
        var report = BenchReport(seed: 1, width: 200, height: 60)
        report.results = [BenchmarkResult(name: "search.word", scale: 100, detail: "word",
                                          outcome: .measured(Measurement(samples: [1.5, 0.5, 2.5])))]
        let lines = report.table.split(separator: "\n")
        #expect(lines[0].hasPrefix("benchmark"))
        #expect(lines[2].contains("1.50") && lines[2].contains("2.50") && lines[2].contains("100×"))
    }
}
