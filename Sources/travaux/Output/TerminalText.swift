import TravauxTUI

/// Text for the CLI's tables and `show`: measured in terminal columns with the same
/// width function the interface uses, and never carrying control characters or escape
/// sequences from the record to the terminal.
enum TerminalText {
    static func columns(_ text: String) -> Int { DisplayWidth.of(text) }

    /// Line breaks and tabs become spaces; other control characters become visible symbols.
    static func singleLine(_ text: String) -> String {
        TextSanitizer.sanitize(text, preservingNewlines: false, tabWidth: 1)
    }

    /// Line breaks kept; other control characters become visible symbols.
    static func multiline(_ text: String) -> String {
        TextSanitizer.sanitize(text, preservingNewlines: true, tabWidth: 1)
    }

    static func truncate(_ text: String, to width: Int) -> String {
        TravauxTUI.truncate(text, toWidth: width)
    }

    /// Word-wraps `text` to `width` columns after `indent`, keeping explicit line breaks.
    static func wrap(_ text: String, width: Int, indent: String = "") -> [String] {
        let available = max(10, width - columns(indent))
        // A word longer than the line (an address) is set whole on a line of its own: cut, it
        // would no longer work once copied, or as a terminal's link.
        let lines = TextWrapper.wrap(StyledText(TextSanitizer.sanitize(text, preservingNewlines: true)), width: available,
                                     cuttingLongWords: false)
        return lines.isEmpty ? [indent] : lines.map { indent + $0.text.plainText }
    }
}
