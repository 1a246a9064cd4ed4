import Testing
import TravauxBench
@testable import TravauxTUI

@Suite("Canvas changes")
struct CanvasChangesTests {
    @Test("Identical canvases have no changes")
    func none() {
        var a = Canvas(width: 5, height: 2)
        a.put("hello", x: 0, y: 0)
        #expect(a.changes(from: a).isEmpty)
    }

    @Test("Only the cells that differ are yielded, row by row")
    func onlyChanged() {
        var before = Canvas(width: 5, height: 2)
        before.put("hello", x: 0, y: 0)
        var after = before
        after.put("J", x: 0, y: 0)
        after.put("!", x: 4, y: 1)
        let changes = after.changes(from: before)
        #expect(changes.map { [$0.x, $0.y] } == [[0, 0], [4, 1]])
        #expect(changes.map(\.cell.symbol) == ["J", "!"])
    }

    @Test("Changes into a kept array replace what it held, frame after frame")
    func intoKeptArray() {
        var before = Canvas(width: 30, height: 3)
        before.put("the first frame", x: 0, y: 0)
        var after = before
        after.put("a second", x: 4, y: 1)
        var kept: [CellChange] = []
        after.changes(from: Canvas(width: 0, height: 0), into: &kept)
        #expect(kept.count == 90)
        after.changes(from: before, into: &kept)
        #expect(kept == after.changes(from: before))
        #expect(kept.count == 7)   // "a second" less its space, which was there
        after.changes(from: after, into: &kept)
        #expect(kept.isEmpty)
    }

    @Test("A style change alone is a change")
    func styleOnly() {
        let before = Canvas(width: 3, height: 1)
        var after = before
        after.patchStyle(Rect(x: 1, y: 0, width: 1, height: 1), with: Style(reverse: true))
        #expect(after.changes(from: before).map(\.x) == [1])
    }

    @Test("A new wide glyph is yielded once, from its first cell")
    func newWideGlyph() {
        let before = Canvas(width: 4, height: 1)
        var after = before
        after.put("中", x: 1, y: 0)
        let changes = after.changes(from: before)
        #expect(changes.count == 1)
        #expect(changes.first?.x == 1)
        #expect(changes.first?.cell.width == 2)
    }

    @Test("A change to the second half of a wide glyph redraws the glyph")
    func secondHalf() {
        var before = Canvas(width: 4, height: 1)
        before.put("中", x: 0, y: 0)
        var after = before
        after.patchStyle(Rect(x: 1, y: 0, width: 1, height: 1), with: Style(bold: true))
        let changes = after.changes(from: before)
        #expect(changes.map(\.x) == [0])
        #expect(changes.first?.cell.symbol == "中")
    }

    @Test("Replacing a wide glyph by narrow ones redraws both columns")
    func wideToNarrow() {
        var before = Canvas(width: 4, height: 1)
        before.put("中", x: 0, y: 0)
        var after = Canvas(width: 4, height: 1)
        after.put("ab", x: 0, y: 0)
        #expect(after.changes(from: before).map(\.x) == [0, 1])
    }

    @Test("A wide glyph moved by one column yields the new glyph and the freed cell")
    func wideShift() {
        var before = Canvas(width: 4, height: 1)
        before.put("中", x: 0, y: 0)
        var after = Canvas(width: 4, height: 1)
        after.put("中", x: 1, y: 0)
        let changes = after.changes(from: before)
        #expect(changes.map(\.x) == [0, 1])
        #expect(changes.map(\.cell.symbol) == [" ", "中"])
    }

    @Test("A change of size makes every cell a change")
    func resize() {
        var before = Canvas(width: 3, height: 1)
        before.put("abc", x: 0, y: 0)
        var after = Canvas(width: 3, height: 2)
        after.put("abc", x: 0, y: 0)
        after.put("中", x: 0, y: 1)
        let changes = after.changes(from: before)
        #expect(changes.count == 5)  // 3 + the wide glyph + the blank after it
        #expect(!changes.contains { $0.cell.isContinuation })
    }

    @Test("Changed spans are the runs of changed cells, started on a changed glyph's first half")
    func spans() {
        var before = Canvas(width: 12, height: 3)
        before.put("中文 and more", x: 0, y: 0)
        before.put("row two", x: 0, y: 1)
        var after = before
        after.put("x", x: 1, y: 0)        // the right half of 中: the span starts on it
        after.put("AND", x: 5, y: 0)      // a second span on the row
        after.put("W", x: 4, y: 1)
        var spans: [ChangedSpan] = []
        after.changedSpans(from: before, into: &spans)
        #expect(spans == [ChangedSpan(y: 0, start: 0, end: 2), ChangedSpan(y: 0, start: 5, end: 8),
                          ChangedSpan(y: 1, start: 4, end: 5)])
        after.changedSpans(from: Canvas(width: 0, height: 0), into: &spans)
        #expect(spans == (0..<3).map { ChangedSpan(y: $0, start: 0, end: 12) })
        after.changedSpans(from: after, into: &spans)
        #expect(spans.isEmpty)
        // A kept run may style a right half apart from its glyph: the span starts on the glyph,
        // and joins the span before it when they meet.
        var halves = Canvas(width: 6, height: 1)
        halves.put("a中", x: 0, y: 0)
        var restyled = halves
        restyled.place(CellRun([Cell(symbol: "中", width: 2), .continuation(Style(bold: true))]), x: 1, y: 0)
        restyled.changedSpans(from: halves, into: &spans)
        #expect(spans == [ChangedSpan(y: 0, start: 1, end: 3)])
        restyled.put("b", x: 0, y: 0)
        restyled.changedSpans(from: halves, into: &spans)
        #expect(spans == [ChangedSpan(y: 0, start: 0, end: 3)])
    }

    @Test("Changed spans cover every changed cell and nothing else, on random edits", arguments: [1, 2, 3])
    func spansCoverChanges(seed: UInt64) {
        var generator = SeededGenerator(seed: seed)
        func next(_ bound: Int) -> Int { Int(generator.next() % UInt64(bound)) }
        let pieces = ["a", "Treaty", "宇宙", "é", "—", " ", "約b", "x", "😀"]
        let styles = [Style.plain, Style(bold: true), Style(foreground: .red), Style(reverse: true)]
        var spans: [ChangedSpan] = []
        for _ in 0..<300 {
            let width = 1 + next(40), height = 1 + next(4)
            var before = Canvas(width: width, height: height)
            for _ in 0..<(width * height / 3 + 1) { before.put(pieces[next(pieces.count)], x: next(width), y: next(height)) }
            var after = before
            for _ in 0..<(1 + next(10)) {
                after.put(pieces[next(pieces.count)], x: next(width), y: next(height), style: styles[next(styles.count)])
            }
            after.changedSpans(from: before, into: &spans)
            var covered = Set<Int>()
            for (index, span) in spans.enumerated() {
                #expect(span.start < span.end && span.end <= width)
                if index > 0, spans[index - 1].y == span.y { #expect(spans[index - 1].end < span.start, "spans that meet are one") }
                if index > 0 { #expect(spans[index - 1].y <= span.y) }
                let first = after.cell(x: span.start, y: span.y)
                #expect(span.start == 0 || first?.isContinuation == false)
                for x in span.start..<span.end {
                    covered.insert(span.y * width + x)
                    let differs = after.cell(x: x, y: span.y) != before.cell(x: x, y: span.y)
                    let leadOfChangedHalf = x == span.start && after.cell(x: x + 1, y: span.y)?.isContinuation == true
                        && after.cell(x: x + 1, y: span.y) != before.cell(x: x + 1, y: span.y)
                    #expect(differs || leadOfChangedHalf, "cell \(x),\(span.y) in a span did not change")
                }
            }
            for index in after.cells.indices where after.cells[index] != before.cells[index] {
                #expect(covered.contains(index), "changed cell \(index % width),\(index / width) outside every span")
            }
        }
    }
}
