#if canImport(Glibc)
import Glibc
#endif
import TravauxCore
import TravauxCurses
import TravauxTUI

/// Performs what the reducer asks for — the store, $EDITOR, the terminal — and turns the
/// outcome into actions for the reducer. The only place the interface has side effects.
struct EffectRunner {
    /// Known to exist once read or first saved to (`NoteStore.knownToExist`).
    private(set) var store: NoteStore
    let terminal: TerminalSession
    let author: String
    /// When to read the store again for other windows' notes, and this window's changes that
    /// a read coming back may lack.
    private var watch: StoreWatch
    /// Threads for the work the first frame does not wait for; nil if no pipe could be made
    /// (the work is then done on this thread, as it comes).
    private let background = BackgroundWork()
    private var indexing = false
    /// The notes are being folded for the Notes filter on another thread.
    private var foldingNoteText = false
    /// A handout is being written on another thread (`exportFinished` ends it).
    private(set) var isExporting = false
    /// The store is being read whole for the first time; until it is, there is nothing to refresh.
    private var readingNotes = false
    /// Whether the notes could be read at all; if not, the message said why, once.
    private var notesReadable = true
    /// The store's stamp when its first read failed: read again once it changes (the user
    /// mended it), not every second.
    private var unreadableStamp: Int64?
    /// The store's stamp when the last full read began: a change made during a read that
    /// failed is a reason to read again.
    private var readStartStamp: Int64?
    /// Notes written in place, which leave the directory's stamp as it was (nil where inotify
    /// cannot watch, or until the store's folder exists).
    private var inPlaceWrites: InPlaceWrites?
    /// A note was written in place and has not been read again yet (a read was under way).
    private var inPlaceWritePending = false
    /// The store's folder did not exist when the window opened: it is watched once it does.
    private var watchesInPlaceWhenMade: Bool
    /// Notes this window deleted, by id, with the fields another tool gave their files: `u`
    /// brings a note back through a save, which writes them again.
    private var deletions: [String: NoteStore.Deletion] = [:]

    init(store: NoteStore, terminal: TerminalSession, author: String) {
        self.store = store
        self.terminal = terminal
        self.author = author
        self.watch = StoreWatch(stamp: store.changeStamp)
        let inPlaceWrites = InPlaceWrites(directory: store.directory)
        self.inPlaceWrites = inPlaceWrites
        self.watchesInPlaceWhenMade = inPlaceWrites == nil && store.changeStamp == nil
    }

    /// Polled beside the terminal: readable when work on another thread has results.
    var wakeDescriptor: Int32? { background?.wakeDescriptor }

    /// Reads the notes store on another thread, after the first frame: from its cache alone
    /// when the directory is unchanged (a quick first look), then verifying every file.
    mutating func startReadingNotes() -> [Action] {
        let store = store
        readStartStamp = store.changeStamp
        _ = watch.beginRead(stamp: store.changeStamp, force: true)
        let read: @Sendable ((Action) -> Void) -> Void = { post in
            do throws(NoteStoreError) {
                // The tags are counted here, off the interface's thread (a tenth of a second at 100,000 notes).
                var quick = try store.load(trustingCache: true)
                quick.countTags()
                post(.notesReloaded(quick))
                if quick.unverified {
                    var verified = try store.load()
                    verified.countTags()
                    post(.notesReloaded(verified))
                }
            } catch {
                post(.notesUnreadable(error.description))
            }
        }
        readingNotes = true
        return runAside(read)
    }

    /// Runs `job` on another thread, or here when there is none: what it posted then comes
    /// back at once, as actions for the reducer.
    private mutating func runAside(_ job: @escaping @Sendable ((Action) -> Void) -> Void) -> [Action] {
        guard let background else {
            var actions: [Action] = []
            job { actions.append($0) }
            return finished(actions)
        }
        background.start(job)
        return []
    }

    /// Saves the record's snapshot for the next start, on another thread: at 100× the record
    /// it takes longer than a frame. Nothing waits for it, and a failure only means a slower start.
    func saveInBackground(_ snapshot: PendingRecordSnapshot) {
        guard let background else { snapshot.save(); return }
        background.start { _ in snapshot.save() }
    }

    /// Releases `notes` on another thread, when this is the last hold on them.
    func letGo(of notes: NoteCollection) {
        guard let background else { return }
        background.start { _ in withExtendedLifetime(notes) {} }
    }

    /// Results of work done on other threads since the last call, as actions for the reducer.
    mutating func finishedWork() -> [Action] {
        finished(background?.take() ?? [])
    }

    private mutating func finished(_ actions: [Action]) -> [Action] {
        var kept: [Action] = []
        for action in actions {
            switch action {
            case .notesReloaded(var notes) where watch.isReading:
                // A note saved here meanwhile would otherwise vanish until the next look.
                watch.replayChanges(on: &notes)
                // The first read's quick look from the cache comes first; the verified notes end it.
                if !(readingNotes && notes.unverified) {
                    readingNotes = false
                    watch.endRead()
                }
                kept.append(.notesReloaded(notes))
                continue
            case .notesUnreadable:
                notesReadable = false
                unreadableStamp = readStartStamp
                readingNotes = false
                watch.endRead()
            case .storeFailed where watch.isReading:
                readingNotes = false
                watch.endRead()
            case .searchIndexReady:
                indexing = false
            case .noteTextFolded:
                foldingNoteText = false
            case .exportFinished:
                isExporting = false
            default:
                break
            }
            kept.append(action)
        }
        return kept
    }

    mutating func perform(_ effect: Effect, state: AppState) -> [Action] {
        switch effect {
        case .quit:
            return []
        case .buildSearchIndex:
            guard state.searchIndex == nil, !indexing else { return [] }
            let record = state.record
            indexing = true
            return runAside { post in post(.searchIndexReady(SearchIndex(record: record))) }
        case .foldNoteText:
            guard !foldingNoteText else { return [] }
            let notes = state.notes, record = state.record
            foldingNoteText = true
            return runAside { post in post(.noteTextFolded(.folding(notes, record: record))) }
        case .redrawAll:
            terminal.forceRedraw()
            return []
        case .createNote(let target, let body, let tags, let session):
            let note = store.makeNote(target: target, body: body, tags: tags, session: session, author: author)
            return [save(note, base: nil)]
        case .saveNote(let note, let base, let merges):
            // `u` after `d` (ids are never reused): with the fields its file had beyond the note.
            let deletion = base == nil ? deletions.removeValue(forKey: note.id) : nil
            return [save(note, base: base, merges: merges, restoring: deletion)]
        case .respellTag(let respelling, let notes):
            var actions: [Action] = []
            var failure: String?
            // Re-spelled as each note is on disk now, so that an edit made meanwhile elsewhere
            // is kept, with the new spelling, rather than moved to a conflict copy.
            for note in notes {
                do {
                    let before = store.changeStamp
                    guard let edited = try store.modify(note.id, { respelling.respelled($0, at: NoteClock.system.now()) }) else { continue }
                    watch.wrote([.saved(edited)], before: before, after: store.changeStamp)
                    actions.append(.noteSaved(NoteStore.SaveOutcome(saved: edited)))
                } catch {
                    failure = error.description
                    break
                }
            }
            return actions + [.tagRespelled(respelling, count: actions.count, failure: failure)]
        case .deleteNote(let note):
            do {
                let before = store.changeStamp
                deletions[note.id] = try store.delete(note.id, base: note)
                watch.wrote([.deleted(note)], before: before, after: store.changeStamp)
                return [.noteDeleted(note)]
            } catch {
                return [.storeFailed("note not deleted: " + error.description, unsaved: nil)]
            }
        case .moveNote(let id, let target, let from):
            do {
                let before = store.changeStamp
                switch try store.move(id, to: target) {
                case .moved(let moved):
                    watch.wrote([.saved(moved)], before: before, after: store.changeStamp)
                    return [.noteMoved(moved, from: from)]
                case .alreadyThere: return []
                case .absent: return [.noteNotMoved(id: id)]
                }
            } catch {
                return [.storeFailed("note not moved: " + error.description, unsaved: nil)]
            }
        case .saveDraft(let draft):
            do { try store.saveDraft(Self.stamped(draft)) } catch { return [.draftNotWritten(Self.draftFailure + error.description)] }
            return []
        case .replaceDraft(let draft, let old):
            do {
                // Claimed, not copied: of two windows offering the same draft, one takes it.
                guard try store.claimDraft(old, as: Self.stamped(draft)) else { return [.draftTakenElsewhere(old)] }
            } catch {
                return [.draftNotWritten(Self.draftFailure + error.description + "; the draft resumed stays where it was")]
            }
            return []
        case .discardDraft(let draft):
            // A recovered draft keeps the id of the window that wrote it, so its file is the one removed.
            store.discardDraft(draft)
            return []
        case .refreshNotes:
            // One stat per tick; the directory is read only when a file appeared, changed or went,
            // and on another thread: listing 100,000 files takes about 0.2 s.
            if !notesReadable, !readingNotes, store.changeStamp != unreadableStamp {
                notesReadable = true
                return startReadingNotes()
            }
            let stamp = store.changeStamp
            // A store made since the window opened (its first note) is watched from then on.
            if watchesInPlaceWhenMade, stamp != nil {
                watchesInPlaceWhenMade = false
                inPlaceWrites = InPlaceWrites(directory: store.directory)
            }
            if inPlaceWrites?.noteWritten() == true { inPlaceWritePending = true }
            guard notesReadable, watch.beginRead(stamp: stamp, force: inPlaceWritePending) else { return [] }
            inPlaceWritePending = false
            let store = store, previous = state.notes
            return runAside { post in
                do throws(NoteStoreError) {
                    post(.notesReloaded(try store.refresh(previous)))
                } catch {
                    post(.storeFailed("notes not read again: " + error.description, unsaved: nil))
                }
            }
        case .exportNotes(let selection, let typed, let replace, let order):
            let path = ExportFile.expandingHome(typed, home: CLIEnvironment.variables["HOME"])
            // On another thread: 10,000 notes take about half a second, and keys are answered meanwhile.
            // A file or folder in the way is found here, so the question whether to replace a
            // file comes at once, and a missing folder is said before seconds of rendering.
            if let problem = ExportFile.problem(writing: path, replacing: replace) {
                return [.exportFinished(.failure(problem), path: path)]
            }
            let notes = state.notes, record = state.record, zone = state.zone
            isExporting = true
            return runAside { post in
                post(Self.export(selection, notes: notes, record: record, zone: zone, to: path, replacing: replace, order: order))
            }
        case .editExternally(let text):
            return [.externalEditFinished(ExternalEditor.edit(text, terminal: terminal, directory: store.directory))]
        case .copyToClipboard(let text, let label):
            let environment = CLIEnvironment.variables
            let routes = ClipboardRoute.routes(environment: environment, textBytes: text.utf8.count) {
                ClipboardDelivery.onPath($0, path: environment["PATH"])
            }
            // The terminal's sequence goes out here, on the thread that owns the terminal.
            let sent: [ClipboardRoute] = routes.contains(.terminal) ? [.terminal] : []
            if !sent.isEmpty { terminal.writeSequence(ClipboardRoute.terminalSequence(for: text)) }
            let characters = text.count
            guard routes.contains(where: { $0 != .terminal }) else {
                return [.copied(ClipboardReport(label: label, characters: characters, delivered: sent, failures: []))]
            }
            return runAside { post in
                let (delivered, failures) = ClipboardDelivery.deliver(text, routes: routes)
                post(.copied(ClipboardReport(label: label, characters: characters, delivered: delivered + sent, failures: failures)))
            }
        }
    }

    /// A draft with this process and the time filled in where the reducer left them out.
    private static func stamped(_ draft: NoteDraft) -> NoteDraft {
        var draft = draft
        if draft.pid == 0 { draft.pid = getpid() }
        if draft.isUnstamped { draft.saved = NoteClock.system.now().iso8601 }
        return draft
    }

    /// How a failed draft begins its message.
    static let draftFailure = "could not save a draft: "

    private static func export(_ selection: ExportSelection, notes: NoteCollection, record: Record, zone: LocalZone,
                               to path: String, replacing: Bool, order: ExportOrder) -> Action {
        let options = ExportOptions(selection: selection, date: NoteClock.system.now(), zone: zone, order: order)
        do {
            let text = try MarkdownExport.render(notes: notes, record: record, options: options)
            try ExportFile.write(text, to: path, replacing: replacing)
            let count = selection.count(in: notes, record: record, zone: zone)
            return .exportFinished(.success("exported \(count) note\(count == 1 ? "" : "s") to \(Self.inFull(path))"), path: path)
        } catch {
            return .exportFinished(.failure(error), path: path)
        }
    }

    /// A relative path from the working folder, said in full: the interface may have been
    /// started anywhere, and `exported … to travaux-notes.md` did not say where that is.
    private static func inFull(_ path: String) -> String {
        guard !path.hasPrefix("/"), let folder = getcwd(nil, 0) else { return path }
        defer { free(folder) }
        var relative = Substring(path)
        while relative.hasPrefix("./") { relative = relative.dropFirst(2) }
        let base = String(cString: folder)
        return (base == "/" ? "" : base) + "/" + relative
    }

    /// Waits for a handout still being written (on quitting), and returns what it posted.
    mutating func finishExport() -> [Action] {
        var actions: [Action] = []
        while isExporting, let wakeDescriptor {
            var descriptor = pollfd(fd: wakeDescriptor, events: Int16(POLLIN), revents: 0)
            _ = poll(&descriptor, 1, 1000)
            actions += finishedWork()
        }
        return actions
    }

    private mutating func save(_ note: Note, base: Note?, merges: Bool = true, restoring deletion: NoteStore.Deletion? = nil) -> Action {
        do {
            let before = store.changeStamp
            let outcome = try store.save(note, base: base, merges: merges, restoring: deletion)
            // Made by this save if it was not there: from now on it is not made again.
            store.knownToExist = true
            let changes: [StoreWatch.Change] = [.saved(outcome.saved)] + (outcome.conflictCopy.map { [.saved($0)] } ?? [])
            watch.wrote(changes, before: before, after: store.changeStamp)
            return .noteSaved(outcome)
        } catch {
            // Tried again (Ctrl-S on the text kept), it is still the note deleted.
            if let deletion { deletions[note.id] = deletion }
            return .storeFailed(error.description, unsaved: note)
        }
    }
}

