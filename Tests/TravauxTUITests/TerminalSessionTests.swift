import Testing
import TravauxBench
@testable import TravauxTUI
@testable import TravauxCurses
import CNcursesw

#if canImport(Glibc)
import Glibc
#endif

/// ncurses keeps one current screen per process, so these tests run one at a time.
@Suite("Terminal session (headless ncurses)", .serialized)
struct TerminalSessionTests {
    /// A session drawing into /dev/null: nothing shows, but ncurses keeps its screen.
    func withHeadlessSession(terminalType: String = "xterm-256color", _ body: (TerminalSession) throws -> Void) throws {
        guard let output = fopen("/dev/null", "w"), let input = fopen("/dev/null", "r") else {
            Issue.record("cannot open /dev/null")
            return
        }
        defer {
            fclose(output)
            fclose(input)
        }
        // Colour on even under NO_COLOR, which the test runner may set.
        let session = try TerminalSession(
            terminalType: terminalType, output: output, input: input, catchSignals: false, colourAllowed: true)
        defer { session.end() }
        try body(session)
    }

    @Test("ASCII, CJK and a combining character land in the columns the canvas gave them")
    func drawsCellsInPlace() throws {
        try withHeadlessSession { session in
            let size = session.size
            #expect(size.width > 10 && size.height > 2)
            var canvas = Canvas(width: size.width, height: size.height)
            canvas.put("ab中文c", x: 0, y: 0)
            canvas.put("Ge\u{301}ne\u{300}ve", x: 2, y: 1, style: Style(bold: true))
            session.draw(canvas)

            #expect(session.cellContents(x: 0, y: 0)?.text == "a")
            #expect(session.cellContents(x: 1, y: 0)?.text == "b")
            #expect(session.cellContents(x: 2, y: 0)?.text == "中")
            #expect(session.cellContents(x: 4, y: 0)?.text == "文")
            #expect(session.cellContents(x: 6, y: 0)?.text == "c")
            #expect(session.cellContents(x: 7, y: 0)?.text == " ")
            #expect(session.cellContents(x: 3, y: 1)?.text == "e\u{301}")
            #expect(session.cellContents(x: 4, y: 1)?.text == "n")
            #expect(session.cellContents(x: 5, y: 1)?.text == "e\u{300}")
            #expect(session.cellContents(x: 7, y: 1)?.text == "e")
            // The bottom-right cell, which ncurses cannot move past, is drawn too.
            var corner = canvas
            corner.put("Z", x: size.width - 1, y: size.height - 1)
            session.draw(corner)
            #expect(session.cellContents(x: size.width - 1, y: size.height - 1)?.text == "Z")
            let bold = try #require(session.cellContents(x: 2, y: 1))
            #expect(bold.attributes == [.bold])
            #expect(session.cellContents(x: 0, y: 0)?.attributes == [])
            var italic = corner
            italic.put("T", x: 0, y: 2, style: Style(italic: true))
            session.draw(italic)
            #expect(session.cellContents(x: 0, y: 2)?.attributes == [.italic])
        }
    }

    @Test("A later frame changes only what differs, wide glyphs included")
    func redrawsChanges() throws {
        try withHeadlessSession { session in
            let size = session.size
            var first = Canvas(width: size.width, height: size.height)
            first.put("中文 stays", x: 0, y: 0)
            session.draw(first)
            var second = first
            second.put("x", x: 1, y: 0)  // the right half of 中
            second.put("😀", x: 3, y: 0)  // over the right half of 文 and the space
            session.draw(second)
            #expect(session.cellContents(x: 0, y: 0)?.text == " ")
            #expect(session.cellContents(x: 1, y: 0)?.text == "x")
            #expect(session.cellContents(x: 2, y: 0)?.text == " ")
            #expect(session.cellContents(x: 3, y: 0)?.text == "😀")
            #expect(session.cellContents(x: 5, y: 0)?.text == "s")
        }
    }

    @Test("Frame after frame of random edits, ncurses holds every cell of the canvas in its style")
    func randomFramesReachTheScreen() throws {
        try withHeadlessSession { session in
            let size = session.size
            var generator = SeededGenerator(seed: 11)
            func next(_ bound: Int) -> Int { Int(generator.next() % UInt64(bound)) }
            let pieces = ["a", "Treaty", "宇宙", "é", "Ge\u{301}neve", "—", "  ", "約b", "😀", "x"]
            let styles = [Style.plain, Style(bold: true), Style(foreground: .red), Style(reverse: true),
                          Style(foreground: .cyan, background: .indexed(236)), Style(dim: true, underline: true),
                          Style(background: .blue, italic: true)]
            var canvas = Canvas(width: size.width, height: size.height)
            var pairOfColors: [String: Int16] = [:]
            for frame in 0..<40 {
                for _ in 0..<(1 + next(40)) {
                    canvas.put(pieces[next(pieces.count)], x: next(size.width + 2) - 1, y: next(size.height),
                               style: styles[next(styles.count)])
                }
                if frame % 7 == 6 {
                    canvas.fill(Rect(x: next(size.width), y: next(size.height), width: 1 + next(30), height: 1 + next(3)),
                                style: styles[next(styles.count)])
                }
                session.draw(canvas)
                try expectScreenHolds(canvas, session: session, pairOfColors: &pairOfColors, note: "frame \(frame)")
            }
        }
    }

    @Test("A moving selection bar is restyled in place, and ncurses holds every cell in its style",
          arguments: [false, true])
    func selectionBarRestyledInPlace(monochrome: Bool) throws {
        try withHeadlessSession { session in
            let size = session.size
            let labels = ["1986  General Assembly adopts guidelines", "2008 宇宙 PPWT tabled (中文)",
                          "Ge\u{301}ne\u{300}ve talks — 😀", "x"]
            // List rows as the list pane keeps them: runs of several styles, placed whole.
            let rows: [CellRun] = labels.map { label in
                var line = Canvas(width: size.width, height: 1)
                _ = line.put(String(label.prefix(4)), x: 0, y: 0, style: Style(dim: true))
                _ = line.put(String(label.dropFirst(4)), x: 4, y: 0, style: Style(foreground: .cyan, bold: true))
                return CellRun(line.cells)
            }
            func frame(_ canvas: inout Canvas, selected: Int, underline: Bool) {
                canvas.beginFrame(width: size.width, height: size.height)
                for (y, row) in rows.enumerated() { canvas.place(row, x: 0, y: y) }
                let bar = Rect(x: 0, y: selected, width: size.width, height: 1)
                if underline {
                    canvas.patchStyle(bar, with: Style(dim: true, underline: true))
                } else {
                    canvas.setStyle(bar, style: Palette.selection(monochrome: monochrome))
                }
                canvas.endFrame()
            }
            var canvas = Canvas(width: 0, height: 0)
            var pairOfColors: [String: Int16] = [:]
            for (step, selected) in [0, 1, 2, 3, 2, 0, 3, 1, 1].enumerated() {
                let shown = session.lastDrawnCanvas
                frame(&canvas, selected: selected, underline: step % 3 == 2)
                if let shown {
                    var spans: [ChangedSpan] = []
                    canvas.changedSpans(from: shown, into: &spans)
                    // Only the rows the bar left and reached change, and only in style.
                    #expect(spans.allSatisfy { $0.stylesOnly }, "step \(step)")
                    #expect(canvas.spanProblem(from: shown) == nil, "step \(step)")
                }
                session.draw(recycling: &canvas)
                try expectScreenHolds(try #require(session.lastDrawnCanvas), session: session,
                                      pairOfColors: &pairOfColors, note: "step \(step)")
            }
        }
    }

    /// Every cell of `canvas` as ncurses holds it: the glyph, the attributes, and one colour pair
    /// per combination of colours (`pairOfColors` remembers them across frames).
    func expectScreenHolds(_ canvas: Canvas, session: TerminalSession, pairOfColors: inout [String: Int16],
                           note: String) throws {
        for y in 0..<canvas.height {
            for x in 0..<canvas.width {
                guard let cell = canvas.cell(x: x, y: y), !cell.isContinuation else { continue }
                let shown = try #require(session.cellContents(x: x, y: y))
                #expect(shown.text == cell.symbol, "\(note) at \(x),\(y)")
                #expect(shown.attributes == cell.style.attributes, "\(note) at \(x),\(y)")
                guard session.colorCount > 0 else { continue }
                let colors = "\(String(describing: cell.style.foreground)) \(String(describing: cell.style.background))"
                if cell.style.foreground == nil, cell.style.background == nil { #expect(shown.pair == 0, "\(note) at \(x),\(y)") }
                #expect(pairOfColors[colors, default: shown.pair] == shown.pair, "\(note) at \(x),\(y)")
                pairOfColors[colors] = shown.pair
            }
        }
    }

    @Test("whether the terminal can draw dim text is read from its terminfo", arguments: [
        ("xterm-256color", true), ("screen", true), ("linux", true), ("vt100", false), ("vt220", false), ("ansi", false)])
    func showsDim(terminalType: String, shows: Bool) throws {
        try withHeadlessSession(terminalType: terminalType) { session in
            #expect(session.showsDim == shows)
        }
    }

    @Test("Colours become colour pairs, allocated once per combination")
    func colorPairs() throws {
        try withHeadlessSession { session in
            let size = session.size
            var canvas = Canvas(width: size.width, height: size.height)
            canvas.put("red", x: 0, y: 0, style: Style(foreground: .red))
            canvas.put("red", x: 0, y: 1, style: Style(foreground: .red))
            canvas.put("blue", x: 0, y: 2, style: Style(foreground: .blue, background: .indexed(236)))
            session.draw(canvas)
            try #require(session.colorCount > 0)
            let red = session.cellContents(x: 0, y: 0)?.pair
            #expect(red != 0)
            #expect(session.cellContents(x: 0, y: 1)?.pair == red)
            #expect(session.cellContents(x: 0, y: 2)?.pair != red)
            #expect(session.cellContents(x: 5, y: 0)?.pair == 0)
        }
    }

    @Test("the selection bar in colour ends in one erase; in reverse video every blank column is written")
    func selectionBarBytes() throws {
        /// The bytes ncurses writes to show one list row selected, after a blank frame.
        func bytesForSelectedRow(style: Style) throws -> (bytes: [UInt8], width: Int, colours: Int) {
            // An anonymous file, gone when closed: ncurses writes to it, the test reads it back.
            guard let output = tmpfile(), let input = fopen("/dev/null", "r") else {
                Issue.record("cannot open a temporary file or /dev/null")
                return ([], 0, 0)
            }
            defer {
                fclose(input)
                fclose(output)
            }
            let session = try TerminalSession(
                terminalType: "xterm-256color", output: output, input: input, catchSignals: false, colourAllowed: true)
            let size = session.size
            var canvas = Canvas(width: size.width, height: size.height)
            session.draw(canvas)
            fflush(output)
            let before = ftell(output)
            canvas.put(" 1986  General Assembly adopts guidelines", x: 0, y: 1)
            canvas.setStyle(Rect(x: 0, y: 1, width: size.width, height: 1), style: style)
            session.draw(canvas)
            fflush(output)
            let after = ftell(output)
            let colours = session.colorCount
            session.end()
            fflush(output)
            fseek(output, before, SEEK_SET)
            var bytes = [UInt8](repeating: 0, count: after - before)
            _ = fread(&bytes, 1, bytes.count, output)
            return (bytes, size.width, colours)
        }
        // The row's text takes 41 columns; the rest of the bar is blank.
        let blanks = String(repeating: " ", count: 30)
        let reverse = try bytesForSelectedRow(style: Palette.selection(monochrome: true))
        #expect(String(decoding: reverse.bytes, as: UTF8.self).contains(blanks))   // written one by one
        let coloured = try bytesForSelectedRow(style: Palette.selection(monochrome: false))
        try #require(coloured.colours > 0, "the terminal description has colours")
        let text = String(decoding: coloured.bytes, as: UTF8.self)
        #expect(text.contains("\u{1B}[K"))
        #expect(!text.contains(blanks))
        #expect(coloured.bytes.count + 20 < reverse.bytes.count)
    }

    @Test("starting, drawing in colour and ending leave the terminal's palette alone (no orig_colors)", arguments: ["xterm-256color", "linux"])
    func keepsThePalette(terminalType: String) throws {
        guard let output = tmpfile(), let input = fopen("/dev/null", "r") else {
            Issue.record("cannot open a temporary file or /dev/null")
            return
        }
        defer {
            fclose(input)
            fclose(output)
        }
        let session = try TerminalSession(terminalType: terminalType, output: output, input: input, catchSignals: false, colourAllowed: true)
        try #require(session.colorCount > 0)
        var canvas = Canvas(width: session.size.width, height: session.size.height)
        canvas.put("red", x: 0, y: 0, style: Style(foreground: .red, bold: true))
        session.draw(canvas)
        canvas.put("blue", x: 0, y: 1, style: Style(foreground: .blue))
        session.draw(canvas)
        session.end()
        fflush(output)
        let count = ftell(output)
        fseek(output, 0, SEEK_SET)
        var bytes = [UInt8](repeating: 0, count: count)
        _ = fread(&bytes, 1, count, output)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains("red") && text.contains("blue"))
        // xterm's `oc` is OSC 104 (every colour back to the profile's), the Linux console's `ESC ] R`:
        // a palette set at run time (base16-shell, pywal) would be lost.
        #expect(!text.contains("\u{1B}]104") && !text.contains("\u{1B}]R"), "\(text.debugDescription)")
    }

    @Test("A frame larger than the screen and a cursor outside it are clipped, not drawn")
    func clipsToScreen() throws {
        try withHeadlessSession { session in
            let size = session.size
            var canvas = Canvas(width: size.width + 5, height: size.height + 2)
            canvas.put(String(repeating: "z", count: size.width + 5), x: 0, y: size.height + 1)
            canvas.put("中", x: size.width - 1, y: 0)
            session.draw(canvas, cursor: (x: size.width + 3, y: 0))
            session.forceRedraw()
            session.draw(canvas, cursor: (x: 0, y: 0))
            #expect(session.cellContents(x: 0, y: 0)?.text == " ")
        }
    }

    @Test("a printable ASCII cell is made as setcchar makes it, byte for byte, in every attribute and pair")
    func asciiCellsAsSetcchar() throws {
        try withHeadlessSession { _ in
            let attributeSets: [attr_t] = [0, travaux_a_bold(), travaux_a_reverse() | travaux_a_underline(),
                                           travaux_a_dim() | travaux_a_italic() | travaux_a_bold()]
            for byte in UInt8(0x20)...UInt8(0x7E) {
                let cell = Cell(symbol: String(UnicodeScalar(byte)), width: 1, style: .plain)
                for attributes in attributeSets {
                    for pair: Int16 in [0, 1, 7, 200, 255, 256, 1000, 32767] {
                        let made = TerminalSession.complexCharacter(cell, attributes: attributes, pair: pair)
                        var expected = cchar_t()
                        var characters: [wchar_t] = [wchar_t(byte), 0]
                        #expect(setcchar(&expected, &characters, attributes, pair, nil) == OK)
                        let same = withUnsafeBytes(of: made) { a in withUnsafeBytes(of: expected) { b in a.elementsEqual(b) } }
                        #expect(same, "byte \(byte), attributes \(attributes), pair \(pair)")
                        if !same { return }
                    }
                }
            }
        }
    }

    @Test("end() can be called twice, and a finished session ignores drawing and input")
    func endTwice() throws {
        try withHeadlessSession { session in
            session.end()
            session.end()
            session.draw(Canvas(width: 3, height: 1))
            #expect(session.nextEvent(timeoutMilliseconds: 0) == nil)
            #expect(session.size.width == 0)
        }
    }

    @Test("An unknown or unusable terminal type is a clear error, not a crash")
    func badTerminalTypes() throws {
        guard let output = fopen("/dev/null", "w"), let input = fopen("/dev/null", "r") else { return }
        defer {
            fclose(output)
            fclose(input)
        }
        #expect(throws: TerminalError.unknownTerminalType("no-such-terminal-travaux")) {
            _ = try TerminalSession(terminalType: "no-such-terminal-travaux", output: output, input: input, catchSignals: false)
        }
        #expect(throws: TerminalError.terminalTooLimited("dumb")) {
            _ = try TerminalSession(terminalType: "dumb", output: output, input: input, catchSignals: false)
        }
        #expect(TerminalError.notATerminal.description.hasPrefix("travaux: the interface needs a terminal; for scripts use 'travaux list'"))
    }

    @Test("A Tab between text and more text in one burst (a paste the terminal did not mark) is text; a Tab typed is a key",
          .enabled(if: PseudoTerminal.isAvailable, "needs a pseudo-terminal (devpts)"))
    func unmarkedPasteTab() throws {
        let terminal = try #require(PseudoTerminal())
        defer { terminal.close() }
        let session = try TerminalSession(terminalType: "xterm-256color", output: terminal.slaveOutput, input: terminal.slaveInput, catchSignals: false)
        defer { session.end() }
        func events(_ count: Int) -> [InputEvent] {
            var events: [InputEvent] = []
            while events.count < count, let event = session.nextEvent(timeoutMilliseconds: 2000) { events.append(event) }
            return events
        }
        terminal.type("ab\tc")
        #expect(events(4) == [.key(.character("a")), .key(.character("b")), .key(.paste("\t")), .key(.character("c"))])
        // Typed: after a pause, at the start of a burst, or last in it, a Tab moves between fields.
        terminal.type("x")
        #expect(events(1) == [.key(.character("x"))])
        #expect(session.nextEvent(timeoutMilliseconds: 50) == nil)
        terminal.type("\ty")
        #expect(events(2) == [.key(.tab), .key(.character("y"))])
        terminal.type("z\t")
        #expect(events(2) == [.key(.character("z")), .key(.tab)])
        terminal.type("\u{1B}[Z\tw")
        #expect(events(3) == [.key(.backTab), .key(.tab), .key(.character("w"))])
    }

    @Test("every key sequence of xterm, VT220 and the Linux console is its key under any of their TERMs",
          .enabled(if: PseudoTerminal.isAvailable, "needs a pseudo-terminal (devpts)"),
          arguments: ["xterm-256color", "screen", "linux", "vt220", "vt100"])
    func keySequencesUnderEachTerm(terminalType: String) throws {
        let terminal = try #require(PseudoTerminal())
        defer { terminal.close() }
        let session = try TerminalSession(terminalType: terminalType, output: terminal.slaveOutput, input: terminal.slaveInput, catchSignals: false)
        defer { session.end() }
        var wrong: [String] = []
        for (sequence, meaning) in KeySequences.all {
            let expected: InputEvent?
            switch meaning {
            case .code(let code): expected = KeyDecoder.keyCode(code).map { .key($0) }
            case .wordLeft: expected = .key(.wordLeft)
            case .wordRight: expected = .key(.wordRight)
            }
            guard let expected else { continue }   // Insert: no key of ours
            terminal.type(sequence)
            let event = session.nextEvent(timeoutMilliseconds: 2000)
            if event != expected {
                wrong.append("\(sequence.dropFirst()): \(String(describing: event)) instead of \(expected)")
                while session.nextEvent(timeoutMilliseconds: 50) != nil {}
            }
        }
        #expect(wrong.isEmpty, "\(terminalType): \(wrong.joined(separator: "; "))")
    }

    @Test("Keys, mouse reports, a resize and a termination signal arrive as events through a pseudo-terminal",
          .enabled(if: PseudoTerminal.isAvailable, "needs a pseudo-terminal (devpts)"))
    func inputThroughPseudoTerminal() throws {
        let terminal = try #require(PseudoTerminal())
        defer { terminal.close() }
        let session = try TerminalSession(terminalType: "xterm-256color", output: terminal.slaveOutput, input: terminal.slaveInput, catchSignals: true)
        defer { session.end() }

        terminal.type("j\u{04}\u{1B}OA\u{1B}[6~\u{7F}\u{1B}[Z中\r\u{1B}[15~é😀")
        var keys: [InputEvent] = []
        while keys.count < 11, let event = session.nextEvent(timeoutMilliseconds: 2000) {
            keys.append(event)
        }
        #expect(keys == [
            .key(.character("j")), .key(.control("d")), .key(.up), .key(.pageDown), .key(.backspace),
            .key(.backTab), .key(.character("中")), .key(.enter), .key(.function(5)),
            .key(.character("é")), .key(.character("😀")),
        ])
        // A character whose bytes come apart is whole when its last byte comes; a broken one
        // is dropped and the key after it still arrives; Esc then a non-letter is two keys.
        terminal.type(bytes: [0xE4, 0xB8])
        terminal.type(bytes: [0xAD])
        #expect(session.nextEvent(timeoutMilliseconds: 2000) == .key(.character("中")))
        terminal.type(bytes: [0xE4, 0xB8, 0x6B, 0xFF, 0x6A])   // 中 broken by k, then a stray byte
        #expect(session.nextEvent(timeoutMilliseconds: 2000) == .key(.character("k")))
        #expect(session.nextEvent(timeoutMilliseconds: 2000) == .key(.character("j")))
        #expect(session.nextEvent(timeoutMilliseconds: 0) == nil)
        terminal.type("\u{1B}é")
        #expect(session.nextEvent(timeoutMilliseconds: 2000) == .key(.alt("é")))
        terminal.type("\u{1B}—")
        #expect(session.nextEvent(timeoutMilliseconds: 2000) == .key(.escape))
        #expect(session.nextEvent(timeoutMilliseconds: 2000) == .key(.character("—")))

        // Mouse reports (SGR, 1-based) arrive one at a time, as a hand makes them.
        let reports: [(String, InputEvent)] = [
            ("\u{1B}[<0;5;3M", .mouse(MouseEvent(x: 4, y: 2, kind: .press(.left)))),
            ("\u{1B}[<0;5;3m", .mouse(MouseEvent(x: 4, y: 2, kind: .release))),
            ("\u{1B}[<2;7;1M", .mouse(MouseEvent(x: 6, y: 0, kind: .press(.right)))),
            ("\u{1B}[<64;1;1M", .mouse(MouseEvent(x: 0, y: 0, kind: .wheelUp))),
            ("\u{1B}[<65;2;2M", .mouse(MouseEvent(x: 1, y: 1, kind: .wheelDown))),
        ]
        for (bytes, expected) in reports {
            terminal.type(bytes)
            #expect(session.nextEvent(timeoutMilliseconds: 2000) == expected)
        }
        // A press and release read in one burst are one click: reported as the press.
        terminal.type("\u{1B}[<0;3;4M\u{1B}[<0;3;4m")
        #expect(session.nextEvent(timeoutMilliseconds: 2000) == .mouse(MouseEvent(x: 2, y: 3, kind: .press(.left))))

        terminal.type("\u{1B}")
        #expect(session.nextEvent(timeoutMilliseconds: 2000) == .key(.escape))

        // A paste is text however it comes: whole, or in pieces with a pause between them, as
        // over a slow link. None of it is a command (`d` deletes a note); the key after it is a key.
        terminal.type("\u{1B}[200~ab\rc\u{1B}[201~")
        #expect(session.nextEvent(timeoutMilliseconds: 2000) == .key(.paste("ab\nc")))
        terminal.type("\u{1B}[200~dq")
        var pasted = ""
        var after: InputEvent?
        if case .key(.paste(let text))? = session.nextEvent(timeoutMilliseconds: 2000) { pasted += text }
        usleep(400_000)   // longer than the pause after which a piece is handed on
        terminal.type("\tdx\u{1B}[201~j")
        while let event = session.nextEvent(timeoutMilliseconds: 2000) {
            guard case .key(.paste(let text)) = event else { after = event; break }
            pasted += text
        }
        #expect(pasted == "dq\tdx")
        #expect(after == .key(.character("j")))
        // The start marker alone, the text after a pause: still text.
        terminal.type("\u{1B}[200~")
        #expect(session.nextEvent(timeoutMilliseconds: 300) == nil)
        usleep(400_000)
        terminal.type("jjj\u{1B}[201~")
        #expect(session.nextEvent(timeoutMilliseconds: 2000) == .key(.paste("jjj")))
        // A resize in the middle of a paste is reported after what came, and the paste goes on.
        terminal.type("\u{1B}[200~jj")
        #expect(session.nextEvent(timeoutMilliseconds: 2000) == .key(.paste("jj")))
        terminal.resize(width: 70, height: 20)
        kill(getpid(), SIGWINCH)
        var events: [InputEvent] = []
        while events.count < 2, let event = session.nextEvent(timeoutMilliseconds: 2000) {
            events.append(event)
            if events.count == 1 { terminal.type("kk\u{1B}[201~q") }
        }
        #expect(events.contains(.resize(width: 70, height: 20)))
        #expect(events.contains(.key(.paste("kk"))))
        #expect(session.nextEvent(timeoutMilliseconds: 2000) == .key(.character("q")))

        terminal.resize(width: 50, height: 12)
        kill(getpid(), SIGWINCH)
        #expect(session.nextEvent(timeoutMilliseconds: 2000) == .resize(width: 50, height: 12))

        // A readable wake descriptor (work done on another thread) ends the wait and is
        // reported, but left for its owner to read; keys still arrive beside it.
        var ends: [Int32] = [-1, -1]
        try #require(pipe(&ends) == 0)
        defer { close(ends[0]); close(ends[1]) }
        #expect(session.nextEvent(timeoutMilliseconds: 0, wakeDescriptor: ends[0]) == nil)
        #expect(!session.wakeDescriptorReadable)
        var byte: UInt8 = 1
        #expect(write(ends[1], &byte, 1) == 1)
        #expect(session.nextEvent(timeoutMilliseconds: 2000, wakeDescriptor: ends[0]) == nil)
        #expect(session.wakeDescriptorReadable)
        terminal.type("k")
        #expect(session.nextEvent(timeoutMilliseconds: 2000, wakeDescriptor: ends[0]) == .key(.character("k")))
        #expect(session.nextEvent(timeoutMilliseconds: 0, wakeDescriptor: ends[0]) == nil)
        #expect(session.wakeDescriptorReadable)
        #expect(read(ends[0], &byte, 1) == 1)
        #expect(session.nextEvent(timeoutMilliseconds: 0, wakeDescriptor: ends[0]) == nil)
        #expect(!session.wakeDescriptorReadable)

        kill(getpid(), SIGTERM)
        #expect(session.nextEvent(timeoutMilliseconds: 2000) == .terminate(.terminate))
        terminal.drainOutput()
    }
}

/// A pseudo-terminal pair: the test types on the master side, the session reads the slave.
final class PseudoTerminal {
    let master: Int32
    let slaveInput: UnsafeMutablePointer<FILE>
    let slaveOutput: UnsafeMutablePointer<FILE>

    init?() {
        // posix_openpt and friends sit behind feature macros the Glibc module leaves
        // off; look them up in the C library instead.
        guard let library = dlopen(nil, RTLD_NOW),
            let openSymbol = dlsym(library, "posix_openpt"),
            let grantSymbol = dlsym(library, "grantpt"),
            let unlockSymbol = dlsym(library, "unlockpt"),
            let nameSymbol = dlsym(library, "ptsname_r")
        else { return nil }
        typealias OpenFunction = @convention(c) (Int32) -> Int32
        typealias NameFunction = @convention(c) (Int32, UnsafeMutablePointer<CChar>?, Int) -> Int32
        let openPseudoTerminal = unsafeBitCast(openSymbol, to: OpenFunction.self)
        let grant = unsafeBitCast(grantSymbol, to: OpenFunction.self)
        let unlock = unsafeBitCast(unlockSymbol, to: OpenFunction.self)
        let slaveName = unsafeBitCast(nameSymbol, to: NameFunction.self)

        let master = openPseudoTerminal(O_RDWR | O_NOCTTY)
        guard master >= 0 else { return nil }
        var name = [CChar](repeating: 0, count: 128)
        guard grant(master) == 0, unlock(master) == 0, slaveName(master, &name, name.count) == 0 else {
            Glibc.close(master)
            return nil
        }
        let path = String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        guard let input = fopen(path, "r"), let output = fopen(path, "w")
        else {
            Glibc.close(master)
            return nil
        }
        self.master = master
        self.slaveInput = input
        self.slaveOutput = output
        resize(width: 80, height: 24)
        // The session's output lands on the master: never let it fill up and block.
        _ = fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK)
    }

    /// Whether this machine can open a pseudo-terminal at all.
    static var isAvailable: Bool {
        guard let terminal = PseudoTerminal() else { return false }
        terminal.close()
        return true
    }

    func type(_ text: String) {
        type(bytes: Array(text.utf8))
    }

    func type(bytes: [UInt8]) {
        _ = bytes.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
        drainOutput()
    }

    func resize(width: Int, height: Int) {
        var size = winsize(ws_row: UInt16(height), ws_col: UInt16(width), ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(fileno(slaveOutput), UInt(TIOCSWINSZ), &size)
    }

    func drainOutput() {
        var buffer = [UInt8](repeating: 0, count: 4096)
        while read(master, &buffer, buffer.count) > 0 {}
    }

    func close() {
        fclose(slaveInput)
        fclose(slaveOutput)
        Glibc.close(master)
    }
}
