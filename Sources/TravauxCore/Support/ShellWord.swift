/// A word a message gives as part of a command to copy (`mkdir -p DIR`), written so that a
/// shell reads it back as it is: unquoted when nothing in it means anything to a shell,
/// otherwise in single quotes, a quote inside as `'\''`.
public enum ShellWord {
    public static func quoted(_ word: String) -> String {
        // Starting with `-`, a path would be read as an option: `./` keeps it a path.
        quotedText(word.hasPrefix("-") ? "./" + word : word)
    }

    /// A word quoted as `quoted` does, but never made a path: an argument given after `--`.
    public static func quotedText(_ word: String) -> String {
        let plain = !word.isEmpty && word.unicodeScalars.allSatisfy { scalar in
            scalar.value >= 0xA0 || ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
                || ("0"..."9").contains(scalar) || "@%+=:,./_-".unicodeScalars.contains(scalar)
        }
        if plain { return word }
        // A control character (a colour a note file's session carries) is written as bash's
        // and zsh's `$'\e'`: between plain quotes it would reach the terminal, and a copy of
        // the command would not hold it.
        if word.unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }) {
            var out = "$'"
            for scalar in word.unicodeScalars {
                switch scalar {
                case "\\": out += "\\\\"
                case "'": out += "\\'"
                case "\u{1B}": out += "\\e"
                case "\n": out += "\\n"
                case "\t": out += "\\t"
                case "\r": out += "\\r"
                case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    out += "\\x" + (hex.count < 2 ? "0" : "") + hex
                case _ where (0x80...0x9F).contains(scalar.value):
                    // `\x9B` would be the byte, not the character.
                    out += "\\u00" + String(scalar.value, radix: 16, uppercase: true)
                default: out.unicodeScalars.append(scalar)
                }
            }
            return out + "'"
        }
        var out = "'"
        for character in word { out += character == "'" ? "'\\''" : String(character) }
        return out + "'"
    }
}
