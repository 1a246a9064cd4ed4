import Foundation
import Testing
import TravauxCore
@testable import TravauxTUI
import TravauxTestSupport

/// A clock that moves one second per reading.
final class Ticker: @unchecked Sendable {
    private let lock = NSLock()
    private var time: Int64 = 1_795_000_000_000
    func next() -> NoteTime {
        lock.lock(); defer { lock.unlock() }
        time += 1000
        return NoteTime(millisecondsSince1970: time)
    }
}

/// Plays the run loop's part for the note effects against a real store in a temporary
/// directory, so key sequences are tested end to end without a terminal.
struct StoreLoop {
    let store: NoteStore

    init() throws {
        let directory = TestFiles.path("app") + "/notes"
        let ticker = Ticker()
        store = NoteStore(directory: directory, clock: NoteClock { ticker.next() })
    }

    /// Feeds each effect's outcome back to the reducer, as `EffectRunner` does.
    func run(_ effects: [Effect], _ state: inout AppState) throws {
        var pending = effects
        while !pending.isEmpty {
            let effect = pending.removeFirst()
            switch effect {
            case .createNote(let target, let body, let tags, let session):
                let note = store.makeNote(target: target, body: body, tags: tags, session: session, author: "tester")
                pending += Reducer.reduce(&state, .noteSaved(try store.save(note, base: nil)))
            case .saveNote(let note, let base, let merges):
                pending += Reducer.reduce(&state, .noteSaved(try store.save(note, base: base, merges: merges)))
            case .respellTag(let respelling, let notes):
                var count = 0
                for note in notes {
                    guard let edited = try store.modify(note.id, { respelling.respelled($0, at: note.updated) }) else { continue }
                    pending += Reducer.reduce(&state, .noteSaved(NoteStore.SaveOutcome(saved: edited)))
                    count += 1
                }
                pending += Reducer.reduce(&state, .tagRespelled(respelling, count: count, failure: nil))
            case .deleteNote(let note):
                try store.delete(note.id, base: note)
                pending += Reducer.reduce(&state, .noteDeleted(note))
            case .moveNote(let id, let target, let from):
                switch try store.move(id, to: target) {
                case .moved(let moved): pending += Reducer.reduce(&state, .noteMoved(moved, from: from))
                case .alreadyThere: break
                case .absent: pending += Reducer.reduce(&state, .noteNotMoved(id: id))
                }
            case .saveDraft(let draft): try store.saveDraft(draft)
            case .discardDraft(let draft): store.discardDraft(draft)
            case .replaceDraft(let draft, let old):
                if try !store.claimDraft(old, as: draft) { pending += Reducer.reduce(&state, .draftTakenElsewhere(old)) }
            case .refreshNotes: pending += Reducer.reduce(&state, .notesReloaded(try store.refresh(state.notes)))
            case .exportNotes(let selection, let path, let replace, let order):
                let options = ExportOptions(selection: selection, date: NoteTime(millisecondsSince1970: 1_795_288_316_654),
                                            zone: state.zone, order: order)
                do {
                    let text = try MarkdownExport.render(notes: state.notes, record: state.record, options: options)
                    try ExportFile.write(text, to: path, replacing: replace)
                    pending += Reducer.reduce(&state, .exportFinished(.success("exported"), path: path))
                } catch {
                    pending += Reducer.reduce(&state, .exportFinished(.failure(error), path: path))
                }
            default: break
            }
        }
    }

    /// Saves a note as another window would, and reads the store again.
    func save(_ note: Note, _ state: inout AppState) throws {
        try store.save(note, base: nil)
        try run([.refreshNotes], &state)
    }

    func press(_ state: inout AppState, _ names: String...) throws {
        for name in names {
            guard let key = KeyEvent(name: name) else { Issue.record("no key named \(name)"); return }
            try run(Reducer.reduceAlone(&state, .key(key)), &state)
        }
    }
}

@Suite("Annotating in the interface")
struct NoteWorkflowTests {
    @Test("a on a proposal, text, two tags, Ctrl-S: saved, marked in the list, shown in the reader and the Notes pane")
    func annotate() throws {
        let loop = try StoreLoop()
        var state = try AppFixture.state()
        try loop.press(&state, "2", "a")
        let editor = try #require(state.editor)
        #expect(editor.target == NoteTarget(item: "ppwt"))
        AppFixture.type(&state, "No verification — 検証なし")
        try loop.press(&state, "Enter")
        AppFixture.type(&state, "second line")
        try loop.press(&state, "Tab")
        AppFixture.type(&state, "verification #PPWT")
        try loop.press(&state, "Ctrl-s")
        #expect(state.editor == nil)
        let saved = try loop.store.load().all
        #expect(saved.count == 1)
        #expect(saved.first?.body == "No verification — 検証なし\nsecond line")
        #expect(saved.first?.tags == ["verification", "PPWT"])
        #expect(state.notes.count == 1)
        #expect(state.message?.hasPrefix("note saved") == true)
        #expect(Screen.render(state).snapshot().contains("✎S PPWT"))
        #expect(state.reader?.layout?.lines.contains { $0.plainText.contains("Your note") } == true)
        try loop.press(&state, "5")
        #expect(state.currentRows.compactMap(\.noteID) == [saved.first?.id])
    }

    @Test("Enter on a ✎ marker in the reader edits that note, and so does a click on it")
    func followNoteMarker() throws {
        let loop = try StoreLoop()
        var state = try AppFixture.state()
        let saved = try loop.store.save(loop.store.makeNote(target: NoteTarget(item: "ppwt"), body: "marker note", author: "a"), base: nil)
        try loop.run([.refreshNotes], &state)
        try loop.press(&state, "2", "Enter")
        #expect(state.focus == .reader && state.reader?.itemID == "ppwt")
        let links = try #require(state.reader?.layout?.links)
        let marker = try #require(links.firstIndex { $0.target == saved.saved.id })
        for _ in 0...marker { try loop.press(&state, "Tab") }
        #expect(state.reader?.selectedLink == marker)
        try loop.press(&state, "Enter")
        #expect(state.message == nil)
        #expect(state.editor?.base?.id == saved.saved.id)
        #expect(state.editor?.body.text == "marker note")
        try loop.press(&state, "Esc")
        #expect(state.editor == nil)

        let reader = try #require(ScreenLayout(state).reader)
        let segment = try #require(state.reader?.layout?.links[marker].segments.first)
        state.reader?.scroll = segment.line
        AppFixture.click(&state, x: reader.x + segment.columns.lowerBound, y: reader.y)
        #expect(state.editor?.base?.id == saved.saved.id)

        // While a note is being written, no click reaches what lies beside or under the editor.
        try loop.press(&state, "Esc", "a")
        AppFixture.type(&state, "typed in a seminar")
        let before = state
        AppFixture.click(&state, x: reader.x + segment.columns.lowerBound, y: reader.y)
        AppFixture.click(&state, x: TabBar.tabs(for: state, width: 120).titleColumns()[0].lowerBound + 1, y: 0)
        AppFixture.click(&state, x: 5, y: 4)
        _ = Reducer.reduce(&state, .input(.mouse(MouseEvent(x: reader.x + 2, y: reader.y + 2, kind: .wheelDown))))
        #expect(state.editor?.base == nil)
        #expect(state.editor?.body.text == "typed in a seminar")
        #expect(state.pane == before.pane && state.selectedItemID == before.selectedItemID && state.reader?.scroll == before.reader?.scroll)
    }

    @Test("a note on an item the record no longer holds: a page of its own in the reader, its part named, editable")
    func noteOnMissingItem() throws {
        let loop = try StoreLoop()
        var state = try AppFixture.state()
        let target = NoteTarget(item: "renamed-away", version: "v9")
        let saved = try loop.store.save(loop.store.makeNote(target: target, body: "kept as written", author: "a"), base: nil)
        try loop.run([.refreshNotes], &state)
        try loop.press(&state, "5")
        #expect(state.selectedItemID == "renamed-away")
        let text = try #require(state.reader?.layout?.lines.map(\.plainText))
        #expect(text.first == "renamed-away")
        #expect(text.contains("not in this record · renamed-away"))
        #expect(text.contains { $0.contains("has no item renamed-away") })
        #expect(text.contains { $0.contains("on renamed-away, version v9") })
        #expect(text.contains { $0.contains("kept as written") })
        // A new note on it is refused, as the CLI refuses it, and `a` is not offered there; the
        // notes on it stay editable.
        let hints = try #require(Screen.render(state).snapshot().split(separator: "\n").last.map(String.init))
        #expect(hints.contains("e edit") && !hints.contains("a annotate"), "\(hints)")
        try loop.press(&state, "a")
        #expect(state.editor == nil)
        #expect(state.message == "renamed-away is not in this record; a new note needs an item of it (e edits the notes on renamed-away)")
        try loop.press(&state, "e")
        #expect(state.editor?.base?.id == saved.saved.id)
        #expect(state.editor?.target == target)
        AppFixture.type(&state, " and edited")
        try loop.press(&state, "Ctrl-s")
        #expect(try loop.store.load().all.map(\.body) == ["kept as written and edited"])
        #expect(try loop.store.load().all.map(\.target) == [target])
        // An id nobody wrote a note on is still no item at all.
        #expect(state.record.detail(of: "renamed-away", notes: []) == nil)
    }

    @Test("the editor's cursor stays in view: a long note opened, and the terminal made smaller while typing")
    func editorCursorInView() throws {
        let loop = try StoreLoop()
        var state = try AppFixture.state(width: 120, height: 30)
        let body = (1...60).map { "line \($0)" }.joined(separator: "\n")
        try loop.store.save(loop.store.makeNote(target: NoteTarget(item: "ppwt"), body: body, author: "a"), base: nil)
        try loop.run([.refreshNotes], &state)
        try loop.press(&state, "5", "e")
        #expect(state.editor?.body.text == body)
        // The cursor is at the end of the text, and so is the view.
        #expect(Screen.cursor(state) != nil)
        #expect(Screen.render(state).snapshot().contains("line 60"))

        try loop.press(&state, "Esc", "1", "a")
        AppFixture.type(&state, String(repeating: "word ", count: 60) + "END")
        for (width, height) in [(60, 20), (40, 10), (120, 30)] {
            _ = Reducer.reduce(&state, .input(.resize(width: width, height: height)))
            #expect(Screen.cursor(state) != nil, "no cursor at \(width)×\(height)")
            #expect(Screen.render(state).snapshot().contains("END"), "the end of the text is out of view at \(width)×\(height)")
        }
        // Back at full size the text fits the box again, and shows from its first word.
        #expect(state.editor?.body.scroll == 0)
    }

    @Test("a narrow editor cuts its Session line with a …, as the lines above it, rather than mid-word at the edge")
    func narrowSessionLine() throws {
        var state = try AppFixture.state(width: 40, height: 10)
        state.session = "Séminaire 3 — Genève"
        state.author = "root"
        _ = AppFixture.press(&state, "a")
        let line = try #require(Screen.render(state).snapshot().split(separator: "\n").first { $0.contains("Session:") })
        #expect(line.hasSuffix("│Session: Séminaire 3 — Genève · by ro…│"), "\(line)")
    }

    @Test("while the notes are still being read: a works, the rest waits with a message, the Notes pane says so")
    func whileReading() throws {
        let loop = try StoreLoop()
        try loop.store.save(loop.store.makeNote(target: NoteTarget(item: "ppwt"), body: "read later", tags: ["later"], author: "a"), base: nil)
        var state = try AppFixture.state()
        state.notesLoading = true
        try loop.press(&state, "5")
        #expect(Screen.render(state).snapshot().contains("reading the notes…"))
        try loop.press(&state, "x")
        #expect(state.prompt == nil)
        #expect(state.message == "still reading the notes; try again in a moment")
        try loop.press(&state, "2", "a")
        #expect(state.editor != nil)
        try loop.press(&state, "Esc")

        try loop.run(Reducer.reduce(&state, .notesReloaded(try loop.store.load())), &state)
        #expect(!state.notesLoading)
        #expect(state.knownTags == ["later"])
        try loop.press(&state, "5")
        #expect(state.currentRows.compactMap(\.noteID).count == 1)
    }

    @Test("in the reader, a attaches the note to the version in view; Ctrl-T steps through the parts")
    func annotateVersion() throws {
        var state = try AppFixture.state(width: 120, height: 12)
        AppFixture.press(&state, "2", "Enter")
        let layout = try #require(state.reader?.layout)
        let versionLine = try #require(layout.anchors.first { $0.target.version == "2008" }?.line)
        // A short screen, so the reader can scroll the version to its top.
        for _ in 0..<versionLine { AppFixture.press(&state, "j") }
        let scroll = try #require(state.reader?.scroll)
        let expected = layout.noteTarget(atLine: scroll)
        #expect(expected.version != nil, "scrolled to line \(scroll), version at \(versionLine)")
        AppFixture.press(&state, "a")
        #expect(state.editor?.target == expected)
        let targets = state.editor?.targets ?? []
        #expect(targets.count == state.record.noteTargets(of: "ppwt").count)
        AppFixture.press(&state, "Ctrl-t")
        #expect(state.editor?.target != expected)
    }

    @Test("the editor's On: line keeps the quoted text or element the note is on, and Ctrl-T's count, cutting the version's long label first")
    func onLineKeepsThePart() throws {
        for width in [120, 80, 60] {
            var state = try AppFixture.state(width: width, height: 30, record: try AppFixture.shippedRecord())
            AppFixture.press(&state, "2", "j", "a")
            let targets = try #require(state.editor?.targets)
            let quote = try #require(targets.firstIndex { $0.quote == "eu-negotiating-phase" })
            state.editor?.targetIndex = quote
            let line = try #require(Screen.render(state).snapshot().split(separator: "\n").first { $0.contains("On: ") })
            #expect(line.contains("“move the process") && line.contains("(\(quote + 1)/\(targets.count), Ctrl-T)"), "\(width): \(line)")
            #expect(line.contains("On: EU Code, "), "\(width): \(line)")
            if width >= 120 { #expect(line.contains("Draft International Co"), "\(line)") }
            // The whole item has no version to cut.
            state.editor?.targetIndex = 0
            let whole = try #require(Screen.render(state).snapshot().split(separator: "\n").first { $0.contains("On: ") })
            #expect(whole.contains("On: EU Code  (1/\(targets.count), Ctrl-T)"), "\(width): \(whole)")
        }
    }

    @Test("Ctrl-T lists the parts on the next one: the arrows move both ways, Esc goes back, any other key carries on")
    func chooseTarget() throws {
        let loop = try StoreLoop()
        var state = try AppFixture.state()
        try loop.press(&state, "2", "a")
        AppFixture.type(&state, "on the draft")
        let targets = try #require(state.editor?.targets)
        #expect(targets.count > 3)
        try loop.press(&state, "Ctrl-t")
        #expect(state.editor?.targetIndex == 1)
        let screen = Screen.render(state).snapshot()
        #expect(screen.contains("Attach to — ↑ ↓ Enter, Esc goes back"))
        // Each part by itself, the item named once on the `On:` line.
        #expect(screen.contains("│ the whole item: PPWT "))
        #expect(screen.contains("│ " + state.record.partLabel(of: targets[1]) + " "))
        #expect(state.record.partLabel(of: targets[1]).hasPrefix("version: "))
        #expect(Screen.cursor(state) == nil)
        // Up from the first wraps to the last, as Ctrl-T past the last comes back to the first.
        try loop.press(&state, "Up", "Up")
        #expect(state.editor?.targetIndex == targets.count - 1)
        try loop.press(&state, "Esc")
        #expect(state.editor?.targetIndex == 0)
        #expect(state.editor?.choosingTargetFrom == nil)
        #expect(state.editor != nil, "Esc in the list leaves the editor open")
        #expect(!Screen.render(state).snapshot().contains("Attach to"))
        // Typing closes the list on the part chosen and goes into the text; Ctrl-S saves on it.
        try loop.press(&state, "Ctrl-t", "Down", "Down")
        AppFixture.type(&state, ", more")
        #expect(state.editor?.choosingTargetFrom == nil)
        #expect(state.editor?.body.text == "on the draft, more")
        try loop.press(&state, "Ctrl-t", "Enter", "Ctrl-s")
        #expect(try loop.store.load().all.map(\.target) == [targets[4]])
    }

    @Test("Ctrl-T's list on a short screen says on its border how many parts it hides above and below")
    func targetsOnShortScreen() throws {
        var state = try AppFixture.state(width: 60, height: 14)
        AppFixture.press(&state, "2", "a", "Ctrl-t")
        let targets = try #require(state.editor?.targets)
        let screen = Screen.render(state).snapshot()
        let border = try #require(screen.split(separator: "\n").first { $0.contains("└") && $0.contains("more") }, "\(screen)")
        let shown = screen.split(separator: "\n").filter { line in targets.contains { line.contains(state.record.partLabel(of: $0)) } }.count
        #expect(border.contains("↓ \(targets.count - shown) more"), "\(screen)")
        // Further down, the parts passed are counted above.
        for _ in 0..<(targets.count - 2) { AppFixture.press(&state, "Down") }
        #expect(Screen.render(state).snapshot().contains("↑ "))
    }

    @Test("a new tag Obsidian would not read as one is refused on Ctrl-S, the note kept open on its tags; a tag in use stays usable")
    func newTagRefused() throws {
        let loop = try StoreLoop()
        var state = try AppFixture.state()
        // A tag from before the rule, or written by hand, is in the store.
        let old = try loop.store.save(loop.store.makeNote(target: NoteTarget(item: "osce-cbms"), body: "x", tags: ["c++"], author: "a"), base: nil).saved
        try loop.run([.refreshNotes], &state)
        try loop.press(&state, "2", "a")
        AppFixture.type(&state, "on R&D")
        try loop.press(&state, "Tab")
        AppFixture.type(&state, "R&D")
        try loop.press(&state, "Ctrl-s")
        #expect(state.message == "tag 'R&D' has '&'; a tag holds letters, digits, '-', '_' and '/', as Obsidian reads tags, e.g. 'R-D'; not saved yet")
        #expect(state.editor?.field == .tags)
        #expect(state.editor?.body.text == "on R&D")
        #expect(try loop.store.load().count == 1)
        try loop.press(&state, "Ctrl-u")
        AppFixture.type(&state, "R-D c++")
        try loop.press(&state, "Ctrl-s")
        #expect(state.editor == nil)
        #expect(try loop.store.load().all.first { $0.body == "on R&D" }?.tags == ["R-D", "c++"])
        // The old note keeps its tag through an edit of its text.
        state.editor = NoteEditor(draftID: "d", base: old, targets: [old.target], target: old.target, body: "y", tags: old.tags, session: nil)
        try loop.press(&state, "Ctrl-s")
        #expect(try loop.store.load().note(old.id)?.body == "y")
    }

    @Test("Tab completes a tag already in use, then moves between text and tags")
    func tagCompletion() throws {
        let loop = try StoreLoop()
        var state = try AppFixture.state()
        try loop.store.save(loop.store.makeNote(target: NoteTarget(item: "osce-cbms"), body: "x", tags: ["verification"], author: "a"), base: nil)
        try loop.run([.refreshNotes], &state)
        try loop.press(&state, "2", "a", "Tab")
        AppFixture.type(&state, "ver")
        #expect(state.editor?.completedTag(from: state.knownTags) == "verification")
        try loop.press(&state, "Tab")
        #expect(state.editor?.tags.text == "verification ")
        #expect(state.editor?.field == .tags)
        try loop.press(&state, "Tab")
        #expect(state.editor?.field == .body)

        // Typed in another case, the tag is completed in its own spelling.
        try loop.store.save(loop.store.makeNote(target: NoteTarget(item: "osce-cbms"), body: "y", tags: ["ASAT-tests"], author: "a"), base: nil)
        try loop.run([.refreshNotes], &state)
        try loop.press(&state, "Tab")
        AppFixture.type(&state, "as")
        #expect(Screen.render(state).snapshot().contains("as  → ASAT-tests  (Tab)"))
        try loop.press(&state, "Tab")
        #expect(state.editor?.tags.text == "verification ASAT-tests ")
    }

    @Test("on a terminal without dim (vt220), a completion and the placeholders are underlined, so they do not read as typed")
    func suggestionsWithoutDim() throws {
        /// The style of the first cell of `text` on the screen.
        func style(of text: String, in state: AppState) throws -> Style {
            let canvas = Screen.render(state)
            let rows = canvas.snapshot().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let y = try #require(rows.firstIndex { $0.contains(text) }, "\(text) is on screen")
            let found = try #require(rows[y].range(of: text))
            let x = DisplayWidth.of(rows[y][..<found.lowerBound])
            return try #require(canvas.cell(x: x, y: y)).style
        }
        let loop = try StoreLoop()
        var state = try AppFixture.state()
        try loop.store.save(loop.store.makeNote(target: NoteTarget(item: "osce-cbms"), body: "x", tags: ["verification"], author: "a"), base: nil)
        try loop.run([.refreshNotes], &state)
        try loop.press(&state, "2", "a")
        #expect(try style(of: "Markdown. Enter starts", in: state) == Palette.dim)
        state.showsDim = false
        #expect(try style(of: "Markdown. Enter starts", in: state) == Style(underline: true))
        #expect(try style(of: "tags, separated by spaces", in: state) == Style(underline: true))
        try loop.press(&state, "Tab")
        AppFixture.type(&state, "ver")
        #expect(try style(of: "ification  (Tab)", in: state) == Style(underline: true))
        #expect(try style(of: "verification  (Tab)", in: state) == .plain)
        state.showsDim = true
        #expect(try style(of: "ification  (Tab)", in: state) == Palette.dim)

        var search = try AppFixture.state()
        search.showsDim = false
        try loop.press(&search, "/")
        #expect(try style(of: "search titles, quotes", in: search) == Style(underline: true))
    }

    @Test("a tag typed in full is kept beside longer ones (Tab goes back to the text); Enter in the tags goes back too")
    func exactTagIsNotCompleted() throws {
        let loop = try StoreLoop()
        var state = try AppFixture.state()
        for tag in ["space-weapons", "space"] {
            try loop.store.save(loop.store.makeNote(target: NoteTarget(item: "osce-cbms"), body: tag, tags: [tag], author: "a"), base: nil)
        }
        try loop.run([.refreshNotes], &state)
        try loop.press(&state, "2", "a", "Tab")
        AppFixture.type(&state, "Space")
        #expect(state.editor?.completedTag(from: state.knownTags) == nil)
        try loop.press(&state, "Tab")
        #expect(state.editor?.tags.text == "Space")
        #expect(state.editor?.field == .body)
        try loop.press(&state, "Tab")
        AppFixture.type(&state, " space-w")
        #expect(state.editor?.completedTag(from: state.knownTags) == "space-weapons")
        try loop.press(&state, "Enter")
        #expect(state.editor?.tags.text == "Space space-w")
        #expect(state.editor?.field == .body)
    }

    @Test("a tag the note had, typed in another case, is re-spelled on every note that has it, and the lists agree")
    func respellingRenamesEverywhere() throws {
        let loop = try StoreLoop()
        var state = try AppFixture.state()
        for body in ["first", "second", "third"] {
            try loop.store.save(loop.store.makeNote(target: NoteTarget(item: "osce-cbms"), body: body, tags: ["GGE"], author: "a"), base: nil)
        }
        try loop.run([.refreshNotes], &state)
        // A save that fails re-spells nothing: the note is back in the editor as typed.
        try loop.press(&state, "5", "t")
        for _ in 0..<3 { try loop.press(&state, "Backspace") }
        AppFixture.type(&state, "gge")
        let effects = AppFixture.press(&state, "Ctrl-s")
        guard case .saveNote(let unsaved, _, _)? = effects.first else { Issue.record("no save"); return }
        #expect(!effects.contains { if case .respellTag = $0 { true } else { false } })
        #expect(Reducer.reduce(&state, .storeFailed("disk full", unsaved: unsaved)).isEmpty)
        #expect(state.editor?.tags.text == "gge")
        try loop.press(&state, "Esc", "Esc")
        #expect(try loop.store.load().all.map(\.tags) == [["GGE"], ["GGE"], ["GGE"]])
        // The newest note, not the oldest whose spelling names the tag.
        try loop.press(&state, "t")
        for _ in 0..<3 { try loop.press(&state, "Backspace") }
        AppFixture.type(&state, "gge")
        try loop.press(&state, "Ctrl-s")
        #expect(state.message == "note saved; #GGE is now #gge on 2 other notes too")
        #expect(try loop.store.load().all.map(\.tags) == [["gge"], ["gge"], ["gge"]])
        #expect(state.notes.tagCounts.map(\.tag) == ["gge"])
        let rows = Screen.render(state).snapshot().split(separator: "\n").filter { !$0.contains("is now") }
        #expect(rows.filter { $0.contains("#gge") }.count == 6)
        #expect(!rows.contains { $0.contains("#GGE") })
        // A tag added in another case to a note that did not have it joins the known spelling.
        try loop.press(&state, "a", "Tab")
        AppFixture.type(&state, "GGE")
        try loop.press(&state, "Tab")
        AppFixture.type(&state, "x")
        try loop.press(&state, "Ctrl-s")
        #expect(try loop.store.load().all.last?.tags == ["gge"])
    }

    @Test("each pane keeps its own reader: the Notes pane scrolling an item to a note leaves the Proposals pane's reader of it as it was")
    func readerPositionPerPane() throws {
        let loop = try StoreLoop()
        var state = try AppFixture.state(width: 120, height: 14)
        try loop.store.save(loop.store.makeNote(target: NoteTarget(item: "ppwt"), body: "deep in the item", author: "a"), base: nil)
        try loop.run([.refreshNotes], &state)
        try loop.press(&state, "2")
        #expect(state.selectedItemID == "ppwt" && state.reader?.scroll == 0)
        try loop.press(&state, "5")
        #expect(state.selectedItemID == "ppwt")
        let revealed = try #require(state.reader?.scroll)
        #expect(revealed > 0, "the note is below the first screenful")
        try loop.press(&state, "2")
        #expect(state.reader?.scroll == 0)
        #expect(state.reader?.selectedLink == nil)
        // Scrolled by hand in the Proposals pane, it is found so again after a visit to Notes.
        try loop.press(&state, "Enter", "j", "j")
        let scrolled = try #require(state.reader?.scroll)
        #expect(scrolled > 0)
        try loop.press(&state, "5", "2")
        #expect(state.reader?.scroll == scrolled)
        try loop.press(&state, "5")
        #expect(state.reader?.scroll == revealed)
    }

    @Test("a Notes row gives the item's name more room on a wide list, and a heading's # marks are not taken for a tag")
    func notesRowOnAWideList() throws {
        let loop = try StoreLoop()
        for width in [120, 200] {
            var state = try AppFixture.state(width: width, height: 30)
            try loop.store.save(loop.store.makeNote(target: NoteTarget(item: "osce-cbms"), body: "# Second thoughts\nmore", tags: ["cbms"], author: "a"), base: nil)
            try loop.run([.refreshNotes], &state)
            try loop.press(&state, "5")
            let screen = Screen.render(state).snapshot()
            #expect(screen.contains("#cbms Second thoughts"))
            // A quarter of the list: 13 columns beside a reader at 120, 22 at 200.
            #expect(screen.contains("OSCE confidence-bui") == (width == 200), "\(screen)")
            #expect(screen.contains(width == 200 ? "OSCE confidence-build…" : "OSCE confide…"), "\(screen)")
        }
    }

    @Test("a note written from another pane is the one selected on going to Notes, whether its rows were kept or made again")
    func newNoteSelectedInNotesPane() throws {
        let loop = try StoreLoop()
        var state = try AppFixture.state()
        func write(_ text: String) throws {
            try loop.press(&state, "a")
            AppFixture.type(&state, text)
            try loop.press(&state, "Ctrl-s")
        }
        try loop.press(&state, "1")
        for text in ["one", "two", "three"] { try write(text) }
        try loop.press(&state, "5", "G")
        #expect(state.notes.note(state.selectedRowNoteID ?? "")?.body == "one")
        try loop.press(&state, "1", "j")
        try write("four")
        try loop.press(&state, "2")
        try write("five")
        try loop.press(&state, "5")
        #expect(state.notes.note(state.selectedRowNoteID ?? "")?.body == "five")
    }

    @Test("Esc on unsaved text asks first; a second Esc discards it and its draft")
    func discard() throws {
        var state = try AppFixture.state()
        AppFixture.press(&state, "a")
        AppFixture.type(&state, "half a thought")
        AppFixture.press(&state, "Esc")
        #expect(state.editor != nil)
        #expect(state.message?.contains("Esc again") == true)
        let effects = AppFixture.press(&state, "Esc")
        #expect(state.editor == nil)
        #expect(effects.contains { if case .discardDraft = $0 { true } else { false } })
    }

    @Test("while the terminal is too small no key acts on the hidden screen; q quits as it says, keeping an open note as a draft")
    func tooSmallTakesNoKeys() throws {
        let loop = try StoreLoop()
        var state = try AppFixture.state()
        try loop.press(&state, "a")
        AppFixture.type(&state, "kept")
        try loop.press(&state, "C-s", "5")
        #expect(state.notes.count == 1)
        _ = Reducer.reduce(&state, .input(.resize(width: 30, height: 8)))
        for key in ["d", "a", "j", "Enter", "/", "x", "Backspace", "E"] {
            let before = state
            #expect(AppFixture.press(&state, key).isEmpty, "\(key)")
            #expect(state.notes.count == 1 && state.editor == nil && state.overlay == nil && state.search == nil && state.prompt == nil, "\(key)")
            #expect(state.pane == before.pane, "\(key)")
        }
        #expect(AppFixture.press(&state, "C-l") == [.redrawAll])
        #expect(AppFixture.press(&state, "q") == [.quit])

        // An editor opened before the terminal shrank keeps its text; q saves it as a draft and quits.
        _ = Reducer.reduce(&state, .input(.resize(width: 120, height: 40)))
        try loop.press(&state, "a")
        AppFixture.type(&state, "half a thought")
        _ = Reducer.reduce(&state, .input(.resize(width: 30, height: 8)))
        AppFixture.type(&state, "zz")
        #expect(state.editor?.body.text == "half a thought")
        let ending = AppFixture.press(&state, "q")
        #expect(ending.last == .quit)
        guard case .saveDraft(let draft)? = ending.first else { Issue.record("no draft"); return }
        #expect(draft.body == "half a thought")
    }

    @Test("drafts are saved every three seconds while typing, and on SIGHUP or SIGTERM")
    func drafts() throws {
        let loop = try StoreLoop()
        var state = try AppFixture.state()
        state.processID = 4_000_000   // no such process: the draft counts as abandoned
        AppFixture.press(&state, "a")
        AppFixture.type(&state, "typed during the seminar")
        let at = { (ms: Int64) in NoteTime(millisecondsSince1970: ms) }
        let first = Reducer.reduce(&state, .tick(now: at(10_000)))
        #expect(first.contains { if case .saveDraft(let d) = $0 { d.body == "typed during the seminar" } else { false } })
        try loop.run(first, &state)
        AppFixture.type(&state, "!")
        #expect(!Reducer.reduce(&state, .tick(now: at(11_000))).contains { if case .saveDraft = $0 { true } else { false } })
        #expect(Reducer.reduce(&state, .tick(now: at(13_500))).contains { if case .saveDraft = $0 { true } else { false } })
        // While keys keep coming the tick still writes drafts, but leaves the store alone.
        var typist = state
        AppFixture.type(&typist, "…")
        let typing = Reducer.reduce(&typist, .tick(now: at(17_000), typing: true))
        #expect(typing.contains { if case .saveDraft = $0 { true } else { false } })
        #expect(!typing.contains(.refreshNotes))
        #expect(Reducer.reduce(&typist, .tick(now: at(18_000))).contains(.refreshNotes))

        AppFixture.type(&state, "?")
        let ending = Reducer.reduce(&state, .input(.terminate(.hangup)))
        #expect(ending.last == .quit)
        guard case .saveDraft(let draft)? = ending.first else { Issue.record("no draft on SIGHUP"); return }
        #expect(draft.body == "typed during the seminar!?")
        try loop.store.saveDraft(draft)

        // The next start offers it back; R resumes it in the editor.
        var next = try AppFixture.state()
        next.offerRecoveredDrafts(loop.store.abandonedDrafts())
        #expect(next.recoveredDrafts.count == 1)
        #expect(Screen.render(next).snapshot().contains("1 unsaved draft from a closed window: R resumes it"))
        // Said in full until a key; then a short reminder leaves the hints their room.
        AppFixture.press(&next, "j")
        let status = Screen.render(next).snapshot().split(separator: "\n").last.map(String.init) ?? ""
        #expect(status.contains("  R: 1 draft ") && status.contains("? help  q quit"), "\(status)")
        AppFixture.press(&next, "R")
        #expect(next.editor?.body.text == "typed during the seminar!?")
    }

    @Test("Ctrl-C on unsaved text asks first; a second Ctrl-C quits keeping the draft, a key between starts over")
    func interruptInEditorAsksFirst() throws {
        var state = try AppFixture.state()
        AppFixture.press(&state, "a")
        AppFixture.type(&state, "a point made")
        #expect(Reducer.reduce(&state, .input(.terminate(.interrupt))).isEmpty)
        #expect(state.editor != nil)
        #expect(state.message?.contains("Ctrl-C again quits") == true)
        AppFixture.type(&state, "!")
        #expect(state.editor?.confirmingQuit == false)
        #expect(Reducer.reduce(&state, .input(.terminate(.interrupt))).isEmpty)
        // A draft failing on a tick meanwhile leaves the question on screen.
        _ = Reducer.reduce(&state, .storeFailed("drafts: no space left", unsaved: nil))
        #expect(state.message?.contains("Ctrl-C again quits") == true)
        let ending = Reducer.reduce(&state, .input(.terminate(.interrupt)))
        #expect(ending.last == .quit)
        guard case .saveDraft(let draft)? = ending.first else { Issue.record("no draft on the second Ctrl-C"); return }
        #expect(draft.body == "a point made!")
        // Nothing typed: nothing to lose, so Ctrl-C quits at once; SIGTERM never asks.
        var empty = try AppFixture.state()
        AppFixture.press(&empty, "a")
        #expect(Reducer.reduce(&empty, .input(.terminate(.interrupt))).last == .quit)
        AppFixture.type(&state, "more")
        #expect(Reducer.reduce(&state, .input(.terminate(.terminate))).last == .quit)
    }

    @Test("Ctrl-C read as a key takes the interrupt's one path: it asks first on unsaved text, in the editor and with the help open over it")
    func interruptAsKey() throws {
        var state = try AppFixture.state()
        AppFixture.press(&state, "a")
        AppFixture.type(&state, "a point made")
        #expect(AppFixture.press(&state, "Ctrl-c").isEmpty)
        #expect(state.message?.contains("Ctrl-C again quits") == true)
        let ending = AppFixture.press(&state, "Ctrl-c")
        #expect(ending.last == .quit)
        guard case .saveDraft(let draft)? = ending.first else { Issue.record("no draft on the second Ctrl-C"); return }
        #expect(draft.body == "a point made")
        // Anywhere else it quits at once, as the signal does.
        var list = try AppFixture.state()
        AppFixture.press(&list, "?")
        #expect(list.overlay != nil)
        #expect(AppFixture.press(&list, "Ctrl-c") == Reducer.reduce(&list, .input(.terminate(.interrupt))))
    }

    @Test("where a draft could not be written, Ctrl-C's question says the text may go to the temporary folder")
    func interruptWhenDraftsFail() throws {
        var state = try AppFixture.state()
        AppFixture.press(&state, "a")
        AppFixture.type(&state, "a point made")
        _ = Reducer.reduce(&state, .input(.terminate(.interrupt)))
        #expect(state.message == "unsaved note: Ctrl-C again quits and keeps it as a draft; Ctrl-S saves it, any other key goes on editing")
        AppFixture.type(&state, "!")
        _ = Reducer.reduce(&state, .draftNotWritten("could not save a draft: drafts: Permission denied"))
        #expect(state.message == "could not save a draft: drafts: Permission denied")
        _ = Reducer.reduce(&state, .input(.terminate(.interrupt)))
        #expect(state.message == "unsaved note: Ctrl-C again quits and keeps it (as a draft, or in a file in the temporary folder if drafts still cannot be written); Ctrl-S saves it, any other key goes on editing")
    }

    @Test("R with no draft but a text rescued to the temporary folder says where it is, not that there is nothing")
    func resumeRescuedText() throws {
        var state = try AppFixture.state()
        AppFixture.press(&state, "R")
        #expect(state.message == "no unsaved drafts to resume")
        state.rescuedTextReminder = "a note left unsaved earlier (by a window or a command) is in /tmp/travaux-unsaved-note-1-edit-1.txt: add it with …"
        AppFixture.press(&state, "R")
        #expect(state.message == "no unsaved drafts to resume; a note left unsaved earlier (by a window or a command) is in /tmp/travaux-unsaved-note-1-edit-1.txt: add it with …")
    }

    @Test("a session renamed from the command line while the note is open in the editor: the save keeps both the rename and the text, without a conflict copy, and says so")
    func renameWhileEditing() throws {
        let loop = try StoreLoop()
        var state = try AppFixture.state()
        _ = try loop.store.save(loop.store.makeNote(target: NoteTarget(item: "ppwt"), body: "edit me", session: "seminar 4", author: "a"), base: nil)
        try loop.run([.refreshNotes], &state)
        try loop.press(&state, "5", "e")
        AppFixture.type(&state, " more")
        #expect(try loop.store.renameSession("seminar 4", to: "seminar 3").count == 1)
        try loop.press(&state, "Ctrl-s")
        let notes = try loop.store.load().all
        #expect(notes.map(\.body) == ["edit me more"] && notes.map(\.session) == ["seminar 3"])
        #expect(state.message == "note saved, with the session changed elsewhere meanwhile (another window, a command or a git pull) kept")
        #expect(state.notes.all.map(\.session) == ["seminar 3"])
    }

    @Test("a draft of an edit resumed after the note changed elsewhere saves as a conflict copy, losing neither text")
    func resumedDraftAfterChangeElsewhere() throws {
        let loop = try StoreLoop()
        var state = try AppFixture.state()
        state.processID = 4_000_000   // no such process: the draft counts as abandoned
        let original = try loop.store.save(loop.store.makeNote(target: NoteTarget(item: "ppwt"), body: "base text", author: "a"), base: nil).saved
        try loop.run([.refreshNotes], &state)
        try loop.press(&state, "5", "e")
        AppFixture.type(&state, " edited in the window")
        let ending = Reducer.reduce(&state, .input(.terminate(.hangup)))
        guard case .saveDraft(let draft)? = ending.first else { Issue.record("no draft on SIGHUP"); return }
        #expect(draft.baseUpdated == original.updated.iso8601)
        try loop.store.saveDraft(draft)
        // Meanwhile, the command line changes the note.
        var changed = original
        changed.body = "changed by the command line"
        _ = try loop.store.save(changed, base: original)

        var next = try AppFixture.state()
        try loop.run([.refreshNotes], &next)
        next.recoveredDrafts = loop.store.abandonedDrafts()
        try loop.press(&next, "R")
        #expect(next.message == "this note changed elsewhere since the draft; saving keeps both (a conflict copy)")
        try loop.press(&next, "Ctrl-s")
        let bodies = try loop.store.load().all.map(\.body).sorted()
        #expect(bodies == ["base text edited in the window", "changed by the command line"])
        // The copy is named by a beginning of its id, which the command line takes.
        let named = try #require(next.message?.split(separator: "(").last?.dropLast())
        let copy = try #require(try loop.store.load().all.first { $0.conflictOf != nil })
        #expect(named.count >= 8 && copy.id.hasPrefix(named), "\(next.message ?? "")")
        #expect(try loop.store.load().resolve(String(named)).id == copy.id)
        // In the Notes pane at 60 columns, long tags and all, the copy is told from its original.
        var narrow = try AppFixture.state(width: 60, height: 20)
        var tagged = copy
        tagged.tags = ["res-1540", "cyber-treaty", "R-D", "verification"]
        _ = try loop.store.save(tagged, base: copy)
        try loop.run([.refreshNotes], &narrow)
        try loop.press(&narrow, "5")
        let rows = Screen.render(narrow).snapshot().split(separator: "\n")
        #expect(rows.contains { $0.contains("conflict copy #res-1540") }, "\(rows)")

        // Unchanged elsewhere, the draft's note is simply the note.
        #expect(draft.base(now: original).changedElsewhere == false)
        #expect(draft.base(now: original).note == original)
        #expect(draft.base(now: nil).note == nil)
    }

    @Test("two windows offered the same closed window's draft: the first R takes it, the second finds it gone and opens nothing, so its note is saved once")
    func draftResumedInOneWindowOnly() throws {
        let loop = try StoreLoop()
        var closed = try AppFixture.state()
        AppFixture.press(&closed, "a")
        AppFixture.type(&closed, "orphan draft")
        guard case .saveDraft(let draft)? = Reducer.reduce(&closed, .input(.terminate(.hangup))).first else {
            Issue.record("no draft on SIGHUP"); return
        }
        try loop.store.saveDraft(draft)
        var first = try AppFixture.state(), second = try AppFixture.state()
        first.processID = 4_000_010
        second.processID = 4_000_011
        for index in [0, 1] {
            var window = index == 0 ? first : second
            try loop.run([.refreshNotes], &window)
            window.offerRecoveredDrafts(loop.store.abandonedDrafts())
            if index == 0 { first = window } else { second = window }
        }
        #expect(first.recoveredDrafts.count == 1 && second.recoveredDrafts.count == 1)
        try loop.press(&first, "R")
        #expect(first.editor?.body.text == "orphan draft")
        try loop.press(&first, "Ctrl-s")
        try loop.press(&second, "R")
        #expect(second.editor == nil)
        #expect(second.message == "that draft was resumed in another window, or its note saved there: nothing to resume here")
        #expect(try loop.store.load().all.map(\.body) == ["orphan draft"])
    }

    @Test("d deletes the selected note and u brings it back, same id and text")
    func deleteAndUndo() throws {
        let loop = try StoreLoop()
        var state = try AppFixture.state()
        try loop.press(&state, "a")
        AppFixture.type(&state, "to delete")
        try loop.press(&state, "Ctrl-s", "5")
        let id = try #require(state.selectedNote?.id)
        try loop.press(&state, "d")
        #expect(state.notes.isEmpty)
        #expect(try loop.store.load().isEmpty)
        #expect(state.message?.contains("u brings it back") == true)
        try loop.press(&state, "u")
        #expect(try loop.store.load().note(id)?.body == "to delete")
        #expect(state.notes.note(id) != nil)
        #expect(state.message == "note brought back")
        #expect(state.restoringNoteID == nil)
        try loop.press(&state, "u")
        #expect(state.message == "nothing to undo")
    }

    @Test("u after another window saved the note again keeps that window's edit; what came back is a conflict copy, said so")
    func undeleteAfterEditElsewhere() throws {
        let loop = try StoreLoop()
        var state = try AppFixture.state()
        try loop.press(&state, "a")
        AppFixture.type(&state, "original")
        try loop.press(&state, "Ctrl-s", "5")
        let note = try #require(state.selectedNote)
        try loop.press(&state, "d")
        var edited = note
        edited.body = "original + B's important edit"
        try loop.store.save(edited, base: note)   // the other window, which had it open
        try loop.press(&state, "u")
        #expect(try loop.store.load().note(note.id)?.body == "original + B's important edit")
        #expect(try loop.store.load().all.map(\.body).sorted() == ["original", "original + B's important edit"])
        #expect(state.message?.hasPrefix("this note was saved again elsewhere (another window, a command or a git pull) since you deleted it; it stays, and what you brought back is a conflict copy (") == true,
                "\(state.message ?? "")")
    }

    @Test("R writes this window's draft before it removes the one it resumes, so the text is always on disk")
    func resumeKeepsADraftOnDisk() throws {
        let loop = try StoreLoop()
        var state = try AppFixture.state()
        state.processID = 4_000_000
        try loop.press(&state, "a")
        AppFixture.type(&state, "typed before the window closed")
        guard case .saveDraft(let draft)? = Reducer.reduce(&state, .input(.terminate(.hangup))).first else { Issue.record("no draft"); return }
        try loop.store.saveDraft(draft)
        var next = try AppFixture.state()
        next.recoveredDrafts = loop.store.abandonedDrafts()
        let effects = AppFixture.press(&next, "R")
        guard case .replaceDraft(let mine, let old)? = effects.first, effects.count == 1 else { Issue.record("\(effects)"); return }
        #expect(old == draft && mine.body == draft.body && mine.pid == next.processID)
        try loop.run(effects, &next)
        let files = try FileManager.default.contentsOfDirectory(atPath: loop.store.directory + "/drafts")
        #expect(files.count == 1 && files.first?.contains("-\(next.processID)") == true, "\(files)")
    }

    @Test("a first read of the store that fails says so in the Notes pane and to every command needing notes, until a read succeeds")
    func unreadableStore() throws {
        var state = try AppFixture.state()
        state.notesLoading = true
        _ = Reducer.reduce(&state, .notesUnreadable("store.json: damaged"))
        #expect(!state.notesLoading && state.notesUnreadable != nil)
        AppFixture.press(&state, "5")
        #expect(Screen.render(state).snapshot().contains("the notes could not be read"))
        AppFixture.press(&state, "x")
        #expect(state.message == "notes not read: store.json: damaged; they are read again when the store changes")
        AppFixture.press(&state, "1", "a")
        #expect(state.editor != nil, "a new note needs nothing read")
        AppFixture.press(&state, "Esc", "5")
        // Read again after the store changed, and failing for another reason: that one is said.
        _ = Reducer.reduce(&state, .notesUnreadable("store.json: written by a newer travaux"))
        AppFixture.press(&state, "x")
        #expect(state.message == "notes not read: store.json: written by a newer travaux; they are read again when the store changes")
        _ = Reducer.reduce(&state, .notesReloaded(NoteCollection(notes: [])))
        #expect(state.notesUnreadable == nil)
        #expect(Screen.render(state).snapshot().contains("no notes yet"))
    }

    @Test("F1 in the editor, where ? is text, opens the help at the editor's keys over the note, which is as it was after")
    func helpFromEditor() throws {
        var state = try AppFixture.state()
        AppFixture.press(&state, "2", "a")
        AppFixture.type(&state, "what? said")
        AppFixture.press(&state, "F1")
        guard case .help(let scroll)? = state.overlay else { Issue.record("no help: \(String(describing: state.overlay))"); return }
        #expect(scroll > 0)
        let screen = Screen.render(state).snapshot()
        #expect(screen.contains("In the note editor"))
        #expect(Screen.cursor(state) == nil, "the editor's cursor is not drawn over the help")
        // PgDn turns a whole page of it, Ctrl-d half of one.
        let page = HelpOverlay.pageRows(state)
        AppFixture.press(&state, "PgDn")
        #expect(state.overlay == .help(scroll: min(scroll + page, HelpOverlay.maxScroll(state))))
        AppFixture.press(&state, "g", "Ctrl-d")
        #expect(state.overlay == .help(scroll: page / 2))
        // Keys scroll and close the help; none reaches the note.
        AppFixture.press(&state, "j", "q")
        #expect(state.overlay == nil)
        #expect(state.editor?.body.text == "what? said")
        AppFixture.type(&state, " more")
        #expect(state.editor?.body.text == "what? said more")
    }

    @Test("e with no note selected says how to select one from where you are")
    func editWithoutNote() throws {
        var state = try AppFixture.state()
        AppFixture.press(&state, "2", "e")
        #expect(state.message == "select a note: press 5 for the Notes pane, or Enter then Tab to a ✎ marker in the reader")
        AppFixture.press(&state, "Enter", "e")
        #expect(state.message == "select a note: Tab to a ✎ marker, or press 5 for the Notes pane")
        AppFixture.press(&state, "5", "e")
        #expect(state.message == "no note selected")
    }

    @Test("a save that fails keeps its message when the draft after it fails too")
    func saveFailureNotHidden() throws {
        var state = try AppFixture.state()
        AppFixture.press(&state, "a")
        AppFixture.type(&state, "on a full disk")
        let note = Note(id: "01JFULLDISK0000000000000000", target: NoteTarget(item: "ppwt"), body: "on a full disk", author: "a",
                        created: NoteTime(millisecondsSince1970: 0))
        _ = Reducer.reduce(&state, .storeFailed("No space left on device", unsaved: note))
        _ = Reducer.reduce(&state, .storeFailed("could not save a draft: No space left on device", unsaved: nil))
        #expect(state.message == "note not saved: No space left on device (your text is back in the editor); drafts cannot be written either")
        _ = Reducer.reduce(&state, .storeFailed("could not save a draft: No space left on device", unsaved: nil))
        #expect(state.message?.hasSuffix("(your text is back in the editor); drafts cannot be written either") == true)
    }

    @Test("Esc twice on changes to a note says the changes went, not the note")
    func discardChanges() throws {
        let loop = try StoreLoop()
        var state = try AppFixture.state()
        try loop.press(&state, "a")
        AppFixture.type(&state, "kept")
        try loop.press(&state, "Ctrl-s", "5", "e")
        AppFixture.type(&state, " and more")
        try loop.press(&state, "Esc")
        #expect(state.message == "unsaved changes: Esc again to discard them, Ctrl-S to save them")
        try loop.press(&state, "Esc")
        #expect(state.message == "changes discarded; the note is as it was — u brings them back")
        #expect(try loop.store.load().all.map(\.body) == ["kept"])
        try loop.press(&state, "a")
        AppFixture.type(&state, "new")
        try loop.press(&state, "Esc", "Esc")
        #expect(state.message == "new note discarded — u brings it back")
    }

    @Test("a tag typed in another case takes the spelling the notes already give it")
    func tagSpelling() throws {
        let loop = try StoreLoop()
        var state = try AppFixture.state()
        for tags in ["Verification ASAT", "verification asat new"] {
            try loop.press(&state, "a")
            AppFixture.type(&state, "text")
            try loop.press(&state, "Tab")
            AppFixture.type(&state, tags)
            try loop.press(&state, "Ctrl-s")
        }
        #expect(state.notes.all.map(\.tags) == [["Verification", "ASAT"], ["Verification", "ASAT", "new"]])
        #expect(state.notes.tagCounts.map(\.tag).sorted() == ["ASAT", "Verification", "new"])
    }

    @Test("u brings back every note deleted in the window, last first: a second delete never loses the first")
    func undoSeveralDeletes() throws {
        let loop = try StoreLoop()
        var state = try AppFixture.state()
        for text in ["first", "second", "third"] {
            try loop.press(&state, "a")
            AppFixture.type(&state, text)
            try loop.press(&state, "Ctrl-s")
        }
        try loop.press(&state, "5")
        try loop.press(&state, "d", "d", "u", "d")
        #expect(state.notes.count == 1)
        try loop.press(&state, "u")
        #expect(state.message == "note brought back — u brings back 1 more")
        #expect(state.selectedNote?.body == "second")
        try loop.press(&state, "u")
        #expect(state.message == "note brought back")
        #expect(Set(try loop.store.load().all.map(\.body)) == ["first", "second", "third"])
        try loop.press(&state, "u")
        #expect(state.message == "nothing to undo")
    }

    @Test("e edits the selected note; t opens it on its tags")
    func editAndTags() throws {
        let loop = try StoreLoop()
        var state = try AppFixture.state()
        try loop.press(&state, "a")
        AppFixture.type(&state, "first")
        try loop.press(&state, "Ctrl-s", "5", "e")
        #expect(state.editor?.base != nil)
        #expect(state.editor?.body.text == "first")
        AppFixture.type(&state, " edit")
        try loop.press(&state, "Ctrl-s", "t")
        #expect(state.editor?.field == .tags)
        AppFixture.type(&state, "later")
        try loop.press(&state, "Ctrl-s")
        let note = try #require(try loop.store.load().all.first)
        #expect(note.body == "first edit")
        #expect(note.tags == ["later"])
        #expect(try loop.store.load().count == 1)
    }

    @Test("the tag filter narrows every list to tagged items; the Notes pane filters by words")
    func filters() throws {
        let loop = try StoreLoop()
        var state = try AppFixture.state()
        for (item, tag, body) in [("ppwt", "treaty", "alpha words"), ("osce-cbms", "cbm", "beta words"), ("chapter-fn-2", "cbm", "on a footnote")] {
            try loop.store.save(loop.store.makeNote(target: NoteTarget(item: item), body: body, tags: [tag], author: "a"), base: nil)
        }
        try loop.run([.refreshNotes], &state)
        try loop.press(&state, "2", "f")
        guard case .filter(let menu)? = state.overlay else { Issue.record("no filter menu"); return }
        let tagRow = try #require(menu.choices(in: state).firstIndex { $0.value == "tag" })
        for _ in 0..<tagRow { try loop.press(&state, "j") }
        try loop.press(&state, "Enter")
        guard case .filter(let tags)? = state.overlay else { Issue.record("no tag menu"); return }
        let treaty = try #require(tags.choices(in: state).firstIndex { $0.value == "treaty" })
        for _ in 0..<treaty { try loop.press(&state, "j") }
        try loop.press(&state, "Enter")
        #expect(state.currentRows.compactMap(\.itemID) == ["ppwt"])
        // Footnotes and themes too, under the headings that still hold something.
        try loop.press(&state, "3")
        #expect(state.currentRows.isEmpty)
        try loop.press(&state, "4")
        #expect(state.currentRows.isEmpty)
        #expect(Screen.render(state).snapshot().contains("Themes  0/0  [tag: #treaty]"))
        try loop.press(&state, "5")
        #expect(state.currentRows.compactMap(\.noteID).count == 1)
        Reducer.applyFilters(&state, RecordFilter(forum: "osce", tag: TagFilter(name: "cbm", notes: state.notes)))
        try loop.press(&state, "3")
        #expect(state.currentRows.compactMap(\.itemID) == ["chapter-fn-2"])
        #expect(state.currentRows.count == 2)   // its work's heading, the other work's gone
        // The forum says nothing about footnotes, so the status line shows only the tag there.
        let status = try #require(Screen.render(state).snapshot().split(separator: "\n").last)
        #expect(status.contains("[tag: #cbm]") && !status.contains("forum"))
        try loop.press(&state, "2")
        #expect(try #require(Screen.render(state).snapshot().split(separator: "\n").last).contains("forum: "))
        try loop.press(&state, "5", "F", "/")
        AppFixture.type(&state, "beta")
        #expect(state.currentRows.compactMap(\.itemID) == ["osce-cbms"])
        try loop.press(&state, "Esc")
        #expect(state.currentRows.compactMap(\.noteID).count == 3)
    }

    /// The Notes pane's rows as a first look at the pane would make them, nothing kept.
    static func freshNoteRows(_ state: AppState) -> [PaneRow] {
        var fresh = NoteSearchText()
        return PaneRows.rows(for: .notes, record: state.record, filters: state.filters, searchHits: [], searchQuery: "",
                             notes: state.notes, noteFilter: state.noteFilter, noteText: &fresh, zone: state.zone)
    }

    /// Another window's edit of the note whose body is `body`, saved to the store and read back.
    @discardableResult
    static func editElsewhere(_ body: String, to newBody: String, _ loop: StoreLoop, _ state: inout AppState) throws -> Note {
        let before = try #require(state.notes.unordered.first { $0.body == body })
        var edited = before
        edited.body = newBody
        try loop.store.save(edited, base: before)
        try loop.run([.refreshNotes], &state)
        return edited
    }

    @Test("the Notes pane's filter, typed, deleted, and with notes changing meanwhile, lists what a fresh filter lists")
    func filterKeptBetweenKeys() throws {
        let loop = try StoreLoop()
        var state = try AppFixture.state()
        for (index, body) in ["alpha verification", "beta vérifiable", "gamma", "alphabet soup"].enumerated() {
            try loop.store.save(loop.store.makeNote(target: NoteTarget(item: index % 2 == 0 ? "ppwt" : "osce-cbms"),
                                                    body: body, tags: [], author: "a"), base: nil)
        }
        try loop.run([.refreshNotes], &state)
        try loop.press(&state, "5", "/")
        func expectFresh(_ step: String) {
            #expect(state.currentRows == Self.freshNoteRows(state), "\(step): '\(state.noteFilter.text)'")
        }
        for character in "verif" { AppFixture.type(&state, String(character)); expectFresh("typed") }
        #expect(state.currentRows.compactMap(\.noteID).count == 2)
        // Another window edits a note while the filter is open.
        try Self.editElsewhere("gamma", to: "gamma, verified", loop, &state)
        expectFresh("after an edit")
        AppFixture.type(&state, "i")
        expectFresh("typed")
        #expect(state.currentRows.compactMap(\.noteID).count == 3)
        for _ in 0..<6 { try loop.press(&state, "Backspace"); expectFresh("deleted") }
        #expect(state.currentRows.compactMap(\.noteID).count == 4)
    }

    @Test("a space, or a # with no tag yet, typed in the Notes filter keeps the list as it was; a tag's first letter lists again")
    func filterKeepsRowsWhenNothingChanges() throws {
        let loop = try StoreLoop()
        var state = try AppFixture.state()
        for (index, tags) in [["verification"], ["venue"], []].enumerated() {
            try loop.store.save(loop.store.makeNote(target: NoteTarget(item: index % 2 == 0 ? "ppwt" : "osce-cbms"),
                                                    body: "note \(index)", tags: tags, author: "a"), base: nil)
        }
        try loop.run([.refreshNotes], &state)
        try loop.press(&state, "5", "/")
        let listed = state.currentRows
        let revision = state.rowsRevision
        AppFixture.type(&state, "#")
        #expect(state.rowsRevision == revision)
        #expect(state.currentRows == listed)
        AppFixture.type(&state, "v")
        #expect(state.rowsRevision != revision)
        #expect(state.currentRows.compactMap(\.noteID).count == 2)
        let typed = state.rowsRevision
        AppFixture.type(&state, " ")
        try loop.press(&state, "Enter")
        #expect(state.rowsRevision == typed, "the space and Enter keep the rows")
        #expect(state.noteFilter.text == "#v ")
        // The words are offered selected: a move keeps them to edit.
        try loop.press(&state, "/", "End", "Backspace", "e")
        #expect(state.currentRows.compactMap(\.noteID).count == 2)
        AppFixture.type(&state, "r")
        #expect(state.currentRows.compactMap(\.noteID).count == 1)
        // Typed over, they are replaced; Esc in the list, with nowhere to go back to, clears them.
        try loop.press(&state, "Enter", "/")
        AppFixture.type(&state, "note 2")
        #expect(state.noteFilter.text == "note 2")
        try loop.press(&state, "Enter", "Esc")
        #expect(state.noteFilter.text.isEmpty)
        #expect(state.currentRows.compactMap(\.noteID).count == 3)
    }

    @Test("a key of the Notes filter that lists the same notes keeps the rows; other notes, or the same notes changed, make them again")
    func filterKeepsRowsOfTheSameNotes() throws {
        let loop = try StoreLoop()
        var state = try AppFixture.state()
        for (index, body) in ["alpha verification", "beta verifiable", "gamma"].enumerated() {
            try loop.store.save(loop.store.makeNote(target: NoteTarget(item: index % 2 == 0 ? "ppwt" : "osce-cbms"),
                                                    body: body, tags: [], author: "a"), base: nil)
        }
        try loop.run([.refreshNotes], &state)
        try loop.press(&state, "5", "/")
        AppFixture.type(&state, "verif")
        #expect(state.currentRows.compactMap(\.noteID).count == 2)
        let revision = state.rowsRevision
        AppFixture.type(&state, "i")
        #expect(state.rowsRevision == revision, "verifi lists the same two notes")
        AppFixture.type(&state, "c")
        #expect(state.rowsRevision != revision)
        #expect(state.currentRows.compactMap(\.noteID).count == 1)
        try loop.press(&state, "Backspace")
        #expect(state.currentRows.compactMap(\.noteID).count == 2)
        // Another window edits the older of the two: the same notes match, in another order.
        let edited = try Self.editElsewhere("alpha verification", to: "alpha verification, edited", loop, &state)
        #expect(state.currentRows == Self.freshNoteRows(state))
        #expect(state.currentRows.compactMap(\.noteID).first == edited.id, "the edited note first")
    }

    @Test("a large store is folded ahead once read, and again when the Notes filter opens if need be; a small store does not ask")
    func foldAhead() throws {
        func notes(_ count: Int) -> NoteCollection {
            var made: [Note] = []
            for index in 0..<count {
                let item = index % 2 == 0 ? "ppwt" : "osce-cbms"
                let body = index % 7 == 0 ? "verification n\(index)" : "other n\(index)"
                let created = NoteTime(millisecondsSince1970: 1_795_288_316_654 + Int64(index))
                made.append(Note(id: "01M7ZRGDZTQY8XKGSRE\(1_000_000 + index)", target: NoteTarget(item: item),
                                 body: body, author: "a", created: created))
            }
            return NoteCollection(notes: made)
        }
        var small = try AppFixture.state()
        #expect(Reducer.reduce(&small, .notesReloaded(notes(AppState.foldAheadNotes - 1))).isEmpty)
        _ = Reducer.reduce(&small, .input(.key(.character("5"))))
        #expect(Reducer.reduce(&small, .input(.key(.character("/")))).isEmpty)

        // A large store is folded as soon as it is read; should that not have been done, `/` asks again.
        var state = try AppFixture.state()
        let large = notes(AppState.foldAheadNotes)
        #expect(Reducer.reduce(&state, .notesReloaded(large)) == [.foldNoteText])
        _ = Reducer.reduce(&state, .input(.key(.character("5"))))
        #expect(Reducer.reduce(&state, .input(.key(.character("/")))) == [.foldNoteText])
        // What the run loop's thread posts back is taken, and typing answers from it.
        _ = Reducer.reduce(&state, .noteTextFolded(.folding(state.notes, record: state.record)))
        #expect(state.noteText.count == large.count)
        AppFixture.type(&state, "verif")
        #expect(state.currentRows == Self.freshNoteRows(state))
        #expect(state.currentRows.compactMap(\.noteID).count == (0..<large.count).filter { $0 % 7 == 0 }.count)
        // Opening the filter again asks for nothing: the notes are folded.
        _ = Reducer.reduce(&state, .input(.key(.escape)))
        #expect(Reducer.reduce(&state, .input(.key(.character("/")))).isEmpty)

        // Folded for notes read before the ones now held (the store read again meanwhile, in
        // another order): taken for a start, and folded again on another thread, so that the
        // first key of a search does not fold them all itself.
        var reread = try AppFixture.state()
        let before = notes(AppState.foldAheadNotes)
        _ = Reducer.reduce(&reread, .notesReloaded(before))
        let stale = NoteSearchText.folding(reread.notes, record: reread.record)
        _ = Reducer.reduce(&reread, .notesReloaded(NoteCollection(notes: before.all.reversed())))
        #expect(Reducer.reduce(&reread, .noteTextFolded(stale)) == [.foldNoteText])
        #expect(reread.noteText.count == before.count)
        let current = NoteSearchText.folding(reread.notes, record: reread.record)
        #expect(Reducer.reduce(&reread, .noteTextFolded(current)).isEmpty)
        #expect(reread.noteText.revision == reread.notes.revision)
    }

    @Test("x exports what the view shows to a file, and asks before replacing one")
    func export() throws {
        let loop = try StoreLoop()
        var state = try AppFixture.state()
        for (item, tag) in [("ppwt", "treaty"), ("osce-cbms", "cbm")] {
            try loop.store.save(loop.store.makeNote(target: NoteTarget(item: item), body: "on \(item)", tags: [tag], author: "a"), base: nil)
        }
        try loop.run([.refreshNotes], &state)
        let path = loop.store.directory + "-handout.md"
        // A filter nothing passes: said at once, no file name asked for.
        state.filters.domain = .general
        try loop.press(&state, "x")
        #expect(state.prompt == nil)
        #expect(state.message == "no notes with domain 'general'; F clears the filters")
        // Only the space domain in view: only the PPWT note goes out, as the prompt says.
        state.filters.domain = .space
        try loop.press(&state, "x")
        #expect(state.prompt?.purpose == .exportFile(replace: false))
        #expect(state.prompt?.label == "Export 1 note (domain 'space') to: ")
        for _ in 0..<20 { try loop.press(&state, "Backspace") }
        AppFixture.type(&state, path)
        try loop.press(&state, "Enter")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("on ppwt") && !text.contains("on osce-cbms"))
        #expect(text.hasPrefix("---\n"))

        // The file last written is offered again, as a handout is written again.
        try loop.press(&state, "x")
        #expect(state.prompt?.field.text == path)
        try loop.press(&state, "Enter")
        #expect(state.prompt?.purpose == .exportFile(replace: true))
        // "exists; replace?" answered by reflex: n keeps the file, y replaces it, neither is a file name.
        try loop.press(&state, "n")
        #expect(state.prompt == nil && state.message == "nothing exported")
        try loop.press(&state, "x", "Enter")
        #expect(state.prompt?.purpose == .exportFile(replace: true))
        state.filters.domain = nil
        try loop.press(&state, "y")
        #expect(try String(contentsOfFile: path, encoding: .utf8).contains("on osce-cbms"))
        #expect(!FileManager.default.fileExists(atPath: URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent("y").path))
        #expect(!FileManager.default.fileExists(atPath: "y"))
        // A session's notes are offered a file of the session's name.
        state.noteFilter.session = "Seminar 3: Geneva"
        try loop.save(loop.store.makeNote(target: NoteTarget(item: "ppwt"), body: "in the seminar", session: "Seminar 3: Geneva", author: "a"), &state)
        try loop.press(&state, "x")
        #expect(state.prompt?.field.text == "seminar-3-geneva.md")
        #expect(ExportFile.suggestedName(session: "外空 · 2026") == "外空-2026.md")
        #expect(ExportFile.suggestedName(session: "!!") == nil)
    }

    @Test("Ctrl-T in the export prompt switches the handout between by item and as taken, keeping the name typed; the window keeps the choice")
    func exportOrderToggle() throws {
        let loop = try StoreLoop()
        var state = try AppFixture.state()
        try loop.store.save(loop.store.makeNote(target: NoteTarget(item: "ppwt"), body: "on ppwt", author: "a"), base: nil)
        try loop.run([.refreshNotes], &state)
        AppFixture.press(&state, "x")
        #expect(state.prompt?.label == "Export 1 note to: ")
        func status() -> String { Screen.render(state).snapshot().split(separator: "\n").last.map(String.init) ?? "" }
        #expect(status().contains("Ctrl-T as taken"), "\(status())")
        AppFixture.press(&state, "Ctrl-u")
        AppFixture.type(&state, "minutes.md")
        AppFixture.press(&state, "Ctrl-t")
        #expect(state.prompt?.label == "Export 1 note (as taken) to: " && state.prompt?.field.text == "minutes.md")
        #expect(status().contains("Ctrl-T by item"), "\(status())")
        let effects = AppFixture.press(&state, "Enter")
        guard case .exportNotes(_, "minutes.md", replace: false, order: .time)? = effects.first else {
            Issue.record("Enter asked for \(effects)"); return
        }
        _ = Reducer.reduce(&state, .exportFinished(.success("exported"), path: "minutes.md"))
        AppFixture.press(&state, "x")
        #expect(state.prompt?.label == "Export 1 note (as taken) to: ")
        AppFixture.press(&state, "Ctrl-t")
        #expect(state.prompt?.label == "Export 1 note to: " && state.exportOrder == .item)
    }

    @Test("while a handout is written on another thread, keys are answered; x waits for it, q lets it finish")
    func exportInBackground() throws {
        let loop = try StoreLoop()
        var state = try AppFixture.state()
        try loop.store.save(loop.store.makeNote(target: NoteTarget(item: "ppwt"), body: "on ppwt", author: "a"), base: nil)
        try loop.run([.refreshNotes], &state)
        // The reducer alone: the export it asks for is not done until exportFinished comes back.
        func press(_ names: String...) -> [Effect] {
            names.flatMap { name in KeyEvent(name: name).map { Reducer.reduceAlone(&state, .key($0)) } ?? [] }
        }
        _ = press("x")
        let effects = press("Enter")
        guard case .exportNotes(_, let path, replace: false, _)? = effects.first else {
            Issue.record("Enter asked for \(effects), not an export"); return
        }
        #expect(state.exportingTo == path)
        #expect(state.message == "exporting to \(path)…")
        _ = press("j", "2")
        #expect(state.pane == .proposals)
        #expect(state.message == nil)
        var position = ListPosition(), left = StatusText()
        StatusLine.leftText(state, position: &position, into: &left)
        #expect(left.string.hasSuffix("— exporting to \(path)…"), "the status line still says the export runs: \(left.string)")
        #expect(press("x").isEmpty)
        #expect(state.prompt == nil)
        #expect(state.message == "still writing \(path); export again when it is done")
        #expect(press("q") == [.quit])
        #expect(state.message == "finishing \(path) before quitting…")

        // A file found in the way once the editor is open: said, not asked over the editor.
        _ = press("a")
        #expect(state.editor != nil)
        _ = Reducer.reduce(&state, .exportFinished(.failure(.fileExists(path: path)), path: path))
        #expect(state.prompt == nil && state.editor != nil)
        #expect(state.message == "\(path) exists; nothing exported (x again to replace it)")
        _ = press("Esc")
        #expect(state.editor == nil)

        _ = press("x", "Enter")
        _ = Reducer.reduce(&state, .exportFinished(.success("exported 1 note to \(path)"), path: path))
        #expect(state.exportingTo == nil)
        #expect(state.message == "exported 1 note to \(path)")
        // The report stays until the user acts: the tick and other threads' results keep it.
        _ = Reducer.reduce(&state, .tick(now: NoteTime(millisecondsSince1970: 0)))
        _ = Reducer.reduce(&state, .notesReloaded(state.notes))
        _ = Reducer.reduce(&state, .idle)
        #expect(state.message == "exported 1 note to \(path)")
        _ = press("j")
        #expect(state.message == nil)
        _ = press("x")
        #expect(state.prompt?.purpose == .exportFile(replace: false))

        // A file that cannot be written: the error is said and the name typed stays to correct.
        _ = press("Esc")
        let missing = "/nowhere/seminar/s3.md"
        let error = ExportError.io(path: missing, reason: "its folder does not exist; create it with mkdir -p /nowhere/seminar, or choose another file")
        _ = Reducer.reduce(&state, .exportFinished(.failure(error), path: missing))
        #expect(state.prompt?.purpose == .exportFile(replace: false) && state.prompt?.field.text == missing)
        #expect(state.message == error.description)
        _ = press("Esc")
        #expect(state.prompt == nil && state.message == "nothing exported")
    }

    @Test("S sets the session stamped on new notes")
    func session() throws {
        let loop = try StoreLoop()
        var state = try AppFixture.state()
        try loop.press(&state, "S")
        AppFixture.type(&state, "seminar-3")
        try loop.press(&state, "Enter", "a")
        AppFixture.type(&state, "x")
        try loop.press(&state, "Ctrl-s")
        #expect(try loop.store.load().all.first?.session == "seminar-3")
        #expect(Screen.render(state).snapshot().contains("session: seminar-3"))
    }

    @Test("a note another window saved appears at the next tick; a failed save goes back into the editor")
    func otherWindowAndFailure() throws {
        let loop = try StoreLoop()
        var state = try AppFixture.state()
        let other = NoteStore(directory: loop.store.directory)
        try other.save(other.makeNote(target: NoteTarget(item: "ppwt"), body: "from the CLI", author: "b"), base: nil)
        try loop.run(Reducer.reduce(&state, .tick(now: NoteTime(millisecondsSince1970: 0))), &state)
        #expect(state.notes.all.map(\.body) == ["from the CLI"])

        let unsaved = Note(id: "01M00000000000000000000000", target: NoteTarget(item: "ppwt"), body: "precious", author: "a",
                           created: NoteTime(millisecondsSince1970: 0))
        _ = Reducer.reduce(&state, .storeFailed("disk full", unsaved: unsaved))
        #expect(state.editor?.body.text == "precious")
        #expect(state.message == "note not saved: disk full (your text is back in the editor)")
    }

    @Test("u in a store that refuses the write keeps the deleted note for the next u, not in an editor")
    func undeleteRefused() throws {
        let loop = try StoreLoop()
        var state = try AppFixture.state()
        let note = try loop.store.save(loop.store.makeNote(target: NoteTarget(item: "ppwt"), body: "keep me", author: "a"), base: nil).saved
        try loop.run([.refreshNotes], &state)
        try loop.press(&state, "5", "d")
        #expect(Self.deletedIDs(state) == [note.id])
        let effects = AppFixture.press(&state, "u")
        #expect(effects == [.saveNote(note, base: nil)])
        _ = Reducer.reduce(&state, .storeFailed("/store/x.json: Read-only file system", unsaved: note))
        #expect(state.editor == nil)
        #expect(Self.deletedIDs(state) == [note.id])
        #expect(state.message == "note not brought back: /store/x.json: Read-only file system; u tries again")
        try loop.press(&state, "u")
        #expect(try loop.store.load().note(note.id)?.body == "keep me")
        #expect(state.message == "note brought back")
    }

    @Test("an edit saved after another window deleted the note says it brought the note back, and selects it again")
    func savedOverDeletion() throws {
        let loop = try StoreLoop()
        var state = try AppFixture.state()
        var notes: [Note] = []
        for body in ["first", "kept", "last"] {
            notes.append(try loop.store.save(loop.store.makeNote(target: NoteTarget(item: "ppwt"), body: body, author: "a"), base: nil).saved)
        }
        let note = notes[1]
        try loop.run([.refreshNotes], &state)
        try loop.press(&state, "5")
        while state.selectedNote?.id != note.id { try loop.press(&state, "j") }
        try loop.press(&state, "e")
        AppFixture.type(&state, " and more")
        try loop.store.delete(note.id, base: note)   // another window
        // The delete reaches this window's list under the editor: the selection moves on.
        try loop.run([.refreshNotes], &state)
        #expect(state.selectedNote?.id != note.id)
        try loop.press(&state, "Ctrl-S")
        #expect(state.message == "note saved; it had been deleted elsewhere (another window, a command or a git pull) since you opened it, and this save brought it back (d deletes it again)")
        #expect(try loop.store.load().note(note.id)?.body == "kept and more")
        // `e` and `d` act on the note just saved, which the reader shows, not on its neighbour.
        #expect(state.selectedNote?.id == note.id)
        #expect(state.reader?.layout?.links.contains { $0.target == note.id } == true)
    }

    @Test("E with an editor that fails closes the editor behind it (what was written is in the file named); after Ctrl-X the editor stays")
    func failedExternalEditCloses() throws {
        var state = try AppFixture.state()
        let effects = AppFixture.press(&state, "2", "E")
        #expect(effects == [.editExternally(text: "")])
        let failure = ExternalEditFailure("'vi' exited with status 1; the note was left as it was, and what you wrote is kept in /tmp/x.md")
        let after = Reducer.reduce(&state, .externalEditFinished(.failure(failure)))
        #expect(state.editor == nil)
        #expect(state.message == failure.message)
        #expect(after.contains(.redrawAll) && after.contains { if case .discardDraft = $0 { true } else { false } })

        AppFixture.press(&state, "a")
        AppFixture.type(&state, "typed here first")
        #expect(AppFixture.press(&state, "Ctrl-X") == [.editExternally(text: "typed here first")])
        _ = Reducer.reduce(&state, .externalEditFinished(.failure(failure)))
        #expect(state.editor?.body.text == "typed here first")
    }

    static func deletedIDs(_ state: AppState) -> [String] {
        state.undoable.compactMap { if case .deletedNote(let note) = $0 { note.id } else { nil } }
    }

    @Test("Esc Esc on typed text closes the editor, and u brings the text back, with its tags and part, in turn with deletes")
    func discardedTextComesBack() throws {
        let loop = try StoreLoop()
        var state = try AppFixture.state()
        let kept = try loop.store.save(loop.store.makeNote(target: NoteTarget(item: "ppwt"), body: "kept", author: "a"), base: nil).saved
        try loop.run([.refreshNotes], &state)
        try loop.press(&state, "5", "d")
        try loop.press(&state, "2", "a")
        AppFixture.type(&state, "a point made in the seminar")
        try loop.press(&state, "Tab")
        AppFixture.type(&state, "verification")
        let target = state.editor?.target
        try loop.press(&state, "Esc", "Esc")
        #expect(state.editor == nil)
        #expect(state.message == "new note discarded — u brings it back")
        try loop.press(&state, "u")
        #expect(state.editor?.body.text == "a point made in the seminar")
        #expect(state.editor?.tags.text == "verification")
        #expect(state.editor?.target == target && state.editor?.base == nil)
        #expect(state.message == "unsaved note brought back; Ctrl-S saves it — u then brings back 1 more")
        try loop.press(&state, "Ctrl-S")
        #expect(try loop.store.load().all.map(\.body).contains("a point made in the seminar"))
        // The delete before it comes back next.
        try loop.press(&state, "u")
        #expect(try loop.store.load().note(kept.id)?.body == "kept")
        // An edit closed unsaved comes back as an edit of the same note.
        try loop.press(&state, "5")
        let row = try #require(state.currentRows.firstIndex { $0.noteID == kept.id })
        var cursor = state.currentCursor
        cursor.select(row, in: state.currentRows, viewport: state.listViewport)
        state.cursors[.notes] = cursor
        try loop.press(&state, "e")
        AppFixture.type(&state, " and more")
        try loop.press(&state, "Esc", "Esc")
        #expect(state.message == "changes discarded; the note is as it was — u brings them back")
        try loop.press(&state, "u")
        #expect(state.editor?.base?.id == kept.id && state.editor?.body.text == "kept and more")
        // Closed with nothing typed, nothing is kept.
        try loop.press(&state, "Esc", "Esc")
        try loop.press(&state, "a", "Esc")
        #expect(state.editor == nil && state.undoable.count == 1)
    }
}

@Suite("The session filter")
struct SessionFilterTests {
    static func note(_ id: String, session: String?) -> Note {
        Note(id: id, target: NoteTarget(item: "ppwt"), body: "in \(session ?? "no session")", session: session,
             author: "a", created: NoteTime(millisecondsSince1970: 1_795_288_316_654))
    }

    @Test("the session list is in the order the sessions were held, as `travaux sessions` lists them, not by name")
    func sessionsInOrderHeld() throws {
        var state = try AppFixture.state()
        func note(_ id: String, _ session: String, at milliseconds: Int64) -> Note {
            Note(id: id, target: NoteTarget(item: "ppwt"), body: "x", session: session, author: "a",
                 created: NoteTime(millisecondsSince1970: milliseconds))
        }
        let notes = NoteCollection(notes: [
            note("01M7ZRGDZTQY8XKGSRE1000001", "Seminar 5 GGE", at: 1_795_288_000_000),
            note("01M7ZRGDZTQY8XKGSRE1000002", "Geneva workshop", at: 1_795_288_100_000),
            note("01M7ZRGDZTQY8XKGSRE1000003", "Zeta seminar", at: 1_795_288_200_000),
            note("01M7ZRGDZTQY8XKGSRE1000004", "Seminar 5 GGE", at: 1_795_288_300_000),
        ])
        _ = Reducer.reduce(&state, .notesReloaded(notes))
        AppFixture.press(&state, "f", "j", "j", "j", "j", "Enter")
        guard case .filter(let menu)? = state.overlay else { Issue.record("no session list"); return }
        #expect(menu.choices(in: state).map(\.label) == ["All sessions", "Seminar 5 GGE  (2)", "Geneva workshop  (1)", "Zeta seminar  (1)"])
        #expect(notes.sessionSummaries.compactMap(\.name) == ["Seminar 5 GGE", "Geneva workshop", "Zeta seminar"])
        // A session begun while the list is open comes last, its count live.
        _ = Reducer.reduce(&state, .notesReloaded(NoteCollection(notes: notes.all + [note("01M7ZRGDZTQY8XKGSRE1000005", "Alpha", at: 1_795_288_400_000)])))
        guard case .filter(let open)? = state.overlay else { Issue.record("the list closed"); return }
        #expect(open.choices(in: state).map(\.label).last == "Alpha  (1)")
    }

    @Test("chosen outside the Notes pane it says how many notes it keeps; the Notes pane shows it in force")
    func sessionFilter() throws {
        var state = try AppFixture.state()
        _ = Reducer.reduce(&state, .notesReloaded(NoteCollection(notes: [
            Self.note("01M7ZRGDZTQY8XKGSRE1000001", session: "seminar-1"),
            Self.note("01M7ZRGDZTQY8XKGSRE1000002", session: "seminar-2"),
            Self.note("01M7ZRGDZTQY8XKGSRE1000003", session: "seminar-2"),
            Self.note("01M7ZRGDZTQY8XKGSRE1000004", session: nil),
        ])))
        AppFixture.press(&state, "f", "j", "j", "j", "j", "Enter")
        guard case .filter(let menu)? = state.overlay else { Issue.record("no session list: \(String(describing: state.overlay))"); return }
        #expect(menu.choices(in: state).map(\.label) == ["All sessions", "seminar-1  (1)", "seminar-2  (2)", "Without a session  (1)"])
        AppFixture.press(&state, "j", "j", "Enter")
        #expect(state.noteFilter.session == "seminar-2")
        #expect(state.message == "2 notes from session 'seminar-2': 5 lists them, x exports them")
        AppFixture.press(&state, "5")
        #expect(state.currentRows.compactMap(\.noteID).sorted() == ["01M7ZRGDZTQY8XKGSRE1000002", "01M7ZRGDZTQY8XKGSRE1000003"])
        var position = ListPosition(), left = StatusText()
        StatusLine.leftText(state, position: &position, into: &left)
        #expect(left.string.contains("[session: seminar-2]"), "\(left.string)")
        // In the Notes pane the count is of the notes listed, as for any filter.
        // The list opens on the session in force.
        AppFixture.press(&state, "f", "j", "j", "j", "j", "Enter", "k", "Enter")
        #expect(state.noteFilter.session == "seminar-1")
        #expect(state.message == "1 note matches")
        // One note is "it".
        AppFixture.press(&state, "1", "f", "j", "j", "j", "j", "Enter", "Enter")
        #expect(state.message == "1 note from session 'seminar-1': 5 lists it, x exports it")
        // The notes taken outside any session.
        AppFixture.press(&state, "f", "j", "j", "j", "j", "Enter", "G", "Enter")
        #expect(state.noteFilter.withoutSession && state.noteFilter.session == nil)
        #expect(state.message == "1 note outside any session: 5 lists it, x exports it")
        AppFixture.press(&state, "5")
        #expect(state.currentRows.compactMap(\.noteID) == ["01M7ZRGDZTQY8XKGSRE1000004"])
        StatusLine.leftText(state, position: &position, into: &left)
        #expect(left.string.contains("[session: none]"), "\(left.string)")
        #expect(PromptHandling.exportSelection(state).description(in: state.record) == "outside any session")
        // All sessions again.
        AppFixture.press(&state, "f", "j", "j", "j", "j", "Enter", "g", "Enter")
        #expect(!state.noteFilter.withoutSession && state.noteFilter.isEmpty)
    }

    @Test("in a session's window, x says how many of the notes it would export are of other sessions, and the session list opens on the session set")
    func exportInASession() throws {
        var state = try AppFixture.state()
        _ = Reducer.reduce(&state, .notesReloaded(NoteCollection(notes: [
            Self.note("01M7ZRGDZTQY8XKGSRE1000001", session: "Desk prep"),
            Self.note("01M7ZRGDZTQY8XKGSRE1000002", session: "OEWG day 1"),
            Self.note("01M7ZRGDZTQY8XKGSRE1000003", session: "OEWG day 1"),
            Self.note("01M7ZRGDZTQY8XKGSRE1000004", session: nil),
        ])))
        // Without a session set, every note, as ever.
        AppFixture.press(&state, "x")
        #expect(state.prompt?.label == "Export 4 notes to: ")
        AppFixture.press(&state, "Escape")
        state.session = "oewg day 1"
        AppFixture.press(&state, "x")
        #expect(state.prompt?.label == "Export 4 notes (2 not of this session) to: ")
        #expect(state.message == "2 of them are not of session 'oewg day 1'; Esc, then f Session keeps only its notes")
        AppFixture.press(&state, "Escape")
        // The session list opens on the session set, one Enter from the meeting's notes.
        AppFixture.press(&state, "f", "j", "j", "j", "j", "Enter", "Enter")
        #expect(state.noteFilter.session == "OEWG day 1")
        AppFixture.press(&state, "x")
        #expect(state.prompt?.label == "Export 2 notes (session 'OEWG day 1') to: ")
        #expect(state.prompt?.field.text == "oewg-day-1.md")
        AppFixture.press(&state, "Escape")
        // Other filters are said beside it.
        state.noteFilter = NoteFilter()
        state.filters.domain = .space
        AppFixture.press(&state, "x")
        #expect(state.prompt?.label == "Export 4 notes (domain 'space'; 2 not of this session) to: ")
    }
}

@Suite("Narrowing a filter's list of values with /")
struct FilterMenuSearchTests {
    static func state() throws -> AppState {
        var state = try AppFixture.state(width: 80, height: 24)
        let tags = ["verification", "Verification-regime", "space-weapons", "ASAT", "Genève", "norms"]
        _ = Reducer.reduce(&state, .notesReloaded(NoteCollection(notes: tags.enumerated().map { index, tag in
            Note(id: "01M7ZRGDZTQY8XKGSRE100000\(index)", target: NoteTarget(item: "ppwt"), body: "on \(tag)", tags: [tag],
                 author: "a", created: NoteTime(millisecondsSince1970: 1_795_288_316_654))
        })))
        return state
    }

    static func menu(_ state: AppState) -> FilterMenu? {
        guard case .filter(let menu)? = state.overlay else { return nil }
        return menu
    }

    @Test("a forum or an actor is found by the start of its names' words, aliases too (gge, US, OSCE), not by letters inside a word", arguments: [
        (1, "gge", ["un-gge-ict", "un-gge-space"]), (2, "US", ["united-states", "us-department-of-defense"]),
        (1, "osce", ["osce", "osce-ministerial-council", "osce-permanent-council"]),
    ])
    func narrowByAlias(_ downs: Int, _ typed: String, _ expected: [String]) throws {
        var state = try AppFixture.state(width: 100, height: 30, record: try AppFixture.shippedRecord())
        AppFixture.press(&state, "f")
        for _ in 0..<downs { AppFixture.press(&state, "j") }
        AppFixture.press(&state, "Enter", "/")
        AppFixture.type(&state, typed)
        let values = try #require(Self.menu(state)).choices(in: state).compactMap(\.value)
        #expect(values.sorted() == expected, "\(values)")
    }

    @Test("words typed after / keep the values holding them, accents and case ignored; Enter chooses, Esc lists all again on the one selected")
    func narrowTags() throws {
        var state = try Self.state()
        AppFixture.press(&state, "f", "j", "j", "j", "Enter", "/")
        AppFixture.type(&state, "ver")
        #expect(Self.menu(state).map { $0.choices(in: state).map(\.label) } == ["#verification  (1)", "#Verification-regime  (1)"])
        let screen = Screen.render(state).snapshot()
        #expect(screen.contains("│/ver "), "\(screen)")
        #expect(Screen.cursor(state) != nil)
        // j is a letter here, not a move; the arrows move.
        AppFixture.type(&state, "j")
        #expect(Self.menu(state)?.choices(in: state).isEmpty == true)
        #expect(Screen.render(state).snapshot().contains("nothing holds 'verj'"))
        AppFixture.press(&state, "Enter")
        #expect(Self.menu(state) != nil, "Enter on nothing chooses nothing")
        AppFixture.press(&state, "Backspace", "Down")
        #expect(Self.menu(state)?.selected == 1)
        AppFixture.press(&state, "Esc")
        let menu = try #require(Self.menu(state))
        #expect(menu.search == nil)
        #expect(menu.choices(in: state)[menu.selected].value == "Verification-regime")
        AppFixture.press(&state, "/")
        // Tags are found by name, not by the count beside it.
        AppFixture.type(&state, "1")
        #expect(Self.menu(state)?.choices(in: state).isEmpty == true)
        AppFixture.press(&state, "Backspace")
        AppFixture.type(&state, "GENEVE")
        AppFixture.press(&state, "Enter")
        #expect(state.overlay == nil)
        #expect(state.filters.tag?.name == "Genève")
    }

    @Test("a value named exactly as typed is the one Enter takes, not one above it holding the words")
    func exactFirst() throws {
        var state = try AppFixture.state(width: 80, height: 24)
        _ = Reducer.reduce(&state, .notesReloaded(NoteCollection(notes: ["Geneva workshop", "workshop", "workshop"].enumerated().map { index, session in
            Note(id: "01M7ZRGDZTQY8XKGSRE200000\(index)", target: NoteTarget(item: "ppwt"), body: "in \(session)", session: session,
                 author: "a", created: NoteTime(millisecondsSince1970: 1_795_288_316_654))
        })))
        AppFixture.press(&state, "f", "j", "j", "j", "j", "Enter", "/")
        AppFixture.type(&state, "workshop")
        #expect(Self.menu(state).map { $0.choices(in: state).map(\.label) } == ["Geneva workshop  (1)", "workshop  (2)"])
        AppFixture.press(&state, "Enter")
        #expect(state.noteFilter.session == "workshop")
    }

    @Test("/ on the first level of the menu, which has six rows, does nothing")
    func kindsHaveNoSearch() throws {
        var state = try Self.state()
        AppFixture.press(&state, "f", "/")
        #expect(Self.menu(state)?.search == nil)
        #expect(Self.menu(state)?.level == .kinds)
    }
}

@Suite("The session label")
struct SessionLabelTests {
    static func note(_ number: Int, session: String?, author: String = "tester") -> Note {
        Note(id: "01M7ZRGDZTQY8XKGSRE\(1_000_000 + number)", target: NoteTarget(item: "ppwt"), body: "note \(number)", session: session,
             author: author, created: NoteTime(millisecondsSince1970: 1_795_288_316_654 + Int64(number) * 60_000))
    }

    @Test("S offers the session last written in, completes known sessions with Tab, and joins one typed in another case")
    func sessionPrompt() throws {
        let loop = try StoreLoop()
        for note in [Self.note(1, session: "Seminar 3"), Self.note(2, session: "seminar 3"), Self.note(3, session: "seminar 3"),
                     Self.note(4, session: "Workshop", author: "someone else")] {
            try loop.store.save(note, base: nil)
        }
        var state = try AppFixture.state()
        state.author = "tester"
        try loop.run([.refreshNotes], &state)
        // A restart mid-seminar: no session yet; the one of the user's newest note is offered.
        try loop.press(&state, "S")
        #expect(state.prompt?.field.text == "seminar 3")
        #expect(state.prompt?.field.isSelected == true)
        #expect(state.message == "'seminar 3' was the last session written in: Enter takes it, typing replaces it")
        try loop.press(&state, "Enter")
        #expect(state.session == "seminar 3")
        #expect(state.message == "new notes are stamped with session 'seminar 3' (3 notes so far)")

        // Typing replaces what is offered; Tab completes from the sessions in use, most used first.
        try loop.press(&state, "S")
        #expect(state.message == nil)
        AppFixture.type(&state, "w")
        #expect(state.prompt?.completion == "Workshop")
        #expect(Screen.render(state).snapshot().contains("Session: w  → Workshop  (Tab)"))
        try loop.press(&state, "Tab")
        #expect(state.prompt?.field.text == "Workshop")
        #expect(state.prompt?.completion == nil)
        try loop.press(&state, "Ctrl-u")
        AppFixture.type(&state, "semi")
        #expect(Screen.render(state).snapshot().contains("Session: seminar 3  (Tab)"))
        AppFixture.type(&state, "nar 3")
        // A session in use already is not completed into a longer one.
        #expect(state.prompt?.completion == nil)

        // Another case of a session in use is that session, in the spelling most of its notes give it.
        try loop.press(&state, "Ctrl-u")
        AppFixture.type(&state, "SEMINAR 3")
        try loop.press(&state, "Enter")
        #expect(state.session == "seminar 3")
        #expect(state.message == "new notes are stamped with session 'seminar 3' (3 notes so far, spelt as they spell it)")

        // A session given at launch in another case is spelt as the notes spell it once they are read.
        var launched = try AppFixture.state()
        launched.session = "SEMINAR 3"
        try loop.run([.refreshNotes], &launched)
        #expect(launched.session == "seminar 3")
        try loop.press(&launched, "a")
        AppFixture.type(&launched, "new")
        try loop.press(&launched, "Ctrl-s")
        #expect(try loop.store.load().all.first { $0.body == "new" }?.session == "seminar 3")
    }

    @Test("Tab again after a completion puts the next session beginning as typed in its place; nothing typed, the sessions in use")
    func tabCycles() throws {
        var state = try AppFixture.state()
        let sessions = ["seminar 3", "seminar 3", "seminar 3", "seminar-2", "seminar-2", "Workshop"]
        _ = Reducer.reduce(&state, .notesReloaded(NoteCollection(notes: sessions.enumerated().map { index, session in
            Self.note(index, session: session, author: "someone")
        })))
        AppFixture.press(&state, "S")
        AppFixture.type(&state, "sem")
        AppFixture.press(&state, "Tab")
        #expect(state.prompt?.field.text == "seminar 3")
        #expect(Screen.render(state).snapshot().contains("Session: seminar 3  (Tab: the next of 2)"))
        AppFixture.press(&state, "Tab")
        #expect(state.prompt?.field.text == "seminar-2")
        AppFixture.press(&state, "Tab")
        #expect(state.prompt?.field.text == "seminar 3")
        // A key typed ends the round: Tab completes what is typed now.
        AppFixture.type(&state, "0")
        #expect(state.prompt?.tabCycle == nil)
        AppFixture.press(&state, "Ctrl-u", "Tab")
        #expect(state.prompt?.field.text == "seminar 3")
        AppFixture.press(&state, "Tab", "Tab")
        #expect(state.prompt?.field.text == "Workshop")
    }

    @Test("without notes in a session, S offers nothing, and an empty label clears the session")
    func nothingToOffer() throws {
        var state = try AppFixture.state()
        AppFixture.press(&state, "S")
        #expect(state.prompt?.field.text == "")
        #expect(state.message == nil)
        AppFixture.type(&state, "seminar 1")
        #expect(state.prompt?.completion == nil)
        AppFixture.press(&state, "Enter")
        #expect(state.message == "new notes are stamped with session 'seminar 1'")
        AppFixture.press(&state, "S", "Backspace", "Enter")
        #expect(state.session == nil)
        #expect(state.message == "no session label: new notes carry none")
    }
}

@Suite("Tabs and control characters of a note written elsewhere")
struct NoteTabsKeptTests {
    @Test("opening a note with tabs (a pasted table, `note add -`) changes nothing: Ctrl-S untouched is `no changes`, and a tag added keeps the tabs")
    func tabsKept() throws {
        let loop = try StoreLoop()
        var state = try AppFixture.state()
        let table = "a\tb\tc\n1\t2\t3 \u{07}bell"
        try loop.store.save(loop.store.makeNote(target: NoteTarget(item: "osce-cbms"), body: table, tags: ["x"], author: "a"), base: nil)
        try loop.run([.refreshNotes], &state)
        try loop.press(&state, "5", "e")
        let editor = try #require(state.editor)
        #expect(editor.body.text.contains("a    b"), "the editor shows a tab as spaces")
        #expect(!editor.isDirty)
        try loop.press(&state, "Ctrl-s")
        #expect(state.message == "no changes")
        #expect(try loop.store.load().all.map(\.body) == [table])
        // A tag added: the body saved is the note's own.
        try loop.press(&state, "t")
        AppFixture.type(&state, " y")
        try loop.press(&state, "Ctrl-s")
        let saved = try loop.store.load().all
        #expect(saved.map(\.tags) == [["x", "y"]])
        #expect(saved.map(\.body) == [table])
        // A change to the text saves the text as the editor holds it.
        try loop.press(&state, "e")
        AppFixture.type(&state, "!")
        try loop.press(&state, "Ctrl-s")
        let edited = try #require(try loop.store.load().all.first?.body)
        #expect(edited.hasPrefix("a    b    c") && edited.hasSuffix("!"), "\(edited)")
    }
}

@Suite("Keeping one's place in the notes")
struct NotePlaceTests {
    static func note(_ number: Int, item: String = "ppwt", body: String = "on the draft") -> Note {
        Note(id: "01M7ZRGDZTQY8XKGSRE\(1_000_000 + number)", target: NoteTarget(item: item), body: body + " \(number)",
             author: "a", created: NoteTime(millisecondsSince1970: 1_795_288_316_654 + Int64(number) * 60_000))
    }

    static func state(_ notes: [Note]) throws -> AppState {
        var state = try AppFixture.state()
        _ = Reducer.reduce(&state, .notesReloaded(NoteCollection(notes: notes)))
        return state
    }

    @Test("a note another window adds leaves the selection on the note being read")
    func noteFromAnotherWindow() throws {
        var state = try Self.state((1...5).map { Self.note($0) })
        AppFixture.press(&state, "5", "j", "j")
        let reading = try #require(state.selectedRowNoteID)
        _ = Reducer.reduce(&state, .notesReloaded(NoteCollection(notes: (1...6).map { Self.note($0) })))
        #expect(state.selectedRowNoteID == reading)
        // The reader stays on it too.
        #expect(state.selectedItemID == "ppwt")
    }

    @Test("deleting the selected note selects the one that took its place, not the first")
    func deleteKeepsPlace() throws {
        let notes = (1...5).map { Self.note($0) }
        var state = try Self.state(notes)
        AppFixture.press(&state, "5", "j", "j")
        let deleted = try #require(state.selectedRowNoteID)
        let rowsBefore = state.currentRows.compactMap(\.noteID)
        let position = try #require(rowsBefore.firstIndex(of: deleted))
        _ = Reducer.reduce(&state, .noteDeleted(try #require(state.notes.note(deleted))))
        #expect(state.selectedRowNoteID == rowsBefore[position + 1])
        // The last note deleted: the one before it.
        AppFixture.press(&state, "G")
        let last = try #require(state.selectedRowNoteID)
        let remaining = state.currentRows.compactMap(\.noteID)
        _ = Reducer.reduce(&state, .noteDeleted(try #require(state.notes.note(last))))
        #expect(state.selectedRowNoteID == remaining[remaining.count - 2])
    }

    @Test("a note selected among the search results stays selected when the notes change")
    func searchKeepsNote() throws {
        var state = try Self.state((1...5).map { Self.note($0, body: "zanzibar") })
        AppFixture.press(&state, "/")
        AppFixture.type(&state, "zanzibar")
        AppFixture.press(&state, "Enter", "j", "j")
        let reading = try #require(state.selectedRowNoteID)
        _ = Reducer.reduce(&state, .notesReloaded(NoteCollection(notes: (1...6).map { Self.note($0, body: "zanzibar") })))
        #expect(state.selectedRowNoteID == reading)
    }
}

@Suite("A note's row in the Notes pane")
struct NoteRowTests {
    @Test("names the part of the item the note is on, as the CLI does, so notes on two versions are told apart")
    func part() throws {
        var state = try AppFixture.state()
        let created = NoteTime(millisecondsSince1970: 1_795_288_316_654)
        _ = Reducer.reduce(&state, .notesReloaded(NoteCollection(notes: [
            Note(id: "01M7ZRGDZTQY8XKGSRE1000001", target: NoteTarget(item: "ppwt", version: "2008"), body: "on the draft",
                 author: "a", created: created),
            Note(id: "01M7ZRGDZTQY8XKGSRE1000002", target: NoteTarget(item: "ppwt"), body: "on the whole",
                 author: "a", created: created),
            Note(id: "01M7ZRGDZTQY8XKGSRE1000003", target: NoteTarget(item: "ppwt", version: "2014", quote: "q-a-very-long-quote-id"),
                 body: "on the words", author: "a", created: created),
        ])))
        AppFixture.press(&state, "5")
        let screen = Screen.render(state).snapshot()
        #expect(screen.contains("PPWT@2008 on the draft"), "\(screen)")
        #expect(screen.contains("PPWT on the whole"), "\(screen)")
        // The most precise part alone, cut short rather than crowding out the note.
        #expect(screen.contains("PPWT>q-a-ve… on the words"), "\(screen)")
    }

    @Test("notes come by when they last changed, newest first under their day; notes changed at the same moment, newest id first")
    func order() throws {
        var state = try AppFixture.state()
        let day: Int64 = 86_400_000, noon: Int64 = 1_795_262_400_000   // noon on 2026-11-21 (UTC): the same day for all but one
        func note(_ number: Int, _ body: String, created: Int64, updated: Int64? = nil) -> Note {
            Note(id: "01M7ZRGDZTQY8XKGSRE100000\(number)", target: NoteTarget(item: "ppwt"), body: body, author: "a",
                 created: NoteTime(millisecondsSince1970: created), updated: updated.map { NoteTime(millisecondsSince1970: $0) })
        }
        _ = Reducer.reduce(&state, .notesReloaded(NoteCollection(notes: [
            note(1, "old but edited today", created: noon - 3 * day, updated: noon + 5_000),
            note(2, "tie, lower id", created: noon),
            note(3, "tie, higher id", created: noon),
            note(4, "a day before", created: noon - day),
            note(5, "earlier today", created: noon - 1_000),
        ])))
        AppFixture.press(&state, "5")
        let screen = Screen.render(state).snapshot()
        let order = ["2026-11-21", "old but edited today", "tie, higher id", "tie, lower id", "earlier today", "2026-11-20", "a day before"]
        let places = order.map { screen.range(of: $0)?.lowerBound }
        #expect(places.allSatisfy { $0 != nil }, "\(screen)")
        #expect(places.compactMap { $0 } == places.compactMap { $0 }.sorted(), "\(screen)")
    }
}

@Suite("Moving a note to where it belongs")
struct NoteMovingTests {
    /// A note taken on the first event of the Timeline, a row off.
    func stateWithNote() throws -> (StoreLoop, AppState, Note) {
        let loop = try StoreLoop()
        var state = try AppFixture.state(width: 120, height: 30, record: try AppFixture.shippedRecord())
        let note = try loop.store.save(loop.store.makeNote(target: NoteTarget(item: "unclos-1982"), body: "France: binding only with verification",
                                                           tags: ["France"], author: "a"), base: nil).saved
        try loop.run([.refreshNotes], &state)
        return (loop, state, note)
    }

    @Test("m on a note, then m on another item, moves it there: same id, text, tags and creation; the Notes pane and the reader follow")
    func moveToAnotherItem() throws {
        var (loop, state, note) = try stateWithNote()
        try loop.press(&state, "5", "m")
        #expect(state.movingNote?.id == note.id)
        let label = state.record.label(of: note.target)
        #expect(state.message?.hasPrefix("moving the note on \(label): select where it goes (1–4, and / there searches) and press m") == true, "\(state.message ?? "")")
        #expect(Screen.render(state).snapshot().contains("moving a note: m puts it here"))
        // Found in another pane, put down there.
        try loop.press(&state, "2", "g", "m")
        let moved = try #require(state.notes.note(note.id))
        #expect(moved.target == NoteTarget(item: "ppwt"))
        #expect(moved.body == note.body && moved.tags == note.tags && moved.created == note.created)
        #expect(state.notes.count == 1 && state.movingNote == nil)
        #expect(state.message == "note moved to PPWT (from \(state.record.label(of: note.target)); u moves it back)")
        let onDisk = try loop.store.load()
        #expect(onDisk.all.map(\.target) == [NoteTarget(item: "ppwt")])
        #expect(!Screen.render(state).snapshot().contains("moving a note"))
        // The item's reader shows it now, and the other item's no longer.
        #expect(state.reader?.layout?.links.contains { $0.target == note.id } == true)
    }

    @Test("in the reader, m puts the note on the version or quoted text in view, as a does")
    func moveToAPart() throws {
        var (loop, state, note) = try stateWithNote()
        try loop.press(&state, "5", "m", "2", "g", "Enter")
        let layout = try #require(state.reader?.layout)
        let line = try #require(layout.anchors.first { $0.target.version == "2014-revision" }?.line)
        for _ in 0..<line { try loop.press(&state, "j") }
        let expected = NoteHandling.annotationTarget(state).target
        #expect(expected?.version == "2014-revision")
        try loop.press(&state, "m")
        #expect(state.notes.note(note.id)?.target == expected)
        #expect(state.message?.hasPrefix("note moved to PPWT, ") == true, "\(state.message ?? "")")
    }

    @Test("m where the note already is, or Esc with nowhere to go back to, lets it be; with nothing selected, m says what to select")
    func cancel() throws {
        var (loop, state, note) = try stateWithNote()
        try loop.press(&state, "1")
        state.movingNote = nil
        try loop.press(&state, "m")
        #expect(state.movingNote == nil && state.message?.hasPrefix("select a note to move") == true)
        try loop.press(&state, "5", "m", "m")
        let label = state.record.label(of: note.target)
        #expect(state.movingNote == nil && state.message == "the note stays on \(label); move cancelled")
        try loop.press(&state, "m", "Escape")
        #expect(state.movingNote == nil && state.message == "move cancelled; the note stays on \(label)")
        #expect(state.notes.note(note.id)?.target == note.target)
        // Esc first goes back where there is somewhere to go: the move waits meanwhile.
        try loop.press(&state, "m", "2", "Enter", "Escape")
        #expect(state.movingNote?.id == note.id && state.focus == .list)
    }

    @Test("a note deleted by another window while it is carried is not brought back by the move, whether this window saw the delete or not")
    func deletedMeanwhile() throws {
        for refreshed in [true, false] {
            var (loop, state, note) = try stateWithNote()
            try loop.press(&state, "5", "m")
            _ = try loop.store.delete(note.id, base: note)
            if refreshed { try loop.run([.refreshNotes], &state) }
            try loop.press(&state, "2", "m")
            #expect(state.movingNote == nil, "\(refreshed)")
            #expect(state.message?.hasPrefix("the note being moved was deleted meanwhile") == true, "\(refreshed): \(state.message ?? "")")
            #expect(try loop.store.load().all.isEmpty, "\(refreshed)")
        }
    }

    @Test("a move applies to the note as it is on disk: text and tags another window gave it meanwhile stay, and no conflict copy is made")
    func editedMeanwhile() throws {
        var (loop, state, note) = try stateWithNote()
        try loop.press(&state, "5", "m")
        var elsewhere = note
        elsewhere.body = "EDITED ELSEWHERE"
        elsewhere.tags.append("elsewhere")
        _ = try loop.store.save(elsewhere, base: note)
        try loop.press(&state, "2", "g", "m")
        let onDisk = try loop.store.load().all
        #expect(onDisk.count == 1)
        #expect(onDisk.first?.target == NoteTarget(item: "ppwt") && onDisk.first?.body == "EDITED ELSEWHERE" && onDisk.first?.tags.contains("elsewhere") == true)
        #expect(state.notes.note(note.id)?.body == "EDITED ELSEWHERE")
    }

    @Test("m then m on a note on a part (its row, or its ✎ marker in the reader) lets it be, part and all")
    func samePartStays() throws {
        let loop = try StoreLoop()
        var state = try AppFixture.state(width: 120, height: 30, record: try AppFixture.shippedRecord())
        let note = try loop.store.save(loop.store.makeNote(target: NoteTarget(item: "ppwt", version: "2008-draft"), body: "on the draft", author: "a"),
                                       base: nil).saved
        try loop.run([.refreshNotes], &state)
        try loop.press(&state, "5", "m", "m")
        #expect(state.notes.note(note.id)?.target == note.target && state.message?.hasSuffix("move cancelled") == true)
        // Opened at its marker in the reader, then m m.
        try loop.press(&state, "Enter")
        #expect(state.selectedNote?.id == note.id)
        try loop.press(&state, "m", "m")
        #expect(state.notes.note(note.id)?.target == note.target && state.message?.hasSuffix("move cancelled") == true)
        #expect(try loop.store.load().all.first?.target == note.target)
    }

    @Test("u after a move puts the note back where it was, part and all; a note picked up and deleted is no longer carried")
    func undoMove() throws {
        let loop = try StoreLoop()
        var state = try AppFixture.state(width: 120, height: 30, record: try AppFixture.shippedRecord())
        let note = try loop.store.save(loop.store.makeNote(target: NoteTarget(item: "eu-space-code", version: "2014", quote: "brics-format"),
                                                           body: "BRICS", author: "a"), base: nil).saved
        try loop.run([.refreshNotes], &state)
        try loop.press(&state, "5", "m", "2", "g", "m")
        #expect(state.notes.note(note.id)?.target == NoteTarget(item: "ppwt"))
        try loop.press(&state, "u")
        #expect(state.notes.note(note.id)?.target == note.target)
        #expect(state.message == "note moved back to " + state.record.label(of: note.target))
        #expect(try loop.store.load().all.first?.target == note.target)
        try loop.press(&state, "u")
        #expect(state.message == "nothing to undo")
        // Picked up, then deleted: not carried on.
        try loop.press(&state, "5", "m", "d")
        #expect(state.movingNote == nil && !Screen.render(state).snapshot().contains("moving a note"))
    }
}
