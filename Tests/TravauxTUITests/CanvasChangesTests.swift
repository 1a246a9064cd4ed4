import Testing
import TravauxTUI

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
}
