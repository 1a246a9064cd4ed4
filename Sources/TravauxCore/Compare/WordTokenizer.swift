/// Cuts a text into the units a word diff compares: words, runs of whitespace, and
/// single punctuation marks or symbols.
///
/// The tokens are consecutive slices of the text, so joining them gives the text back
/// byte for byte. Tokens are made of whole grapheme clusters: a combining mark stays
/// with its base letter, a flag or a family emoji stays whole. Chinese and Japanese
/// write no spaces between words, so each ideograph or kana is a token of its own.
public enum WordTokenizer {
    public enum Kind: Sendable, Hashable {
        case word, whitespace, punctuation
    }

    public struct Token: Sendable, Hashable {
        public var kind: Kind
        public var text: Substring
    }

    public static func tokens(_ text: String) -> [Token] {
        var result: [Token] = []
        var start = text.startIndex
        var running: (kind: Kind, alone: Bool)?
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            let kind = Self.kind(of: character)
            let alone = kind == .punctuation || UnspacedScript.contains(character)
            if let previous = running, previous.kind != kind || previous.alone || alone {
                result.append(Token(kind: previous.kind, text: text[start..<index]))
                start = index
            }
            running = (kind, alone)
            index = text.index(after: index)
        }
        if let previous = running { result.append(Token(kind: previous.kind, text: text[start...])) }
        return result
    }

    static func kind(of character: Character) -> Kind {
        if character.isWhitespace { return .whitespace }
        if character.isLetter || character.isNumber { return .word }
        // A grapheme that starts with a combining mark (one left at the start of a text) is part of a word.
        if let first = character.unicodeScalars.first, first.properties.generalCategory.isMark { return .word }
        return .punctuation
    }
}

extension Unicode.GeneralCategory {
    var isMark: Bool { self == .nonspacingMark || self == .spacingMark || self == .enclosingMark }
}
