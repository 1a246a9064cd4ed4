/// A one-line text input (a search query, a tag, a quick note) with an Emacs-style set
/// of edits. A value: the reducer applies edits to it, the view renders it.
///
/// The cursor is a grapheme index (0 is before the first character, `characterCount`
/// after the last). Inserted text is sanitized: a line break or a tab becomes a space.
/// When the text is wider than the field it scrolls horizontally so the cursor stays
/// visible, and `cursorColumn(width:)` tells where the terminal cursor belongs.
public struct TextField: Sendable, Hashable {
    public private(set) var text: String
    public private(set) var cursor: Int
    /// The whole text is selected, as a find bar shows its last search: typing replaces it,
    /// Backspace clears it, a move keeps it to edit.
    public private(set) var isSelected = false
    public var placeholder: String
    public var style: Style

    public init(
        text: String = "",
        placeholder: String = "",
        style: Style = .plain
    ) {
        self.text = TextSanitizer.sanitize(text, tabWidth: 1)
        self.cursor = self.text.count
        self.placeholder = placeholder
        self.style = style
    }

    public var characterCount: Int { text.count }

    // MARK: Editing

    /// Selects the whole text (nothing when it is empty).
    public mutating func selectAll() {
        isSelected = !text.isEmpty
    }

    public mutating func deselect() {
        isSelected = false
    }

    /// Inserts text at the cursor and moves the cursor after it.
    public mutating func insert(_ newText: String) {
        isSelected = false
        let clean = TextSanitizer.sanitize(newText, tabWidth: 1)
        guard !clean.isEmpty else { return }
        let split = index(at: cursor)
        let before = String(text[..<split]) + clean
        text = before + text[split...]
        // A combining mark typed after a letter merges with it: count what is before.
        cursor = min(before.count, text.count)
    }

    public mutating func insert(_ character: Character) {
        insert(String(character))
    }

    /// Replaces the whole text, the cursor at its end.
    public mutating func setText(_ newText: String) {
        isSelected = false
        text = TextSanitizer.sanitize(newText, tabWidth: 1)
        cursor = text.count
    }

    /// Deletes the character before the cursor (Backspace).
    public mutating func deleteBackward() {
        guard cursor > 0 else { return }
        let start = cursor - 1
        remove(from: start, to: cursor)
        cursor = start
    }

    /// Deletes the character under the cursor (Delete, Ctrl-D).
    public mutating func deleteForward() {
        guard cursor < characterCount else { return }
        remove(from: cursor, to: cursor + 1)
    }

    /// Deletes from the cursor to the end (Ctrl-K).
    public mutating func killToEnd() {
        remove(from: cursor, to: characterCount)
    }

    /// Deletes from the start to the cursor (Ctrl-U).
    public mutating func killToStart() {
        remove(from: 0, to: cursor)
        cursor = 0
    }

    /// Deletes back to the white space before the cursor (Ctrl-W, readline's
    /// `unix-word-rubout`): a whole tag (`R&D`, `res-2015`), a symbol or a web address at once.
    public mutating func deleteToWhitespaceBackward() {
        let start = Self.whitespaceWordStart(in: Array(text), before: cursor)
        remove(from: start, to: cursor)
        cursor = start
    }

    /// Where Ctrl-W deletes back to, in the field as in the editor: the blanks before
    /// `position`, then what is not blank before them.
    static func whitespaceWordStart(in characters: [Character], before position: Int) -> Int {
        var start = min(position, characters.count)
        while start > 0, characters[start - 1].isWhitespace { start -= 1 }
        while start > 0, !characters[start - 1].isWhitespace { start -= 1 }
        return start
    }

    /// Deletes the word before the cursor, letters and digits only (Alt-Backspace, readline's
    /// `backward-kill-word`): `2015` of `res-2015`.
    public mutating func deleteWordBackward() {
        let start = wordStart(before: cursor)
        remove(from: start, to: cursor)
        cursor = start
    }

    public mutating func moveLeft() {
        cursor = max(0, cursor - 1)
    }

    public mutating func moveRight() {
        cursor = min(characterCount, cursor + 1)
    }

    public mutating func moveToStart() {
        cursor = 0
    }

    public mutating func moveToEnd() {
        cursor = characterCount
    }

    /// Moves to the start of the word before the cursor (Alt-B).
    public mutating func moveWordLeft() {
        cursor = wordStart(before: cursor)
    }

    /// Moves to the end of the word after the cursor (Alt-F).
    public mutating func moveWordRight() {
        let characters = Array(text)
        var position = cursor
        while position < characters.count, !isWordCharacter(characters[position]) { position += 1 }
        while position < characters.count, isWordCharacter(characters[position]) { position += 1 }
        cursor = position
    }

    private func wordStart(before position: Int) -> Int {
        let characters = Array(text)
        var position = min(position, characters.count)
        while position > 0, !isWordCharacter(characters[position - 1]) { position -= 1 }
        while position > 0, isWordCharacter(characters[position - 1]) { position -= 1 }
        return position
    }

    private func isWordCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "_"
    }

    private func index(at offset: Int) -> String.Index {
        text.index(text.startIndex, offsetBy: min(max(0, offset), text.count))
    }

    private mutating func remove(from start: Int, to end: Int) {
        guard start < end else { return }
        text.removeSubrange(index(at: start)..<index(at: end))
        cursor = min(cursor, text.count)
    }

    // MARK: Display

    /// The columns of text scrolled out on the left in a field `width` columns wide:
    /// none while the cursor fits, else just enough to put the cursor in the last column.
    public func scrollColumns(width: Int) -> Int {
        let before = DisplayWidth.of(text.prefix(cursor))
        return before < width ? 0 : before - width + 1
    }

    /// The column, from the field's left edge, where the cursor shows.
    public func cursorColumn(width: Int) -> Int {
        guard width > 0 else { return 0 }
        return min(width - 1, DisplayWidth.of(text.prefix(cursor)) - scrollColumns(width: width))
    }

    /// Where the terminal cursor belongs when the field is drawn in `area`.
    public func cursorPosition(in area: Rect) -> (x: Int, y: Int)? {
        guard !area.isEmpty else { return nil }
        return (area.x + cursorColumn(width: area.width), area.y)
    }

    /// Draws on the first row of `area`; an empty field shows its placeholder in `placeholderStyle`.
    public func render(into canvas: inout Canvas, area: Rect, placeholderStyle: Style = Palette.dim) {
        let row = Rect(x: area.x, y: area.y, width: area.width, height: min(1, area.height)).intersection(canvas.area)
        guard !row.isEmpty else { return }
        canvas.fill(row, style: style)
        if text.isEmpty {
            canvas.put(placeholder, x: row.x, y: row.y, style: placeholderStyle, maxWidth: row.width)
            return
        }
        let scrolled = scrollColumns(width: row.width)
        var column = 0
        var visible = ""
        var lead = 0
        for character in text {
            let width = DisplayWidth.of(character)
            if column >= scrolled {
                visible.append(character)
            } else if column + width > scrolled {
                lead = column + width - scrolled  // a wide glyph cut by the left edge
            }
            column += width
        }
        canvas.put(visible, x: row.x + lead, y: row.y, style: isSelected ? Palette.selectedText : style, maxWidth: row.width - lead)
    }
}
