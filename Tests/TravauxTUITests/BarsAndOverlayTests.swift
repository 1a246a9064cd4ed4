import Testing
import TravauxBench
@testable import TravauxTUI

@Suite("Status bar")
struct StatusBarTests {
    @Test("Left and right texts sit at the ends of a filled row")
    func layout() {
        var canvas = Canvas(width: 24, height: 2)
        StatusBar(left: "Timeline", right: "3/41 ?:help").render(into: &canvas, area: Rect(x: 0, y: 1, width: 24, height: 1))
        #expect(canvas.snapshot() == lines("", "Timeline     3/41 ?:help"))
        #expect((0..<24).allSatisfy { canvas.cell(x: $0, y: 1)?.style.reverse == true })
        #expect(canvas.cell(x: 0, y: 0)?.style.reverse == false)
    }

    @Test("When too narrow, the left text is cut with an ellipsis and the right text kept")
    func truncatesLeft() {
        var canvas = Canvas(width: 16, height: 1)
        StatusBar(left: "Proposals › PPWT › versions", right: "2/5").render(into: &canvas, area: canvas.area)
        #expect(canvas.snapshot() == "Proposals ›… 2/5")
    }

    @Test("A bar drawn over a kept background, frame after frame, is the bar drawn afresh")
    func keptBackground() {
        let lefts: [StyledText] = ["Timeline  3/41", "Timeline  4/41", StyledText("Notes", style: Style(bold: true)), "", "a left text too long to fit"]
        let rights: [StyledText] = ["j/k move  ?:help", "", StyledText("宇宙 hints", style: Style(underline: true)), "a right text wider than the bar"]
        let styles = [Style(reverse: true), Style(background: .blue)]
        // Backgrounds kept by what they were made from, as the status line keeps them.
        var kept: [[Int]: StatusBar.Background] = [:]
        var frame = Canvas(width: 30, height: 2)
        // One of left text, right text, style and width changes at each step.
        var generator = SeededGenerator(seed: 5)
        var choice = [0, 0, 0, 0]
        let counts = [lefts.count, rights.count, styles.count, 2]
        for _ in 0..<300 {
            let which = Int(generator.next() % 4)
            choice[which] = (choice[which] + 1 + Int(generator.next() % UInt64(counts[which] - 1))) % counts[which]
            let bar = StatusBar(left: lefts[choice[0]], right: rights[choice[1]], style: styles[choice[2]])
            let width = choice[3] == 0 ? 30 : 12
            let row = Rect(x: 30 - width, y: 1, width: width, height: 1)
            var fresh = Canvas(width: 30, height: 2)
            bar.render(into: &fresh, area: row)
            let background = kept[Array(choice[1...])] ?? bar.background(width: width)
            kept[Array(choice[1...])] = background
            frame.beginFrame(width: 30, height: 2)
            bar.render(into: &frame, row: row, over: background)
            frame.endFrame()
            let same = frame == fresh   // not in the expectation: a failure would print both canvases
            #expect(same, "\(bar.left.plainText) | \(bar.right.plainText) in \(width): \(frame.snapshot())")
        }
    }

    @Test("A left text of ASCII bytes draws the cells the same text draws as a string, fitting or cut")
    func printableASCIILeft() {
        let rights: [StyledText] = ["j/k move  ?:help", "", "a right text wider than the bar"]
        for left in ["Timeline  3/41", "", "a left text too long to fit beside the hints"] {
            for right in rights {
                for width in [30, 12, 1] {
                    let row = Rect(x: 30 - width, y: 1, width: width, height: 1)
                    let bar = StatusBar(left: StyledText(left), right: right, style: Style(background: .blue))
                    var fresh = Canvas(width: 30, height: 2), bytes = Canvas(width: 30, height: 2)
                    bar.render(into: &fresh, area: row)
                    StatusBar(right: right, style: Style(background: .blue))
                        .render(into: &bytes, row: row, over: bar.background(width: width), printableASCIILeft: Array(left.utf8))
                    let same = bytes == fresh
                    #expect(same, "\(left) | \(right.plainText) in \(width): \(bytes.snapshot())")
                }
            }
        }
    }

    @Test("A right text wider than the row is itself cut, and a zero-width row draws nothing")
    func tooNarrow() {
        var canvas = Canvas(width: 5, height: 1)
        StatusBar(left: "left", right: "right side").render(into: &canvas, area: canvas.area)
        #expect(canvas.snapshot() == "righ…")
        var empty = Canvas(width: 5, height: 1)
        StatusBar(left: "x", right: "y").render(into: &empty, area: Rect(x: 0, y: 0, width: 0, height: 1))
        #expect(empty.cells.allSatisfy { $0 == Cell.blank })
    }
}

@Suite("Tabs")
struct TabsTests {
    @Test("Titles are padded, divided, and the selected one highlighted")
    func rendering() {
        var canvas = Canvas(width: 30, height: 1)
        let tabs = Tabs(titles: ["Timeline", "Proposals", "Notes"], selected: 1)
        tabs.render(into: &canvas, area: canvas.area)
        #expect(canvas.snapshot() == " Timeline │ Proposals │ Notes")
        let highlighted = (0..<30).filter { canvas.cell(x: $0, y: 0)?.style.reverse == true }
        #expect(highlighted == Array(11..<22))
        #expect(tabs.index(atColumn: 12, in: canvas.area) == 1)
        #expect(tabs.index(atColumn: 10, in: canvas.area) == nil)  // the divider
        #expect(tabs.index(atColumn: 25, in: canvas.area) == 2)
    }

    @Test("Tabs that do not fit are cut at the edge")
    func clipped() {
        var canvas = Canvas(width: 14, height: 1)
        Tabs(titles: ["Timeline", "Proposals"]).render(into: &canvas, area: canvas.area)
        #expect(canvas.snapshot() == " Timeline │ Pr")
    }
}

@Suite("Overlay")
struct OverlayTests {
    @Test("The box is centred, bordered, titled, and clears what is beneath")
    func box() {
        var canvas = Canvas(width: 14, height: 5)
        for y in 0..<5 { canvas.put("xxxxxxxxxxxxxx", x: 0, y: y) }
        let overlay = Overlay(title: "Help", width: 10, height: 3)
        overlay.render(into: &canvas, area: canvas.area)
        #expect(canvas.snapshot() == lines(
            "xxxxxxxxxxxxxx",
            "xx┌─ Help ─┐xx",
            "xx│        │xx",
            "xx└────────┘xx",
            "xxxxxxxxxxxxxx"))
        #expect(overlay.contentArea(in: canvas.area) == Rect(x: 3, y: 2, width: 8, height: 1))
    }

    @Test("An overlay over wide glyphs leaves no half glyph at its edges")
    func overWideGlyphs() {
        var canvas = Canvas(width: 8, height: 3)
        for y in 0..<3 { canvas.put("x中文字", x: 0, y: y) }  // glyphs straddle the box edges
        Overlay(width: 4, height: 3).render(into: &canvas, area: canvas.area)
        #expect(canvas.snapshot() == lines("x ┌──┐", "x │  │", "x └──┘"))
        #expect(!canvas.cells.enumerated().contains { index, cell in
            cell.isContinuation && (index % 8 == 0 || canvas.cells[index - 1].width != 2)
        })
    }

    @Test("A one-column sliver beside the box is cleared, so no cut-off letter of the text beneath shows there")
    func slivers() {
        var canvas = Canvas(width: 8, height: 4)
        for y in 0..<4 { canvas.put("abcdefgh", x: 0, y: y) }
        Overlay(width: 6, height: 2).render(into: &canvas, area: canvas.area)
        #expect(canvas.snapshot() == lines("abcdefgh", " ┌────┐", " └────┘", "abcdefgh"))
    }

    @Test("A long title is cut, and boxes too small for a border are only cleared")
    func smallBoxes() {
        var canvas = Canvas(width: 10, height: 3)
        Overlay(title: "A very long title", width: 10, height: 3).render(into: &canvas, area: canvas.area)
        #expect(canvas.snapshot() == lines("┌─ A v… ─┐", "│        │", "└────────┘"))
        var tiny = Canvas(width: 3, height: 1)
        tiny.put("abc", x: 0, y: 0)
        Overlay(title: "T", width: 1, height: 1).render(into: &tiny, area: tiny.area)
        #expect(tiny.snapshot() == "a c")
        var none = Canvas(width: 0, height: 0)
        Overlay(width: 5, height: 5).render(into: &none, area: none.area)
    }
}

@Suite("Truncation")
struct TruncationTests {
    @Test("Text that fits is unchanged, text that does not ends in an ellipsis")
    func truncation() {
        #expect(truncate("Vienna", toWidth: 6) == "Vienna")
        #expect(truncate("Vienna", toWidth: 5) == "Vien…")
        #expect(truncate("Vienna", toWidth: 1) == "…")
        #expect(truncate("Vienna", toWidth: 0) == "")
        #expect(truncate("中文字", toWidth: 4) == "中…")
        #expect(truncate("Gene\u{300}ve", toWidth: 5) == "Gene\u{300}…")
        #expect(truncate("a\u{1B}b", toWidth: 3) == "a^…")
    }
}

@Suite("Status line text")
struct StatusTextTests {
    @Test("Numbers and ASCII are written as bytes, and anything else marks the text as not plain ASCII")
    func building() {
        var text = StatusText()
        text.append(" Timeline  ")
        for number in [0, 7, 10, 85, 12_345, -40] {
            text.append(number)
            text.append("/")
        }
        #expect(text.string == " Timeline  0/7/10/85/12345/-40/")
        #expect(text.isPrintableASCII)
        #expect(text.displayWidth == text.bytes.count)
        text.append(" → 宇宙")
        #expect(!text.isPrintableASCII)
        #expect(text.displayWidth == DisplayWidth.of(text.string))
        var control = StatusText()
        control.append("a\tb")
        #expect(!control.isPrintableASCII)
        // Emptied for the next frame, a text is plain ASCII again until told otherwise.
        text.removeAll()
        #expect(text.bytes.isEmpty && text.isPrintableASCII)
        text.append(12)
        #expect(text.string == "12" && text.isPrintableASCII)
    }

    @Test("Bytes put on a canvas are the cells their text puts, clipped alike; other bytes are written as text")
    func putBytes() {
        for text in ["Timeline  12/85", "", "x", "a\nb", "Genève 宇宙", "~"] {
            for (x, maxWidth) in [(0, nil), (3, 5), (-2, 4), (8, nil)] as [(Int, Int?)] {
                var asText = Canvas(width: 10, height: 1, style: Style(reverse: true))
                var asBytes = asText
                let columns = asText.put(text, x: x, y: 0, style: Style(bold: true), maxWidth: maxWidth)
                #expect(asBytes.put(printableASCII: Array(text.utf8), x: x, y: 0, style: Style(bold: true), maxWidth: maxWidth) == columns)
                let same = asBytes == asText
                #expect(same, "\(text) at \(x): \(asBytes.snapshot())")
                #expect(asBytes.columnsWrittenOverBase(ofRow: 0) == asText.columnsWrittenOverBase(ofRow: 0))
            }
        }
    }
}
