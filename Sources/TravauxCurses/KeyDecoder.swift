import CNcursesw
import TravauxTUI

/// Turns what `wget_wch` returned into a key: a character (`OK`) or a key code
/// (`KEY_CODE_YES`). Resize and mouse codes are not keys; the session handles them.
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
        default:
            return Unicode.Scalar(value).map { .character(Character($0)) }
        }
    }

    static func keyCode(_ code: Int32) -> KeyEvent? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_HOME, KEY_A1: return .home
        case KEY_END, KEY_C1, KEY_LL: return .end
        case KEY_ENTER: return .enter
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_BTAB: return .backTab
        case (KEY_F0 + 1)...(KEY_F0 + 63): return .function(Int(code - KEY_F0))
        default: return nil
        }
    }
}
