import Testing
@testable import TravauxTUI

@Suite("Canvas")
struct CanvasTests {
    @Test("Text is written from its column and clipped to the canvas")
    func putClips() {
        var written = 0
        let shown = screen(width: 8, height: 2) { canvas in
            written = canvas.put("Outer space treaty", x: 2, y: 1)
        }
        #expect(shown == lines("", "  Outer"))
        #expect(written == 6)
    }

    @Test("maxWidth limits a write short of the canvas edge")
    func putMaxWidth() {
        let shown = screen(width: 10, height: 1) { canvas in
            canvas.put("abcdef", x: 1, y: 0, maxWidth: 3)
            canvas.put("Z", x: 9, y: 0)
        }
        #expect(shown == " abc     Z")
    }

    @Test("A wide glyph takes two cells, the second a continuation")
    func wideGlyph() {
        var canvas = Canvas(width: 6, height: 1)
        #expect(canvas.put("裁军", x: 1, y: 0) == 4)
        #expect(canvas.snapshot() == " 裁军")
        #expect(canvas.cell(x: 1, y: 0)?.width == 2)
        #expect(canvas.cell(x: 2, y: 0)?.isContinuation == true)
        #expect(canvas.cell(x: 3, y: 0)?.symbol == "军")
    }

    @Test("A wide glyph that does not fit at the last column leaves a space")
    func wideAtLastColumn() {
        var canvas = Canvas(width: 5, height: 1)
        #expect(canvas.put("abcd中", x: 0, y: 0) == 5)
        #expect(canvas.snapshot() == "abcd")
        #expect(canvas.cell(x: 4, y: 0) == Cell.blank)
    }

    @Test("A wide glyph cut by maxWidth leaves a space, never half a glyph")
    func wideCutByMaxWidth() {
        let shown = screen(width: 6, height: 1) { canvas in
            canvas.put("......", x: 0, y: 0)
            canvas.put("中文", x: 0, y: 0, maxWidth: 3)
        }
        #expect(shown == "中 ...")
    }

    @Test("Writing over either half of a wide glyph blanks the other half")
    func overwriteHalves() {
        var canvas = Canvas(width: 6, height: 1)
        canvas.put("中文", x: 0, y: 0)
        canvas.put("x", x: 1, y: 0)  // the right half of 中
        #expect(canvas.snapshot() == " x文")
        canvas.put("y", x: 2, y: 0)  // the left half of 文
        #expect(canvas.snapshot() == " xy")
        #expect(canvas.cells.allSatisfy { !$0.isContinuation })
    }

    @Test("A wide glyph written over another wide glyph's right half keeps the grid consistent")
    func wideOverWide() {
        var canvas = Canvas(width: 6, height: 1)
        canvas.put("中文", x: 0, y: 0)
        canvas.put("字", x: 1, y: 0)
        #expect(canvas.snapshot() == " 字")
        #expect(canvas.cell(x: 0, y: 0) == Cell.blank)
        #expect(canvas.cell(x: 3, y: 0) == Cell.blank)
    }

    @Test("Combining marks stay on the character they follow")
    func combining() {
        var canvas = Canvas(width: 6, height: 1)
        #expect(canvas.put("Ge\u{301}ne\u{300}ve", x: 0, y: 0) == 6)
        #expect(canvas.snapshot() == "Ge\u{301}ne\u{300}ve")
        #expect(canvas.cell(x: 1, y: 0)?.symbol == "e\u{301}")
        #expect(canvas.cell(x: 2, y: 0)?.symbol == "n")
    }

    @Test("Escape sequences and control characters in data are shown, never written raw")
    func hostileText() {
        var canvas = Canvas(width: 12, height: 1)
        canvas.put("\u{1B}[2J\u{7}ok\u{1B}", x: 0, y: 0)
        #expect(canvas.snapshot() == "^[[2J^Gok^[")
        let raw = canvas.cells.flatMap { $0.symbol.unicodeScalars }
        #expect(!raw.contains { $0.value < 0x20 || $0.value == 0x7F })
    }

    @Test("A line break in single-line text becomes a space")
    func newlineInPut() {
        #expect(screen(width: 10, height: 1) { $0.put("a\nb", x: 0, y: 0) } == "a b")
    }

    @Test("Emoji take two cells")
    func emoji() {
        var canvas = Canvas(width: 6, height: 1)
        #expect(canvas.put("🚀 ok", x: 0, y: 0) == 5)
        #expect(canvas.snapshot() == "🚀 ok")
        #expect(canvas.cell(x: 3, y: 0)?.symbol == "o")
    }

    @Test("Zero-width and zero-height canvases accept every operation without effect")
    func emptyCanvases() {
        for (width, height) in [(0, 0), (0, 3), (4, 0), (-2, -5)] {
            var canvas = Canvas(width: width, height: height)
            #expect(canvas.put("text", x: 0, y: 0) == 0)
            canvas.fill(Rect(x: 0, y: 0, width: 10, height: 10), style: Style(reverse: true))
            canvas.patchStyle(Rect(x: -1, y: -1, width: 3, height: 3), with: Style(bold: true))
            canvas.setStyle(canvas.area, style: .plain)
            #expect(canvas.cell(x: 0, y: 0) == nil)
            #expect(canvas.changes(from: Canvas(width: 3, height: 3)).isEmpty)
        }
        #expect(Canvas(width: 0, height: 3).snapshot() == "\n\n")
        #expect(Canvas(width: 4, height: 0).snapshot() == "")
    }

    @Test("Writes outside the canvas, or starting left of it, are clipped")
    func outOfRange() {
        let shown = screen(width: 4, height: 2) { canvas in
            canvas.put("nope", x: 0, y: 2)
            canvas.put("nope", x: 0, y: -1)
            canvas.put("nope", x: 4, y: 0)
            canvas.put("abcdef", x: -2, y: 0)
            canvas.put("中x", x: -1, y: 1)
        }
        #expect(shown == lines("cdef", " x"))
    }

    @Test("A one-column canvas shows narrow characters and blanks for wide ones")
    func oneColumn() {
        #expect(screen(width: 1, height: 2) { canvas in
            canvas.put("abc", x: 0, y: 0)
            canvas.put("中", x: 0, y: 1)
        } == lines("a", ""))
    }

    @Test("fill clears a rectangle to a style and splits no wide glyph")
    func fill() {
        var canvas = Canvas(width: 6, height: 2)
        canvas.put("中文字", x: 0, y: 0)
        canvas.fill(Rect(x: 1, y: 0, width: 2, height: 1), style: Style(background: .blue))
        #expect(canvas.snapshot() == lines("    字", ""))
        #expect(canvas.cell(x: 1, y: 0)?.style.background == .blue)
        #expect(canvas.cell(x: 3, y: 0)?.style.background == nil)
    }

    @Test("Text written on a filled background keeps the background")
    func putPatchesStyle() {
        var canvas = Canvas(width: 4, height: 1)
        canvas.fill(canvas.area, style: Style(background: .blue))
        canvas.put("ab", x: 0, y: 0, style: Style(foreground: .yellow, bold: true))
        let style = canvas.cell(x: 0, y: 0)?.style
        #expect(style == Style(foreground: .yellow, background: .blue, bold: true))
        #expect(canvas.cell(x: 3, y: 0)?.style == Style(background: .blue))
    }

    @Test("patchStyle highlights a range, widened to whole wide glyphs")
    func patchStyle() {
        var canvas = Canvas(width: 6, height: 1)
        canvas.put("a中b", x: 0, y: 0)
        canvas.patchStyle(Rect(x: 2, y: 0, width: 1, height: 1), with: Style(reverse: true))
        #expect(canvas.cell(x: 1, y: 0)?.style.reverse == true)
        #expect(canvas.cell(x: 2, y: 0)?.style.reverse == true)
        #expect(canvas.cell(x: 0, y: 0)?.style.reverse == false)
        #expect(canvas.cell(x: 3, y: 0)?.style.reverse == false)
        canvas.setStyle(canvas.area, style: Style(underline: true))
        #expect(canvas.cells.allSatisfy { $0.style == Style(underline: true) })
        #expect(canvas.snapshot() == "a中b")
    }

    @Test("Styled text keeps each span's style")
    func styledText() {
        var canvas = Canvas(width: 10, height: 1)
        let text = StyledText([Span("CD", style: Style(bold: true)), Span("/1985")])
        #expect(canvas.put(text, x: 0, y: 0) == 7)
        #expect(canvas.snapshot() == "CD/1985")
        #expect(canvas.cell(x: 1, y: 0)?.style.bold == true)
        #expect(canvas.cell(x: 2, y: 0)?.style.bold == false)
    }

    @Test("reset blanks a canvas in place at the same size, and remakes it at another")
    func reset() {
        var canvas = Canvas(width: 6, height: 2)
        canvas.put("日本語", x: 0, y: 0, style: Style(bold: true))
        canvas.put("ab", x: 1, y: 1)
        canvas.reset(width: 6, height: 2)
        #expect(canvas == Canvas(width: 6, height: 2))
        canvas.put("x", x: 5, y: 1)
        canvas.reset(width: 3, height: 4, style: Style(reverse: true))
        #expect(canvas == Canvas(width: 3, height: 4, style: Style(reverse: true)))
        #expect(canvas.snapshot() == "\n\n\n")
    }

    @Test("reset in place blanks every cell, whatever the number of rows", arguments: [(1, 1), (1, 9), (9, 1), (7, 5), (200, 60), (3, 17)])
    func resetInPlace(_ size: (Int, Int)) {
        let (width, height) = size
        var canvas = Canvas(width: width, height: height)
        for y in 0..<height { canvas.put(String(repeating: "é日", count: width), x: 0, y: y, style: Style(bold: true)) }
        canvas.reset(width: width, height: height, style: Style(underline: true))
        #expect(canvas == Canvas(width: width, height: height, style: Style(underline: true)))
    }

    @Test("place copies a row of cells in, clipped, and keeps wide glyphs whole at its edges")
    func placeRun() {
        var row = Canvas(width: 5, height: 1)
        row.put("a裁b", x: 0, y: 0, style: Style(bold: true))
        let run = CellRun(row.cells)

        var canvas = Canvas(width: 8, height: 2)
        canvas.put("12345678", x: 0, y: 0)
        canvas.place(run, x: 2, y: 0)
        #expect(canvas.snapshot() == "12a裁b 8\n")
        #expect(canvas.cell(x: 2, y: 0)?.style == Style(bold: true))

        // Clipped on the right, the wide glyph that no longer fits becomes a blank.
        var right = Canvas(width: 3, height: 1)
        right.place(run, x: 1, y: 0)
        #expect(right.snapshot() == " a")
        #expect(right.cell(x: 2, y: 0)?.isContinuation == false)

        // Clipped on the left, the half of the glyph still inside is a blank.
        var left = Canvas(width: 4, height: 1)
        left.place(run, x: -2, y: 0)
        #expect(left.snapshot() == " b")

        // Overwriting half of a wide glyph already there blanks its other half.
        var under = Canvas(width: 6, height: 1)
        under.put("中文", x: 0, y: 0)
        under.place(CellRun([Cell(symbol: "x", width: 1)]), x: 1, y: 0)
        #expect(under.snapshot() == " x文")

        // Off the canvas: nothing happens.
        var outside = Canvas(width: 2, height: 1)
        outside.place(run, x: 0, y: 3)
        outside.place(run, x: 5, y: 0)
        #expect(outside == Canvas(width: 2, height: 1))
    }

    @Test("Cells are equal when they draw the same bytes: canonically equivalent symbols are not")
    func cellEqualityIsByBytes() {
        let composed = Cell(symbol: "\u{E9}", width: 1)
        let decomposed = Cell(symbol: "e\u{301}", width: 1)
        #expect(composed.symbol == decomposed.symbol)  // Swift's String says equal…
        #expect(composed != decomposed)                  // …the terminal would draw other bytes
        #expect(Cell(symbol: "ab", width: 1) != Cell(symbol: "ac", width: 1))
        #expect(Cell(symbol: "x", width: 1, style: Style(bold: true)) != Cell(symbol: "x", width: 1))
        #expect(Cell(symbol: "中", width: 2) == Cell(symbol: "中", width: 2))
        #expect(Set([composed, decomposed, composed]).count == 2)
    }

    @Test("Printable ASCII and other text write the same cells")
    func asciiWriteMatchesGeneralPath() {
        var ascii = Canvas(width: 12, height: 1)
        ascii.put("Treaty 1967~", x: 0, y: 0, style: Style(dim: true), maxWidth: 10)
        var general = Canvas(width: 12, height: 1)
        // The same text followed by a non-ASCII character, cut where the ASCII one is.
        general.put("Treaty 1967~é", x: 0, y: 0, style: Style(dim: true), maxWidth: 10)
        #expect(ascii == general)
        #expect(ascii.snapshot() == "Treaty 196")
    }

    @Test("Text mixing ASCII with other scripts writes what writing it by Character writes")
    func mixedWriteMatchesGeneralPath() {
        let pieces = ["Treaty", " ", "1967", "é", "e\u{301}", "a\u{301}\u{302}", "\u{600}12", "\u{600}",
                      "👍🏽", "👨\u{200D}👩\u{200D}👧", "宇宙", "#\u{FE0F}\u{20E3}", "\u{1F1EB}\u{1F1F7}", "\u{1100}\u{1161}",
                      "\u{200D}", "\u{301}", "—", "“x”", "Ⅻ", "x", "ab", "\t", "\u{7F}", "A\u{E0001}"]
        var seed: UInt64 = 42
        func next(_ bound: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int(seed >> 33) % bound
        }
        for _ in 0..<2_000 {
            var text = ""
            for _ in 0..<(1 + next(8)) { text += pieces[next(pieces.count)] }
            let width = 1 + next(24)
            let x = next(6) - 2
            let maxWidth: Int? = next(3) == 0 ? next(width + 1) : nil
            var fast = Canvas(width: width, height: 1)
            var general = Canvas(width: width, height: 1)
            let fastColumns = fast.put(text, x: x, y: 0, style: Style(bold: true), maxWidth: maxWidth)
            let generalColumns = general.putByCharacter(text, x: x, y: 0, style: Style(bold: true), maxWidth: maxWidth)
            let same = fast == general
            #expect(same, "\(text.unicodeScalars.map { String($0.value, radix: 16) }) at \(x) in \(width)")
            #expect(fastColumns == generalColumns)
        }
    }

    @Test("A cell has no padding bytes, so equal frames are equal memory")
    func cellHasNoPadding() {
        #expect(MemoryLayout<Cell>.size == MemoryLayout<Cell>.stride, "Style \(MemoryLayout<Style>.size), Color? \(MemoryLayout<Color?>.size)")
    }

    @Test("changes(from:) finds every changed cell, in blocks of unchanged memory and not")
    func changesAcrossBlocks() {
        var before = Canvas(width: 37, height: 3)
        before.put("Outer Space Treaty 1967 — 宇宙条約", x: 0, y: 0)
        before.put("Code of Conduct", x: 5, y: 2)
        var after = before
        after.put("X", x: 15, y: 0)      // the last cell of a block
        after.put("Y", x: 16, y: 0)      // the first of the next
        after.put("約", x: 33, y: 1)     // a wide glyph across a block boundary
        after.put("z", x: 36, y: 2)      // the last cell, in a short block
        let changes = after.changes(from: before)
        #expect(changes.map { "\($0.x),\($0.y):\($0.cell.symbol)" } == ["15,0:X", "16,0:Y", "33,1:約", "36,2:z"])
        #expect(after.changes(from: after).isEmpty)
        #expect(after.changes(from: Canvas(width: 1, height: 1)).count == 37 * 3 - 5)  // five continuation cells
    }

    @Test("changes(from:) yields what comparing every cell yields, at any width and any edit")
    func changesMatchCellByCell() {
        var seed: UInt64 = 7
        func next(_ bound: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int(seed >> 33) % bound
        }
        let pieces = ["a", "Treaty", "宇宙", "é", "—", " ", "約b", "x"]
        for width in [1, 2, 15, 16, 17, 33, 37, 80] {
            let height = 1 + next(6)
            var before = Canvas(width: width, height: height)
            for _ in 0..<(width * height / 3 + 1) { before.put(pieces[next(pieces.count)], x: next(width), y: next(height)) }
            var after = before
            for _ in 0..<(1 + next(8)) {
                after.put(pieces[next(pieces.count)], x: next(width), y: next(height), style: Style(bold: next(2) == 0))
            }
            var expected: [CellChange] = []
            for index in after.cells.indices where after.cells[index] != before.cells[index] {
                var target = index
                if after.cells[index].isContinuation {
                    guard index % width > 0 else { continue }
                    target = index - 1
                }
                if let last = expected.last, last.y * width + last.x == target { continue }
                expected.append(CellChange(x: target % width, y: target / width, cell: after.cells[target]))
            }
            #expect(after.changes(from: before) == expected, "width \(width)")
        }
    }
}
