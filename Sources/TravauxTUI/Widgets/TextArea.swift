/// A multi-line text buffer with a cursor, soft wrapping and undo: the in-app note editor.
///
/// Lines are arrays of grapheme clusters, so the cursor never lands inside an accented
/// letter or an emoji. Wrapping is by display width, at spaces where it can, so CJK text
/// (two columns a glyph) wraps where it must. Undo records one step per run of typing,
/// per deletion run and per paste, as editors do, not one per keystroke.
public struct TextArea: Sendable, Hashable {
    public private(set) var lines: [[Character]]
    public private(set) var line = 0
    public private(set) var column = 0
    /// The display column Up and Down aim for, kept across short lines.
    private var goalColumn: Int?
    private var undoStack: [Snapshot] = []
    private var redoStack: [Snapshot] = []
    private var lastEdit: EditKind?
    /// The first visual row shown, kept by `reveal`.
    public private(set) var scroll = 0

    private struct Snapshot: Sendable, Hashable {
        var lines: [[Character]]
        var line: Int
        var column: Int
    }

    private enum EditKind: Sendable, Hashable { case typing, deleting, other }

    public init(text: String = "") {
        lines = Self.split(text)
        line = lines.count - 1
        column = lines[line].count
    }

    public var text: String { lines.map { String($0) }.joined(separator: "\n") }
    public var isEmpty: Bool { lines.count == 1 && lines[0].isEmpty }
    public var canUndo: Bool { !undoStack.isEmpty }

    private static func split(_ text: String) -> [[Character]] {
        // Tabs become spaces (a tab's width depends on the terminal); other controls are dropped.
        var result: [[Character]] = [[]]
        for character in text {
            if character == "\n" || character == "\r\n" || character == "\r" { result.append([]); continue }
            if character == "\t" { result[result.count - 1] += Array(repeating: " ", count: 4); continue }
            if let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1,
               scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) { continue }
            result[result.count - 1].append(character)
        }
        return result
    }

    // MARK: editing

    private mutating func record(_ kind: EditKind) {
        if kind != lastEdit || kind == .other {
            undoStack.append(Snapshot(lines: lines, line: line, column: column))
            if undoStack.count > 500 { undoStack.removeFirst() }
        }
        redoStack.removeAll()
        lastEdit = kind
        goalColumn = nil
    }

    /// Types text at the cursor; a pasted block is one undo step.
    public mutating func insert(_ newText: String) {
        let pieces = Self.split(newText)
        guard pieces.count > 1 || !pieces[0].isEmpty else { return }
        // A word and the spaces typed after it are one step, so that each undo takes back a
        // word (a space alone was a step of its own, and every other undo seemed to do nothing).
        let isTyping = pieces.count == 1 && pieces[0].count == 1
        let isSpace = isTyping && pieces[0][0] == " "
        if isTyping, !isSpace, lastEdit == .typing, column > 0, lines[line][column - 1] == " " { lastEdit = nil }
        record(isTyping ? .typing : .other)
        let tail = Array(lines[line][column...])
        lines[line].removeSubrange(column...)
        lines[line] += pieces[0]
        if pieces.count == 1 {
            column = lines[line].count
            lines[line] += tail
        } else {
            var inserted = Array(pieces.dropFirst())
            let lastCount = inserted[inserted.count - 1].count
            inserted[inserted.count - 1] += tail
            lines.insert(contentsOf: inserted, at: line + 1)
            line += inserted.count
            column = lastCount
        }
        normaliseCombining()
    }

    /// A combining accent typed after a letter merges with it into one grapheme.
    private mutating func normaliseCombining() {
        let rebuilt = Array(String(lines[line]))
        guard rebuilt.count != lines[line].count else { return }
        let before = String(lines[line][..<column]).count
        lines[line] = rebuilt
        column = min(before, rebuilt.count)
    }

    public mutating func newline() { insert("\n") }

    /// Replaces everything (the text came back from $EDITOR), as one undo step.
    public mutating func replaceAll(with newText: String) {
        record(.other)
        lines = Self.split(newText)
        line = lines.count - 1
        column = lines[line].count
    }

    public mutating func deleteBackward() {
        guard column > 0 || line > 0 else { return }
        record(.deleting)
        if column > 0 {
            lines[line].remove(at: column - 1)
            column -= 1
        } else {
            let joined = lines.remove(at: line)
            line -= 1
            column = lines[line].count
            lines[line] += joined
        }
    }

    public mutating func deleteForward() {
        guard column < lines[line].count || line + 1 < lines.count else { return }
        record(.deleting)
        if column < lines[line].count {
            lines[line].remove(at: column)
        } else {
            lines[line] += lines.remove(at: line + 1)
        }
    }

    /// Alt-Backspace: the word before the cursor, letters and digits only.
    public mutating func deleteWordBackward() {
        deleteBackward(to: Self.wordStart)
    }

    /// Ctrl-W, as readline's `unix-word-rubout`: back to the white space before the cursor.
    public mutating func deleteToWhitespaceBackward() {
        deleteBackward(to: TextField.whitespaceWordStart)
    }

    private mutating func deleteBackward(to start: ([Character], Int) -> Int) {
        guard column > 0 || line > 0 else { return }
        if column == 0 { deleteBackward(); return }
        record(.other)
        let start = start(lines[line], column)
        lines[line].removeSubrange(start..<column)
        column = start
    }

    /// Ctrl-K: to the end of the line, or the line break itself when at the end.
    public mutating func killToEnd() {
        if column == lines[line].count { deleteForward(); return }
        record(.other)
        lines[line].removeSubrange(column...)
    }

    public mutating func killToStart() {
        guard column > 0 else { return }
        record(.other)
        lines[line].removeSubrange(..<column)
        column = 0
    }

    public mutating func undo() {
        guard let previous = undoStack.popLast() else { return }
        redoStack.append(Snapshot(lines: lines, line: line, column: column))
        restore(previous)
    }

    public mutating func redo() {
        guard let next = redoStack.popLast() else { return }
        undoStack.append(Snapshot(lines: lines, line: line, column: column))
        restore(next)
    }

    private mutating func restore(_ snapshot: Snapshot) {
        lines = snapshot.lines
        line = snapshot.line
        column = snapshot.column
        lastEdit = nil
        goalColumn = nil
    }

    // MARK: moving

    private mutating func moved() { lastEdit = nil }

    public mutating func moveLeft() {
        if column > 0 { column -= 1 } else if line > 0 { line -= 1; column = lines[line].count }
        goalColumn = nil
        moved()
    }

    public mutating func moveRight() {
        if column < lines[line].count { column += 1 } else if line + 1 < lines.count { line += 1; column = 0 }
        goalColumn = nil
        moved()
    }

    public mutating func moveToLineStart() { column = 0; goalColumn = nil; moved() }
    public mutating func moveToLineEnd() { column = lines[line].count; goalColumn = nil; moved() }
    public mutating func moveToStart() { line = 0; column = 0; goalColumn = nil; moved() }
    public mutating func moveToEnd() { line = lines.count - 1; column = lines[line].count; goalColumn = nil; moved() }

    public mutating func moveWordLeft() {
        if column == 0 { moveLeft(); return }
        column = Self.wordStart(in: lines[line], before: column)
        goalColumn = nil
        moved()
    }

    public mutating func moveWordRight() {
        let characters = lines[line]
        if column == characters.count { moveRight(); return }
        var position = column
        while position < characters.count, !Self.isWordCharacter(characters[position]) { position += 1 }
        while position < characters.count, Self.isWordCharacter(characters[position]) { position += 1 }
        column = position
        goalColumn = nil
        moved()
    }

    private static func wordStart(in characters: [Character], before position: Int) -> Int {
        var position = min(position, characters.count)
        while position > 0, !Self.isWordCharacter(characters[position - 1]) { position -= 1 }
        while position > 0, Self.isWordCharacter(characters[position - 1]) { position -= 1 }
        return position
    }

    private static func isWordCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "_"
    }

    /// Up or Down by visual rows of the wrapped text, keeping the display column.
    public mutating func moveVertically(by delta: Int, width: Int) {
        let rows = visualRows(width: width)
        guard let current = rows.firstIndex(where: { $0.contains(line: line, column: column, isLast: isLastRow($0, in: rows)) }) else { return }
        let goal = goalColumn ?? Self.columns(String(lines[line][rows[current].range.lowerBound..<column]))
        let target = max(0, min(rows.count - 1, current + delta))
        guard target != current else {
            if delta < 0 { column = 0 } else { column = lines[line].count }
            moved()
            return
        }
        let row = rows[target]
        var position = row.range.lowerBound
        var used = 0
        let characters = lines[row.line]
        while position < row.range.upperBound {
            let width = Self.columns(characters[position])
            if used + width > goal { break }
            used += width
            position += 1
        }
        // On a wrapped row, the position after its last glyph is the next row's start.
        if !isLastRow(row, in: rows), position == row.range.upperBound, position > row.range.lowerBound { position -= 1 }
        line = row.line
        column = position
        goalColumn = goal
        moved()
    }

    private func isLastRow(_ row: VisualRow, in rows: [VisualRow]) -> Bool {
        row.range.upperBound == lines[row.line].count
    }

    // MARK: display

    /// One screen row of the wrapped text: a range of characters of one line.
    public struct VisualRow: Sendable, Hashable {
        public var line: Int
        public var range: Range<Int>

        func contains(line: Int, column: Int, isLast: Bool) -> Bool {
            self.line == line && column >= range.lowerBound && (column < range.upperBound || (isLast && column == range.upperBound))
        }
    }

    public func visualRows(width: Int) -> [VisualRow] {
        let width = max(2, width)
        var rows: [VisualRow] = []
        for (index, characters) in lines.enumerated() {
            if characters.isEmpty { rows.append(VisualRow(line: index, range: 0..<0)); continue }
            var start = 0
            while start < characters.count {
                var used = 0
                var end = start
                var lastBreak: Int?
                // Leave the last column free so the cursor can sit after a full row.
                while end < characters.count {
                    let w = Self.columns(characters[end])
                    if used + w > width - 1 { break }
                    used += w
                    if characters[end] == " " { lastBreak = end + 1 }
                    end += 1
                }
                if end < characters.count, let lastBreak, lastBreak > start { end = lastBreak }
                if end == start { end = start + 1 }
                rows.append(VisualRow(line: index, range: start..<end))
                start = end
            }
        }
        return rows
    }

    /// The cursor's visual row and display column.
    public func cursorLocation(width: Int) -> (row: Int, column: Int) {
        let rows = visualRows(width: width)
        for (index, row) in rows.enumerated() where row.contains(line: line, column: column, isLast: isLastRow(row, in: rows)) {
            return (index, Self.columns(String(lines[line][row.range.lowerBound..<column])))
        }
        return (max(0, rows.count - 1), 0)
    }

    /// The columns text takes as the canvas draws it: sanitized, so a bidirectional control
    /// or a line separator, drawn as one column, is counted as one (not as zero), and the
    /// cursor stays on the character it is at.
    static func columns(_ character: Character) -> Int {
        character.isASCII ? DisplayWidth.of(character) : DisplayWidth.of(TextSanitizer.sanitize(character))
    }

    static func columns(_ text: String) -> Int { DisplayWidth.of(TextSanitizer.sanitize(text)) }

    /// Scrolls so the cursor's row is within `height` rows, and no further than the text
    /// needs: after the box grew again, or the text was replaced by a shorter one (`$EDITOR`),
    /// rows above must not stay hidden above empty ones.
    public mutating func reveal(width: Int, height: Int) {
        let height = max(1, height)
        let row = cursorLocation(width: width).row
        if row < scroll { scroll = row }
        if row >= scroll + height { scroll = row - height + 1 }
        scroll = max(0, min(scroll, visualRows(width: width).count - height))
    }

    public func render(into canvas: inout Canvas, area: Rect, style: Style = .plain) {
        guard !area.isEmpty else { return }
        canvas.fill(area, style: style)
        let rows = visualRows(width: area.width)
        for y in 0..<area.height {
            let index = scroll + y
            guard rows.indices.contains(index) else { break }
            let row = rows[index]
            canvas.put(String(lines[row.line][row.range]), x: area.x, y: area.y + y, style: style, maxWidth: area.width)
        }
    }

    /// Where the terminal cursor belongs when drawn in `area`.
    public func cursorPosition(in area: Rect) -> (x: Int, y: Int)? {
        let location = cursorLocation(width: area.width)
        let y = location.row - scroll
        guard y >= 0, y < area.height else { return nil }
        return (area.x + min(location.column, area.width - 1), area.y + y)
    }
}
