/// A parsed search: its words (the last one matched as a prefix while typing),
/// the phrases it quotes, and whether it is typed like a document symbol.
public struct SearchQuery: Sendable, Hashable {
    public var raw: String
    public var words: [String]
    public var phrases: [String]
    /// Runs of Chinese, Japanese or Thai typed together (`外层`): the index holds each of
    /// their characters as a word, and the run must appear as typed, as a phrase does.
    public var runs: [String]
    /// The query as a document symbol, upper-cased, when it looks like one (`cd/1985`).
    public var symbol: String?

    public init(_ raw: String) {
        self.raw = raw
        var phrases: [String] = []
        var rest = ""
        var inQuote = false
        var current = ""
        for character in raw {
            if character == "\"" || character == "“" || character == "”" {
                if inQuote, !current.isEmpty { phrases.append(TextFolding.fold(current)) }
                current = ""
                inQuote.toggle()
                // The words on either side of a phrase are apart (`层"利用"外` is not `层外`).
                rest.append(" ")
            } else if inQuote {
                current.append(character)
            } else {
                rest.append(character)
            }
        }
        // An unclosed quote while typing still counts as a phrase.
        if inQuote, !current.isEmpty { phrases.append(TextFolding.fold(current)) }
        self.phrases = phrases
        let foldedRest = TextFolding.fold(rest)
        self.words = TextFolding.words(folded: foldedRest).map(String.init) + phrases.flatMap { TextFolding.words($0).map(String.init) }
        self.runs = TextFolding.unspacedRuns(folded: foldedRest)
        let trimmed = raw.trimmingWhitespace()
        self.symbol = trimmed.contains("/") && !trimmed.contains(" ") ? trimmed.uppercased() : nil
    }

    public var isEmpty: Bool { words.isEmpty && symbol == nil }
}
