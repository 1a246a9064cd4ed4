#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A width × height grid of cells that views render a frame into.
///
/// Views never talk to the terminal: they draw into a canvas, screen tests compare its
/// `snapshot()` with the text they expect, and the backend draws only what changed
/// since the previous frame (`changes(from:)`). Every write is clipped to the grid, and
/// a wide glyph is never split: writing over either half of one blanks the other.
public struct Canvas: Sendable, Equatable {
    public private(set) var width: Int
    public private(set) var height: Int
    /// The cells row by row, `width * height` of them.
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int, style: Style = .plain) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.cells = Array(repeating: .blank(style), count: self.width * self.height)
    }

    /// Makes the canvas blank at this size, reusing its cells when the size is unchanged:
    /// a 200×60 frame is 12,000 cells, and a fresh array each frame cost page faults.
    public mutating func reset(width: Int, height: Int, style: Style = .plain) {
        guard self.width == max(0, width), self.height == max(0, height) else {
            self = Canvas(width: width, height: height, style: style)
            return
        }
        let blank = Cell.blank(style)
        // The first row cell by cell, then the rows so far copied after themselves, doubling:
        // a dozen copies of memory instead of a store per cell.
        cells.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress, !buffer.isEmpty else { return }
            let first = min(buffer.count, max(1, self.width))
            base.update(repeating: blank, count: first)
            var done = first
            while done < buffer.count {
                let count = min(done, buffer.count - done)
                (base + done).update(from: base, count: count)
                done += count
            }
        }
    }

    /// The whole canvas as a rectangle.
    public var area: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    /// The cell at a position, or `nil` outside the canvas.
    public func cell(x: Int, y: Int) -> Cell? {
        guard contains(x: x, y: y) else { return nil }
        return cells[y * width + x]
    }

    public func contains(x: Int, y: Int) -> Bool {
        x >= 0 && x < width && y >= 0 && y < height
    }

    // MARK: Writing text

    /// Writes text on row `y` from column `x`, clipped to the canvas and to `maxWidth`
    /// columns, and returns the columns it took.
    ///
    /// The text is sanitized first (a line break becomes a space). `style` is laid over
    /// the style of the cells written (`Style.patched(with:)`), so text keeps the
    /// background filled beneath it. A wide glyph that does not fit in what is left is
    /// not split: it leaves a space instead.
    @discardableResult
    public mutating func put(
        _ text: some StringProtocol, x: Int, y: Int, style: Style = .plain, maxWidth: Int? = nil
    ) -> Int {
        var column = x
        var lastWritten: Int? = nil
        write(TextSanitizer.sanitize(text), style: style, column: &column, y: y,
              limit: limit(from: x, maxWidth: maxWidth), lastWritten: &lastWritten)
        return column - x
    }

    /// Writes styled text on row `y` from column `x`; see `put(_:x:y:style:maxWidth:)`.
    @discardableResult
    public mutating func put(_ text: StyledText, x: Int, y: Int, maxWidth: Int? = nil) -> Int {
        var column = x
        var lastWritten: Int? = nil
        let limit = limit(from: x, maxWidth: maxWidth)
        for span in text.spans {
            if !write(TextSanitizer.sanitize(span.text), style: span.style, column: &column, y: y,
                      limit: limit, lastWritten: &lastWritten) {
                break
            }
        }
        return column - x
    }

    private func limit(from x: Int, maxWidth: Int?) -> Int {
        guard let maxWidth else { return width }
        return min(width, x + max(0, maxWidth))
    }

    /// Writes sanitized text; returns false once the limit is reached.
    @discardableResult
    private mutating func write(
        _ text: String, style: Style, column: inout Int, y: Int, limit: Int, lastWritten: inout Int?
    ) -> Bool {
        guard y >= 0, y < height else { return false }
        if let finished = writePrintableASCII(text, style: style, column: &column, y: y, limit: limit,
                                              lastWritten: &lastWritten) {
            return finished
        }
        return writeMixed(text, style: style, column: &column, y: y, limit: limit, lastWritten: &lastWritten)
    }

    /// `write` for text with some non-ASCII: a printable ASCII byte that follows a piece or
    /// another such byte, and is followed by an ASCII byte (or the end), is a whole character
    /// and is written as a byte; the rest is written by `Character`, in pieces that end
    /// between two printable ASCII bytes. No grapheme cluster spans two printable ASCII
    /// characters, so each piece breaks into the characters the whole text does; a test
    /// checks it against writing the whole text by `Character`.
    private mutating func writeMixed(
        _ text: String, style: Style, column: inout Int, y: Int, limit: Int, lastWritten: inout Int?
    ) -> Bool {
        let utf8 = text.utf8
        var index = utf8.startIndex
        while index < utf8.endIndex {
            let byte = utf8[index]
            let after = utf8.index(after: index)
            if Self.isPrintableASCII(byte), after == utf8.endIndex || utf8[after] < 0x80 {
                guard writeASCII(byte, style: style, column: &column, y: y, limit: limit, lastWritten: &lastWritten) else {
                    return false
                }
                index = after
                continue
            }
            // A piece from here to between two printable ASCII bytes that meet, or to the end.
            // It ends after the first of the two, not before it: a character before that one
            // may be a prepended mark that joins it (GB9b), and nothing joins the second.
            var end = after
            var previous = byte
            while end < utf8.endIndex {
                let current = utf8[end]
                if Self.isPrintableASCII(previous), Self.isPrintableASCII(current) { break }
                previous = current
                end = utf8.index(after: end)
            }
            if !writeCharacters(text[index..<end], style: style, column: &column, y: y, limit: limit,
                                lastWritten: &lastWritten) {
                return false
            }
            index = end
        }
        return true
    }

    private static func isPrintableASCII(_ byte: UInt8) -> Bool { byte >= 0x20 && byte < 0x7F }

    /// `put` through the general path alone, one `Character` at a time: what the faster paths
    /// must draw the same as (tests).
    @discardableResult
    mutating func putByCharacter(_ text: String, x: Int, y: Int, style: Style = .plain, maxWidth: Int? = nil) -> Int {
        guard y >= 0, y < height else { return 0 }
        var column = x
        var lastWritten: Int? = nil
        _ = writeCharacters(Substring(TextSanitizer.sanitize(text)), style: style, column: &column, y: y,
                            limit: limit(from: x, maxWidth: maxWidth), lastWritten: &lastWritten)
        return column - x
    }

    /// Writes text one `Character` at a time: the general path.
    private mutating func writeCharacters(
        _ text: Substring, style: Style, column: inout Int, y: Int, limit: Int, lastWritten: inout Int?
    ) -> Bool {
        for character in text {
            if let ascii = character.asciiValue, ascii >= 0x20, ascii < 0x7F {
                // Most of the record is ASCII: skip the glyph analysis.
                guard writeASCII(ascii, style: style, column: &column, y: y, limit: limit, lastWritten: &lastWritten) else {
                    return false
                }
                continue
            }
            for glyph in DisplayWidth.glyphs(of: character) {
                if glyph.width == 0 {
                    // A combining mark belongs to the cell written just before it.
                    if let index = lastWritten { cells[index].glyph.append(contentsOf: glyph.text) }
                    continue
                }
                if column + glyph.width > limit {
                    if column >= 0, column < limit {
                        place(Cell.blank(style), x: column, y: y)
                        column += 1
                    }
                    return false
                }
                if column < 0 {
                    // Clipped on the left; the part of a wide glyph still inside is blank.
                    let end = column + glyph.width
                    if end > 0 {
                        for covered in 0..<end { place(Cell.blank(style), x: covered, y: y) }
                    }
                    lastWritten = nil
                } else {
                    place(Cell(glyph: Glyph(glyph.text), width: glyph.width, style: style), x: column, y: y)
                    lastWritten = y * width + column
                }
                column += glyph.width
            }
        }
        return true
    }

    /// `write` for text that is all printable ASCII, byte by byte: each byte is one
    /// character one column wide, so the grapheme breaking and glyph analysis of the
    /// general path (most of a list row's cost) are skipped. nil when the text is not.
    private mutating func writePrintableASCII(
        _ text: String, style: Style, column: inout Int, y: Int, limit: Int, lastWritten: inout Int?
    ) -> Bool? {
        var text = text
        return text.withUTF8 { bytes -> Bool? in
            for byte in bytes where !Self.isPrintableASCII(byte) { return nil }
            for byte in bytes {
                guard writeASCII(byte, style: style, column: &column, y: y, limit: limit, lastWritten: &lastWritten) else {
                    return false
                }
            }
            return true
        }
    }

    /// Writes one printable ASCII byte as a cell; false, and nothing written, past the limit.
    @inline(__always)
    private mutating func writeASCII(
        _ byte: UInt8, style: Style, column: inout Int, y: Int, limit: Int, lastWritten: inout Int?
    ) -> Bool {
        guard column + 1 <= limit else { return false }
        if column >= 0 {
            place(Cell(glyph: Glyph(ascii: byte), width: 1, style: style), x: column, y: y)
            lastWritten = y * width + column
        } else {
            lastWritten = nil
        }
        column += 1
        return true
    }

    /// Puts a cell (its style laid over the one beneath), keeping wide glyphs whole.
    private mutating func place(_ cell: Cell, x: Int, y: Int) {
        guard contains(x: x, y: y), x + max(1, cell.width) <= width else { return }
        breakWideGlyph(x: x, y: y)
        if cell.width == 2 { breakWideGlyph(x: x + 1, y: y) }
        let index = y * width + x
        let style = cells[index].style.patched(with: cell.style)
        cells[index] = Cell(glyph: cell.glyph, width: cell.width, style: style)
        if cell.width == 2 {
            cells[index + 1] = .continuation(style)
        }
    }

    /// Before a cell is overwritten: if it is half of a wide glyph, the other half
    /// becomes a blank so no orphan half is left on screen.
    private mutating func breakWideGlyph(x: Int, y: Int) {
        let index = y * width + x
        let cell = cells[index]
        if cell.isContinuation, x > 0 {
            cells[index - 1] = .blank(cells[index - 1].style)
            cells[index] = .blank(cell.style)
        } else if cell.width == 2, x + 1 < width {
            cells[index + 1] = .blank(cells[index + 1].style)
        }
    }

    /// Copies a run of cells in on row `y` from column `x`, clipped to the canvas, replacing
    /// what was there (a row kept from an earlier frame). The run must not end in half a
    /// wide glyph; a glyph it overwrites half of is blanked, as `fill` does.
    public mutating func place(_ run: [Cell], x: Int, y: Int) {
        guard y >= 0, y < height, x < width else { return }
        let skipped = max(0, -x)
        let start = max(0, x)
        let count = min(run.count - skipped, width - start)
        guard count > 0 else { return }
        breakWideGlyph(x: start, y: y)
        breakWideGlyph(x: start + count - 1, y: y)
        let base = y * width + start
        // Cells are plain bytes: one copy of memory, without a check per cell.
        cells.withUnsafeMutableBufferPointer { target in
            run.withUnsafeBufferPointer { source in
                guard let to = target.baseAddress, let from = source.baseAddress else { return }
                (to + base).update(from: from + skipped, count: count)
            }
        }
        // A wide glyph cut at the right edge, or its orphan right half at the left, is a blank.
        if cells[base + count - 1].width == 2 { cells[base + count - 1] = .blank(cells[base + count - 1].style) }
        if cells[base].isContinuation { cells[base] = .blank(cells[base].style) }
    }

    // MARK: Areas

    /// Clears a rectangle to blanks in `style` (replacing, not patching, the styles).
    public mutating func fill(_ rect: Rect, style: Style = .plain) {
        let clipped = rect.intersection(area)
        guard !clipped.isEmpty else { return }
        for y in clipped.y..<clipped.maxY {
            breakWideGlyph(x: clipped.x, y: y)
            breakWideGlyph(x: clipped.maxX - 1, y: y)
            for x in clipped.x..<clipped.maxX {
                cells[y * width + x] = .blank(style)
            }
        }
    }

    /// Gives every cell of a rectangle `style`, keeping what the cells show.
    public mutating func setStyle(_ rect: Rect, style: Style) {
        for index in cellIndices(in: rect) { cells[index].style = style }
    }

    /// Lays `style` over the style of every cell of a rectangle (a highlight).
    public mutating func patchStyle(_ rect: Rect, with style: Style) {
        for index in cellIndices(in: rect) { cells[index].style = cells[index].style.patched(with: style) }
    }

    /// The cells of a rectangle, widened on each row to whole wide glyphs so that both
    /// halves of a glyph always share a style.
    private func cellIndices(in rect: Rect) -> [Int] {
        let clipped = rect.intersection(area)
        guard !clipped.isEmpty else { return [] }
        var result: [Int] = []
        for y in clipped.y..<clipped.maxY {
            var first = clipped.x
            var last = clipped.maxX - 1
            if cells[y * width + first].isContinuation, first > 0 { first -= 1 }
            if cells[y * width + last].width == 2, last + 1 < width { last += 1 }
            for x in first...last { result.append(y * width + x) }
        }
        return result
    }

    // MARK: Reading back

    /// The canvas as text: one line per row joined by `"\n"`, continuation cells
    /// skipped and trailing spaces trimmed. Screen tests compare this.
    public func snapshot() -> String {
        var lines: [String] = []
        lines.reserveCapacity(height)
        for y in 0..<height {
            var line = ""
            for x in 0..<width {
                let cell = cells[y * width + x]
                if !cell.isContinuation { line.append(cell.symbol) }
            }
            while line.last == " " { line.removeLast() }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }

    /// The cells a backend must draw to turn `previous` into this canvas, row by row.
    ///
    /// A change to either half of a wide glyph yields the glyph's first cell (drawing
    /// it covers both columns); continuation cells are never yielded. When the sizes
    /// differ, every cell is a change.
    public func changes(from previous: Canvas) -> [CellChange] {
        var result: [CellChange] = []
        changes(from: previous, into: &result)
        return result
    }

    /// `changes(from:)` into `result`, emptied first and kept by the caller from frame to
    /// frame: a fresh array grew a dozen times a keystroke, moving every change each time.
    public func changes(from previous: Canvas, into result: inout [CellChange]) {
        result.removeAll(keepingCapacity: true)
        guard previous.width == width, previous.height == height else {
            appendChanges(in: cells.indices, from: nil, to: &result)
            return
        }
        // Most of a frame is what it was: blocks of cells whose bytes are the same are
        // skipped with one memory comparison, and only the others are compared cell by cell.
        // A row at a time first: a key changes a few rows of sixty.
        let block = 16
        let cellBytes = MemoryLayout<Cell>.stride
        cells.withUnsafeBytes { now in
            previous.cells.withUnsafeBytes { before in
                guard let nowBase = now.baseAddress, let beforeBase = before.baseAddress else { return }
                for rowStart in stride(from: 0, to: cells.count, by: max(1, width)) {
                    let rowEnd = min(rowStart + max(1, width), cells.count)
                    if memcmp(nowBase + rowStart * cellBytes, beforeBase + rowStart * cellBytes, (rowEnd - rowStart) * cellBytes) == 0 {
                        continue
                    }
                    var start = rowStart
                    while start < rowEnd {
                        let end = min(start + block, rowEnd)
                        if memcmp(nowBase + start * cellBytes, beforeBase + start * cellBytes, (end - start) * cellBytes) != 0 {
                            appendChanges(in: start..<end, from: previous, to: &result)
                        }
                        start = end
                    }
                }
            }
        }
    }

    /// The changes among `indices` (all of them without a previous frame of this size).
    private func appendChanges(in indices: Range<Int>, from previous: Canvas?, to result: inout [CellChange]) {
        for index in indices {
            if let previous, cells[index] == previous.cells[index] { continue }
            var target = index
            if cells[index].isContinuation {
                guard index % width > 0 else { continue }
                target = index - 1
            }
            // The first half of this glyph may have been yielded already, in this block or the last.
            if let last = result.last, last.y * width + last.x == target { continue }
            result.append(CellChange(x: target % width, y: target / width, cell: cells[target]))
        }
    }
}
