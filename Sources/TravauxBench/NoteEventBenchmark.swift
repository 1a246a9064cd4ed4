import TravauxCore
import TravauxTUI

/// What the interface does on its own thread when the store changes under it or a menu lists
/// the store: taking in a note just saved, taking in the store read again after another
/// window's save, and opening the tag filter's list, with the whole store loaded. Each ran in
/// the time of a key at 1× and was found slow at 100× by hand.
enum NoteEventBenchmark {
    static let noteSaved = "notes.interface-save"
    static let storeReread = "notes.interface-refresh"
    static let tagMenu = "notes.tag-menu"
    static let taggedNoteSaved = "notes.interface-save-tagged"
    static let names = [noteSaved, taggedNoteSaved, storeReread, tagMenu]
    /// The zone the interface lists notes in, as it reads it at start: with `TZ` set to a zone
    /// with summer time, each note's day is found among its changes.
    static var machineZone: LocalZone { LocalZone.system(now: NoteClock.system.now()) }

    static func run(notes: NoteCollection, record: Record, scale: Int, options: BenchOptions,
                    into results: inout [BenchmarkResult]) {
        var loaded = AppState(record: record, width: options.width, height: options.height)
        loaded.zone = machineZone
        _ = Reducer.reduce(&loaded, .notesReloaded(notes))
        let heavy = options.iterations(default: notes.count >= 50_000 ? 10 : 30)
        if options.wants(noteSaved), let first = notes.unordered.first {
            // The Notes pane, where a saved note changes the most: its rows, marks and reader.
            var notesPane = loaded
            _ = Reducer.reduce(&notesPane, .input(.key(.character("5"))))
            results.append(BenchmarkResult(name: noteSaved, scale: scale,
                                           detail: "a note just saved taken in, Notes pane, \(notes.count) notes",
                                           outcome: .measured(timeSave(of: first, from: notesPane, iterations: heavy))))
        }
        if options.wants(taggedNoteSaved), let first = notes.unordered.first(where: { !$0.tags.isEmpty }) {
            // The same with the tag filter (`f`, Tag) on one of the note's tags, as a seminar
            // keeps it while taking notes on one question: every list then shows only items
            // with a note so tagged, and a save may change which.
            var tagged = loaded
            tagged.filters.tag = TagFilter(name: first.tags[0], notes: notes)
            _ = Reducer.reduce(&tagged, .input(.key(.character("5"))))
            results.append(BenchmarkResult(name: taggedNoteSaved, scale: scale,
                                           detail: "the same, with the tag filter on #\(first.tags[0])",
                                           outcome: .measured(timeSave(of: first, from: tagged, iterations: heavy))))
        }
        if options.wants(storeReread), let first = notes.unordered.first {
            // The store read again on another thread with one note more, in the Timeline
            // where the interface opens: what the key after that read waits for.
            var reread = notes
            reread.countTags()   // as the interface's collection is, and a read again keeps it
            var added = first
            added.id = String(first.id.dropLast(4)) + "ZZZZ"
            added.body = "another window's note"
            reread.put(added)
            var state = loaded
            let measurement = Measurement.time(iterations: heavy, prepare: { state = loaded }) {
                _ = Reducer.reduce(&state, .notesReloaded(reread))
                _ = Screen.render(state)
            }
            results.append(BenchmarkResult(name: storeReread, scale: scale,
                                           detail: "the store read again taken in, Timeline, \(notes.count) notes",
                                           outcome: .measured(measurement)))
        }
        if options.wants(tagMenu) {
            var menu = loaded
            // f, then down to "Tag" in the filter menu.
            _ = Reducer.reduce(&menu, .input(.key(.character("f"))))
            for _ in 0..<3 { _ = Reducer.reduce(&menu, .input(.key(.character("j")))) }
            var state = menu
            let measurement = Measurement.time(iterations: heavy, prepare: { state = menu }) {
                _ = Reducer.reduce(&state, .input(.key(.enter)))
                _ = Screen.render(state)
            }
            results.append(BenchmarkResult(name: tagMenu, scale: scale,
                                           detail: "the tag filter's list opened (f, Tag), \(notes.count) notes",
                                           outcome: .measured(measurement)))
        }
    }

    /// Times `note` saved again and again (its body a little longer each time) in `base`: the
    /// reduce of `noteSaved` and the frame after it.
    private static func timeSave(of note: Note, from base: AppState, iterations: Int) -> Measurement {
        var state = base
        var counter = 0
        // The interface's state is the only holder of its notes and rows, which a save changes
        // in place; a copy of the state shares them, so they are made its own before timing.
        return Measurement.time(iterations: iterations, prepare: {
            state = base
            state.notes.put(note)
            state.rows[.notes]?.append(.heading(""))
            state.rows[.notes]?.removeLast()
        }) {
            var edited = note
            edited.body += " \(counter)"
            counter += 1
            _ = Reducer.reduce(&state, .noteSaved(NoteStore.SaveOutcome(saved: edited, conflictCopy: nil)))
            _ = Screen.render(state)
        }
    }
}
