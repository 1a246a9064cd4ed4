#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import TravauxCore

/// Runs every wanted benchmark at every scale on a synthetic record and store written to a
/// scratch directory, so that the real load paths (files, JSON, validation) are measured.
public enum Bench {
    public static func run(_ options: BenchOptions, progress: (String) -> Void = { _ in }) throws -> BenchReport {
        var report = BenchReport(seed: options.seed, width: options.width, height: options.height)
        for scale in options.scales {
            let scratch = try ScratchDirectory(label: "\(scale)x")
            defer { scratch.remove() }
            var profile = RecordProfile.shipped.scaled(by: scale)
            profile.notes = options.notesPerScale * scale
            progress("\(scale)×: generating \(profile.items) items and \(profile.notes) notes")
            let synthetic = SyntheticRecord(profile: profile, seed: options.seed)
            let recordDirectory = try scratch.subdirectory("record")
            try synthetic.write(to: recordDirectory)

            progress("\(scale)×: record")
            let (record, index) = try RecordBenchmarks.run(directory: recordDirectory, cacheDirectory: scratch.path + "/cache",
                                                           scale: scale, options: options,
                                                           into: &report.results)
            if options.wantsGroup("search") {
                progress("\(scale)×: search")
                SearchBenchmarks.run(index: index, record: synthetic, scale: scale, options: options, into: &report.results)
            }
            if options.wantsGroup("ui") {
                progress("\(scale)×: interface")
                InterfaceBenchmarks.run(record: record, index: index, scale: scale, options: options, into: &report.results)
            }
            if options.wantsGroup("notes"), let existing = options.existingStore {
                progress("\(scale)×: notes in \(existing)")
                try NoteBenchmarks.runReadOnly(directory: existing, scale: scale, options: options, into: &report.results)
            } else if options.wantsGroup("notes") {
                let notes = SyntheticNotes.make(count: profile.notes, record: synthetic, seed: options.seed)
                let storeDirectory = scratch.path + "/notes"
                progress("\(scale)×: writing \(notes.count) notes")
                try SyntheticNotes.writeStore(notes, to: storeDirectory)
                progress("\(scale)×: notes")
                let loaded = try NoteBenchmarks.run(directory: storeDirectory, notes: notes, scale: scale, options: options,
                                                    into: &report.results)
                if [NoteFilterBenchmark.first, NoteFilterBenchmark.typing, NoteFilterBenchmark.tagTyping, NoteFilterBenchmark.searchTyping].contains(where: options.wants) {
                    NoteFilterBenchmark.run(notes: loaded, record: record, scale: scale, options: options, into: &report.results)
                }
                if NoteEventBenchmark.names.contains(where: options.wants) {
                    NoteEventBenchmark.run(notes: loaded, record: record, scale: scale, options: options, into: &report.results)
                }
                if options.wants(ExportBenchmark.name) {
                    report.results.append(ExportBenchmark.measureExport(notes: loaded, record: record, count: options.exportNotes,
                                                                        scale: scale, options: options))
                }
            }
            report.peakMemory.append((scale, PeakMemory.kibibytes()))
        }
        return report
    }

    /// Writes the synthetic record of `scale` into `directory` (for the terminal benchmarks).
    public static func writeRecord(scale: Int, seed: UInt64, to directory: String) throws -> RecordProfile {
        let profile = RecordProfile.shipped.scaled(by: scale)
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try SyntheticRecord(profile: profile, seed: seed).write(to: directory)
        return profile
    }

    /// Writes a store of `count` synthetic notes on the record of `scale` into `directory`.
    public static func writeStore(count: Int, scale: Int, seed: UInt64, to directory: String) throws {
        let synthetic = SyntheticRecord(profile: RecordProfile.shipped.scaled(by: scale), seed: seed)
        try SyntheticNotes.writeStore(SyntheticNotes.make(count: count, record: synthetic, seed: seed), to: directory)
    }
}
