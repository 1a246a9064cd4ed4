extension TextField {
    /// Applies the line-editing keys every one-line field shares (the search prompt, the
    /// tags line, the questions at the bottom): readline's, plus word moves and paste.
    /// Returns false for a key that is not an edit, so the caller can give it a meaning.
    @discardableResult
    public mutating func apply(_ key: KeyEvent) -> Bool {
        if isSelected {
            switch key {
            case .character, .paste: setText("")
            case .backspace, .control("h"), .delete, .control("d"), .control("w"), .alt("\u{7F}"), .control("u"), .control("k"):
                setText("")
                return true
            default: deselect()
            }
        }
        switch key {
        case .character(let c): insert(c)
        case .paste(let text): insert(text)
        case .backspace, .control("h"): deleteBackward()
        case .delete, .control("d"): deleteForward()
        case .left, .control("b"): moveLeft()
        case .right, .control("f"): moveRight()
        case .home, .control("a"): moveToStart()
        case .end, .control("e"): moveToEnd()
        case .wordLeft, .alt("b"): moveWordLeft()
        case .wordRight, .alt("f"): moveWordRight()
        case .control("w"): deleteToWhitespaceBackward()
        case .alt("\u{7F}"): deleteWordBackward()
        case .control("k"): killToEnd()
        case .control("u"): killToStart()
        default: return false
        }
        return true
    }
}
