/// Makes text from the record or the notes safe to put in a cell: nothing in it can
/// move the cursor, change colours, retitle the window or reorder what is shown.
///
/// - C0 controls and DEL become visible caret notation (`ESC` → `^[`, `DEL` → `^?`), so
///   an escape sequence shows as harmless text such as `^[[31m`;
/// - C1 controls and bidirectional embeddings, overrides and isolates become U+FFFD;
/// - a tab becomes `tabWidth` spaces;
/// - a line break (LF, CR, CRLF, VT, FF, NEL, U+2028, U+2029) becomes `"\n"` when
///   newlines are preserved (for the wrapping view, which breaks lines there) and a
///   space otherwise.
public enum TextSanitizer {
    public static let replacement: Unicode.Scalar = "\u{FFFD}"

    public static func sanitize<Text: StringProtocol>(
        _ text: Text, preservingNewlines: Bool = false, tabWidth: Int = 4
    ) -> String {
        if isClean(text) { return String(text) }
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            append(character, to: &result, preservingNewlines: preservingNewlines, tabWidth: tabWidth)
        }
        return result
    }

    /// The text one character stands for once sanitized (a tab expands, a control
    /// becomes two visible characters).
    public static func sanitize(
        _ character: Character, preservingNewlines: Bool = false, tabWidth: Int = 4
    ) -> String {
        var result = ""
        append(character, to: &result, preservingNewlines: preservingNewlines, tabWidth: tabWidth)
        return result
    }

    /// Whether a scalar must not reach the terminal as it is.
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return value < 0x20 || (0x7F...0x9F).contains(value) || isBidiControl(value)
            || value == 0x2028 || value == 0x2029
    }

    static func isBidiControl(_ value: UInt32) -> Bool {
        (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value)
    }

    static func isClean<Text: StringProtocol>(_ text: Text) -> Bool {
        for unit in text.utf8 {
            if unit < 0x20 || unit == 0x7F { return false }
            // Past ASCII, C1 controls and bidi controls need a look at the scalars.
            if unit >= 0x80 { return !text.unicodeScalars.contains(where: isUnsafe) }
        }
        return true
    }

    private static func append(
        _ character: Character, to result: inout String, preservingNewlines: Bool, tabWidth: Int
    ) {
        if character == "\t" {
            result.append(String(repeating: " ", count: max(0, tabWidth)))
            return
        }
        if character.isNewline {
            result.append(preservingNewlines ? "\n" : " ")
            return
        }
        for scalar in character.unicodeScalars {
            let value = scalar.value
            if value < 0x20, let shown = Unicode.Scalar(value + 0x40) {
                result.unicodeScalars.append("^")
                result.unicodeScalars.append(shown)
            } else if value == 0x7F {
                result.append("^?")
            } else if isUnsafe(scalar) {
                result.unicodeScalars.append(replacement)
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
    }
}
