/// Front matter as Obsidian and Pandoc both read it: flat (no nested keys, which
/// Obsidian's properties do not support), every string double-quoted with YAML's escapes
/// so that no value can end the block, start a comment or change type.
struct YAMLFrontMatter {
    enum Value {
        /// Any text: always quoted.
        case text(String)
        /// A value travaux itself writes in YAML's plain form (a date, a count).
        case plain(String)
        /// A list of texts, each quoted; `[]` when empty.
        case list([String])
    }

    var entries: [(key: String, value: Value)] = []

    mutating func add(_ key: String, _ value: Value) { entries.append((key, value)) }

    /// The block with its `---` fences and a final newline.
    var rendered: String {
        var out = "---\n"
        for (key, value) in entries {
            switch value {
            case .text(let text): out += "\(key): \(Self.quoted(text))\n"
            case .plain(let text): out += "\(key): \(text)\n"
            case .list(let items):
                if items.isEmpty {
                    out += "\(key): []\n"
                } else {
                    out += "\(key):\n"
                    for item in items { out += "  - \(Self.quoted(item))\n" }
                }
            }
        }
        return out + "---\n"
    }

    /// A YAML double-quoted scalar on one line. Line breaks, tabs and control characters
    /// become spaces first (Pandoc refuses a whole block over a `"\t"`, and a property is
    /// one line in Obsidian); then `"`, `\` and what YAML 1.1 readers take for a line
    /// separator are escaped.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in MarkdownText.singleLine(text).unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                let value = scalar.value
                let printable = (0x20...0x7E).contains(value) || (0xA0...0xD7FF).contains(value)
                    || ((0xE000...0xFFFD).contains(value) && value != 0xFEFF) || value >= 0x10000
                if printable && value != 0x2028 && value != 0x2029 {
                    out.unicodeScalars.append(scalar)
                } else {
                    let hex = String(value, radix: 16, uppercase: true)
                    out += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
                }
            }
        }
        return out + "\""
    }
}
