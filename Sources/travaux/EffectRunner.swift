#if canImport(Glibc)
import Glibc
#endif
import TravauxCore
import TravauxCurses
import TravauxTUI

/// Performs what the reducer asks for — the store, $EDITOR, the terminal — and turns the
/// outcome into actions for the reducer. The only place the interface has side effects.
struct EffectRunner {
    let store: NoteStore
    let terminal: TerminalSession
    let author: String
    /// When the store directory last changed, to skip a rescan when nothing happened.
    private var lastSeenChange: Int64?

    init(store: NoteStore, terminal: TerminalSession, author: String) {
        self.store = store
        self.terminal = terminal
        self.author = author
        self.lastSeenChange = store.changeStamp
    }

    mutating func perform(_ effect: Effect, state: AppState) -> [Action] {
        switch effect {
        case .quit:
            return []
        case .buildSearchIndex:
            return state.searchIndex == nil ? [.searchIndexReady(SearchIndex(record: state.record))] : []
        case .redrawAll:
            terminal.forceRedraw()
            return []
        case .createNote(let target, let body, let tags, let session):
            let note = store.makeNote(target: target, body: body, tags: tags, session: session, author: author)
            return [save(note, base: nil)]
        case .saveNote(let note, let base):
            return [save(note, base: base)]
        case .deleteNote(let note):
            do {
                try store.delete(note.id, base: note)
                lastSeenChange = store.changeStamp
                return [.noteDeleted(note)]
            } catch {
                return [.storeFailed(error.description, unsaved: nil)]
            }
        case .saveDraft(var draft):
            if draft.pid == 0 { draft.pid = getpid() }
            if draft.saved.hasPrefix("1970") { draft.saved = NoteClock.system.now().iso8601 }
            do { try store.saveDraft(draft) } catch { return [.storeFailed("could not save a draft: " + error.description, unsaved: nil)] }
            return []
        case .discardDraft(let draft):
            // A recovered draft keeps the id of the window that wrote it, so its file is the one removed.
            store.discardDraft(draft)
            return []
        case .refreshNotes:
            // One stat per tick; the directory is read only when a file appeared, changed or went.
            let now = store.changeStamp
            guard now != lastSeenChange else { return [] }
            lastSeenChange = now
            do {
                return [.notesReloaded(try store.refresh(state.notes))]
            } catch {
                return [.storeFailed(error.description, unsaved: nil)]
            }
        case .exportNotes(let selection, let path, let replace):
            let options = ExportOptions(selection: selection, date: NoteClock.system.now())
            do {
                let text = try MarkdownExport.render(notes: state.notes, record: state.record, options: options)
                try ExportFile.write(text, to: path, replacing: replace)
                let count = selection.apply(to: state.notes, record: state.record).count
                return [.exportFinished(.success("exported \(count) note\(count == 1 ? "" : "s") to \(path)"), path: path)]
            } catch {
                return [.exportFinished(.failure(error), path: path)]
            }
        case .editExternally(let text):
            return [.externalEditFinished(ExternalEditor.edit(text, terminal: terminal, directory: store.directory))]
        }
    }

    private mutating func save(_ note: Note, base: Note?) -> Action {
        do {
            let outcome = try store.save(note, base: base)
            lastSeenChange = store.changeStamp
            return .noteSaved(outcome)
        } catch {
            return .storeFailed("note not saved: " + error.description + " (your text is back in the editor)", unsaved: note)
        }
    }
}

