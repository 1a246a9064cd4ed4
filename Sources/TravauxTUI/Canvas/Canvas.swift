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
    private var storage: [Cell]
    /// Per row, how it was drawn and what a frame being drawn knows of it (`CanvasRow`).
    private var rows: [CanvasRow]
    /// The kept runs placed, while a frame is drawn, on rows still holding the cells of the frame
    /// drawn here before, each with the index of the next one on its row (-1: none): a row finds
    /// its own from `CanvasRow.firstDeferred` without reading the others'.
    private var deferredRuns: [DeferredRun] = []
    /// A struct, not a tuple: emptying an array of tuples at the end of each frame went through
    /// the runtime's generic tuple destruction.
    private struct DeferredRun: Sendable {
        var x: Int
        var run: CellRun
        var next: Int
    }
    private var frameStyle: Style = .plain
    private var frameOpen = false

    public init(width: Int, height: Int, style: Style = .plain) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.storage = Array(repeating: .blank(style), count: self.width * self.height)
        self.rows = Array(repeating: CanvasRow(key: RowKey.blank(style)), count: self.height)
    }

    /// The cells row by row, `width * height` of them.
    public var cells: [Cell] {
        precondition(!frameOpen, "a canvas was read while its frame was open; call endFrame() first")
        return storage
    }

    public static func == (left: Canvas, right: Canvas) -> Bool {
        precondition(!left.frameOpen && !right.frameOpen, "a canvas was compared while a frame was open; call endFrame() first")
        return left.width == right.width && left.height == right.height && left.storage == right.storage
    }

    /// Makes the canvas blank at this size, reusing its cells when the size is unchanged:
    /// a 200×60 frame is 12,000 cells, and a fresh array each frame cost page faults.
    public mutating func reset(width: Int, height: Int, style: Style = .plain) {
        beginFrame(width: width, height: height, style: style)
        endFrame()
    }

    /// Starts drawing a frame on a blank canvas of this size. Rows are blanked only when
    /// written: a row drawn only from kept runs (`place(_: CellRun, …)`), the same runs as
    /// the frame drawn here before, keeps its cells. Reading the canvas waits for `endFrame`.
    public mutating func beginFrame(width: Int, height: Int, style: Style = .plain) {
        precondition(!frameOpen, "beginFrame() while a frame is open")
        guard self.width == max(0, width), self.height == max(0, height) else {
            self = Canvas(width: width, height: height, style: style)
            return
        }
        frameOpen = true
        frameStyle = style
        let blank = RowKey.blank(style)
        rows.withUnsafeMutableBufferPointer { rows in
            for y in rows.indices {
                rows[y].isStale = true
                rows[y].staleKey = rows[y].key
                // `damage` itself is left as it is: rows start keyed (blank), and the first write
                // to a row sets it.
                rows[y].staleDamage = rows[y].damage
                rows[y].firstDeferred = -1
                rows[y].lastDeferred = -1
                rows[y].key = blank
                rows[y].keyBeforeRestyle = blank
            }
        }
    }

    /// Ends the frame: rows still holding their old cells get their new ones, unless the new
    /// ones are the same.
    public mutating func endFrame() {
        guard frameOpen else { return }
        for y in rows.indices where rows[y].isStale {
            if rows[y].staleKey != rows[y].key { redraw(row: y) } else { rows[y].isStale = false }
        }
        deferredRuns.removeAll(keepingCapacity: true)
        frameOpen = false
    }

    /// Before row `y` is written other than by a kept run: it gets its cells for this frame so
    /// far, and loses its key.
    @inline(__always)
    private mutating func touch(row y: Int) {
        guard y >= 0, y < height else { return }
        if frameOpen, rows[y].isStale { redraw(row: y) }
        if rows[y].key != RowKey.none { rows[y].damage = .over(rows[y].key) }
        rows[y].key = RowKey.none
        rows[y].keyBeforeRestyle = RowKey.none
    }

    /// After a row without a key was written in columns `low..<high`: they differ from its base.
    /// Callers widen what they wrote by one column each side, where a wide glyph broken in two
    /// leaves a blank.
    @inline(__always)
    private mutating func wrote(row y: Int, from low: Int, to high: Int) {
        guard y >= 0, y < height, rows[y].key == RowKey.none else { return }
        rows[y].damage.widen(low, high, width: width)
    }

    /// Whether row `y` still waits for the end of the frame (tests).
    func rowIsDeferred(_ y: Int) -> Bool { frameOpen && rows.indices.contains(y) && rows[y].isStale }

    /// The columns of row `y` written over the keyed row it otherwise still is, or nil when the
    /// row is keyed itself or nothing is known of what lies beneath (tests).
    func columnsWrittenOverBase(ofRow y: Int) -> Range<Int>? {
        guard rows[y].key == RowKey.none, rows[y].damage.base != RowKey.none else { return nil }
        return rows[y].damage.columns
    }

    /// Writes row `y` for real: blank, then the kept runs placed on it so far. A row the frame
    /// before left as those runs with some columns written over them gets back those columns alone.
    private mutating func redraw(row y: Int) {
        let stale = rows[y].staleKey, staleDamage = rows[y].staleDamage
        rows[y].isStale = false
        if stale == RowKey.none, staleDamage.base != RowKey.none, staleDamage.base == rows[y].key,
           restore(row: y, columns: staleDamage) {
            return
        }
        var next = Int(rows[y].firstDeferred)
        // A first run that covers the row leaves nothing of the blank to see.
        if next < 0 || deferredRuns[next].x > 0 || deferredRuns[next].run.count + deferredRuns[next].x < width {
            blank(row: y, style: frameStyle)
        }
        while next >= 0 {
            copy(deferredRuns[next].run.cells, x: deferredRuns[next].x, y: y)
            next = deferredRuns[next].next
        }
    }

    /// Puts back columns `damage.low..<damage.high` of row `y` as the kept runs placed on it so
    /// far draw them, the rest of the row already holding them; false, and nothing done, unless
    /// those runs are none (a blank row) or one run that covers the row.
    private mutating func restore(row y: Int, columns damage: RowDamage) -> Bool {
        let low = Int(damage.low), high = Int(damage.high)
        let first = Int(rows[y].firstDeferred)
        guard first >= 0 else {
            if low < high { blank(row: y, columns: low..<high, style: frameStyle) }
            return true
        }
        let x = deferredRuns[first].x
        guard deferredRuns[first].next < 0, x <= 0, deferredRuns[first].run.count + x >= width else { return false }
        guard low < high else { return true }
        let start = y * width
        storage.withUnsafeMutableBufferPointer { target in
            deferredRuns[first].run.cells.withUnsafeBufferPointer { source in
                guard let to = target.baseAddress, let from = source.baseAddress else { return }
                (to + start + low).update(from: from - x + low, count: high - low)
            }
        }
        // As `copy` leaves a run cut at the row's edges.
        if high == width, storage[start + width - 1].width == 2 { storage[start + width - 1] = .blank(storage[start + width - 1].style) }
        if low == 0, storage[start].isContinuation { storage[start] = .blank(storage[start].style) }
        return true
    }

    private mutating func blank(row y: Int, style: Style) {
        blank(row: y, columns: 0..<width, style: style)
    }

    /// The first cell, then the cells so far copied after themselves, doubling: a few copies
    /// of memory instead of a store per cell.
    private mutating func blank(row y: Int, columns: Range<Int>, style: Style) {
        let blank = Cell.blank(style)
        let count = columns.count
        storage.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress, count > 0 else { return }
            let first = base + y * width + columns.lowerBound
            first.pointee = blank
            var done = 1
            while done < count {
                let step = min(done, count - done)
                (first + done).update(from: first, count: step)
                done += step
            }
        }
    }

    /// The whole canvas as a rectangle.
    public var area: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    /// The cell at a position, or `nil` outside the canvas.
    public func cell(x: Int, y: Int) -> Cell? {
        guard contains(x: x, y: y) else { return nil }
        precondition(!frameOpen || !rows[y].isStale, "a canvas was read while its frame was open; call endFrame() first")
        return storage[y * width + x]
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

    /// Writes bytes that are all printable ASCII (one column each, nothing to sanitize) on row
    /// `y` from column `x`, clipped to the canvas and to `maxWidth` columns, and returns the
    /// columns they took; other bytes are written as `put(_:x:y:style:maxWidth:)` writes text.
    @discardableResult
    public mutating func put(printableASCII bytes: [UInt8], x: Int, y: Int, style: Style = .plain, maxWidth: Int? = nil) -> Int {
        guard y >= 0, y < height else { return 0 }
        let written = bytes.withUnsafeBufferPointer { bytes -> Int? in
            var column = x
            var lastWritten: Int? = nil
            guard Self.arePrintableASCII(bytes) else { return nil }
            touch(row: y)
            writeASCII(bytes, style: style, column: &column, y: y, limit: limit(from: x, maxWidth: maxWidth), lastWritten: &lastWritten)
            wrote(row: y, from: x - 1, to: column + 1)
            return column - x
        }
        return written ?? put(String(decoding: bytes, as: UTF8.self), x: x, y: y, style: style, maxWidth: maxWidth)
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
        touch(row: y)
        let start = column
        defer { wrote(row: y, from: start - 1, to: column + 1) }
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
        touch(row: y)
        var column = x
        var lastWritten: Int? = nil
        _ = writeCharacters(Substring(TextSanitizer.sanitize(text)), style: style, column: &column, y: y,
                            limit: limit(from: x, maxWidth: maxWidth), lastWritten: &lastWritten)
        wrote(row: y, from: x - 1, to: column + 1)
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
                    if let index = lastWritten { storage[index].glyph.append(contentsOf: glyph.text) }
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
            guard Self.arePrintableASCII(bytes) else { return nil }
            return writeASCII(bytes, style: style, column: &column, y: y, limit: limit, lastWritten: &lastWritten)
        }
    }

    private static func arePrintableASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for byte in bytes where !isPrintableASCII(byte) { return false }
        return true
    }

    /// Writes printable ASCII bytes as cells; false once the limit is reached.
    @discardableResult
    private mutating func writeASCII(
        _ bytes: UnsafeBufferPointer<UInt8>, style: Style, column: inout Int, y: Int, limit: Int, lastWritten: inout Int?
    ) -> Bool {
        for byte in bytes {
            guard writeASCII(byte, style: style, column: &column, y: y, limit: limit, lastWritten: &lastWritten) else {
                return false
            }
        }
        return true
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
        let style = storage[index].style.patched(with: cell.style)
        storage[index] = Cell(glyph: cell.glyph, width: cell.width, style: style)
        if cell.width == 2 {
            storage[index + 1] = .continuation(style)
        }
    }

    /// Before a cell is overwritten: if it is half of a wide glyph, the other half
    /// becomes a blank so no orphan half is left on screen.
    private mutating func breakWideGlyph(x: Int, y: Int) {
        let index = y * width + x
        let cell = storage[index]
        if cell.isContinuation, x > 0 {
            storage[index - 1] = .blank(storage[index - 1].style)
            storage[index] = .blank(cell.style)
        } else if cell.width == 2, x + 1 < width {
            storage[index + 1] = .blank(storage[index + 1].style)
        }
    }

    /// Copies a kept run of cells in on row `y` from column `x`, clipped to the canvas,
    /// replacing what was there. The run must not end in half a wide glyph; a glyph it
    /// overwrites half of is blanked, as `fill` does. The row keeps a key. While a frame is
    /// drawn, a row that already holds what its runs so far draw is left as it is (`holdsRun`),
    /// and a row still holding other cells of the frame before waits to be written until the
    /// frame ends.
    public mutating func place(_ run: CellRun, x: Int, y: Int) {
        guard y >= 0, y < height else { return }
        let key = RowKey.placing(run.fingerprint, at: x, on: rows[y].key)
        if holds(key, row: y) { return }
        if frameOpen, rows[y].isStale {
            let index = deferredRuns.count
            deferredRuns.append(DeferredRun(x: x, run: run, next: -1))
            let last = Int(rows[y].lastDeferred)
            if last >= 0 { deferredRuns[last].next = index } else { rows[y].firstDeferred = Int32(index) }
            rows[y].lastDeferred = Int32(index)
        } else {
            copy(run.cells, x: x, y: y)
            wrote(row: y, from: x - 1, to: x + run.count + 1)
        }
        rows[y].key = key
        rows[y].keyBeforeRestyle = key
    }

    /// Whether row `y` already holds what placing a run with this fingerprint at `x` leaves: the
    /// frame drawn here before drew it the same way so far (the list rows of a key that only
    /// moves the selection). If so, the row counts as written, keeps no run, and has the key
    /// `place` gives it; if not, nothing is done.
    mutating func holdsRun(fingerprint: UInt64, x: Int, y: Int) -> Bool {
        guard frameOpen, y >= 0, y < height else { return false }
        return holds(RowKey.placing(fingerprint, at: x, on: rows[y].key), row: y)
    }

    /// `holdsRun` for the key the row would have.
    @inline(__always)
    private mutating func holds(_ key: UInt64, row y: Int) -> Bool {
        guard frameOpen, rows[y].isStale, key == rows[y].staleKey, key != RowKey.none else { return false }
        rows[y].isStale = false
        rows[y].firstDeferred = -1
        rows[y].lastDeferred = -1
        rows[y].key = key
        rows[y].keyBeforeRestyle = key
        return true
    }

    private mutating func copy(_ run: [Cell], x: Int, y: Int) {
        guard x < width else { return }
        let skipped = max(0, -x)
        let start = max(0, x)
        let count = min(run.count - skipped, width - start)
        guard count > 0 else { return }
        breakWideGlyph(x: start, y: y)
        breakWideGlyph(x: start + count - 1, y: y)
        let base = y * width + start
        // Cells are plain bytes: one copy of memory, without a check per cell.
        storage.withUnsafeMutableBufferPointer { target in
            run.withUnsafeBufferPointer { source in
                guard let to = target.baseAddress, let from = source.baseAddress else { return }
                (to + base).update(from: from + skipped, count: count)
            }
        }
        // A wide glyph cut at the right edge, or its orphan right half at the left, is a blank.
        if storage[base + count - 1].width == 2 { storage[base + count - 1] = .blank(storage[base + count - 1].style) }
        if storage[base].isContinuation { storage[base] = .blank(storage[base].style) }
    }

    /// The cells of row `y` as a run to keep (the row gets its cells for this frame first).
    public mutating func run(ofRow y: Int) -> CellRun {
        guard y >= 0, y < height else { return CellRun([]) }
        if frameOpen, rows[y].isStale { redraw(row: y) }
        return CellRun(Array(storage[(y * width)..<((y + 1) * width)]))
    }

    // MARK: Areas

    /// Clears a rectangle to blanks in `style` (replacing, not patching, the styles).
    public mutating func fill(_ rect: Rect, style: Style = .plain) {
        let clipped = rect.intersection(area)
        guard !clipped.isEmpty else { return }
        for y in clipped.y..<clipped.maxY {
            touch(row: y)
            breakWideGlyph(x: clipped.x, y: y)
            breakWideGlyph(x: clipped.maxX - 1, y: y)
            for x in clipped.x..<clipped.maxX {
                storage[y * width + x] = .blank(style)
            }
            wrote(row: y, from: clipped.x - 1, to: clipped.maxX + 1)
        }
    }

    /// Gives every cell of a rectangle `style`, keeping what the cells show.
    public mutating func setStyle(_ rect: Rect, style: Style) {
        restyle(rect, key: RowKey.setting(style)) { _ in style }
    }

    /// Lays `style` over the style of every cell of a rectangle (a highlight).
    public mutating func patchStyle(_ rect: Rect, with style: Style) {
        restyle(rect, key: RowKey.patching(style)) { $0.patched(with: style) }
    }

    /// Gives the cells of a rectangle new styles, each row widened to whole wide glyphs so that
    /// both halves of a glyph always share a style. In place, row by row: the selection bar
    /// restyles a whole row on every key. A keyed row restyled whole keeps a key, made from
    /// its key and the restyling's `key`.
    private mutating func restyle(_ rect: Rect, key: UInt64, _ newStyle: (Style) -> Style) {
        let clipped = rect.intersection(area)
        guard !clipped.isEmpty else { return }
        let wholeRows = clipped.x == 0 && clipped.maxX == width
        for y in clipped.y..<clipped.maxY {
            let (before, unstyled) = (rows[y].key, rows[y].keyBeforeRestyle)
            touch(row: y)
            if wholeRows, before != RowKey.none {
                rows[y].key = RowKey.restyling(before, with: key)
                rows[y].keyBeforeRestyle = unstyled
            }
            var first = y * width + clipped.x
            var last = y * width + clipped.maxX - 1
            if storage[first].isContinuation, clipped.x > 0 { first -= 1 }
            if storage[last].width == 2, clipped.maxX < width { last += 1 }
            storage.withUnsafeMutableBufferPointer { cells in
                for index in first...last { cells[index].style = newStyle(cells[index].style) }
            }
            wrote(row: y, from: first - y * width, to: last - y * width + 1)
        }
    }

    // MARK: Reading back

    /// The canvas as text: one line per row joined by `"\n"`, continuation cells
    /// skipped and trailing spaces trimmed. Screen tests compare this.
    public func snapshot() -> String {
        precondition(!frameOpen, "a canvas was read while its frame was open; call endFrame() first")
        var lines: [String] = []
        lines.reserveCapacity(height)
        for y in 0..<height {
            var line = ""
            for x in 0..<width {
                let cell = storage[y * width + x]
                if !cell.isContinuation { line.append(cell.symbol) }
            }
            while line.last == " " { line.removeLast() }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }

    /// `changedSpans(from:)` cell by cell, for tests: the cells a backend draws to turn
    /// `previous` into this canvas, row by row.
    ///
    /// A change to either half of a wide glyph yields the glyph's first cell (drawing
    /// it covers both columns); continuation cells are never yielded. When the sizes
    /// differ, every cell is a change.
    func changes(from previous: Canvas) -> [CellChange] {
        var result: [CellChange] = []
        changes(from: previous, into: &result)
        return result
    }

    /// `changes(from:)` into `result`, emptied first.
    func changes(from previous: Canvas, into result: inout [CellChange]) {
        result.removeAll(keepingCapacity: true)
        var spans: [ChangedSpan] = []
        changedSpans(from: previous, into: &spans)
        for span in spans {
            for x in span.start..<span.end where !storage[span.y * width + x].isContinuation {
                result.append(CellChange(x: x, y: span.y, cell: storage[span.y * width + x]))
            }
        }
    }

    /// The cells that differ from `previous`, as spans of a row (every cell when the size
    /// differs), into `result`, emptied first and kept by the caller from frame to frame. What
    /// a terminal draws: `changes(from:)` is these spans cell by cell.
    public func changedSpans(from previous: Canvas, into result: inout [ChangedSpan]) {
        changedSpans(from: previous, into: &result, skippingKeyedRows: true)
    }

    /// `changedSpans(from:into:)`; without `skippingKeyedRows`, every row is compared, kept or
    /// not (what the skipping must agree with: `spanProblem(from:)`, in tests).
    func changedSpans(from previous: Canvas, into result: inout [ChangedSpan], skippingKeyedRows: Bool) {
        precondition(!frameOpen && !previous.frameOpen, "a canvas was compared while a frame was open; call endFrame() first")
        result.removeAll(keepingCapacity: true)
        guard width > 0 else { return }
        guard previous.width == width, previous.height == height else {
            for y in 0..<height { result.append(ChangedSpan(y: y, start: 0, end: width)) }
            return
        }
        // Most of a frame is what it was: a row, then blocks of a row, whose bytes are the same
        // are skipped with one memory comparison, and only the others are compared cell by cell.
        let block = 16
        let width = self.width
        let cellBytes = MemoryLayout<Cell>.stride
        storage.withUnsafeBufferPointer { now in
            previous.storage.withUnsafeBufferPointer { before in
                guard let nowBase = now.baseAddress, let beforeBase = before.baseAddress else { return }
                for y in 0..<height {
                    // Rows drawn the same way in both frames are the same, unread.
                    var columns = 0..<width
                    if skippingKeyedRows {
                        let (record, recordBefore) = (rows[y], previous.rows[y])
                        let (key, keyBefore) = (record.key, recordBefore.key)
                        if key != RowKey.none, keyBefore != RowKey.none {
                            if key == keyBefore { continue }
                            // The same cells in other styles (the selection bar moved): most cells
                            // changed, and reading the row the terminal shows (cold by the next
                            // key) cost more than drawing the few that did not.
                            if record.keyBeforeRestyle == recordBefore.keyBeforeRestyle {
                                result.append(ChangedSpan(y: y, start: 0, end: width, stylesOnly: true))
                                continue
                            }
                        }
                        // Rows over the same keyed row differ at most where either was written.
                        let over = key != RowKey.none ? RowDamage.over(key) : record.damage
                        let overBefore = keyBefore != RowKey.none ? RowDamage.over(keyBefore) : recordBefore.damage
                        if over.base != RowKey.none, over.base == overBefore.base {
                            columns = over.union(overBefore)
                            if columns.isEmpty { continue }
                        }
                    }
                    let row = nowBase + y * width, rowBefore = beforeBase + y * width
                    if memcmp(row + columns.lowerBound, rowBefore + columns.lowerBound, columns.count * cellBytes) == 0 { continue }
                    var spanStart = -1
                    var x = columns.lowerBound
                    while x < columns.upperBound {
                        if spanStart < 0, x % block == 0, x + block <= columns.upperBound,
                           memcmp(row + x, rowBefore + x, block * cellBytes) == 0 {
                            x += block
                            continue
                        }
                        if row[x] != rowBefore[x] {
                            if spanStart < 0 { spanStart = x }
                        } else if spanStart >= 0 {
                            Self.appendSpan(y: y, start: spanStart, end: x, row: row, to: &result)
                            spanStart = -1
                        }
                        x += 1
                    }
                    if spanStart >= 0 { Self.appendSpan(y: y, start: spanStart, end: columns.upperBound, row: row, to: &result) }
                }
            }
        }
    }

    /// Appends a span of changed cells, started on the glyph whose right half changed, and
    /// joined to the span before it when that makes them meet.
    private static func appendSpan(y: Int, start: Int, end: Int, row: UnsafePointer<Cell>, to result: inout [ChangedSpan]) {
        var start = start
        if start > 0, row[start].isContinuation { start -= 1 }
        if let last = result.last, last.y == y, last.end >= start {
            result[result.count - 1].end = end
        } else {
            result.append(ChangedSpan(y: y, start: start, end: end))
        }
    }

    /// Reads the cells of row `y`, `width` of them (a backend drawing the spans that changed).
    public func withCells<Result>(ofRow y: Int, _ body: (UnsafeBufferPointer<Cell>) throws -> Result) rethrows -> Result {
        precondition(!frameOpen, "a canvas was read while its frame was open; call endFrame() first")
        precondition(y >= 0 && y < height, "row \(y) of a canvas \(height) high")
        return try storage.withUnsafeBufferPointer { cells in
            try body(UnsafeBufferPointer(rebasing: cells[(y * width)..<((y + 1) * width)]))
        }
    }
}
