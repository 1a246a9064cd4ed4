#if canImport(Glibc)
import Glibc
#endif
import TravauxCore

/// The notes store at the size a seminar group reaches: loading it, seeing what changed,
/// saving a new note and an edit into it.
enum NoteBenchmarks {
    static func run(directory: String, notes: [Note], scale: Int, options: BenchOptions,
                    into results: inout [BenchmarkResult]) throws -> NoteCollection {
        let store = NoteStore(directory: directory)
        let detail = "\(notes.count) notes in the store"
        func add(_ name: String, _ measurement: Measurement) {
            results.append(BenchmarkResult(name: name, scale: scale, detail: detail, outcome: .measured(measurement)))
        }
        let heavy = options.iterations(default: notes.count >= 50_000 ? 5 : 20)
        if options.wants("notes.load") {
            add("notes.load", try Measurement.time(iterations: heavy, keeping: { try store.load() }))
        }
        if options.wants("notes.open") {
            add("notes.open", try measureOpen(store, iterations: heavy))
        }
        let loaded = try store.load()
        guard loaded.count == notes.count, loaded.problems.isEmpty else {
            throw BenchError("the synthetic store loaded \(loaded.count) of \(notes.count) notes: \(loaded.problems.prefix(3))")
        }
        if options.wants("notes.refresh") {
            add("notes.refresh", try Measurement.time(iterations: heavy) { _ = try store.refresh(loaded) })
        }
        let light = options.iterations(default: 50)
        var generator = SeededGenerator(seed: options.seed).derived("saves")
        if options.wants("notes.save-new") {
            add("notes.save-new", try Measurement.time(iterations: light) {
                let note = store.makeNote(target: NoteTarget(item: notes[0].target.item), body: SyntheticNotes.body(&generator),
                                          tags: ["seminar-question"], session: "seminar-41", author: "Zoë Martin")
                try store.save(note, base: nil)
            })
        }
        if options.wants("notes.save-edit") {
            var index = 0
            add("notes.save-edit", try Measurement.time(iterations: light) {
                guard let base = loaded.note(notes[index % notes.count].id) else { throw BenchError("a note vanished") }
                var edited = base
                edited.body += "\n\nLater: " + SyntheticText.sentence(60, using: &generator)
                try store.save(edited, base: base)
                index += 1
            })
        }
        return loaded
    }

    /// How the interface opens the store: from the cache alone when the directory is unchanged
    /// since the cache was written. The directory must have been still for the cache's margin
    /// (2 s) when its stamp is taken, so a store just written waits that long first.
    static func measureOpen(_ store: NoteStore, iterations: Int? = nil) throws -> Measurement {
        usleep(2_100_000)
        // The first loads record the directory's stamp in the cache.
        _ = try store.load(trustingCache: true)
        _ = try store.load(trustingCache: true)
        return try Measurement.time(iterations: iterations ?? 5, keeping: { try store.load(trustingCache: true) })
    }

    /// Loading and refreshing a store that is not the bench's own: nothing is written to it.
    static func runReadOnly(directory: String, scale: Int, options: BenchOptions, into results: inout [BenchmarkResult]) throws {
        let store = NoteStore(directory: directory)
        let loaded = try store.load()
        let detail = "\(loaded.count) notes in \(directory)"
        let iterations = options.iterations(default: 10)
        if options.wants("notes.load") {
            results.append(BenchmarkResult(name: "notes.load", scale: scale, detail: detail,
                                           outcome: .measured(try Measurement.time(iterations: iterations, keeping: { try store.load() }))))
        }
        if options.wants("notes.open") {
            results.append(BenchmarkResult(name: "notes.open", scale: scale, detail: detail,
                                           outcome: .measured(try measureOpen(store, iterations: iterations))))
        }
        if options.wants("notes.refresh") {
            results.append(BenchmarkResult(name: "notes.refresh", scale: scale, detail: detail,
                                           outcome: .measured(try Measurement.time(iterations: iterations) { _ = try store.refresh(loaded) })))
        }
    }
}
