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
        var out = "'"
        for character in word { out += character == "'" ? "'\\''" : String(character) }
        return out + "'"
    }
}
