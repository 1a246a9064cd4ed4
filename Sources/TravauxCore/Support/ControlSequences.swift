/// Text with every terminal control removed: whole escape sequences (a colour pasted from a
/// terminal, a window title), not only their ESC, whose leftovers (`[31m`, `]0;title`) would
/// otherwise show as text. Line breaks and tabs stay.
///
/// What goes: CSI (`ESC [` or U+009B, parameters, intermediates, one final byte); the string
/// sequences OSC, DCS, SOS, PM and APC (`ESC ]`, `ESC P`, `ESC X`, `ESC ^`, `ESC _` or their
/// C1 forms) up to BEL, `ESC \` or U+009C, or up to a line break, which stays (a pasted
/// sequence is one line; what follows a break is the note's own text); any other `ESC`
/// with its intermediates and final byte (`ESC 7`, `ESC ( B`); and every other C0 or C1
/// control and DEL.
public enum ControlSequences {
    /// A name on one line, as a list shows it (a session label, an author): no terminal
    /// control, its white space trimmed and each run of it one space.
    public static func oneLine(_ text: String) -> String {
        removing(from: text).split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    public static func removing(from text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            let value = scalars[index].value
            switch value {
            case 0x1B:
                index = end(ofEscapeAt: index, in: scalars)
            case 0x9B:
                index = end(ofControlSequenceFrom: index + 1, in: scalars)
            case 0x90, 0x98, 0x9D, 0x9E, 0x9F:
                index = end(ofStringFrom: index + 1, in: scalars)
            case 0x0A, 0x0D, 0x09:
                out.append(scalars[index])
                index += 1
            case 0..<0x20, 0x7F...0x9F:
                index += 1
            default:
                out.append(scalars[index])
                index += 1
            }
        }
        return String(out)
    }

    /// The index after the sequence an ESC at `start` opens.
    private static func end(ofEscapeAt start: Int, in scalars: [Unicode.Scalar]) -> Int {
        var index = start + 1
        guard index < scalars.count else { return index }
        switch scalars[index] {
        case "[": return end(ofControlSequenceFrom: index + 1, in: scalars)
        case "]", "P", "X", "^", "_": return end(ofStringFrom: index + 1, in: scalars)
        default:
            // nF sequences have intermediates (`ESC ( B`); then one final byte.
            while index < scalars.count, (0x20...0x2F).contains(scalars[index].value) { index += 1 }
            if index < scalars.count, (0x30...0x7E).contains(scalars[index].value) { index += 1 }
            return index
        }
    }

    /// Parameters and intermediates, then the final byte. Anything else ends it early and is
    /// kept, as a terminal would abandon the sequence there.
    private static func end(ofControlSequenceFrom start: Int, in scalars: [Unicode.Scalar]) -> Int {
        var index = start
        while index < scalars.count, (0x20...0x3F).contains(scalars[index].value) { index += 1 }
        if index < scalars.count, (0x40...0x7E).contains(scalars[index].value) { index += 1 }
        return index
    }

    /// Up to and including its terminator (BEL, `ESC \`, ST), or up to a line break.
    private static func end(ofStringFrom start: Int, in scalars: [Unicode.Scalar]) -> Int {
        var index = start
        while index < scalars.count {
            switch scalars[index].value {
            case 0x07, 0x9C: return index + 1
            // Another ESC abandons the string and starts a sequence of its own.
            case 0x1B: return index + 1 < scalars.count && scalars[index + 1] == "\\" ? index + 2 : index
            case 0x0A, 0x0D: return index
            default: index += 1
            }
        }
        return index
    }
}
