import Testing
import TravauxCore
import TravauxBench
@testable import TravauxTUI

/// The run loop renders into the frame before last and keeps list rows, the tab bar and the
/// status line's hints between frames (`FrameCache`); rows drawn from the same kept runs as the frame
/// before last are left as they are. Whatever the keys, that must draw exactly what a fresh
/// render draws, and the spans sent to the terminal must hold every cell that differs (and
/// more only as a row that differs only in style, sent whole: `Canvas.spanProblem`).

@Suite("Frames drawn with kept rows match fresh ones")
struct FrameReuseTests {
    /// Renders as the run loop does, and checks each frame against a fresh render.
    struct RunLoopFrames {
        var cache = FrameCache()
        var frame = Canvas(width: 0, height: 0)
        var spare = Canvas(width: 0, height: 0)

        mutating func check(_ state: AppState, after step: String) {
            Screen.render(state, into: &spare, cache: &cache)
            swap(&frame, &spare)
            // Rows skipped by their keys must be rows whose cells are the same.
            let problem = frame.spanProblem(from: spare)
            #expect(problem == nil, "after \(step): \(problem ?? "")")
            let fresh = Screen.render(state)
            guard frame != fresh else { return }
            // The first row that differs, in text and then cell by cell (a style may be all that differs).
            let row = (0..<fresh.height).first { y in
                (0..<fresh.width).contains { x in frame.cell(x: x, y: y) != fresh.cell(x: x, y: y) }
            } ?? 0
            let kept = frame.snapshot().split(separator: "\n", omittingEmptySubsequences: false)
            let expected = fresh.snapshot().split(separator: "\n", omittingEmptySubsequences: false)
            Issue.record("""
                after \(step): row \(row) drawn with kept rows differs from a fresh render
                kept:  \(kept.indices.contains(row) ? kept[row] : "")
                fresh: \(expected.indices.contains(row) ? expected[row] : "")
                """)
        }
    }

    static func note(_ suffix: String, on item: String, body: String, tags: [String] = []) -> Note {
        Note(id: "01M7ZRGDZTQY8XKGSREPC0PR" + suffix, target: NoteTarget(item: item),
             body: body, tags: tags, session: nil, author: "ana",
             created: NoteTime(millisecondsSince1970: 1_795_288_316_654))
    }

    @Test("moving, switching panes, searching, notes arriving and a resize")
    func scriptedSession() throws {
        var state = try AppFixture.state(width: 120, height: 30)
        var frames = RunLoopFrames()
        frames.check(state, after: "start")
        let steps: [(String, (inout AppState) -> Void)] = [
            ("j j j", { AppFixture.press(&$0, "j", "j", "j") }),
            ("k", { AppFixture.press(&$0, "k") }),
            ("G", { AppFixture.press(&$0, "G") }),
            ("g", { AppFixture.press(&$0, "g") }),
            ("2", { AppFixture.press(&$0, "2") }),
            ("j", { AppFixture.press(&$0, "j") }),
            ("a note arrives", { _ = Reducer.reduce(&$0, .notesReloaded(NoteCollection(notes: [Self.note("EQ", on: "ppwt", body: "Verification?", tags: ["seminar"])]))) }),
            ("1", { AppFixture.press(&$0, "1") }),
            ("/ space", { AppFixture.press(&$0, "/"); AppFixture.type(&$0, "space") }),
            ("↓ in the results", { AppFixture.press(&$0, "Enter", "j") }),
            ("Esc", { AppFixture.press(&$0, "Esc") }),
            ("5, the Notes pane", { AppFixture.press(&$0, "5") }),
            ("the note removed", { _ = Reducer.reduce(&$0, .notesReloaded(NoteCollection(notes: []))) }),
            ("3", { AppFixture.press(&$0, "3", "j", "j") }),
            ("narrower", { _ = Reducer.reduce(&$0, .input(.resize(width: 80, height: 24))) }),
            ("j", { AppFixture.press(&$0, "j") }),
            ("wider", { _ = Reducer.reduce(&$0, .input(.resize(width: 150, height: 40))) }),
            ("Tab to the reader and back", { AppFixture.press(&$0, "Tab", "j", "Tab") }),
            ("z, one pane", { AppFixture.press(&$0, "z", "j") }),
            ("Enter in one pane", { AppFixture.press(&$0, "Enter") }),
            ("z, both again", { AppFixture.press(&$0, "z", "Esc") }),
        ]
        for (name, step) in steps {
            step(&state)
            frames.check(state, after: name)
        }
    }

    @Test("four hundred keys chosen at random", arguments: [2015, 7, 1986])
    func randomKeys(seed: UInt64) throws {
        var state = try AppFixture.state(width: 110, height: 32)
        _ = Reducer.reduce(&state, .notesReloaded(NoteCollection(notes: [
            Self.note("EQ", on: "ppwt", body: "Verification?", tags: ["seminar"]),
            Self.note("ER", on: "osce-initial-cbms", body: "Article IV — 信頼醸成", tags: ["art-iv"]),
        ])))
        let keys: [KeyEvent] = [.character("j"), .character("j"), .character("k"), .down, .up, .pageDown, .pageUp,
                                .home, .end, .tab, .enter, .escape, .character("1"), .character("2"),
                                .character("3"), .character("4"), .character("5"), .character("/"),
                                .character("s"), .character("p"), .backspace, .character("f"), .character(" "),
                                .character("F"), .character("?"), .control("d"), .control("u"), .left, .right,
                                .character("z")]
        var generator = SeededGenerator(seed: seed)
        var frames = RunLoopFrames()
        for step in 0..<400 {
            let key = keys[Int(generator.next() % UInt64(keys.count))]
            _ = Reducer.reduce(&state, .input(.key(key)))
            // As the run loop: text typed with another key already waiting is not drawn, and
            // its search waits for the pause (`TypingHandling`).
            if state.owesTypedSearch {
                if generator.next() % 3 == 0 { continue }
                _ = Reducer.reduce(&state, .typingPaused)
            }
            if generator.next() % 4 == 0, state.hasIdleWork { _ = Reducer.reduce(&state, .idle) }
            frames.check(state, after: "key \(step), \(key.name)")
        }
    }

    @Test("rows are found by place only in the rows drawn, by their revision; other rows of the same size are looked up by id")
    func rowsByPlace() {
        let context = ListRowCache.Context(width: 4, marksNotes: true, words: [], notesRevision: Revision())
        func cells(_ text: String) -> CellRun { CellRun(text.map { Cell(symbol: String($0), width: 1) }) }
        var cache = ListRowCache()
        let first: [PaneRow] = [.item("a"), .item("b"), .item("c")]
        let firstRevision = Revision()
        cache.beginFrame(context, rows: firstRevision, first: 0)
        for (index, text) in ["aaaa", "bbbb", "cccc"].enumerated() {
            #expect(cache.keptCells(at: index, of: first) == nil)
            cache.keep(cells(text), at: index, of: first)
        }
        cache.endFrame()
        // The same array, scrolled by one: rows by place, the new one made.
        cache.beginFrame(context, rows: firstRevision, first: 1)
        #expect(cache.keptCells(at: 1, of: first) == cells("bbbb"))
        #expect(cache.keptCells(at: 2, of: first) == cells("cccc"))
        cache.endFrame()
        // Another array of the same size, its rows in another order: by id, never by place.
        let reordered: [PaneRow] = [.item("c"), .item("b"), .item("z")]
        cache.beginFrame(context, rows: Revision(), first: 1)
        #expect(cache.keptCells(at: 1, of: reordered) == cells("bbbb"))
        #expect(cache.keptCells(at: 2, of: reordered) == nil)
        cache.endFrame()
    }

    @Test("the reader draws the same from lines kept as cells as from its styled lines", arguments: [(120, 40), (160, 50), (60, 20)])
    func readerKeptLines(_ size: (Int, Int)) throws {
        for key in ["1", "2", "3", "4"] {
            var state = try AppFixture.state(width: size.0, height: size.1)
            AppFixture.press(&state, key)
            if !state.showsReader { AppFixture.press(&state, "Enter") }
            for _ in 0..<6 {
                var plain = state
                let layout = try #require(state.reader?.layout)
                #expect(layout.keptLines.count == min(layout.lines.count, state.readerViewport))
                plain.reader?.layout = state.reader.flatMap { reader in
                    state.record.detail(of: reader.itemID, notes: []).map { ReaderLayout(document: $0, width: layout.width) }
                }
                #expect(plain.reader?.layout?.keptLines.isEmpty == true)
                let same = Screen.render(state) == Screen.render(plain)
                #expect(same, "\(state.reader?.itemID ?? "") at \(size)")
                if state.focus == .reader { AppFixture.press(&state, "Tab") } else { AppFixture.press(&state, "j") }
            }
        }
    }

    @Test("the cache keeps the rows of the last frame only")
    func cacheIsBounded() throws {
        // On the shipped record's timeline (94 rows), the list scrolls down and back up: the
        // rows kept follow the rows in view.
        let shipped = try AppFixture.shippedRecord()
        for (height, record) in [(30, nil), (30, shipped), (12, shipped)] {
            var state = try AppFixture.state(width: 120, height: height, record: record)
            var frames = RunLoopFrames()
            for key in Array(repeating: "j", count: 60) + Array(repeating: "k", count: 30) {
                AppFixture.press(&state, key)
                frames.check(state, after: key)
                #expect(frames.cache.listRows.count <= state.listViewport)
            }
        }
    }

    @Test("the same screen rendered twice is the same bytes, which the diff of frames relies on to skip blocks")
    func sameScreenSameBytes() throws {
        var state = try AppFixture.state(width: 120, height: 30)
        AppFixture.press(&state, "j", "j")
        var frames = RunLoopFrames()
        frames.check(state, after: "j j")
        let fresh = Screen.render(state)
        let same = frames.frame.cells.withUnsafeBytes { kept in
            fresh.cells.withUnsafeBytes { kept.elementsEqual($0) }
        }
        #expect(same)
    }
}
