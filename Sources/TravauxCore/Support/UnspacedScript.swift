/// Scripts written without spaces between words: Han ideographs, kana, Thai, Lao, Myanmar
/// and Khmer. Nothing marks where their words end, so search and compare take each of
/// their characters as a word of its own (as Lucene's standard tokenizer does for Han and
/// hiragana), and a run of them typed in a query must appear as typed.
public enum UnspacedScript {
    /// Whether a character (by its first scalar) is written without spaces between words.
    public static func contains(_ character: Character) -> Bool {
        guard let first = character.unicodeScalars.first else { return false }
        return contains(first)
    }

    public static func contains(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0E00...0x0EFF, 0x1000...0x109F, 0x1780...0x17FF: return true  // Thai, Lao, Myanmar, Khmer
        case 0x3040...0x30FF, 0x31F0...0x31FF, 0xFF66...0xFF9F: return true  // hiragana, katakana
        // The common Han blocks answer without the Unicode tables (search splits every text).
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF: return true
        case ..<0x2E80, 0xAC00...0xD7A3: return false  // Hangul is spaced
        default: return scalar.properties.isIdeographic
        }
    }
}
