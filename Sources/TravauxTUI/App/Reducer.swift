import TravauxCore

/// The interface's one place of change: an action and the state in, the new state and the
/// effects for the run loop out. Pure, so key sequences are tested without a terminal.
public enum Reducer {
    public static func reduce(_ state: inout AppState, _ action: Action) -> [Effect] {
        let effects = apply(&state, action)
        // Whatever opened, resized or refilled the editor, its cursor stays in the box.
        if var editor = state.editor {
            let layout = EditorLayout(state)
            editor.body.reveal(width: layout.bodyWidth, height: layout.bodyHeight)
            if editor.body.scroll != state.editor?.body.scroll { state.editor = editor }
        }
        return effects
    }

    /// An input event as the run loop reduces one that no other key follows at once: then
    /// `typingPaused`, should it owe a search (`TypingHandling`). For tests and benchmarks
    /// that press keys one by one.
    @discardableResult
    public static func reduceAlone(_ state: inout AppState, _ event: InputEvent) -> [Effect] {
        var effects = reduce(&state, .input(event))
        if state.owesTypedSearch { effects += reduce(&state, .typingPaused) }
        return effects
    }

    private static func apply(_ state: inout AppState, _ action: Action) -> [Effect] {
        // Whatever is not more typing sees the results of what was typed.
        if state.typingOwed != nil, !TypingHandling.continuesTyping(action) { TypingHandling.apply(&state) }
        switch action {
        case .idle:
            state.layOutNeighbours()
            return []
        case .input(.key), .input(.mouse), .command:
            // A message stays until the user acts: a report from another thread, or the
            // once-a-second tick, must not wipe "exported 2 notes" before it is read.
            state.message = nil
        default:
            break
        }
        switch action {
        case .idle:
            return []   // handled above
        case .typingPaused:
            return []   // the owed search ran above
        case .input(.resize(let width, let height)):
            resize(&state, width: width, height: height)
            return []
        case .input(.terminate(let signal)):
            return terminate(&state, signal)
        case .input(.key(.control("c"))):
            // The terminal hands Ctrl-C over as an interrupt (`TerminalSession`); a front end
            // that reads it as a key takes the same one path, wherever the keyboard is.
            return terminate(&state, .interrupt)
        case .input(.key(let key)):
            return handleKey(&state, key)
        case .input(.mouse(let event)):
            return MouseHandling.handle(&state, event)
        case .command(let command):
            return perform(&state, command)
        case .searchIndexReady(let index):
            state.searchIndex = index
            if state.search.isPresent { SearchHandling.runQuery(&state) }
            return []
        case .noteTextFolded(let texts):
            // A key typed meanwhile folded the notes itself; whichever came first is kept, and
            // every entry is checked against its note before use, so neither can be stale.
            // Folded for the notes as they are now, it replaces what came before it.
            let first = state.noteText.count == 0
            if first || texts.revision == state.notes.revision { state.noteText = texts }
            // The notes were read again while they were folded (the store's quick first look
            // from its cache, then its verified read, in another order): folded once more, on
            // another thread, rather than by the first key of the first search (0.5 s at
            // 100,000 notes).
            if first, texts.revision != state.notes.revision, state.notes.count >= AppState.foldAheadNotes {
                return [.foldNoteText]
            }
            return []
        case .tick, .notesReloaded, .notesUnreadable, .noteSaved, .noteDeleted, .noteMoved, .noteNotMoved, .storeFailed, .draftNotWritten, .draftTakenElsewhere, .externalEditFinished, .exportFinished, .tagRespelled:
            return NoteHandling.handleResult(&state, action)
        case .copied(let report):
            state.message = report.message
            return []
        }
    }

    /// Quits, the note being typed saved as a draft first (SIGHUP, SIGTERM, Ctrl-C).
    /// A terminating signal, Ctrl-C's interrupt among them. Ctrl-C is also a reflex (copy,
    /// "stop that"): on unsaved text it asks first, as Esc does, rather than leave the
    /// seminar's note-taking at once; anywhere else it quits.
    private static func terminate(_ state: inout AppState, _ signal: TerminationSignal) -> [Effect] {
        if signal == .interrupt, var editor = state.editor, editor.isDirty, !editor.confirmingQuit {
            editor.confirmingQuit = true
            state.editor = editor
            // Where drafts could not be written, quitting puts the text in the temporary folder.
            let kept = state.draftsUnwritten ? "keeps it (as a draft, or in a file in the temporary folder if drafts still cannot be written)"
                                             : "keeps it as a draft"
            state.message = "unsaved note: Ctrl-C again quits and \(kept); Ctrl-S saves it, any other key goes on editing"
            return []
        }
        return quitKeepingDraft(state)
    }

    static func quitKeepingDraft(_ state: AppState) -> [Effect] {
        guard let editor = state.editor else { return [.quit] }
        return [.saveDraft(editor.draft(pid: state.processID, processStart: state.processStart, at: NoteDraft.unstampedTime)), .quit]
    }

    static func resize(_ state: inout AppState, width: Int, height: Int) {
        state.width = max(0, width)
        state.height = max(0, height)
        let viewport = state.listViewport
        for pane in Pane.allCases {
            guard var cursor = state.cursors[pane] else { continue }
            cursor.reveal(in: state.rows[pane] ?? [], viewport: viewport)
            state.cursors[pane] = cursor
        }
        state.relayoutReader()
        ComparisonHandling.relayout(&state)
        if var reader = state.reader, let layout = reader.layout {
            let viewport = state.readerViewport
            reader.scroll = min(reader.scroll, max(0, layout.lines.count - viewport))
            // A shorter screen can leave the selected link below it; Enter must act on what is seen.
            if let selected = reader.selectedLink, layout.links.indices.contains(selected),
               !isVisible(layout.links[selected], scroll: reader.scroll, viewport: viewport),
               let line = layout.links[selected].segments.first?.line {
                reveal(line: line, in: &reader, viewport: viewport)
            }
            state.reader = reader
        }
        state.revealSelectedNote()
    }

    static func handleKey(_ state: inout AppState, _ key: KeyEvent) -> [Effect] {
        // "Terminal too small" hides everything: no key may act on what cannot be seen (a `d`
        // would delete a note unseen, an open editor would take the `q` as text). `q` quits
        // as the screen says, keeping an open note as a draft; Ctrl-L repaints.
        if state.isTooSmall {
            switch key {
            case .character("q"):
                return quitKeepingDraft(state)
            case .control("l"):
                return [.redrawAll]
            default:
                return []
            }
        }
        // The help opened over the note (F1) takes the keys until it closes.
        if state.overlay.isPresent { return OverlayHandling.handleKey(&state, key) }
        if state.editor.isPresent { return EditorHandling.handleKey(&state, key) }
        if state.prompt.isPresent { return PromptHandling.handleKey(&state, key) }
        if state.search?.editing == true { return SearchHandling.handlePromptKey(&state, key) }
        let context = state.keyContext
        guard let command = state.keymap.command(for: key, in: context) else {
            if case .character(let c) = key {
                state.message = "'\(c)' does nothing here; press ? for help"
            } else if context == .comparison, key == .tab || key == .backTab || key == .enter {
                // Keys that follow a footnote in the reader: where that is done from here.
                state.message = "footnotes are followed from the reader: Esc closes the comparison, then Tab to a marker"
            }
            return []
        }
        return perform(&state, command)
    }

    public static func perform(_ state: inout AppState, _ command: Command) -> [Effect] {
        if state.comparison.isPresent, let effects = ComparisonHandling.perform(&state, command) { return effects }
        let page = max(1, state.bodyHeight - 1)
        switch command {
        case .moveDown: move(&state, by: 1)
        case .moveUp: move(&state, by: -1)
        case .pageDown: move(&state, by: page)
        case .pageUp: move(&state, by: -page)
        case .halfPageDown: move(&state, by: max(1, page / 2))
        case .halfPageUp: move(&state, by: -max(1, page / 2))
        case .top: move(&state, by: Int.min / 2)
        case .nextGroup: jumpGroup(&state, forward: true)
        case .previousGroup: jumpGroup(&state, forward: false)
        case .bottom: move(&state, by: Int.max / 2)
        case .open: open(&state)
        case .back: back(&state)
        case .nextPane, .previousPane:
            // The results of an open search are a pane too, last, as their tab is drawn.
            let panes = Pane.browsable + (state.search.isPresent ? [.search] : [])
            let current = panes.firstIndex(of: state.pane) ?? 0
            let step = command == .nextPane ? 1 : panes.count - 1
            switchPane(&state, to: panes[(current + step) % panes.count])
        case .timeline: switchPane(&state, to: .timeline)
        case .proposals: switchPane(&state, to: .proposals)
        case .sources: switchPane(&state, to: .sources)
        case .themes: switchPane(&state, to: .themes)
        case .notes: switchPane(&state, to: .notes)
        case .zoom: zoom(&state)
        case .exportNotes, .annotate, .editNote, .editExternally, .editTags, .deleteNote, .undoDelete, .setSession, .resumeDraft, .filterNotesText,
             .moveNote, .orderNotes:
            return NoteHandling.perform(&state, command)
        case .saveNote, .cancelEdit, .switchField, .cycleTarget, .undoEdit, .redoEdit, .externalEditor:
            break   // only in the editor, which handles them itself
        case .nextLink: stepLink(&state, forward: true)
        case .previousLink: stepLink(&state, forward: false)
        case .search:
            return SearchHandling.start(&state)
        case .nextMatch: SearchHandling.stepMatch(&state, forward: true)
        case .previousMatch: SearchHandling.stepMatch(&state, forward: false)
        case .filter: state.overlay = .filter(FilterMenu())
        case .clearFilters:
            // Said, as what was cleared, since the other panes' filters are not in sight.
            var cleared = state.filters.isEmpty ? [] : [state.filters.summary(in: state.record)]
            if let session = state.noteFilter.session { cleared.append("session: " + session) }
            if state.noteFilter.withoutSession { cleared.append("session: none") }
            if !state.noteFilter.text.isEmpty { cleared.append("words: " + state.noteFilter.text) }
            state.noteFilter = NoteFilter()
            applyFilters(&state, RecordFilter())
            state.message = cleared.isEmpty ? "no filters to clear; f sets them" : "filters cleared (" + cleared.joined(separator: " · ") + ")"
        case .compare: ComparisonHandling.open(&state)
        case .earlierFrom, .laterFrom, .earlierTo, .laterTo: state.message = "press c on a proposal to compare its versions"
        case .help: state.overlay = .help(scroll: HelpOverlay.openingScroll(state))
        case .copy: CopyHandling.open(&state)
        case .quit:
            // The run loop lets a handout being written finish before it ends.
            if let writing = state.exportingTo { state.message = "finishing \(writing) before quitting…" }
            return [.quit]
        case .redraw: return [.redrawAll]
        }
        return []
    }

    // MARK: moving

    static func move(_ state: inout AppState, by delta: Int) {
        if state.focus == .reader && state.showsReader {
            scrollReader(&state, by: delta)
            return
        }
        var cursor = state.currentCursor
        cursor.move(by: delta, in: state.currentRows, viewport: state.listViewport)
        state.cursors[state.pane] = cursor
        state.syncReader()
    }

    /// `}` and `{`: the first item of the next group; the first of the selection's own group,
    /// or, from there, of the group before (a year of the Timeline, a day of the Notes), its
    /// heading in sight: a long list is crossed by its headings, as `}` and `{` cross
    /// paragraphs in vi and less.
    static func jumpGroup(_ state: inout AppState, forward: Bool) {
        let rows = state.currentRows
        var cursor = state.currentCursor
        guard let selected = cursor.selected, rows.indices.contains(selected) else { return }
        let headings = rows.indices.filter { rows[$0].isHeading }
        // The heading of the selection's group, and the one to go to.
        let own = headings.last { $0 < selected }
        let target: Int?
        if forward {
            target = headings.first { $0 > selected }
        } else if let current = own, let first = rows[(current + 1)...].firstIndex(where: { !$0.isHeading }), first < selected {
            target = current
        } else {
            target = own.flatMap { current in headings.last { $0 < current } }
        }
        guard let heading = target, let first = rows[(heading + 1)...].firstIndex(where: { !$0.isHeading }) else {
            state.message = forward ? "no group after this one" : "no group before this one"
            return
        }
        cursor.select(first, in: rows, viewport: state.listViewport)
        if cursor.offset > heading { cursor.offset = heading }
        state.cursors[state.pane] = cursor
        state.syncReader()
    }

    static func scrollReader(_ state: inout AppState, by delta: Int) {
        guard var reader = state.reader, let layout = reader.layout else { return }
        let maxScroll = max(0, layout.lines.count - state.readerViewport)
        let target = delta > 0 ? min(maxScroll, reader.scroll &+ delta) : max(0, reader.scroll &+ delta)
        reader.scroll = max(0, min(maxScroll, target))
        // A selected link scrolled out of sight is no longer the one Enter follows.
        if let selected = reader.selectedLink, layout.links.indices.contains(selected),
           !isVisible(layout.links[selected], scroll: reader.scroll, viewport: state.readerViewport) {
            reader.selectedLink = nil
        }
        state.reader = reader
    }

    static func isVisible(_ link: ReaderLayout.Link, scroll: Int, viewport: Int) -> Bool {
        link.segments.contains { $0.line >= scroll && $0.line < scroll + viewport }
    }

    static func switchPane(_ state: inout AppState, to pane: Pane) {
        if pane != state.pane { state.readerPositions[state.pane] = state.reader }
        state.pane = pane
        state.focus = .list
        if state.cursors[pane]?.selected == nil {
            var cursor = ListCursor()
            cursor.move(by: 0, in: state.rows[pane] ?? [], viewport: state.listViewport)
            state.cursors[pane] = cursor
        }
        if let selected = state.selectedItemID, state.reader?.itemID == selected {
            // The same item read from another pane: as this pane left it, or from its top.
            let kept = state.readerPositions[pane]
            state.reader = kept?.itemID == selected ? kept : ReaderState(itemID: selected)
        }
        state.syncReader()
    }

    /// One pane at a time on a wide screen, or both again. The narrow layout already takes turns.
    static func zoom(_ state: inout AppState) {
        guard state.isWide else {
            state.message = "below \(AppState.wideWidth) columns the list and the reader already take turns"
            return
        }
        state.onePane.toggle()
        state.relayoutReader()
        state.revealSelectedNote()   // laid out at another width: the note is at another line
        state.message = state.onePane
            ? (state.focus == .list ? "one pane: Enter opens the reader, Esc comes back, z shows both" : "one pane: Esc goes back to the list, z shows both")
            : nil
    }

    // MARK: opening and going back

    static var emptyHistoryMessage: String { "nothing to go back to" }

    static func location(of state: AppState) -> Location {
        Location(pane: state.pane, focus: state.focus, cursor: state.currentCursor, reader: state.reader)
    }

    static func open(_ state: inout AppState) {
        if state.focus == .reader && state.showsReader {
            guard let reader = state.reader, let layout = reader.layout else { return }
            guard let selected = reader.selectedLink, layout.links.indices.contains(selected) else {
                state.message = "select a link or footnote with Tab first"
                return
            }
            follow(&state, layout.links[selected].target)
            return
        }
        guard let id = state.selectedItemID else { return }
        let noteID = state.selectedRowNoteID
        state.history.append(location(of: state))
        state.focus = .reader
        if state.reader?.itemID != id { state.reader = ReaderState(itemID: id) }
        state.relayoutReader()
        // A note opened from its row (on a narrow screen the reader was not beside the list
        // to show it already) opens at its marker, not at the top of its item.
        if let noteID { state.revealNote(noteID) }
    }

    /// Follows a link of the reader: an item opens in the reader, a ✎ note in the editor.
    static func follow(_ state: inout AppState, _ target: String) {
        if let note = state.notes.note(target) {
            NoteHandling.openEditor(&state, on: note)
        } else {
            openItem(&state, target)
        }
    }

    /// Opens any item in the reader, remembering where we were.
    public static func openItem(_ state: inout AppState, _ id: String) {
        guard state.record.item(id) != nil else {
            state.message = "no item '\(id)'"
            return
        }
        state.history.append(location(of: state))
        state.focus = .reader
        state.reader = ReaderState(itemID: id)
        state.relayoutReader()
    }

    static func back(_ state: inout AppState) {
        // From the results list, back closes the search, whatever was opened before it.
        if state.pane == .search, state.focus == .list {
            SearchHandling.close(&state)
            return
        }
        // Each pane goes back through its own places: a reader opened in Proposals is not
        // where `Esc` in the Timeline's list leads (it switched panes).
        if let index = state.history.lastIndex(where: { $0.pane == state.pane }) {
            restore(&state, state.history.remove(at: index))
            return
        }
        if state.focus == .reader {
            state.focus = .list
            state.syncReader()
        } else if state.pane == .search {
            SearchHandling.close(&state)
        } else if state.search != nil {
            // Its tab and words stay on every pane until closed; here, with nowhere to go back to.
            SearchHandling.close(&state)
            state.message = "search closed"
        } else if state.pane == .notes, !state.noteFilter.text.isEmpty {
            PromptHandling.applyNoteText(&state, "")
            state.message = "the Notes' words filter is cleared"
        } else if state.movingNote != nil {
            NoteMoving.cancel(&state)
        } else {
            state.message = emptyHistoryMessage
        }
    }

    static func restore(_ state: inout AppState, _ location: Location) {
        state.pane = location.pane
        state.focus = location.focus
        var cursor = location.cursor
        cursor.reveal(in: state.rows[location.pane] ?? [], viewport: state.listViewport)
        state.cursors[location.pane] = cursor
        state.reader = location.reader
        state.relayoutReader()
    }

    // MARK: links

    static func stepLink(_ state: inout AppState, forward: Bool) {
        guard var reader = state.reader, let layout = reader.layout, !layout.links.isEmpty else {
            state.message = "no links here"
            return
        }
        let viewport = state.readerViewport
        let next: Int?
        if let current = reader.selectedLink {
            next = forward ? (current + 1 < layout.links.count ? current + 1 : nil) : (current > 0 ? current - 1 : nil)
        } else if forward {
            next = layout.links.firstIndex { ($0.segments.first?.line ?? 0) >= reader.scroll }
        } else {
            next = layout.links.lastIndex { ($0.segments.first?.line ?? 0) < reader.scroll + viewport }
        }
        guard let next else {
            state.message = forward ? "no more links below" : "no more links above"
            return
        }
        reader.selectedLink = next
        reveal(line: layout.links[next].segments.first?.line ?? 0, in: &reader, viewport: viewport)
        state.reader = reader
    }

    /// Scrolls the reader the least that shows `line`.
    static func reveal(line: Int, in reader: inout ReaderState, viewport: Int) {
        if line < reader.scroll { reader.scroll = line }
        if line >= reader.scroll + viewport { reader.scroll = max(0, line - viewport + 1) }
    }

    // MARK: filters

    /// `keepingRowsOf`: a pane whose rows were already brought up to date.
    static func applyFilters(_ state: inout AppState, _ filters: RecordFilter, keepingRowsOf kept: Pane? = nil) {
        state.filters = filters
        // The shown pane is refreshed now; the others when they are next shown.
        for pane in Pane.browsable where pane != kept { state.invalidateRows(pane) }
        if state.focus == .list { state.syncReader() }
    }
}
