import ArgumentParser
import TravauxBench
#if canImport(Glibc)
import Glibc
#endif

/// `travaux-bench`: speed and memory at 1×, 10× and 100× the shipped record, in release:
/// `swift run -c release travaux-bench`. See docs/performance.md.
@main
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "travaux-bench",
        abstract: "Measures travaux on synthetic records and stores at several scales of the shipped record.",
        discussion: "Prints median, p90 and iterations per benchmark, and peak memory. Build with -c release for real figures.")

    @Option(help: ArgumentHelp("Scales of the shipped record, comma-separated.", valueName: "1,10,100"))
    var scale = "1,10,100"

    @Option(help: "Iterations of every benchmark (default: each one's own).")
    var iterations: Int?

    @Option(help: ArgumentHelp("Only benchmarks whose names start with one of these, comma-separated (record, search.word, notes.save).", valueName: "name"))
    var only: String?

    @Option(help: "Notes in the store at 1× (scaled with the record; 1000 makes 100,000 at 100×).")
    var notesPerScale = 1_000

    @Option(help: "Notes exported at once.")
    var exportNotes = 10_000

    @Option(help: ArgumentHelp("Time loading and refreshing this existing notes store (read only) instead of a synthetic one.", valueName: "dir"))
    var notesStore: String?

    @Option(help: "The seed of the synthetic data.")
    var seed: UInt64 = 2015

    @Flag(help: "Print the results as JSON.")
    var json = false

    @Option(help: ArgumentHelp("Write the synthetic record of the first --scale to this directory and stop.", valueName: "dir"))
    var writeRecord: String?

    @Option(help: ArgumentHelp("Write a synthetic notes store (--notes-per-scale × the first --scale notes) to this directory and stop.", valueName: "dir"))
    var writeStore: String?

    func run() throws {
        let scales = try scale.split(separator: ",").map { text -> Int in
            guard let value = Int(text.trimmingCharacters(in: " ")), value > 0 else {
                throw ValidationError("--scale takes whole numbers above 0, such as 1,10,100")
            }
            return value
        }
        guard let first = scales.first else { throw ValidationError("--scale needs at least one scale") }
        if writeRecord != nil || writeStore != nil {
            if let directory = writeRecord {
                let profile = try Bench.writeRecord(scale: first, seed: seed, to: directory)
                print("wrote a \(first)× record (\(profile.items) items) to \(directory)")
            }
            if let directory = writeStore {
                let count = notesPerScale * first
                try Bench.writeStore(count: count, scale: first, seed: seed, to: directory)
                print("wrote \(count) notes to \(directory)")
            }
            return
        }
        var options = BenchOptions()
        options.scales = scales
        options.iterations = iterations
        options.only = only.map { $0.split(separator: ",").map(String.init) } ?? []
        options.notesPerScale = notesPerScale
        options.exportNotes = exportNotes
        options.seed = seed
        options.existingStore = notesStore
        let report = try Bench.run(options) { message in
            if !json { Self.note("… \(message)") }
        }
        print(json ? report.json.text : report.table, terminator: "")
    }
}

extension BenchCommand {
    /// Progress on stderr, so that stdout holds only the table or the JSON.
    static func note(_ line: String) {
        let bytes = Array((line + "\n").utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(STDERR_FILENO, $0.baseAddress, $0.count) }
            if written <= 0 { return }
            offset += written
        }
    }
}

extension Substring {
    func trimmingCharacters(in set: String) -> String {
        String(drop { set.contains($0) }.reversed().drop { set.contains($0) }.reversed())
    }
}
