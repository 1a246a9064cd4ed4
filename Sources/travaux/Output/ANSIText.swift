import TravauxTUI

/// Styled text for a terminal: SGR escape sequences for the styles, or none at all when
/// colour is off (a pipe, `NO_COLOR`, `TERM=dumb`). The text is sanitized first, so only
/// our own escape sequences reach the terminal.
enum ANSIText {
    static func render(_ text: StyledText, color: Bool) -> String {
        text.spans.map { span in
            let shown = TextSanitizer.sanitize(span.text)
            let codes = color ? self.codes(span.style) : []
            return codes.isEmpty ? shown : "\u{1B}[" + codes.joined(separator: ";") + "m" + shown + "\u{1B}[0m"
        }.joined()
    }

    static func codes(_ style: Style) -> [String] {
        var codes: [String] = []
        if style.bold { codes.append("1") }
        if style.dim { codes.append("2") }
        if style.underline { codes.append("4") }
        if style.reverse { codes.append("7") }
        if let index = style.foreground?.paletteIndex {
            codes.append(index < 8 ? String(30 + index) : index < 16 ? String(90 + index - 8) : "38;5;\(index)")
        }
        if let index = style.background?.paletteIndex {
            codes.append(index < 8 ? String(40 + index) : index < 16 ? String(100 + index - 8) : "48;5;\(index)")
        }
        return codes
    }
}
