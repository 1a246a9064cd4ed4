#if canImport(Glibc)
import Glibc
#endif
import TravauxCore
import TravauxCurses
import TravauxTUI

/// The interface's run loop: draw, wait for input, reduce, perform the effects.
enum Interface {
    /// How long the loop waits for a key before a tick (autosave, other windows' notes).
    static let tickMilliseconds = 1000
    /// The longest typed text goes unsearched and undrawn while its keys keep coming.
    static let typingBurstMilliseconds = 100

    static func run(record: Record, store: NoteStore, session: String?, onePane: Bool, author: String,
                    recordSnapshot: PendingRecordSnapshot?, places: PlaceKeeping) throws -> InterfaceEnding {
        // A store this travaux cannot read (newer schema) is one clear line before the terminal
        // is taken; its notes are read after the first frame, on another thread.
        var store = store
        do { store.knownToExist = try store.checkReadable() } catch { throw CLIError(error.description) }
        // Said on stderr once the terminal is given back: a handout that failed as travaux quit,
        // a note whose draft could not be written. Every one is said.
        var farewell: [String] = []
        // Said too, but no warning: a note left as a draft is safe, and where to find it.
        var keptDraft = false
        // Said, not warned: a place not kept costs a few keys at the next start, nothing typed.
        var placeNotKept: String?
        defer {
            farewell.forEach(CLIOutput.warn)
            if let placeNotKept { CLIOutput.say("travaux: " + placeNotKept) }
            if keptDraft { CLIOutput.say("the note being written is kept as a draft: the next start offers it back (R resumes it)") }
        }
        var ending = InterfaceEnding()
        let terminal: TerminalSession
        do {
            terminal = try TerminalSession()
        } catch let error as TerminalError {
            throw CLIError(error.message)
        }
        defer { terminal.end() }
        let size = terminal.size
        var state = AppState(record: record, width: size.width, height: size.height,
                             session: session, author: author, onePane: onePane)
        state.notesLoading = true
        state.processID = getpid()
        state.processStart = NoteDraft.startOfProcess(state.processID)
        state.monochrome = terminal.colorCount == 0
        state.showsDim = terminal.showsDim
        // The place first: the drafts' message says the last window's session it restores.
        let placeProblem = places.restore(into: &state)
        state.offerRecoveredDrafts(store.abandonedDrafts())
        if state.message == nil { state.message = placeProblem }
        var frameCache = FrameCache()
        var frame = Canvas(width: 0, height: 0)
        Screen.render(state, into: &frame, cache: &frameCache)
        terminal.draw(recycling: &frame, cursor: Screen.cursor(state))
        // No note is listed before the notes are read, after the first frame: nor is the zone
        // their times are shown in read before it (a fraction of a millisecond).
        state.zone = CLIEnvironment.zone
        var runner = EffectRunner(store: store, terminal: terminal, author: author)
        // Work the first screen does not need comes after it is drawn, on other threads.
        var effects: [Effect] = [.buildSearchIndex]
        for action in runner.startReadingNotes() { effects += Reducer.reduce(&state, action) }
        // After the first frame, which must not wait for the temporary folder to be listed.
        // Texts rescued there for this store become drafts `R` resumes, where it can take them.
        let rescued = UnsavedNoteRescue.takeIntoDrafts(UnsavedNoteRescue.leftFiles(folder: CLIEnvironment.temporaryDirectory),
                                                       store: store, now: NoteClock.system.now())
        if !rescued.drafts.isEmpty { state.offerRecoveredDrafts(state.recoveredDrafts + rescued.drafts, rescued: rescued.drafts.count) }
        state.rescuedTextReminder = UnsavedNoteRescue.reminder(read: rescued.left, store: store.directory)
        if state.message == nil { state.message = state.rescuedTextReminder }
        if let recordSnapshot { runner.saveInBackground(recordSnapshot) }
        let clock = ContinuousClock()
        var lastTick = clock.now
        // A key read while text typed is owed its search, reduced before anything is drawn.
        var waitingKey: InputEvent?
        // When the first key of a burst of typed text came: the burst is drawn after at most
        // `typingBurstMilliseconds`, however long it goes on.
        var burstStart: ContinuousClock.Instant?
        while true {
            while !effects.isEmpty {
                let effect = effects.removeFirst()
                if effect == .quit {
                    // A handout being written is finished first, with a word on the screen.
                    if runner.isExporting {
                        Screen.render(state, into: &frame, cache: &frameCache)
                        terminal.draw(recycling: &frame, cursor: Screen.cursor(state))
                        for case .exportFinished(.failure(let error), _) in runner.finishExport() {
                            farewell.append(error.description)
                        }
                    }
                    ending.warned = !farewell.isEmpty
                    placeNotKept = places.keep(state.lastPlace)
                    // A signal that came while quitting still ends travaux as it would.
                    terminal.end()
                    ending.endedBy = ending.endedBy ?? terminal.terminationAtEnd
                    return ending
                }
                let outcome = runner.perform(effect, state: state)
                if case .saveDraft(let draft) = effect, effects.contains(.quit) {
                    if case .draftNotWritten(let reason)? = outcome.first {
                        // Nothing will show the failure once the loop ends: the text goes elsewhere.
                        let why = reason.hasPrefix(EffectRunner.draftFailure) ? String(reason.dropFirst(EffectRunner.draftFailure.count)) : reason
                        farewell.append(UnsavedNoteRescue.rescue(draft, reason: why, folder: CLIEnvironment.temporaryDirectory,
                                                                 store: store.directory))
                    } else {
                        keptDraft = !draft.body.allSatisfy(\.isWhitespace) || !draft.tags.isEmpty
                    }
                }
                for action in outcome {
                    effects += Reducer.reduce(&state, action)
                }
            }
            // Typed text searches once for the keys that came together (`TypingHandling`): a
            // key already waiting is reduced before the search runs and anything is drawn.
            if state.owesTypedSearch {
                let start = burstStart ?? clock.now
                burstStart = start
                if clock.now - start < .milliseconds(typingBurstMilliseconds) {
                    waitingKey = terminal.nextEvent(timeoutMilliseconds: 0)
                }
                if !waitingKey.isPresent {
                    burstStart = nil
                    effects += Reducer.reduce(&state, .typingPaused)
                    continue
                }
            } else {
                burstStart = nil
            }
            if !waitingKey.isPresent {
                Screen.render(state, into: &frame, cache: &frameCache)
                terminal.draw(recycling: &frame, cursor: Screen.cursor(state))
            }
            // With no key waiting, what the next key likely needs is done ahead; a key that
            // arrives meanwhile waits at most one item's layout (about 0.5 ms).
            var event = waitingKey
            waitingKey = nil
            if !event.isPresent, state.hasIdleWork {
                event = terminal.nextEvent(timeoutMilliseconds: 0)
                if !event.isPresent { _ = Reducer.reduce(&state, .idle) }
            }
            if !event.isPresent {
                event = terminal.nextEvent(timeoutMilliseconds: tickMilliseconds, wakeDescriptor: runner.wakeDescriptor)
            }
            let finished = terminal.wakeDescriptorReadable ? runner.finishedWork() : []
            for action in finished {
                guard case .notesReloaded = action else {
                    effects += Reducer.reduce(&state, action)
                    continue
                }
                // The notes read again replace the ones shown, which go on another thread:
                // letting go of 100,000 notes took 20–40 ms, with the next key waiting.
                let replaced = state.notes
                effects += Reducer.reduce(&state, action)
                runner.letGo(of: replaced)
            }
            if let event {
                if case .terminate(let signal) = event { ending.endedBy = signal }
                effects += Reducer.reduce(&state, .input(event))
                // Keys that never pause for a second held the tick off, and with it the drafts
                // written every few seconds of typing.
                if clock.now - lastTick >= .milliseconds(tickMilliseconds) {
                    lastTick = clock.now
                    effects += Reducer.reduce(&state, .tick(now: NoteClock.system.now(), typing: true))
                }
            } else if finished.isEmpty {
                lastTick = clock.now
                effects = Reducer.reduce(&state, .tick(now: NoteClock.system.now()))
            }
        }
    }
}
