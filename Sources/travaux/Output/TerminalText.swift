import TravauxCore

/// Text measured and cut in terminal columns, with control characters removed.
enum TerminalText {
    static func columns(_ text: String) -> Int {
        text.reduce(0) { $0 + columns(of: $1) }
    }

    static func columns(of character: Character) -> Int {
        guard let first = character.unicodeScalars.first else { return 0 }
        if first.properties.generalCategory == .nonspacingMark { return 0 }
        return first.properties.isEmojiPresentation || isWide(first.value) ? 2 : 1
    }

    private static func isWide(_ value: UInt32) -> Bool {
        (0x1100...0x115F).contains(value) || (0x2E80...0xA4CF).contains(value) || (0xAC00...0xD7A3).contains(value)
            || (0xF900...0xFAFF).contains(value) || (0xFE30...0xFE4F).contains(value) || (0xFF00...0xFF60).contains(value)
            || (0xFFE0...0xFFE6).contains(value) || (0x20000...0x3FFFD).contains(value)
    }

    /// Newlines and tabs become spaces; other control characters are dropped.
    static func singleLine(_ text: String) -> String {
        String(text.map { $0.isNewline || $0 == "\t" ? " " : $0 }.filter { character in
            !character.unicodeScalars.contains { $0.properties.generalCategory == .control }
        })
    }

    static func truncate(_ text: String, to width: Int) -> String {
        guard columns(text) > width else { return text }
        guard width > 0 else { return "" }
        var result = ""
        var used = 0
        for character in text {
            let w = columns(of: character)
            if used + w > width - 1 { break }
            result.append(character)
            used += w
        }
        return result + "…"
    }

    /// Word-wraps `text` to `width` columns, keeping explicit line breaks.
    static func wrap(_ text: String, width: Int, indent: String = "") -> [String] {
        let available = max(10, width - columns(indent))
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            var used = 0
            for word in paragraph.split(separator: " ") {
                let w = columns(String(word))
                if used > 0 && used + 1 + w > available {
                    lines.append(indent + line)
                    line = ""
                    used = 0
                }
                if used > 0 { line += " "; used += 1 }
                line += word
                used += w
            }
            lines.append(indent + line)
        }
        return lines
    }
}
