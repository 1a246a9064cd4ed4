import TravauxCore

/// Everything the interface shows, as one value: `reduce` changes it, `Screen` draws it.
public struct AppState: Sendable {
    public let record: Record
    public var keymap: Keymap
    public var width: Int
    public var height: Int

    /// The pane shown; its rows are always up to date (see `staleRows`).
    public var pane: Pane = .timeline {
        didSet { ensureRows(pane) }
    }
    public var focus: Focus = .list
    public var filters = RecordFilter()
    /// Each pane's rows, rebuilt when the filters or search results change.
    public var rows = PerPane<[PaneRow]>() {
        didSet { rowsRevisions = Pane.allCases.map { _ in Revision() } }
    }
    /// One per pane, all made again whenever any pane's rows change (`rowsRevision`).
    private var rowsRevisions = Pane.allCases.map { _ in Revision() }
    /// The shown pane's rows as they are: another pane, or the rows changed, is another
    /// revision. The status line's count and the rows drawn are kept by it, not by holding
    /// the rows, which a save in the Notes pane changes in place.
    public var rowsRevision: Revision { rowsRevisions[pane.rawValue] }
    /// Panes whose rows are out of date, with the row each had selected then: their rows are
    /// worked out when the pane is next shown. At 100× the record, every pane's rows at once
    /// cost the first frame about 30 ms, and every reload of the notes as much again.
    public private(set) var staleRows = PerPane<RowSelection>()
    public var cursors = PerPane<ListCursor>()

    /// The item in the reader (beside the list on wide screens, full screen on narrow ones),
    /// laid out for the reader's width.
    public var reader: ReaderState?
    /// Each pane's reader as it was left, taken back on return to the same item: the Notes pane
    /// scrolls an item to a note, where the Proposals pane's reader of that item must not open.
    var readerPositions = PerPane<ReaderState>()
    /// Recent and neighbouring items laid out for the reader.
    public var readerLayouts = ReaderLayoutCache()
    /// Where Back returns to, most recent last; each pane goes back through its own entries.
    public var history: [Location] = []

    public var search: SearchState?
    /// The words of the last search closed, which `/` offers again, as a browser's find bar does.
    public var lastSearchQuery = ""
    /// Text typed in the search or the Notes filter whose search has not run yet
    /// (`TypingHandling`).
    var typingOwed: TypingHandling.Owed?
    /// Whether a search is owed: the run loop reads the keys already waiting, then sends
    /// `Action.typingPaused`, before it draws.
    public var owesTypedSearch: Bool { typingOwed != nil }
    public var searchIndex: SearchIndex?
    public var overlay: OverlayState?
    /// Two versions of a proposal compared (`c`), in place of the list and the reader until closed.
    public var comparison: ComparisonState?
    /// The terminal shows no colour: changes are also marked `[-…-]` and `{+…+}`.
    public var monochrome = false
    /// The terminal can draw dim text; without it, suggestions are underlined instead.
    public var showsDim = true
    /// A one-off message for the status bar ("no more matches").
    public var message: String?
    /// One pane at a time even on a wide screen (`z`, `--one-pane`): longer titles in the
    /// list, a wider reader, and moving through the list redraws only its highlight.
    public var onePane = false
    /// Where the notes' times and days are shown in: the machine's zone, which the program reads
    /// at start (`LocalZone.system`); the store keeps UTC.
    public var zone = LocalZone.utc

    // MARK: the user's notes

    public var notes: NoteCollection
    /// The store is still being read (after the first frame, on a thread of its own).
    public var notesLoading = false
    /// Why the store's first read failed, until a read succeeds: the Notes pane and the
    /// commands that need the notes say so, rather than "reading the notes…" for ever.
    public var notesUnreadable: String?
    /// The file a handout is being written to, on another thread, until `exportFinished`.
    public var exportingTo: String?
    /// The file the last export of this window went to, offered by the next `x`.
    public var lastExportPath: String?
    /// The handout's order, which `Ctrl-T` in the export prompt switches, kept for the next `x`.
    public var exportOrder: ExportOrder = .item
    /// The Notes pane's order (`o`).
    public var notesOrder: NotesOrder = .changed
    /// The note files the last read of the store held out (a merge conflict, a damaged file):
    /// a message says those newly held out, once.
    var notesHeldOut: Set<String> = []
    /// The notes' folded text, kept between keys typed in the Notes pane's filter.
    var noteText = NoteSearchText()
    /// The notes the Notes pane's rows were made from: their positions in the notes at that
    /// revision (`refreshNoteRows`).
    private var notesListed: (revision: Revision, positions: [Int])?
    /// From this many notes, the notes are folded ahead on another thread.
    static let foldAheadNotes = 2_000

    /// Folding every note for the first word typed takes half a second at 100,000 notes:
    /// begun on another thread once the store is read (and again, should it not be done,
    /// when a prompt that searches the notes opens), it is done before the first key.
    var foldNoteTextAhead: [Effect] {
        notes.count >= Self.foldAheadNotes && noteText.count == 0 ? [.foldNoteText] : []
    }
    /// Stamped on every note taken (`--session`, or `S`).
    public var session: String?
    /// The session label of the window last quit on this record (`LastPlace`), which `S` offers.
    var lastWindowSession: String?
    public var author: String
    /// The Notes pane's own conditions (session, item, words); the tag filter is shared.
    public var noteFilter = NoteFilter()
    public var editor: NoteEditor?
    public var prompt: PromptState?
    /// The notes deleted and the texts discarded in this window, last on top: `u` brings them
    /// back one by one, so a second delete never loses the first.
    public var undoable: [UndoableChange] = []
    /// The note `u` is bringing back, so that its save says so.
    public var restoringNoteID: String?
    /// The note `m` picked up, until a second `m` puts it on the item or part selected then
    /// (`NoteMoving`), or `Esc` with nowhere else to go back to lets it be.
    public var movingNote: Note?
    /// The note `u` is putting back where it was, so that its move says so and is not itself
    /// kept for `u`.
    var unmovingNoteID: String?
    /// Tags the note being saved re-spelled, to re-spell on the other notes once it is saved
    /// (and never if its save fails).
    var respellingsAfterSave: (noteID: String, effects: [Effect])?
    /// The note the last place had selected in the Notes pane (`restore`), selected once the
    /// notes are read.
    var placeNoteID: String?
    /// The reader's link the last place had selected: selected again once the notes are read
    /// and the reader shows their markers among the links.
    var placeLink: Int?
    /// Drafts left by a window that closed before they were saved; `R` resumes the first.
    public var recoveredDrafts: [NoteDraft] = []
    /// A draft could not be written in this window (`Action.draftNotWritten`).
    var draftsUnwritten = false
    /// What the start said of a text rescued to the temporary folder (a file, and the command
    /// that saves it), which `R`, finding no draft, says again.
    public var rescuedTextReminder: String?

    /// Takes the drafts closed windows left, said in full until the next key; after that the
    /// status line keeps a short `R: 2 drafts`, which leaves the key hints their room.
    /// `rescued` of them were texts kept in the temporary folder (a store that could not take
    /// a draft then), taken back as drafts: said so, since no window of this store left them.
    public mutating func offerRecoveredDrafts(_ drafts: [NoteDraft], rescued: Int = 0) {
        recoveredDrafts = drafts
        guard !drafts.isEmpty else { return }
        let one = drafts.count == 1
        let from = rescued == 0 ? (one ? "from a closed window" : "from closed windows")
            : rescued < drafts.count ? "from closed windows or kept in the temporary folder"
            : "kept in the temporary folder when \(one ? "it" : "they") could not be saved"
        let offer = one ? "1 unsaved draft \(from): R resumes it"
                        : "\(drafts.count) unsaved drafts \(from): R resumes them one at a time"
        // A window closed mid-seminar leaves both: its session is said as well.
        let kept = session == nil ? lastWindowSession.map { "; the last window had session '\($0)': S then Enter takes it up" } : nil
        message = offer + (kept ?? "")
    }
    /// Numbers the editing sessions of this window, for draft file names.
    public var editsStarted = 0
    /// This process, stamped on drafts so another window does not offer them while it runs.
    public var processID: Int32 = 0
    /// When this process started (`NoteDraft.startOfProcess`), which names its drafts with its id.
    public var processStart: Int64?

    public init(record: Record, width: Int, height: Int, keymap: Keymap = .standard,
                notes: NoteCollection = NoteCollection(), session: String? = nil, author: String = "",
                onePane: Bool = false) {
        self.record = record
        // Before the reader is laid out below, so it is laid out for the right width once.
        self.onePane = onePane
        self.keymap = keymap
        self.width = width
        self.height = height
        self.notes = notes
        self.session = session
        self.author = author
        self.notes.countTags()
        self.knownTags = self.notes.tagCounts.map(\.tag)
        refreshRows(pane)
        refreshRows(.search)
        var cursor = ListCursor()
        cursor.move(by: 0, in: rows[pane] ?? [], viewport: listViewport)
        cursors[pane] = cursor
        for other in Pane.browsable where other != pane { staleRows[other] = RowSelection() }
        syncReader()
    }

    // MARK: layout facts the reducer and the views share

    /// Side by side from this width; below it, list and reader take turns.
    public static let wideWidth = 100
    public static let minimumWidth = 40
    public static let minimumHeight = 10

    public var isTooSmall: Bool { width < Self.minimumWidth || height < Self.minimumHeight }
    public var isWide: Bool { width >= Self.wideWidth }
    /// List and reader side by side: a wide screen, unless one pane was asked for.
    public var showsBothPanes: Bool { isWide && !onePane }

    /// Rows for the list or the reader: all but the tab bar and the status bar (and the prompt).
    public var bodyHeight: Int { max(0, height - 2 - (hasPromptLine ? 1 : 0)) }
    /// The search prompt or a question takes the row above the status bar.
    public var hasPromptLine: Bool { search?.editing == true || prompt.isPresent }
    public var listViewport: Int { bodyHeight }
    public var listWidth: Int { showsBothPanes ? max(30, width * 9 / 20) : width }
    /// The reader's width, borders excluded.
    public var readerWidth: Int { showsBothPanes ? width - listWidth - 1 : width }
    /// Rows of text the reader shows of its item: a long item gives the last row to how far
    /// down it is.
    public var readerViewport: Int { readerRows(lineCount: reader?.layout?.lines.count ?? 0) }

    func readerRows(lineCount: Int) -> Int { ScrollPosition.textRows(height: bodyHeight, lineCount: lineCount) }

    /// Whether the reader is on screen: always beside the list when both panes show, else when focused.
    public var showsReader: Bool { showsBothPanes || focus == .reader }

    public var currentRows: [PaneRow] { rows[pane] ?? [] }
    public var currentCursor: ListCursor { cursors[pane] ?? ListCursor() }

    public var selectedItemID: String? {
        guard let row = currentCursor.selected, currentRows.indices.contains(row) else { return nil }
        return currentRows[row].itemID
    }

    /// The note `e`, `t`, `d` and `E` act on: the Notes pane's selection, or the note marker
    /// selected in the reader.
    public var selectedNote: Note? {
        if focus == .reader, showsReader, let reader, let layout = reader.layout,
           let link = reader.selectedLink, layout.links.indices.contains(link) {
            return notes.note(layout.links[link].target)
        }
        guard focus == .list || !showsReader, let row = currentCursor.selected, currentRows.indices.contains(row),
              let id = currentRows[row].noteID else { return nil }
        return notes.note(id)
    }

    /// Which keymap layer a key is looked up in.
    public var keyContext: KeyContext {
        if editor.isPresent { return .editor }
        if comparison.isPresent { return .comparison }
        if focus == .reader && showsReader { return .reader }
        return pane == .notes ? .notes : .list
    }

    /// Every tag in use, most used first, for completion; kept with the notes so that a
    /// keystroke in the editor does not count the tags of every note again.
    public private(set) var knownTags: [String] = []

    mutating func notesChanged() {
        // Counted once (the store's reader counts them on its own thread); kept after that.
        notes.countTags()
        knownTags = notes.tagCounts.map(\.tag)
    }

    /// The words searched for, for highlighting.
    public var highlightWords: [String] {
        guard let search, !search.query.isEmpty else { return [] }
        let query = SearchQuery(search.query)
        // A symbol is marked whole (`A/68` in `A/68/189`), not as words (`a` everywhere).
        if let symbol = query.symbol { return [TextFolding.fold(symbol)] }
        // A run of ideographs typed together, or quoted, is marked where it occurs whole, not
        // each ideograph wherever it stands (`的` is everywhere). The runs' ideographs are the
        // words in the same order, so each run takes their place, and the word typed last
        // stays last (matched as a prefix).
        let runs = query.runs + query.phrases.flatMap { TextFolding.unspacedRuns(folded: $0) }
        guard !runs.isEmpty else { return query.words }
        var words: [String] = []
        var next = 0
        var remaining = runs[...]
        while next < query.words.count {
            if let run = remaining.first {
                let ideographs = run.map(String.init)
                if query.words[next...].starts(with: ideographs) {
                    words.append(run)
                    next += ideographs.count
                    remaining = remaining.dropFirst()
                    continue
                }
            }
            words.append(query.words[next])
            next += 1
        }
        return words
    }

    mutating func refreshRows(_ pane: Pane) {
        if pane == .notes {
            refreshNoteRows()
        } else {
            rows[pane] = PaneRows.rows(for: pane, record: record, filters: filters, searchHits: search?.hits ?? [],
                                       searchQuery: search?.query ?? "",
                                       notes: notes, noteFilter: noteFilter, noteText: &noteText, zone: zone)
        }
        staleRows[pane] = nil
        if pane == .search, search != nil {
            search?.noteCount = rows[.search].map { $0.count { $0.noteID != nil } } ?? 0
        }
    }

    /// The open search's note count, with its rows left to make until its tab is shown: moved
    /// by the notes a `change` touched (their versions before, and after), or, for a new
    /// collection, counted again.
    mutating func recountSearchNotes(after change: NoteChange?) {
        guard let query = search?.query, let matcher = PaneRows.searchNoteMatcher(query, record: record) else { return }
        if let change {
            let count = (search?.noteCount ?? 0) - change.listed.count(where: matcher.matches) + change.current.count(where: matcher.matches)
            search?.noteCount = max(0, count)
        } else {
            search?.noteCount = notes.isEmpty ? 0 : matcher.positions(in: notes.unordered, revision: notes.revision, texts: &noteText).count
        }
    }

    /// The Notes pane's rows, kept as they are when the filters list the very notes they were
    /// made from: most keys typed in the Notes filter, once a word is long enough, keep the
    /// same notes, and making 100,000 rows again took 10–40 ms.
    private mutating func refreshNoteRows() {
        let positions = PaneRows.listedNotes(record, filters, notes, noteFilter, &noteText)
        if let listed = notesListed, listed.revision == notes.revision, listed.positions == positions, rows[.notes] != nil {
            return
        }
        rows[.notes] = PaneRows.noteRows(positions, of: notes, order: notesOrder, zone: zone)
        notesListed = (notes.revision, positions)
    }

    /// Lists the Notes pane in `order`, the selected note kept selected.
    mutating func orderNotes(_ order: NotesOrder) {
        guard order != notesOrder else { return }
        notesOrder = order
        // The same notes, listed otherwise: not the rows `notesListed` would keep.
        notesListed = nil
        invalidateRows(.notes)
    }

    /// Marks a pane's rows out of date, remembering its selected item; the shown pane is
    /// brought up to date at once.
    mutating func invalidateRows(_ pane: Pane) {
        if staleRows[pane] == nil {
            let cursor = cursors[pane]
            let rows = rows[pane] ?? []
            let index = cursor?.selected.flatMap { rows.indices.contains($0) ? $0 : nil }
            staleRows[pane] = RowSelection(row: index.map { rows[$0] }, index: index)
        }
        if pane == self.pane { ensureRows(pane) }
    }

    /// Selects a note in the Notes pane while another pane is shown: a note written from the
    /// Timeline is the one found selected on going to Notes, as a mail client shows the message
    /// just sent, not where the list was left before it.
    mutating func selectInNotesPane(_ note: Note) {
        let row = PaneRow.note(id: note.id, item: note.target.item)
        if staleRows[.notes] != nil {
            staleRows[.notes] = RowSelection(row: row, index: nil)
            return
        }
        guard let list = rows[.notes], let index = list.firstIndex(of: row) else { return }
        var cursor = cursors[.notes] ?? ListCursor()
        cursor.select(index, in: list, viewport: listViewport)
        cursors[.notes] = cursor
    }

    /// Selects `row` in a pane: at once if its rows are made, else when they are.
    mutating func select(_ row: PaneRow, in pane: Pane) {
        if staleRows[pane] != nil {
            staleRows[pane] = RowSelection(row: row, index: nil)
            return
        }
        var cursor = cursors[pane] ?? ListCursor()
        cursor.reconcile(previous: RowSelection(row: row, index: nil), rows: rows[pane] ?? [], viewport: listViewport)
        cursors[pane] = cursor
    }

    /// Brings the Notes pane's rows up to date with notes just saved or deleted by moving only
    /// their rows, keeping the row selected; false when they were out of date or would not
    /// patch (`NoteRowPatch`), and must be made again.
    mutating func patchNoteRows(_ change: NoteChange) -> Bool {
        guard staleRows[.notes] == nil, var list = rows[.notes] else { return false }
        // Out of the state while patched, so that the array is changed in place, not copied.
        rows[.notes] = nil
        let index = cursors[.notes]?.selected.flatMap { list.indices.contains($0) ? $0 : nil }
        let selected = RowSelection(row: index.map { list[$0] }, index: index)
        let listing = NoteListing(filters: filters, noteFilter: noteFilter, record: record)
        let patch = NoteRowPatch(notes: notes, order: notesOrder, zone: zone)
        // The rows no longer stand for a list of positions (`refreshNoteRows`).
        notesListed = nil
        let patched = change.listed.allSatisfy { !listing.lists($0, in: record) || patch.remove($0, from: &list) }
            && change.current.allSatisfy { !listing.lists($0, in: record) || patch.insert($0, into: &list) }
        rows[.notes] = list
        guard patched else {
            // Made again when next shown (at once if shown), from the selection as it was.
            staleRows[.notes] = selected
            return false
        }
        var cursor = cursors[.notes] ?? ListCursor()
        cursor.reconcile(previous: selected, rows: list, viewport: listViewport)
        cursors[.notes] = cursor
        return true
    }

    /// Works out a stale pane's rows, keeping the row it had selected.
    mutating func ensureRows(_ pane: Pane) {
        guard let selected = staleRows[pane] else { return }
        refreshRows(pane)
        var cursor = cursors[pane] ?? ListCursor()
        cursor.reconcile(previous: selected, rows: rows[pane] ?? [], viewport: listViewport)
        cursors[pane] = cursor
    }

    /// In the list, the reader previews the selected item (from its top when the selection
    /// moves); once focused, it keeps the item it was opened on.
    mutating func syncReader() {
        if focus == .list {
            guard let id = selectedItemID else { reader = nil; return }
            if !(reader.map { Self.sameID($0.itemID, id) } ?? false) { reader = ReaderState(itemID: id) }
        }
        relayoutReader()
        revealSelectedNote()
    }

    /// Whether two item ids are the same. Ids are kebab-case ASCII (the record's validation
    /// checks them), so ids of different lengths differ: a key that moves to the next item is
    /// told so from the strings' counts, without the standard library's comparison, whose
    /// code is cold on every key.
    static func sameID(_ a: String, _ b: String) -> Bool {
        a.utf8.count == b.utf8.count && a == b
    }

    /// From the Notes pane or a note among the search results, the reader shows the selected
    /// note in its item, marker selected.
    mutating func revealSelectedNote() {
        // Only where the reader shows beside the list: a hidden reader's layout is of another width.
        guard focus == .list, showsReader, pane == .notes || pane == .search, let noteID = selectedRowNoteID else { return }
        revealNote(noteID)
    }

    /// The note of the selected row, in the Notes pane or among the search results.
    var selectedRowNoteID: String? {
        guard let row = currentCursor.selected, currentRows.indices.contains(row) else { return nil }
        return currentRows[row].noteID
    }

    /// Scrolls the reader to a note's marker and selects it, once per note shown.
    mutating func revealNote(_ noteID: String) {
        guard var current = reader, current.revealedNote != noteID, let layout = current.layout,
              let link = layout.links.firstIndex(where: { $0.target == noteID }) else { return }
        let line = layout.links[link].segments.first?.line ?? 0
        // The first note shows under its heading (`Your notes`); a later one at the top, or
        // the last line of the note before it would read as this one's.
        let followsNote = link > 0 && notes.note(layout.links[link - 1].target) != nil
        current.scroll = max(0, min(followsNote ? line : line - 1, layout.lines.count - readerViewport))
        current.selectedLink = link
        current.revealedNote = noteID
        reader = current
    }

    /// Lays the reader out again if its item or width changed; skipped while it is off screen.
    mutating func relayoutReader() {
        guard showsReader, var current = reader else { return }
        if current.layout?.width != readerWidth || current.layout?.itemID != current.itemID
            || current.notesRevision != notes.revision {
            // A note revealed at another width is at another line now.
            if current.layout?.width != readerWidth { current.revealedNote = nil; current.matchLine = nil }
            let previous = current.layout
            current.layout = readerLayout(of: current.itemID)
            current.notesRevision = notes.revision
            if let selected = current.selectedLink, selected >= current.layout?.links.count ?? 0 { current.selectedLink = nil }
            let lineCount = current.layout?.lines.count ?? 0
            let viewport = readerRows(lineCount: lineCount)
            if let previous, let layout = current.layout, previous.itemID == layout.itemID, previous.width != layout.width {
                current.scroll = ReaderReflow.scroll(from: previous, scroll: current.scroll, selectedLink: current.selectedLink,
                                                     to: layout, viewport: viewport)
            } else {
                current.scroll = min(current.scroll, max(0, lineCount - viewport))
            }
        }
        reader = current
    }
}

extension AppState {
    /// The item laid out for the reader as it is now, from the cache when it is there.
    mutating func readerLayout(of itemID: String) -> ReaderLayout? {
        if let cached = readerLayouts.layout(itemID: itemID, width: readerWidth, notesRevision: notes.revision) { return cached }
        let layout = record.detail(of: itemID, notes: notes.notes(on: itemID), reader: author.isEmpty ? nil : author, zone: zone).map { document -> ReaderLayout in
            var layout = ReaderLayout(document: document, width: readerWidth)
            layout.keepLines(readerRows(lineCount: layout.lines.count))
            return layout
        }
        readerLayouts.insert(layout, itemID: itemID, width: readerWidth, notesRevision: notes.revision)
        return layout
    }

    /// The items a move of one row up or down would select, when the reader previews the
    /// selection and they are not laid out yet.
    var neighboursToLayOut: [String] {
        guard focus == .list, showsReader, !editor.isPresent, !comparison.isPresent, let selected = currentCursor.selected else { return [] }
        let rows = currentRows
        let below = rows.indices.dropFirst(selected + 1).first { !rows[$0].isHeading }
        let above = rows.indices.prefix(max(0, selected)).last { !rows[$0].isHeading }
        return [below, above].compactMap { $0.flatMap { rows[$0].itemID } }
            .filter { !readerLayouts.contains(itemID: $0, width: readerWidth, notesRevision: notes.revision) }
    }

    /// Whether `Action.idle` has anything to do: the run loop sends it only then.
    public var hasIdleWork: Bool { !neighboursToLayOut.isEmpty }

    /// Lays out the neighbours of the selection ahead of the key that selects them.
    mutating func layOutNeighbours() {
        for id in neighboursToLayOut { _ = readerLayout(of: id) }
    }
}

/// The item in the reader, its scroll position and which link is selected.
public struct ReaderState: Sendable, Hashable {
    public var itemID: String
    public var scroll: Int = 0
    public var selectedLink: Int?
    public var layout: ReaderLayout?
    /// The notes' revision the layout was made with.
    public var notesRevision: Revision?
    /// The note the reader was last scrolled to from the Notes pane.
    public var revealedNote: String?
    /// The line `n`/`N` last stepped to, whose matches are marked as the current ones.
    public var matchLine: Int?

    public init(itemID: String) { self.itemID = itemID }
}

/// A place to come back to: the pane, the selection, and what the reader showed.
public struct Location: Sendable, Hashable {
    public var pane: Pane
    public var focus: Focus
    public var cursor: ListCursor
    public var reader: ReaderState?
}
