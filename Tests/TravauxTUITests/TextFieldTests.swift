import Testing
import TravauxTUI

@Suite("Text field")
struct TextFieldTests {
    @Test("Typing inserts at the cursor, which moves after the text")
    func typing() {
        var field = TextField()
        field.insert("space")
        field.moveToStart()
        field.insert("outer ")
        #expect(field.text == "outer space")
        #expect(field.cursor == 6)
    }

    @Test("Backspace and delete remove around the cursor and stop at the ends")
    func deleting() {
        var field = TextField(text: "treaty")
        field.deleteBackward()
        #expect(field.text == "treat" && field.cursor == 5)
        field.deleteForward()
        #expect(field.text == "treat")
        field.moveToStart()
        field.deleteBackward()
        field.deleteForward()
        #expect(field.text == "reat" && field.cursor == 0)
    }

    @Test("Left, right, home and end move within the text")
    func moving() {
        var field = TextField(text: "abc")
        field.moveRight()
        #expect(field.cursor == 3)
        field.moveLeft()
        field.moveLeft()
        #expect(field.cursor == 1)
        field.moveToStart()
        field.moveLeft()
        #expect(field.cursor == 0)
        field.moveToEnd()
        #expect(field.cursor == 3)
    }

    @Test("Word motions skip to word starts and ends")
    func words() {
        var field = TextField(text: "code of  conduct")
        field.moveWordLeft()
        #expect(field.cursor == 9)
        field.moveWordLeft()
        #expect(field.cursor == 5)
        field.moveWordLeft()
        field.moveWordLeft()
        #expect(field.cursor == 0)
        field.moveWordRight()
        #expect(field.cursor == 4)
        field.moveWordRight()
        #expect(field.cursor == 7)
        field.moveWordRight()
        field.moveWordRight()
        #expect(field.cursor == 16)
    }

    @Test("Ctrl-W deletes back to white space, a whole tag at once; Alt-Backspace a word of letters and digits")
    func wordRubout() {
        var field = TextField(text: "norms cyber-gge res-2015 R&D")
        field.apply(.control("w"))
        #expect(field.text == "norms cyber-gge res-2015 ")
        field.apply(.control("w"))
        #expect(field.text == "norms cyber-gge ")
        field.apply(.alt("\u{7F}"))
        #expect(field.text == "norms cyber-")
        field.moveToStart()
        field.apply(.control("w"))
        #expect(field.text == "norms cyber-" && field.cursor == 0)
    }

    @Test("Kill to end, kill to start and delete word edit as in Emacs")
    func killing() {
        var field = TextField(text: "tag:space-security extra")
        field.moveWordLeft()
        field.killToEnd()
        #expect(field.text == "tag:space-security ")
        field.deleteWordBackward()
        #expect(field.text == "tag:space-")
        field.moveLeft()
        field.killToStart()
        #expect(field.text == "-" && field.cursor == 0)
    }

    @Test("The cursor counts graphemes: a combining accent joins its letter")
    func graphemes() {
        var field = TextField(text: "Gene")
        field.insert("\u{300}")
        #expect(field.text == "Gene\u{300}")
        #expect(field.cursor == 4)
        field.insert("ve")
        field.moveLeft()
        field.moveLeft()
        field.deleteBackward()
        #expect(field.text == "Genve")
    }

    @Test("Pasted line breaks and escape characters cannot enter the value raw")
    func sanitizing() {
        var field = TextField()
        field.insert("a\nb\u{1B}c\td")
        #expect(field.text == "a b^[c d")
    }

    @Test("A long text scrolls so the cursor stays visible, and the cursor column follows it")
    func scrolling() {
        var field = TextField(text: "confidence-building")
        var canvas = Canvas(width: 8, height: 1)
        field.render(into: &canvas, area: canvas.area)
        #expect(canvas.snapshot() == "uilding")
        #expect(field.cursorColumn(width: 8) == 7)
        field.moveToStart()
        canvas = Canvas(width: 8, height: 1)
        field.render(into: &canvas, area: canvas.area)
        #expect(canvas.snapshot() == "confiden")
        #expect(field.cursorColumn(width: 8) == 0)
        #expect(field.cursorPosition(in: Rect(x: 3, y: 2, width: 8, height: 1))! == (3, 2))
    }

    @Test("A wide glyph cut by the left edge of the scrolled field shows as a blank")
    func wideScroll() {
        let field = TextField(text: "中文字x")
        var canvas = Canvas(width: 4, height: 1)
        field.render(into: &canvas, area: canvas.area)
        #expect(field.scrollColumns(width: 4) == 4)
        #expect(canvas.snapshot() == "字x")
        let odd = TextField(text: "a中文")
        var oddCanvas = Canvas(width: 4, height: 1)
        odd.render(into: &oddCanvas, area: oddCanvas.area)
        #expect(odd.scrollColumns(width: 4) == 2)
        #expect(oddCanvas.snapshot() == " 文")
    }

    @Test("An empty field shows its placeholder, dimmed")
    func placeholder() {
        let field = TextField(placeholder: "search the record")
        var canvas = Canvas(width: 10, height: 1)
        field.render(into: &canvas, area: canvas.area)
        #expect(canvas.snapshot() == "search the")
        #expect(canvas.cell(x: 0, y: 0)?.style.dim == true)
        #expect(field.cursorColumn(width: 10) == 0)
        #expect(field.cursorPosition(in: .zero) == nil)
    }
}
