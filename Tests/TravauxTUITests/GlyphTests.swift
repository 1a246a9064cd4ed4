import Testing
@testable import TravauxTUI

@Suite("A cell's glyph, packed")
struct GlyphTests {
    /// A deterministic walk over scalars of every plane, from ASCII to the top of Unicode.
    static func scalars(count: Int, seed: UInt64) -> [Unicode.Scalar] {
        var state = seed
        var result: [Unicode.Scalar] = []
        while result.count < count {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let candidate = UInt32(truncatingIfNeeded: state >> 33) % 0x11_0000
            if let scalar = Unicode.Scalar(candidate) { result.append(scalar) }
        }
        return result
    }

    @Test("up to five scalars of any plane come back as they went in, in order")
    func roundTrip() {
        let pool = Self.scalars(count: 5_000, seed: 1) + ["\u{10FFFF}", "\u{0}", "a", "\u{301}"]
        for start in stride(from: 0, to: pool.count - 5, by: 3) {
            for length in 0...5 {
                var text = ""
                text.unicodeScalars.append(contentsOf: pool[start..<(start + length)])
                let glyph = Glyph(text)
                #expect(glyph.count == length)
                #expect(glyph.scalarValues == pool[start..<(start + length)].map(\.value))
                #expect(glyph.string.unicodeScalars.elementsEqual(text.unicodeScalars))
            }
        }
    }

    @Test("a cluster longer than a terminal cell holds keeps its first five scalars, as ncurses does")
    func capacity() {
        let family = "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}\u{200D}\u{1F466}"   // 7 scalars
        let glyph = Glyph(family)
        #expect(glyph.count == Glyph.capacity)
        #expect(glyph.scalarValues == Array(family.unicodeScalars.prefix(5).map(\.value)))
        var full = glyph
        let appended = full.append("\u{301}")
        #expect(!appended)
        #expect(full == glyph)
        var canvas = Canvas(width: 4, height: 1)
        #expect(canvas.put("e" + String(repeating: "\u{301}", count: 7), x: 0, y: 0) == 1)
        #expect(canvas.cell(x: 0, y: 0)?.glyph.count == 5)
    }

    @Test("only one printable ASCII character is an ASCII glyph")
    func ascii() {
        #expect(Glyph("a").asciiByte == UInt8(ascii: "a"))
        #expect(Glyph(" ").asciiByte == 0x20 && Glyph.space == Glyph(" "))
        #expect(Glyph("~").asciiByte == UInt8(ascii: "~"))
        #expect(Glyph("\u{7F}").asciiByte == nil)
        #expect(Glyph("\u{1F}").asciiByte == nil)
        #expect(Glyph("e\u{301}").asciiByte == nil)
        #expect(Glyph("é").asciiByte == nil)
        #expect(Glyph("").asciiByte == nil && Glyph.empty.count == 0)
        for byte in UInt8(0x20)..<0x7F {
            #expect(Glyph(ascii: byte) == Glyph(String(UnicodeScalar(byte))))
        }
    }

    @Test("cells are equal exactly when their bytes are")
    func equalityIsBytes() {
        let cells = [Cell.blank, .blank(Style(bold: true)), .continuation(.plain), Cell(symbol: "e\u{301}", width: 1),
                     Cell(symbol: "é", width: 1), Cell(symbol: "宇", width: 2), Cell(symbol: "a", width: 1)]
        for left in cells {
            for right in cells {
                let sameBytes = withUnsafeBytes(of: left) { l in withUnsafeBytes(of: right) { r in l.elementsEqual(r) } }
                #expect((left == right) == sameBytes, "\(left.symbol) \(right.symbol)")
            }
        }
        #expect(MemoryLayout<Cell>.size == 24)
    }

    @Test("cells are equal exactly when glyph, style and width are, and hash alike then")
    func equalityIsFields() {
        let styles = [Style.plain, Style(bold: true), Style(foreground: .red), Style(foreground: .indexed(1)),
                      Style(background: .default), Style(foreground: .red, background: .blue, underline: true)]
        var cells: [Cell] = [.continuation(.plain), .continuation(Style(bold: true))]
        for style in styles {
            for (symbol, width) in [("a", 1), ("é", 1), ("e\u{301}", 1), ("宇", 2), (" ", 1)] {
                cells.append(Cell(symbol: symbol, width: width, style: style))
            }
        }
        for left in cells {
            for right in cells {
                let sameFields = left.glyph == right.glyph && left.style == right.style && left.width == right.width
                #expect((left == right) == sameFields, "\(left) \(right)")
                if left == right { #expect(left.hashValue == right.hashValue) }
            }
        }
    }

    @Test("a cell's appearance word is its style and width: the glyph is its first 16 bytes")
    func appearanceWord() {
        #expect(MemoryLayout<Cell>.offset(of: \Cell.glyph) == 0)
        #expect(MemoryLayout<Cell>.offset(of: \Cell.style) == 16)
        let styles = [Style.plain, Style(bold: true), Style(dim: true), Style(italic: true), Style(foreground: .red),
                      Style(foreground: .indexed(1)), Style(background: .red), Style(foreground: .default),
                      Style(background: .indexed(236), reverse: true)]
        for left in styles {
            for right in styles {
                let a = Cell(symbol: "a", width: 1, style: left), b = Cell(symbol: "中", width: 2, style: right)
                var c = b
                c.width = 1
                #expect((a.appearanceWord == c.appearanceWord) == (left == right), "\(left) \(right)")
                #expect(a.appearanceWord != b.appearanceWord, "the width is in the word")
            }
        }
    }
}
