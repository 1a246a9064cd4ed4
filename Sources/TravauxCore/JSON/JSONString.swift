/// A JSON string literal, as every JSON travaux writes itself quotes it: `"`, `\\` and
/// controls escaped, U+2028 and U+2029 too (JavaScript readers take them for line ends),
/// everything else as UTF-8. Shared by the notes store's canonical files and the bench's
/// synthetic record and `--json` report.
public enum JSONString {
    public static func write(_ text: String, into out: inout String) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F || scalar.value == 0x2028 || scalar.value == 0x2029:
                let hex = String(scalar.value, radix: 16, uppercase: false)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }

    /// The text as it stands between the quotes of `write`: a key of a file named in a
    /// message, whose line break or escape sequence must be shown, not acted on.
    public static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F || $0 == "\"" || $0 == "\\" || (0x80...0x9F).contains($0.value) })
        else { return text }
        var out = ""
        write(text, into: &out)
        // C1 controls too (a terminal may read U+009B as the start of a sequence), which the
        // files themselves keep as UTF-8.
        var shown = String.UnicodeScalarView()
        for scalar in out.unicodeScalars.dropFirst().dropLast() {
            if (0x80...0x9F).contains(scalar.value) {
                shown.append(contentsOf: "\\u00\(String(scalar.value, radix: 16))".unicodeScalars)
            } else {
                shown.append(scalar)
            }
        }
        return String(shown)
    }
}
