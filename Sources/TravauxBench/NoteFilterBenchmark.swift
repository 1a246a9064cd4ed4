import TravauxCore
import TravauxTUI

/// Typing in the Notes pane's filter (`5`, then `/`) with the whole store loaded: the first
/// key, which folds every note's text, and each key after it, typed and then deleted.
enum NoteFilterBenchmark {
    static let first = "notes.filter-first"
    static let typing = "notes.filter-typing"
    static let tagTyping = "notes.filter-tag"
    /// The record's search (`/` in any pane), which lists the notes holding the words too.
    static let searchTyping = "notes.search-typing"
    static let word = "verification"
    /// A tag typed among the words: every note's tags are looked at on each key.
    static let tag = "#verification"

    static func run(notes: NoteCollection, record: Record, scale: Int, options: BenchOptions,
                    into results: inout [BenchmarkResult]) {
        var prompt = AppState(record: record, width: options.width, height: options.height)
        prompt.zone = NoteEventBenchmark.machineZone
        _ = Reducer.reduce(&prompt, .notesReloaded(notes))
        for key in ["5", "/"] { _ = Reducer.reduce(&prompt, .input(.key(.character(Character(key))))) }
        let detail = "'\(word)' typed, then deleted, in the Notes filter, \(notes.count) notes"
        let firstKey = KeyEvent.character(word.first ?? "v")
        if options.wants(first) {
            var state = prompt
            let measurement = Measurement.time(iterations: options.iterations(default: notes.count >= 50_000 ? 5 : 20),
                                               prepare: { state = prompt }) {
                Reducer.reduceAlone(&state, .key(firstKey))
                _ = Screen.render(state)
            }
            results.append(BenchmarkResult(name: first, scale: scale, detail: "the first key: every note folded, \(notes.count) notes",
                                           outcome: .measured(measurement)))
        }
        if options.wants(typing) {
            var typed = prompt
            Reducer.reduceAlone(&typed, .key(firstKey))
            let keys = word.dropFirst().map { KeyEvent.character($0) } + Array(repeating: KeyEvent.backspace, count: word.count - 1)
            // One pass at most, as a person types it: the filter keeps the answers it has seen.
            let iterations = min(keys.count, options.iterations(default: keys.count))
            let measurement = InterfaceBenchmarks.keystrokes(from: typed, iterations: iterations, keys: keys)
            results.append(BenchmarkResult(name: typing, scale: scale, detail: detail + ", per key", outcome: .measured(measurement)))
        }
        if options.wants(searchTyping) {
            var search = AppState(record: record, width: options.width, height: options.height)
            search.zone = NoteEventBenchmark.machineZone
            _ = Reducer.reduce(&search, .searchIndexReady(SearchIndex(record: record)))
            _ = Reducer.reduce(&search, .notesReloaded(notes))
            _ = Reducer.reduce(&search, .input(.key(.character("/"))))
            // The first key folds every note unless the fold begun by `/` is done; it is
            // `notes.filter-first`'s cost, so the keys after it are timed.
            Reducer.reduceAlone(&search, .key(firstKey))
            let keys = word.dropFirst().map { KeyEvent.character($0) } + Array(repeating: KeyEvent.backspace, count: word.count - 1)
            let measurement = InterfaceBenchmarks.keystrokes(from: search, iterations: min(keys.count, options.iterations(default: keys.count)),
                                                             keys: keys)
            results.append(BenchmarkResult(name: searchTyping, scale: scale,
                                           detail: "'\(word)' typed, then deleted, at the / prompt: the record and \(notes.count) notes, per key",
                                           outcome: .measured(measurement)))
        }
        if options.wants(tagTyping) {
            let keys = tag.map { KeyEvent.character($0) }
            let measurement = InterfaceBenchmarks.keystrokes(from: prompt, iterations: min(keys.count, options.iterations(default: keys.count)),
                                                             keys: keys)
            results.append(BenchmarkResult(name: tagTyping, scale: scale,
                                           detail: "'\(tag)' typed in the Notes filter, \(notes.count) notes, per key",
                                           outcome: .measured(measurement)))
        }
    }
}
