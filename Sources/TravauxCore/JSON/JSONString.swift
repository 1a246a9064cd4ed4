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
}
