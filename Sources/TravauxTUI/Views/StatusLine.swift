import TravauxCore

/// The bottom row: pane, position (n of N), filters or a message on the left; key hints,
/// taken from the keymap, on the right.
enum StatusLine {
    /// What the hints, and the bar drawn with them, depend on, for a cache that serves one
    /// session (and so one keymap).
    struct HintsKey: Hashable, Sendable {
        var context: KeyContext
        var canCompare: Bool
        var room: Int
        var width: Int
        /// The keys of an open menu or of the help, which take the keyboard from the panes.
        var overlay: String?
        /// A ✎ marker selected in the reader, where Enter edits the note rather than follows.
        var onNoteMarker: Bool
        /// A list with nothing in it to select (a filter kept nothing), where the keys that act
        /// on the selection would do nothing.
        var listIsEmpty: Bool
        /// A note selected whose item the record lacks, where `a` is refused.
        var onNoteOffRecord: Bool
    }

    /// Whether the selection in the Notes pane is a note on an item the record does not have
    /// (a newer record renamed it): `a` is refused there, so it is not offered.
    static func onNoteOffRecord(_ state: AppState) -> Bool {
        guard state.focus == .list, state.pane == .notes, let id = state.selectedRowNoteID, let note = state.notes.note(id) else { return false }
        return state.record.item(note.target.item) == nil
    }

    /// Whether the keyboard is on a list that has no item in it: a filter kept nothing, or
    /// there are no notes yet. Stops at the first item.
    static func listIsEmpty(_ state: AppState) -> Bool {
        state.focus == .list && state.keyContext != .comparison && !state.currentRows.contains { $0.itemID != nil }
    }

    /// Keys that act on the selected item or note, not offered where nothing can be selected
    /// (`c` is not offered there either: nothing selected has versions to compare).
    static let selectionCommands: Set<Command> = [.open, .annotate, .editNote, .deleteNote, .exportNotes]

    /// The hints while an overlay or a prompt has the keyboard, in the order they are shown,
    /// each with its rank (0 is needed most); nil when neither is open. A prompt's letters are
    /// text, so the pane's keys (`d delete`, `q quit`) would say what they do not do there.
    static func ownHints(_ state: AppState) -> [(text: String, rank: Int)]? {
        if state.overlay == nil, state.editor == nil {
            if let prompt = state.prompt {
                let tab = prompt.suggestions.isEmpty ? [] : [("Tab complete", 2)]
                switch prompt.purpose {
                case .session: return [("Enter set", 0)] + tab + [("Esc cancel", 1)]
                case .noteText: return [("Enter keep", 0), ("Esc clear", 1)]
                case .exportFile(let replace):
                    // Asked whether to replace a file, the keys are the question's own.
                    if replace { return [("y replace", 0), ("n keep", 1)] }
                    // The order switches while the name is asked, not once replacing is.
                    let order = [(state.exportOrder == .item ? "Ctrl-T as taken" : "Ctrl-T by item", 3)]
                    return [("Enter export", 0)] + tab + order + [("Esc cancel", 1)]
                }
            }
            if state.search?.editing == true { return [("Enter results", 0), ("↑ ↓ move", 2), ("Esc close", 1)] }
        }
        switch state.overlay {
        case .help?: return [("j k scroll", 1), ("Esc close", 0)]
        case .copy?: return [("1–9 Enter copy", 0), ("Esc close", 1)]
        case .filter(let menu)?:
            if menu.search != nil { return [("↑ ↓ move", 2), ("Enter choose", 0), ("Esc all", 1)] }
            return menu.level == .kinds ? [("Enter choose", 0), ("Esc close", 1)] : [("Enter choose", 0), ("/ narrow", 2), ("Esc back", 1)]
        case nil: return nil
        }
    }

    /// An open box's or prompt's own key kept last on a narrow line (rank 0: `Enter results`).
    static func mostNeededOwnHint(_ state: AppState) -> (text: String, rank: Int)? {
        ownHints(state)?.min { $0.rank < $1.rank }
    }

    /// As many of an overlay's hints as fit in `room`, the most needed first, shown in their
    /// order: a narrow line keeps some rather than none (at 40 columns the copy menu and the
    /// filter list lost every hint).
    static func fitted(_ hints: [(text: String, rank: Int)], room: Int) -> String {
        var kept = Set<String>()
        var used = 1   // the space after the last hint
        for hint in hints.sorted(by: { $0.rank < $1.rank }) {
            let added = (kept.isEmpty ? 0 : 2) + DisplayWidth.of(hint.text)
            guard used + added <= room else { break }
            kept.insert(hint.text)
            used += added
        }
        let shown = hints.map(\.text).filter(kept.contains)
        return shown.isEmpty ? "" : shown.joined(separator: "  ") + " "
    }

    /// What the status line keeps from one frame to the next: the bar with its hints, the count
    /// of items, and the storage its left text is built in, so a key allocates none.
    struct Cache: Sendable {
        var bar = Kept<HintsKey, StatusBar.Background>()
        var position = ListPosition()
        var left = StatusText()
    }

    /// Draws the status line. The bar with its hints is kept from frame to frame, by what the
    /// hints are made from: making them was most of drawing the line, and a key that moves the
    /// selection seldom changes them.
    /// A message too long for the line is left out of it, and returned to be drawn whole above
    /// it (`MessageBand`) once everything else, the editor included, is drawn.
    @discardableResult
    static func render(_ state: AppState, into canvas: inout Canvas, area: Rect, cache: inout Cache) -> [WrappedLine] {
        let row = Rect(x: area.x, y: area.y, width: area.width, height: min(1, area.height)).intersection(canvas.area)
        guard !row.isEmpty else { return [] }
        leftText(state, position: &cache.position, into: &cache.left, withMessage: false, width: row.width)
        let band = state.message.map {
            MessageBand.lines($0, statusWidth: row.width, leftWidth: cache.left.displayWidth, screenHeight: canvas.height)
        } ?? []
        if band.isEmpty, state.message != nil { leftText(state, position: &cache.position, into: &cache.left, width: row.width) }
        // Where you are matters more than the hints: drop hints that do not fit whole.
        let room = row.width - cache.left.displayWidth - 3
        let overlay = ownHints(state).map { fitted($0, room: room) }   // a box's or a prompt's own keys
        let onNoteMarker = overlay == nil && state.keyContext == .reader && state.reader?.selectedLink != nil && state.selectedNote != nil
        let key = HintsKey(context: state.keyContext, canCompare: ComparisonHandling.canCompare(state), room: room, width: row.width,
                           overlay: overlay, onNoteMarker: onNoteMarker, listIsEmpty: listIsEmpty(state),
                           onNoteOffRecord: onNoteOffRecord(state))
        let background = cache.bar.value(for: key) {
            var hints = overlay ?? Self.hints(state, fitting: room)
            if onNoteMarker { hints = hints.replacing("Enter follow", with: "Enter edit") }
            return StatusBar(right: StyledText(hints), style: Palette.statusBar).background(width: row.width)
        }
        if cache.left.isPrintableASCII {
            StatusBar(style: Palette.statusBar).render(into: &canvas, row: row, over: background, printableASCIILeft: cache.left.bytes)
        } else {
            StatusBar(left: StyledText(cache.left.string), style: Palette.statusBar).render(into: &canvas, row: row, over: background)
        }
        return band
    }

    /// The left part: pane, position (n of N), filters, session, search, message, into `left`,
    /// emptied first.
    static func leftText(_ state: AppState, position counted: inout ListPosition, into left: inout StatusText,
                         withMessage: Bool = true, width: Int = .max) {
        left.removeAll()
        let (position, itemCount) = counted.position(of: state.currentCursor.selected, in: state.currentRows, revision: state.rowsRevision)
        if let comparison = state.comparison {
            // Version ids are long (`2002-working-paper`): cut, each to half of what the
            // comparison's own keys and `? help` leave, so that those stay named; left out
            // when that is under six columns (40 columns), since the comparison's first two
            // lines name both versions.
            let sessionLeast = state.session == nil ? 0 : sessionMark.count
            let idRoom = width == .max ? Int.max : (width - 13 - compareHintsReserve(state.keymap) - sessionLeast) / 2
            if idRoom < 6 {
                left.append(" Compare")
            } else {
                left.append(" Compare  ")
                left.append(truncate(comparison.fromID, toWidth: idRoom))
                left.append(" → ")
                left.append(truncate(comparison.toID, toWidth: idRoom))
            }
        } else {
            left.append(" ")
            left.append(state.pane.title)
            if state.focus == .reader && state.showsReader, let reader = state.reader {
                left.append(" › ")
                left.append(state.record.item(reader.itemID)?.kind.rawValue ?? "item")
            } else {
                left.append("  ")
                left.append(position.map { $0 + 1 } ?? 0)
                left.append("/")
                left.append(itemCount)
            }
        }
        // Only what narrows this pane: a forum filter says nothing about footnotes.
        if state.pane != .search, !state.filters.isEmpty {
            let shown = state.pane.itemKind.map { state.filters.applying(to: $0) } ?? state.filters
            if !shown.isEmpty { left.append("  [" + shown.summary(in: state.record) + "]") }
        }
        if state.pane == .notes, let session = state.noteFilter.session { left.append("  [session: " + session + "]") }
        if state.pane == .notes, state.noteFilter.withoutSession { left.append("  [session: none]") }
        if state.pane == .notes, !state.noteFilter.text.isEmpty { left.append("  [words: " + state.noteFilter.text + "]") }
        // Said after the session, and so counted before its room is worked out. A note picked up
        // by `m` is said until it is put down, whatever pane or search the place is found in.
        let moving: String? = state.movingNote == nil ? nil : "  moving a note: m puts it here"
        var drafts: String?
        if !state.recoveredDrafts.isEmpty, !state.message.isPresent {
            let count = state.recoveredDrafts.count
            drafts = "  R: \(count) draft\(count == 1 ? "" : "s")"
        }
        // Notes the store holds but could not show (a git merge conflict, a file left to mend),
        // said once the message that named them is gone, until they are mended.
        if !state.message.isPresent, !state.notes.problems.isEmpty {
            let held = state.notes.problems.filter { $0.movedTo == nil }
            let conflicts = held.count { $0.mergeConflict }
            if conflicts > 0 {
                drafts = (drafts ?? "") + "  \(conflicts) note\(conflicts == 1 ? "" : "s") in a merge conflict"
            }
            if held.count > conflicts {
                let others = held.count - conflicts
                drafts = (drafts ?? "") + "  \(others) note file\(others == 1 ? "" : "s") held out"
            }
        }
        var searched: String?
        if let search = state.search, !search.query.isEmpty {
            // The notes join the results once read (a large store takes a moment after start).
            let notes = state.notesLoading ? ", reading the notes…"
                : search.noteCount == 0 ? "" : ", \(search.noteCount) note\(search.noteCount == 1 ? "" : "s")"
            let counted = " (\(search.hits.count)\(search.hasMore ? "+" : "")\(notes))"
            searched = "  /" + search.query + counted
            // While it is typed, the prompt's row shows the query: on a narrow line the count
            // alone is said, so that `Enter results` keeps its room.
            if search.editing, width != .max, let full = searched, let enter = mostNeededOwnHint(state),
               left.displayWidth + [moving, drafts, full].compactMap({ $0.map(DisplayWidth.of) }).reduce(0, +)
                + DisplayWidth.of(enter.text) + 4 > width {
                searched = " " + counted
            }
        }
        if let session = state.session {
            let after = width == .max ? 0 : (moving.map(DisplayWidth.of) ?? 0) + (drafts.map(DisplayWidth.of) ?? 0) + (searched.map(DisplayWidth.of) ?? 0)
            if state.pane == .notes, let filter = state.noteFilter.session, SessionLabel.same(filter, session) {
                // The filter just said it: the label is only marked as set.
                left.append(sessionMark)
            } else {
                // Cut, or only marked as set, before it pushes out `? help` or a comparison's keys
                // (which take under 40 columns: on a wide line they are not worked out, per key).
                let used = left.displayWidth + after
                let spare = width == .max ? Int.max : width - used - 11 - DisplayWidth.of(session)
                let room = spare >= 40 ? Int.max : width - used - essentialHintsReserve(state) - 11
                if DisplayWidth.of(session) <= room {
                    left.append("  session: " + session)
                } else if room >= 6 {
                    left.append("  session: " + truncate(session, toWidth: room))
                } else if room >= 0 {
                    left.append(sessionMark)
                }
            }
        }
        if let moving { left.append(moving) }
        if let drafts { left.append(drafts) }
        if let searched { left.append(searched) }
        if let message = state.message {
            if withMessage { left.append("  — " + message) }
        } else if let writing = state.exportingTo {
            // A large handout takes seconds; the key that cleared its message does not end it.
            left.append("  — exporting to " + writing + "…")
        }
    }

    /// A session set, said where its label has no room (and left out where this has none: a
    /// comparison at 40 columns).
    static let sessionMark = "  session ✓"

    /// What the hints that must stay take on the right: an open menu's or prompt's most needed
    /// key (`Enter choose`), a comparison's own keys and `? help`, or `? help` alone, with the
    /// margins around them.
    static func essentialHintsReserve(_ state: AppState) -> Int {
        if let first = mostNeededOwnHint(state) { return DisplayWidth.of(first.text) + 5 }
        if state.comparison != nil { return compareHintsReserve(state.keymap) }
        let help = state.keymap.compactHintTexts(in: state.keyContext).filter { $0.binding.command == .help }
        return help.map(\.width).reduce(0, +) + 2 * help.count + 3
    }

    /// What a comparison's own keys, paired, and `? help` take on the right (`[ ] from  { } to
    /// ? help`), with the margins around the hints.
    static func compareHintsReserve(_ keymap: Keymap) -> Int {
        let kept = keymap.compactHintTexts(in: .comparison).filter { $0.binding.context == .comparison || $0.binding.command == .help }
        return kept.map(\.width).reduce(0, +) + 2 * kept.count + 3
    }

    static func hints(_ state: AppState, fitting width: Int = .max) -> String {
        let offered = state.keymap.hintTexts(in: state.keyContext)
        let (text, showsOwn) = hints(state, offered, fitting: width)
        let help = offered.first { $0.binding.command == .help }?.text
        let showsHelp = help.map { text.contains($0) } ?? true
        guard !showsOwn || !showsHelp else { return text }
        // Short of room for the keys of this very view (a comparison's `[ ] { }`), or for
        // `? help` beside them: paired hints take less of it.
        let compact = hints(state, state.keymap.compactHintTexts(in: state.keyContext), fitting: width)
        guard showsOwn else { return compact.text }
        return compact.showsOwn && help.map({ compact.text.contains($0) }) == true ? compact.text : text
    }

    /// The hints that fit, and whether all of the view's own (not the global ones) did. `? help`
    /// stays when others must go: it is where every key is found (it went first, being last).
    private static func hints(_ state: AppState, _ offered: [Keymap.Hint], fitting width: Int) -> (text: String, showsOwn: Bool) {
        let all = fitted(state, offered, fitting: width)
        guard let help = offered.first(where: { $0.binding.command == .help }), !all.text.contains(help.text),
              help.width + 1 <= width else { return all }
        let others = fitted(state, offered.filter { $0.binding.command != .help }, fitting: width - help.width - 2)
        // A comparison's own keys (`[ ] { }`), which nothing else names, come before it.
        guard others.showsOwn || !all.showsOwn || state.keyContext != .comparison else { return all }
        return (others.text.isEmpty ? help.text + " " : others.text + " " + help.text + " ", others.showsOwn)
    }

    private static func fitted(_ state: AppState, _ offered: [Keymap.Hint], fitting width: Int) -> (text: String, showsOwn: Bool) {
        var text = ""
        var used = 1   // the space after the last hint
        var canCompare: Bool?
        var showsOwn = true
        let emptyList = listIsEmpty(state)
        let offRecord = onNoteOffRecord(state)
        // Keys that would do nothing here: those acting on a selection where there is none, `a`
        // on a note whose item the record lacks.
        let idle = { (command: Command) in (emptyList && selectionCommands.contains(command)) || (offRecord && command == .annotate) }
        for hint in offered {
            if idle(hint.binding.command) { continue }
            // `c` is offered only where there are versions to compare.
            if hint.binding.command == .compare {
                if canCompare == nil { canCompare = ComparisonHandling.canCompare(state) }
                if canCompare == false { continue }
            }
            let added = (text.isEmpty ? 0 : 2) + hint.width
            guard used + added <= width else {
                showsOwn = !offered.contains { $0.binding.context == state.keyContext && $0.binding.context != .global
                    && !text.contains($0.text) && !idle($0.binding.command) }
                break
            }
            text += (text.isEmpty ? "" : "  ") + hint.text
            used += added
        }
        return (text.isEmpty ? "" : text + " ", showsOwn)
    }
}
