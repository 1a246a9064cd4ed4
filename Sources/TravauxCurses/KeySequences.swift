import CNcursesw

/// The sequences terminals send for keys, beyond those the terminal's description lists. A
/// `TERM` that does not match the terminal (xterm's name inside tmux or screen, an ssh to a
/// host with other descriptions, the Linux console) leaves ncurses unaware of them, and their
/// bytes came through one by one as keys: End (`ESC [ 4 ~`) switched to pane 4, Home in the
/// editor typed `[1~` into the note. ncurses is taught them all (`define_key`), and a sequence
/// it still does not know is dropped whole (`EscapeSequence`).
enum KeySequences {
    enum Meaning: Equatable {
        /// One of ncurses' key codes.
        case code(Int32)
        case wordLeft, wordRight
    }

    static let all: [(sequence: String, meaning: Meaning)] = {
        var table: [(String, Meaning)] = []
        let escape = "\u{1b}"
        for (sequences, code) in [
            (["[1~", "[7~", "[H", "OH"], KEY_HOME),
            (["[4~", "[8~", "[F", "OF"], KEY_END),
            (["[2~"], KEY_IC),
            (["[3~"], KEY_DC),
            (["[5~"], KEY_PPAGE),
            (["[6~"], KEY_NPAGE),
            (["[A", "OA"], KEY_UP),
            (["[B", "OB"], KEY_DOWN),
            (["[C", "OC"], KEY_RIGHT),
            (["[D", "OD"], KEY_LEFT),
            (["[Z"], KEY_BTAB),
            (["OM"], KEY_ENTER),
        ] as [([String], Int32)] {
            for sequence in sequences { table.append((escape + sequence, .code(code))) }
        }
        // F1–F12 as xterm, VT220 and the Linux console send them.
        let functionKeys: [[String]] = [
            ["OP", "[11~", "[[A"], ["OQ", "[12~", "[[B"], ["OR", "[13~", "[[C"], ["OS", "[14~", "[[D"], ["[15~", "[[E"],
            ["[17~"], ["[18~"], ["[19~"], ["[20~"], ["[21~"], ["[23~"], ["[24~"],
        ]
        for (index, sequences) in functionKeys.enumerated() {
            for sequence in sequences { table.append((escape + sequence, .code(KEY_F0 + Int32(index + 1)))) }
        }
        // Arrows with Shift, Alt or Ctrl (xterm's `1;N`): Ctrl or Alt with ← → moves by word, as
        // the editor's docs promise; other arrows are the plain ones.
        for modifier in 2...8 {
            for (final, code) in [("A", KEY_UP), ("B", KEY_DOWN), ("C", KEY_RIGHT), ("D", KEY_LEFT)] {
                let byWord = modifier >= 3 && (final == "C" || final == "D")
                let meaning: Meaning = byWord ? (final == "C" ? .wordRight : .wordLeft) : .code(code)
                table.append((escape + "[1;\(modifier)" + final, meaning))
            }
        }
        // rxvt's Ctrl-arrows.
        table.append((escape + "Od", .wordLeft))
        table.append((escape + "Oc", .wordRight))
        return table
    }()
}

/// A sequence ncurses did not know, read after its `ESC` so that none of its bytes is taken for
/// a key.
enum EscapeSequence {
    /// After `ESC [`: reads up to the final byte of a control sequence (parameters and
    /// intermediates `0x20`–`0x3F`, a final `0x40`–`0x7E`), and the three bytes an old-style
    /// mouse report (`ESC [ M`) carries. False when no byte came after the `[`: then it was
    /// `Esc` and `[` typed, and nothing was read.
    static func skipControlSequence(next: () -> Int32?) -> Bool {
        guard let first = next() else { return false }
        var byte = first
        for _ in 0..<32 {
            switch byte {
            case 0x4D where byte == first:
                for _ in 0..<3 { _ = next() }
                return true
            case 0x5B where byte == first:
                // The Linux console's `ESC [ [ A`: one more byte.
                _ = next()
                return true
            case 0x40...0x7E:
                return true
            case 0x20...0x3F:
                guard let following = next() else { return true }
                byte = following
            default:
                return true
            }
        }
        return true
    }

    /// After `ESC ]` (OSC) or `ESC P` (DCS), `first` the byte after them: reads the string up to
    /// its end, BEL or ST (`ESC \`), so that a terminal's late reply to another program's query
    /// (`ESC ] 11 ; rgb:1e1e/1e1e/1e1e ESC \`) acts as no keys: it switched panes, opened a
    /// search, or typed itself into a note. Nil when the whole string was read; otherwise the
    /// bytes read, to be put back as keys: bytes stopped coming at once, or `longestString`
    /// came, before the end (Esc and `]` typed, then more, in one burst).
    static let longestString = 128

    static func unfinishedString(first: Int32, next: () -> Int32?) -> [Int32]? {
        var read = [first]
        var byte: Int32? = first
        while let current = byte {
            switch current {
            case 0x07, 0x9C:
                return nil
            case 0x1B:
                guard let after = next() else { return read }
                read.append(after)
                return after == 0x5C ? nil : read
            default:
                guard read.count < longestString else { return read }
                byte = next()
                if let byte { read.append(byte) }
            }
        }
        return read
    }
}
