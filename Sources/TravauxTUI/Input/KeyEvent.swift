/// A key the user pressed, as the backend decodes it; the keymap turns it into an action.
///
/// `name` is the stable, human spelling used by the keymap table, the `?` help overlay
/// and the status bar hints (`"j"`, `"Ctrl-d"`, `"PgDn"`, `"↑"`); `init?(name:)` reads
/// it back, so a keymap can be written as text.
public enum KeyEvent: Sendable, Hashable, CustomStringConvertible {
    /// A printable character (a letter, a digit, a space, a CJK character…).
    case character(Character)
    /// Ctrl with a letter, stored in lower case (`.control("d")` for Ctrl-D).
    case control(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, escape, backspace, delete, tab, backTab
    /// F1, F2, …
    case function(Int)
    /// Alt (Meta) with a character, sent by terminals as Esc then the character.
    case alt(Character)
    /// Ctrl-← and Ctrl-→, which move by word in text.
    case wordLeft, wordRight
    /// Text pasted in one go (bracketed paste): inserted whole, never read as keys.
    case paste(String)

    public var name: String {
        switch self {
        case .character(" "): return "Space"
        case .character(let c): return String(c)
        case .control(let c): return "Ctrl-" + String(c).lowercased()
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .home: return "Home"
        case .end: return "End"
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .backspace: return "Backspace"
        case .delete: return "Del"
        case .tab: return "Tab"
        case .backTab: return "Shift-Tab"
        case .function(let n): return "F\(n)"
        case .alt(let c): return "Alt-" + String(c)
        case .wordLeft: return "Ctrl-←"
        case .wordRight: return "Ctrl-→"
        case .paste: return "paste"
        }
    }

    public var description: String { name }

    private static let named: [String: KeyEvent] = [
        "space": .character(" "),
        "↑": .up, "up": .up, "↓": .down, "down": .down,
        "←": .left, "left": .left, "→": .right, "right": .right,
        "pgup": .pageUp, "pageup": .pageUp, "pgdn": .pageDown, "pagedown": .pageDown,
        "home": .home, "end": .end,
        "enter": .enter, "return": .enter, "esc": .escape, "escape": .escape,
        "backspace": .backspace, "del": .delete, "delete": .delete,
        "tab": .tab, "shift-tab": .backTab, "backtab": .backTab,
    ]

    /// The key a name spells (`"Ctrl-d"`, `"PgDn"`, `"F5"`, `"j"`, `"Up"`), or `nil`.
    public init?(name: String) {
        let lowered = name.lowercased()
        if let key = KeyEvent.named[lowered] {
            self = key
            return
        }
        if name.count == 1, let character = name.first {
            self = .character(character)
            return
        }
        for prefix in ["ctrl-", "c-", "^"] where lowered.hasPrefix(prefix) {
            let rest = lowered.dropFirst(prefix.count)
            guard rest.count == 1, let character = rest.first else { return nil }
            self = .control(character)
            return
        }
        if lowered.hasPrefix("f"), let number = Int(lowered.dropFirst()), (1...63).contains(number) {
            self = .function(number)
            return
        }
        return nil
    }
}
