import TravauxCore
import TravauxTUI

/// The interface without a terminal: the state and first frame, a whole frame, one key
/// (reduce, render, and the cells that changed), and search as you type.
enum InterfaceBenchmarks {
    static func run(record: Record, index: SearchIndex, scale: Int, options: BenchOptions,
                    into results: inout [BenchmarkResult]) {
        let (width, height) = (options.width, options.height)
        let size = "\(width)×\(height)"
        let iterations = options.iterations(default: 100)
        func add(_ name: String, _ detail: String, _ measurement: Measurement) {
            results.append(BenchmarkResult(name: name, scale: scale, detail: detail, outcome: .measured(measurement)))
        }
        if options.wants("ui.start") {
            add("ui.start", "state + first frame, \(size)", Measurement.time(iterations: options.iterations(default: 20)) {
                _ = Screen.render(AppState(record: record, width: width, height: height))
            })
        }
        var ready = AppState(record: record, width: width, height: height)
        _ = Reducer.reduce(&ready, .searchIndexReady(index))
        if options.wants("ui.frame") {
            add("ui.frame", "Screen.render, \(size)", Measurement.time(iterations: iterations) { _ = Screen.render(ready) })
        }
        if options.wants("ui.key") {
            add("ui.key", "j: reduce + render + changes", keystrokes(from: ready, iterations: iterations, keys: [.character("j")]))
        }
        if options.wants("ui.one-pane-key") {
            // The list alone (`z`): the same key without a reader to follow the selection.
            var onePane = AppState(record: record, width: width, height: height, onePane: true)
            _ = Reducer.reduce(&onePane, .searchIndexReady(index))
            add("ui.one-pane-key", "j with one pane: reduce + render + changes",
                keystrokes(from: onePane, iterations: iterations, keys: [.character("j")]))
        }
        if options.wants("ui.one-pane-in-view") {
            // j eight times, then k eight times, from the top, as the terminal benchmarks press
            // keys in runs: the list does not scroll, so the rows in view are the same rows as the
            // frame before, and the frame before last, drawn over, had the bar two rows away.
            var onePane = AppState(record: record, width: width, height: height, onePane: true)
            _ = Reducer.reduce(&onePane, .searchIndexReady(index))
            add("ui.one-pane-in-view", "8 j, 8 k with one pane, the list not scrolling",
                keystrokes(from: onePane, iterations: iterations, keys: keysInRuns, cycle: true))
        }
        if options.wants("ui.one-pane-after-pause") {
            // As ui.one-pane-in-view, with other work between keys, as a person types: the
            // caches and address translations the key finds are cold, as in the terminal.
            var onePane = AppState(record: record, width: width, height: height, onePane: true)
            _ = Reducer.reduce(&onePane, .searchIndexReady(index))
            var otherWork = [UInt8](repeating: 0, count: 64 << 20)
            var pass: UInt8 = 0
            add("ui.one-pane-after-pause", "as ui.one-pane-in-view, 64 MiB touched between keys",
                keystrokes(from: onePane, iterations: iterations, keys: keysInRuns, cycle: true) {
                    pass &+= 1
                    otherWork.withUnsafeMutableBytes { bytes in
                        for page in stride(from: 0, to: bytes.count, by: 64) { bytes[page] = pass }
                    }
                })
        }
        if options.wants("ui.search-typing") {
            var start = ready
            _ = Reducer.reduce(&start, .input(.key(.character("/"))))
            let typed = "confidence building"
            add("ui.search-typing", "'\(typed)' typed at the / prompt, per key",
                keystrokes(from: start, iterations: options.iterations(default: typed.count * 3), keys: typed.map { .character($0) }))
        }
        if options.wants("ui.search-results-key") {
            // The results of a search, gone through: every line drawn marks the words found.
            var results = ready
            for key in "/confidence building".map({ KeyEvent.character($0) }) + [.enter] {
                Reducer.reduceAlone(&results, .key(key))
            }
            add("ui.search-results-key", "8 j, 8 k through the results of 'confidence building', the words marked",
                keystrokes(from: results, iterations: iterations, keys: keysInRuns, cycle: true))
        }
    }

    /// Down eight rows and back up, a key at a time.
    static let keysInRuns: [KeyEvent] = Array(repeating: .character("j"), count: 8) + Array(repeating: .character("k"), count: 8)

    /// Times each key of `keys` in turn (reduce + render + diff with the previous frame), with
    /// the run loop's `.idle` and then `betweenKeys` between keys, untimed. When the keys run
    /// out, or a single key stops moving the cursor, it starts again from `initial`, untimed,
    /// unless the keys come back to where they started (`cycle`: as many k as j), and simply repeat.
    static func keystrokes(from initial: AppState, iterations: Int, keys: [KeyEvent], cycle: Bool = false,
                           betweenKeys: () -> Void = {}) -> Measurement {
        var state = initial
        var previous = Screen.render(state)
        var spare = Screen.render(state)
        var cache = FrameCache()
        var next = 0
        var changedCells = 0
        var spans: [ChangedSpan] = []
        let measurement = Measurement.time(iterations: iterations, warmup: 0, prepare: {
            let exhausted = keys.count == 1 ? state.currentCursor.selected == state.currentRows.count - 1 : next == keys.count
            if exhausted, !cycle {
                state = initial
                previous = Screen.render(state)
            }
            if exhausted || keys.count == 1 { next = 0 }
            // Between keys the run loop finds no input waiting and sends `.idle`, untimed
            // here as there: a key held down at 30 a second leaves 33 ms between keys.
            if state.hasIdleWork { _ = Reducer.reduce(&state, .idle) }
            betweenKeys()
        }) {
            Reducer.reduceAlone(&state, .key(keys[next]))
            // As the run loop does: the frame before last is rendered into, then the two swap.
            Screen.render(state, into: &spare, cache: &cache)
            spare.changedSpans(from: previous, into: &spans)   // into a kept array, as the terminal does
            for span in spans { changedCells += span.end - span.start }
            swap(&spare, &previous)
            next += 1
        }
        precondition(changedCells > 0, "the keys changed nothing on screen")
        return measurement
    }
}
