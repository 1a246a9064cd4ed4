import Testing
import TravauxTUI

@Suite("Color and style")
struct ColorAndStyleTests {
    @Test("Colours fall back to what the terminal has")
    func approximation() {
        #expect(Color.brightRed.approximated(toPaletteSize: 256) == .brightRed)
        #expect(Color.brightRed.approximated(toPaletteSize: 8) == .indexed(1))
        #expect(Color.indexed(196).approximated(toPaletteSize: 16) == .indexed(9))  // pure red
        #expect(Color.indexed(196).approximated(toPaletteSize: 8) == .indexed(1))
        #expect(Color.indexed(232).approximated(toPaletteSize: 16) == .indexed(0))  // near black
        #expect(Color.default.approximated(toPaletteSize: 8) == .default)
        #expect(Color.default.paletteIndex == nil)
    }

    @Test("Patching sets the colours the patch names and adds its attributes")
    func patching() {
        let base = Style(foreground: .cyan, background: .blue, bold: true)
        let patched = base.patched(with: Style(background: .yellow, reverse: true))
        #expect(patched == Style(foreground: .cyan, background: .yellow, bold: true, reverse: true))
        #expect(base.patched(with: .plain) == base)
        var style = Style.plain
        style.underline = true
        style.dim = true
        style.dim = false
        #expect(style == Style(underline: true))
    }
}
