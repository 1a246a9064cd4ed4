import CNcursesw
import TravauxTUI

/// Turns what ncurses read into a key: a character, or a key code. Resize and mouse codes
/// are not keys; the session handles them.
enum KeyDecoder {
    static func character(_ value: UInt32) -> KeyEvent? {
        switch value {
        case 27: return .escape
        case 8, 127: return .backspace
        case 9: return .tab
        case 10, 13: return .enter
        case 0: return .control("@")
        case 1...26:
            return Unicode.Scalar(value + 96).map { .control(Character($0)) }
        case 28...31:
            return Unicode.Scalar(value + 64).map { .control(Character($0)) }
        case 0x80...0x9F:
            return nil  // C1 controls are never typed
        case 0x20...0x7E:
            return .character(printableASCII[Int(value) - 0x20])
        default:
            return Unicode.Scalar(value).map { .character(Character($0)) }
        }
    }

    /// The character whose first UTF-8 byte is `lead` (not ASCII), its other bytes taken
    /// from `nextByte` (`nil`: none came). A byte that cannot continue it goes to `putBack`,
    /// to be read as the next key; the broken character itself is dropped, as `wget_wch`
    /// drops it.
    static func character(utf8Lead lead: UInt8, nextByte: () -> Int32?, putBack: (Int32) -> Void) -> KeyEvent? {
        let length: Int
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0...0xEF: length = 3
        case 0xF0...0xF4: length = 4
        default: return nil   // a continuation byte, or a byte UTF-8 never uses
        }
        var bytes = [lead]
        while bytes.count < length {
            guard let next = nextByte() else { return nil }
            guard (0x80...0xBF).contains(next) else {
                putBack(next)
                return nil
            }
            bytes.append(UInt8(next))
        }
        // Overlong forms and surrogates are refused here.
        guard let text = String(validating: bytes, as: UTF8.self), let scalar = text.unicodeScalars.first
        else { return nil }
        return character(scalar.value)
    }

    /// Made once: making a `Character` from a scalar runs the standard library's UTF-8 code,
    /// cold on every key.
    private static let printableASCII: [Character] = (0x20...0x7E).map { Character(Unicode.Scalar(UInt8($0))) }

    static func keyCode(_ code: Int32) -> KeyEvent? {
        switch code {
        // Shift with an arrow is the arrow, as under TERMs that do not name it: xterm's
        // terminfo calls Shift-↑ and Shift-↓ scroll keys (`kri`, `kind`).
        case KEY_UP, KEY_SR: return .up
        case KEY_DOWN, KEY_SF: return .down
        case KEY_LEFT, KEY_SLEFT: return .left
        case KEY_RIGHT, KEY_SRIGHT: return .right
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        // VT220's Find and Select sit where Home and End are, and send what they send
        // (`ESC [ 1 ~`, `ESC [ 4 ~`): with `TERM=vt220` or `rxvt`, ncurses names them so.
        case KEY_HOME, KEY_A1, KEY_FIND: return .home
        case KEY_END, KEY_C1, KEY_LL, KEY_SELECT: return .end
        case KEY_ENTER: return .enter
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_BTAB: return .backTab
        case (KEY_F0 + 1)...(KEY_F0 + 63): return .function(Int(code - KEY_F0))
        default: return nil
        }
    }
}
