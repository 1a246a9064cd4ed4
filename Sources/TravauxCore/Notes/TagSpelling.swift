/// What a new tag may hold: what Obsidian reads as a tag (letters, digits, `_`, `-`, `/` for
/// nesting, emoji in practice) and at least one character that is not a digit. An export's
/// `#R&D` would otherwise be read by Obsidian as the tag `#R` followed by "&D", and `#1540` as
/// text. Checked where a tag is given (the editor, `--tag`, `tag rename`), never on notes already
/// in a store, which keep what they hold and can be renamed.
public enum TagSpelling {
    /// Why `tag` (normalised) cannot be a new tag, in words that say what to type instead; nil
    /// when it can.
    public static func problem(_ tag: String) -> String? {
        let bad = tag.filter { !allowed($0) }
        if let first = bad.first {
            let named = Set(bad).count == 1 ? "'\(first)'" : "'\(first)' and more"
            var message = "tag '\(tag)' has \(named); a tag holds letters, digits, '-', '_' and '/', as Obsidian reads tags"
            if let suggestion = suggestion(for: tag) { message += ", e.g. '\(suggestion)'" }
            return message
        }
        if !tag.isEmpty, tag.allSatisfy(\.isNumber) {
            return "tag '\(tag)' is all digits, which Obsidian reads as text; give it a letter, e.g. 'res-\(tag)'"
        }
        // `verification - norms` typed as three tags: the `-` alone names nothing.
        if !tag.isEmpty, tag.allSatisfy({ $0 == "-" || $0 == "_" || $0 == "/" }) {
            return "tag '\(tag)' has no letter or digit; separate tags with spaces alone"
        }
        return nil
    }

    /// The first problem among `tags`, for a message.
    public static func problem(among tags: [String]) -> String? {
        tags.lazy.compactMap(problem).first
    }

    static func allowed(_ character: Character) -> Bool {
        if character.isLetter || character.isNumber || character == "_" || character == "-" || character == "/" { return true }
        guard !character.isASCII, let scalar = character.unicodeScalars.first else { return false }
        return scalar.properties.isEmojiPresentation || (scalar.properties.isEmoji && character.unicodeScalars.count > 1)
    }

    /// The tag with each run of other characters inside it made one hyphen (`R&D` → `R-D`,
    /// `U.S.-China` → `U-S-China`) and those at its ends dropped (`U.S.` → `U-S`); none when
    /// less than two characters would be left (`c++`), whose meaning that would not keep.
    static func suggestion(for tag: String) -> String? {
        let tag = tag.drop { !allowed($0) }.reversed().drop { !allowed($0) }.reversed()
        guard tag.count >= 2 else { return nil }
        var result = ""
        var inRun = false
        for character in tag {
            if allowed(character) {
                // A hyphen beside a run already made one (`U.S.-China`) is that hyphen.
                if !(character == "-" && inRun) { result.append(character) }
                inRun = false
            } else if !inRun {
                if result.last != "-" { result.append("-") }
                inRun = true
            }
        }
        return problem(result) == nil ? result : nil
    }
}
