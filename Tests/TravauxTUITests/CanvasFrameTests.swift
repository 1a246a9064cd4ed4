import Testing
import TravauxBench
@testable import TravauxTUI

/// A frame drawn into the canvas that holds the frame before last (`beginFrame`/`endFrame`)
/// leaves rows drawn from the same kept runs as they are, and `changedSpans(from:)` skips rows
/// whose keys match. Whatever is drawn, that must give the cells a fresh canvas gets, and the
/// spans must hold every cell that differs, and more only as rows that differ only in style.
@Suite("Canvas frames over earlier frames")
struct CanvasFrameTests {
    /// One drawing operation on a row.
    enum Operation {
        case run(CellRun, x: Int)
        case text(String, x: Int, style: Style)
        case patch(x: Int, width: Int, style: Style)
        case fill(x: Int, width: Int, style: Style)
        /// The whole row given a style, or one laid over its own: the selection bar.
        case bar(style: Style, patched: Bool)

        func apply(to canvas: inout Canvas, y: Int) {
            switch self {
            case .run(let run, let x): canvas.place(run, x: x, y: y)
            case .text(let text, let x, let style): canvas.put(text, x: x, y: y, style: style)
            case .patch(let x, let width, let style): canvas.patchStyle(Rect(x: x, y: y, width: width, height: 1), with: style)
            case .fill(let x, let width, let style): canvas.fill(Rect(x: x, y: y, width: width, height: 1), style: style)
            case .bar(let style, let patched):
                let row = Rect(x: 0, y: y, width: canvas.width, height: 1)
                if patched { canvas.patchStyle(row, with: style) } else { canvas.setStyle(row, style: style) }
            }
        }
    }

    static let styles = [Style.plain, Style(bold: true), Style(foreground: .cyan), Style(reverse: true), Style(background: .blue)]
    static let texts = ["row", "中文", "Ge\u{301}neve", "a longer row of text", "—", "x"]

    static func runs(width: Int) -> [CellRun] {
        var runs: [CellRun] = []
        for (index, text) in texts.enumerated() {
            var line = Canvas(width: min(width, 4 + index * 3), height: 1)
            line.put(text, x: 0, y: 0, style: styles[index % styles.count])
            runs.append(CellRun(line.cells))
        }
        return runs
    }

    /// Runs as wide as the row or wider, with wide glyphs that a row's edges may cut: a bar kept
    /// whole, such as the status line's, that text is then written over.
    static func coveringRuns(width: Int) -> [CellRun] {
        (0..<3).map { extra in
            var line = Canvas(width: width + extra, height: 1, style: styles[extra + 1])
            line.put(String(repeating: extra == 1 ? "中a" : "b中", count: width), x: 0, y: 0, style: styles[extra])
            return CellRun(line.cells)
        }
    }

    /// A covering run placed so that it covers the row, and text written over it.
    static func barWithText(_ generator: inout SeededGenerator, width: Int) -> [Operation] {
        let runs = coveringRuns(width: width)
        let run = runs[Int(generator.next() % UInt64(runs.count))]
        let x = -Int(generator.next() % UInt64(run.count - width + 1))
        let text = texts[Int(generator.next() % UInt64(texts.count))]
        let style = styles[Int(generator.next() % UInt64(styles.count))]
        var operations: [Operation] = [.run(run, x: x), .text(text, x: Int(generator.next() % UInt64(width + 2)) - 1, style: style)]
        if generator.next() % 3 == 0 { operations.append(randomOperation(&generator, runs: runs, width: width)) }
        return operations
    }

    static func randomOperation(_ generator: inout SeededGenerator, runs: [CellRun], width: Int) -> Operation {
        let x = Int(generator.next() % UInt64(width + 4)) - 2
        let style = styles[Int(generator.next() % UInt64(styles.count))]
        let run = runs[Int(generator.next() % UInt64(runs.count))]
        switch generator.next() % 12 {
        case 0..<7: return .run(run, x: x)
        case 7: return .text(texts[Int(generator.next() % UInt64(texts.count))], x: x, style: style)
        case 8: return .patch(x: x, width: Int(generator.next() % 6), style: style)
        case 9: return .fill(x: x, width: Int(generator.next() % 6), style: style)
        default: return .bar(style: style, patched: generator.next() % 2 == 0)
        }
    }

    @Test("frames drawn over the frame before last give fresh canvases' cells, and spans that miss no change", arguments: [1, 2, 3, 4])
    func randomFrames(seed: UInt64) {
        var generator = SeededGenerator(seed: seed)
        var width = 24
        let height = 6
        var runs = Self.runs(width: width)
        // Each row's operations; a frame changes a few rows, so most rows repeat.
        var rows: [[Operation]] = Array(repeating: [], count: height)
        var shown = Canvas(width: 0, height: 0)
        var spare = Canvas(width: 0, height: 0)
        for frame in 0..<400 {
            if frame % 97 == 96 {
                width = width == 24 ? 17 : 24   // a resize: every row drawn afresh
                runs = Self.runs(width: width)
                rows = Array(repeating: [], count: height)
            }
            for _ in 0..<Int(generator.next() % 3) {
                let y = Int(generator.next() % UInt64(height))
                rows[y] = generator.next() % 3 == 0
                    ? Self.barWithText(&generator, width: width)
                    : (0..<Int(generator.next() % 4)).map { _ in Self.randomOperation(&generator, runs: runs, width: width) }
            }
            let blank = generator.next() % 8 == 0 ? Style(background: .blue) : .plain

            var fresh = Canvas(width: width, height: height, style: blank)
            for (y, operations) in rows.enumerated() { operations.forEach { $0.apply(to: &fresh, y: y) } }
            spare.beginFrame(width: width, height: height, style: blank)
            // Rows in any order: only the order on a row matters.
            for y in (0..<height).shuffled(using: &generator) { rows[y].forEach { $0.apply(to: &spare, y: y) } }
            spare.endFrame()
            swap(&shown, &spare)

            let same = shown == fresh
            #expect(same, "frame \(frame), seed \(seed): drawn over an earlier frame\n\(shown.snapshot())\nfresh\n\(fresh.snapshot())")
            let problem = shown.spanProblem(from: spare)
            #expect(problem == nil, "frame \(frame), seed \(seed): \(problem ?? "")")
            if !same || problem != nil { return }
        }
    }

    @Test("a row drawn from the runs already there is neither written, kept nor compared")
    func unchangedRowsSkipped() {
        let run = CellRun(Array(repeating: Cell(symbol: "a", width: 1), count: 5))
        var canvas = Canvas(width: 8, height: 2)
        canvas.beginFrame(width: 8, height: 2)
        canvas.place(run, x: 1, y: 0)
        canvas.put("text", x: 0, y: 1)
        canvas.endFrame()
        let before = canvas

        canvas.beginFrame(width: 8, height: 2)
        canvas.place(run, x: 1, y: 0)
        canvas.put("next", x: 0, y: 1)
        // A row whose runs so far draw what it holds is left as it is, at once.
        #expect(!canvas.rowIsDeferred(0))
        #expect(!canvas.rowIsDeferred(1))
        canvas.endFrame()
        #expect(canvas.snapshot() == " aaaaa\nnext")
        #expect(canvas.changes(from: before).map { [$0.x, $0.y] } == [[0, 1]])   // "text" → "next"
        // Another run at the same place waits for the end of the frame, and is drawn then.
        let other = CellRun(Array(repeating: Cell(symbol: "b", width: 1), count: 2))
        canvas.beginFrame(width: 8, height: 2)
        canvas.place(other, x: 1, y: 0)
        #expect(canvas.rowIsDeferred(0))
        canvas.endFrame()
        #expect(canvas.snapshot() == " bb\n")
        // Two runs: the row waits after the first, and is left as it is after the second.
        canvas.beginFrame(width: 8, height: 2)
        canvas.place(other, x: 1, y: 0)
        canvas.place(run, x: 3, y: 0)
        canvas.endFrame()
        canvas.beginFrame(width: 8, height: 2)
        canvas.place(other, x: 1, y: 0)
        #expect(canvas.rowIsDeferred(0))
        canvas.place(run, x: 3, y: 0)
        #expect(!canvas.rowIsDeferred(0))
        canvas.put("z", x: 0, y: 0)
        canvas.endFrame()
        #expect(canvas.snapshot() == "zbbaaaaa\n")
    }

    @Test("a selection bar that moves sends its two rows whole, uncompared; one that stays sends nothing")
    func selectionBarRows() {
        let runs = ["first", "second", "third"].map { text in
            var line = Canvas(width: 10, height: 1)
            line.put(text, x: 0, y: 0, style: Style(foreground: .cyan))
            return CellRun(line.cells)
        }
        func frame(_ canvas: inout Canvas, selected: Int, bar: Style = Style(reverse: true), width: Int = 10) {
            canvas.beginFrame(width: 10, height: 3)
            for (y, run) in runs.enumerated() { canvas.place(run, x: 0, y: y) }
            canvas.setStyle(Rect(x: 0, y: selected, width: width, height: 1), style: bar)
            canvas.endFrame()
        }
        var before = Canvas(width: 10, height: 3), after = Canvas(width: 10, height: 3)
        frame(&before, selected: 0)
        frame(&after, selected: 1)
        var spans: [ChangedSpan] = []
        after.changedSpans(from: before, into: &spans)
        #expect(spans == [ChangedSpan(y: 0, start: 0, end: 10, stylesOnly: true), ChangedSpan(y: 1, start: 0, end: 10, stylesOnly: true)])
        #expect(after.spanProblem(from: before) == nil)
        // The same bar on the same row: the row keeps its key, and nothing is sent.
        frame(&before, selected: 1)
        after.changedSpans(from: before, into: &spans)
        #expect(spans.isEmpty)
        // Another style of bar on the same row is also only a restyle.
        frame(&before, selected: 1, bar: Style(underline: true))
        after.changedSpans(from: before, into: &spans)
        #expect(spans == [ChangedSpan(y: 1, start: 0, end: 10, stylesOnly: true)])
        // A bar over part of a row is compared cell by cell, as any other write.
        frame(&before, selected: 1, width: 4)
        after.changedSpans(from: before, into: &spans)
        #expect(spans == [ChangedSpan(y: 1, start: 4, end: 10)])
        // Other glyphs under the same bar are compared too.
        before.beginFrame(width: 10, height: 3)
        for (y, run) in runs.enumerated() { before.place(y == 1 ? runs[2] : run, x: 0, y: y) }
        before.setStyle(Rect(x: 0, y: 1, width: 10, height: 1), style: Style(reverse: true))
        before.endFrame()
        after.changedSpans(from: before, into: &spans)
        #expect(spans == [ChangedSpan(y: 1, start: 0, end: 6)])
        #expect(after.spanProblem(from: before) == nil)
    }

    @Test("text over a kept bar puts back and compares only the columns written over it")
    func textOverKeptBar() {
        var line = Canvas(width: 20, height: 1, style: Style(reverse: true))
        line.put(String(repeating: "=", count: 20), x: 0, y: 0)
        let bar = CellRun(line.cells)
        func frame(_ canvas: inout Canvas, _ text: String) {
            canvas.beginFrame(width: 20, height: 2)
            canvas.place(bar, x: 0, y: 0)
            canvas.put(text, x: 1, y: 0)
            canvas.put(text, x: 1, y: 1)
            canvas.endFrame()
        }
        var shown = Canvas(width: 20, height: 2), spare = Canvas(width: 20, height: 2)
        frame(&spare, "1/85")
        // The text and a column each side, where a wide glyph it broke would have left a blank.
        #expect(spare.columnsWrittenOverBase(ofRow: 0) == 0..<6)
        #expect(spare.columnsWrittenOverBase(ofRow: 1) == 0..<6)   // over a blank row
        swap(&shown, &spare)
        frame(&spare, "2/85")
        swap(&shown, &spare)
        // Drawn over "1/85": the bar comes back where the longer text was.
        frame(&spare, "10")
        #expect(spare.snapshot() == "=10=================\n 10")
        #expect(spare.columnsWrittenOverBase(ofRow: 0) == 0..<4)
        var spans: [ChangedSpan] = []
        spare.changedSpans(from: shown, into: &spans)
        #expect(spans == [ChangedSpan(y: 0, start: 1, end: 5), ChangedSpan(y: 1, start: 1, end: 5)])
        #expect(spare.spanProblem(from: shown) == nil)
        swap(&shown, &spare)
        frame(&spare, "11/85")
        #expect(spare.snapshot() == "=11/85==============\n 11/85")
        spare.changedSpans(from: shown, into: &spans)
        #expect(spans == [ChangedSpan(y: 0, start: 2, end: 6), ChangedSpan(y: 1, start: 2, end: 6)])
        // A bar of another style is another base: the row is compared whole.
        var other = Canvas(width: 20, height: 2)
        other.place(CellRun(Array(repeating: Cell(symbol: "=", width: 1), count: 20)), x: 0, y: 0)
        other.put("11/85", x: 1, y: 0)
        spare.changedSpans(from: other, into: &spans)
        #expect(spans.filter { $0.y == 0 } == [ChangedSpan(y: 0, start: 0, end: 20)])
    }
}
