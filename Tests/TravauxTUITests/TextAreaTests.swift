import Testing
@testable import TravauxTUI

@Suite("The multi-line text area")
struct TextAreaTests {
    @Test("typing, new lines and deletion work on whole characters, accents and CJK included")
    func editing() {
        var area = TextArea()
        area.insert("e")
        area.insert("\u{301}")          // a combining accent joins the e
        #expect(area.text == "é" && area.column == 1)
        area.insert("宇宙")
        area.newline()
        area.insert("🛰️ ok")
        #expect(area.text == "é宇宙\n🛰️ ok")
        area.moveToLineStart()
        area.deleteBackward()           // joins the lines
        #expect(area.text == "é宇宙🛰️ ok" && area.line == 0 && area.column == 3)
        area.deleteForward()
        #expect(area.text == "é宇宙 ok")
        area.deleteWordBackward()
        #expect(area.text == " ok")   // é and the ideographs are one word
        var symbols = TextArea(text: "see A/RES/68/243\nnext")
        symbols.moveVertically(by: -1, width: 40)
        symbols.moveToLineEnd()
        symbols.deleteToWhitespaceBackward()
        #expect(symbols.text == "see \nnext")
        symbols.deleteToWhitespaceBackward()
        #expect(symbols.text == "\nnext")
    }

    @Test("the view never scrolls past what the text needs: the box made taller again, or the text made shorter, shows it from the top")
    func scrollFitsText() {
        var area = TextArea(text: "first line\nsecond line\nthird line\nfourth line")
        area.moveToEnd()
        area.reveal(width: 20, height: 1)
        #expect(area.scroll == 3)
        area.reveal(width: 20, height: 10)
        #expect(area.scroll == 0)
        area.reveal(width: 20, height: 2)
        #expect(area.scroll == 2)
        area.replaceAll(with: "only line")
        area.reveal(width: 20, height: 2)
        #expect(area.scroll == 0)
    }

    @Test("a bidirectional control or a line separator counts the column it is drawn in, so the cursor stays on its character")
    func drawnWidths() {
        var area = TextArea()
        area.insert("abc\u{202E}def")
        #expect(area.cursorLocation(width: 40).column == 7)
        var canvas = Canvas(width: 40, height: 1)
        area.render(into: &canvas, area: Rect(x: 0, y: 0, width: 40, height: 1))
        #expect(canvas.snapshot().hasPrefix("abc\u{FFFD}def"))
        var separated = TextArea()
        separated.insert("one\u{2028}two")
        #expect(separated.cursorLocation(width: 40).column == 7)
        // Five of them in a row of ten columns wrap as ten columns, hiding nothing past the edge.
        var full = TextArea()
        full.insert(String(repeating: "\u{2066}x", count: 6))
        #expect(full.visualRows(width: 10).count == 2)
    }

    @Test("a paste is inserted whole, tabs as spaces and controls dropped, and undone in one step")
    func paste() {
        var area = TextArea(text: "start ")
        area.insert("line one\r\nline\ttwo\u{7}\nend")
        #expect(area.text == "start line one\nline    two\nend")
        #expect(area.line == 2 && area.column == 3)
        area.undo()
        #expect(area.text == "start ")
        area.redo()
        #expect(area.text.hasSuffix("end"))
    }

    @Test("undo takes back a run of typing a word at a time, with the spaces after it, then the edit before it")
    func undoGroups() {
        var area = TextArea()
        for c in "hello" { area.insert(String(c)) }
        area.insert(" ")
        for c in "world" { area.insert(String(c)) }
        area.deleteBackward()
        area.deleteBackward()
        #expect(area.text == "hello wor")
        area.undo()
        #expect(area.text == "hello world")
        area.undo()
        #expect(area.text == "hello ")
        area.undo()
        #expect(area.text == "")
        #expect(!area.canUndo)
    }

    @Test("every undo of typed words changes the text: no step is a space alone")
    func undoByWords() {
        var area = TextArea()
        for c in "abc def  gh" { area.insert(String(c)) }
        var seen = [area.text]
        while area.canUndo {
            area.undo()
            #expect(area.text != seen.last, "an undo that changed nothing after \(seen)")
            seen.append(area.text)
        }
        #expect(seen == ["abc def  gh", "abc def  ", "abc ", ""])
    }

    @Test("soft wrapping at spaces by display width, with the cursor following across rows")
    func wrapping() {
        let area = TextArea(text: "the quick brown fox 宇宙宇宙宇宙")
        let rows = area.visualRows(width: 11)
        let texts = rows.map { String(area.lines[$0.line][$0.range]) }
        #expect(texts == ["the quick ", "brown fox ", "宇宙宇宙宇", "宙"])
        #expect(area.cursorLocation(width: 11) == (row: 3, column: 2))
    }

    @Test("up and down move by screen rows and keep the column across short lines")
    func vertical() {
        var area = TextArea(text: "a long first line\nab\nanother long line")
        area.moveToStart()
        for _ in 0..<10 { area.moveRight() }
        area.moveVertically(by: 1, width: 40)
        #expect(area.line == 1 && area.column == 2)
        area.moveVertically(by: 1, width: 40)
        #expect(area.line == 2 && area.column == 10)
        area.moveVertically(by: 1, width: 40)
        #expect(area.column == area.lines[2].count)   // past the last row: its end
    }

    @Test("word moves and kills, as in readline")
    func words() {
        var area = TextArea(text: "alpha beta, gamma")
        area.moveWordLeft()
        #expect(area.column == 12)
        area.moveWordLeft()
        #expect(area.column == 6)
        area.moveWordRight()
        #expect(area.column == 10)
        area.killToEnd()
        #expect(area.text == "alpha beta")
        area.killToStart()
        #expect(area.text == "")
    }
}
