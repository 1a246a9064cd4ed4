import Testing
import TravauxTUI

@Suite("Key names")
struct KeyEventTests {
    @Test("Keys have stable human names for the help overlay", arguments: [
        (KeyEvent.character("j"), "j"), (.character(" "), "Space"), (.control("d"), "Ctrl-d"),
        (.pageDown, "PgDn"), (.pageUp, "PgUp"), (.enter, "Enter"), (.escape, "Esc"), (.tab, "Tab"),
        (.backTab, "Shift-Tab"), (.up, "↑"), (.down, "↓"), (.left, "←"), (.right, "→"),
        (.function(5), "F5"), (.backspace, "Backspace"), (.delete, "Del"), (.home, "Home"), (.end, "End"),
    ])
    func names(key: KeyEvent, name: String) {
        #expect(key.name == name)
        #expect(KeyEvent(name: name) == key)
    }

    @Test("Names are read back with aliases and any case")
    func parsing() {
        #expect(KeyEvent(name: "Ctrl-D") == .control("d"))
        #expect(KeyEvent(name: "^w") == .control("w"))
        #expect(KeyEvent(name: "up") == .up)
        #expect(KeyEvent(name: "PageDown") == .pageDown)
        #expect(KeyEvent(name: "f12") == .function(12))
        #expect(KeyEvent(name: "Ctrl-") == nil)
        #expect(KeyEvent(name: "Hyper-x") == nil)
        #expect(KeyEvent(name: "F99") == nil)
    }
}
