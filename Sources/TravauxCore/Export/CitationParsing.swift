/// What can be read reliably from a footnote's free text when the record's fields leave
/// it out: a title in quotation marks or italics, the periodical or book after a quoted
/// title, and a date.
enum CitationParsing {
    /// The first title in quotation marks (‘…’, '…', “…”, "…"), without its trailing
    /// comma or full stop; else the first `*italic*` span.
    static func title(in citation: String) -> String? {
        quoted(in: citation)?.text ?? italic(in: Substring(citation))
    }

    /// After a quoted title, the italic span that follows: the journal or the book.
    static func container(in citation: String) -> String? {
        guard let quote = quoted(in: citation) else { return nil }
        return italic(in: citation[quote.end...])
    }

    /// A date written out: "12 June 2014", "June 27, 2012", "June 2014", "31 Jan. 2010";
    /// else a year, when the text (URLs left out) names exactly one.
    static func date(in citation: String) -> PartialDate? {
        let words = citation.split(whereSeparator: { $0.isWhitespace || $0 == "(" || $0 == ")" || $0 == "," })
            .filter { !$0.contains("/") && !$0.contains("www.") }
            .map { String($0) }
        for (index, word) in words.enumerated() {
            guard let month = month(word) else { continue }
            let before = index > 0 ? day(words[index - 1]) : nil
            let after = index + 1 < words.count ? day(words[index + 1]) : nil
            if let day = before, index + 1 < words.count, let year = year(words[index + 1]) {
                return PartialDate(year: year, month: month, day: day)
            }
            if let day = after, index + 2 < words.count, let year = year(words[index + 2]) {
                return PartialDate(year: year, month: month, day: day)
            }
            if index + 1 < words.count, let year = year(words[index + 1]) {
                return PartialDate(year: year, month: month)
            }
        }
        let years = Set(words.compactMap(year))
        return years.count == 1 ? years.first.flatMap { PartialDate(year: $0) } : nil
    }

    // MARK: pieces

    private static let quotePairs: [(open: Character, close: Character)] = [("‘", "’"), ("“", "”"), ("'", "'"), ("\"", "\"")]

    private static func quoted(in text: String) -> (text: String, end: String.Index)? {
        var best: (text: String, start: String.Index, end: String.Index)?
        for pair in quotePairs {
            var search = text.startIndex
            while let open = text[search...].firstIndex(of: pair.open) {
                defer { search = text.index(after: open) }
                // An opening mark starts a word; an apostrophe inside a word does not.
                if open > text.startIndex, text[text.index(before: open)].isLetter { continue }
                var closeSearch = text.index(after: open)
                var found: String.Index?
                while let close = text[closeSearch...].firstIndex(of: pair.close) {
                    let next = text.index(after: close)
                    // A closing mark is not followed by a letter ("India’s" is not one).
                    if next == text.endIndex || !text[next].isLetter { found = close; break }
                    closeSearch = next
                }
                guard let close = found else { continue }
                var inner = String(text[text.index(after: open)..<close]).trimmingWhitespace()
                while let last = inner.last, last == "," || last == "." { inner.removeLast() }
                guard inner.split(separator: " ").count >= 2 else { continue }
                if best.map({ open < $0.start }) ?? true { best = (inner, open, text.index(after: close)) }
                break
            }
        }
        return best.map { ($0.text, $0.end) }
    }

    private static func italic(in text: Substring) -> String? {
        guard let open = text.firstIndex(of: "*") else { return nil }
        let rest = text[text.index(after: open)...]
        guard let close = rest.firstIndex(of: "*") else { return nil }
        let inner = String(rest[..<close]).trimmingWhitespace()
        return inner.isEmpty ? nil : inner
    }

    private static let months = ["january", "february", "march", "april", "may", "june", "july", "august",
                                 "september", "october", "november", "december"]

    private static func month(_ word: String) -> Int? {
        let lower = word.lowercased().trimming(".")
        guard lower.count >= 3 else { return nil }
        if let full = months.firstIndex(of: lower) { return full + 1 }
        // "Jan.", "Sept"; "May" is full already.
        if let short = months.firstIndex(where: { $0.hasPrefix(lower) }), lower.count <= 4 { return short + 1 }
        return nil
    }

    private static func day(_ word: String) -> Int? {
        guard word.count <= 2, let value = Int(word), (1...31).contains(value) else { return nil }
        return value
    }

    private static func year(_ word: String) -> Int? {
        let digits = word.trimming(".:;")
        guard digits.count == 4, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(digits),
              (1800...2099).contains(value) else { return nil }
        return value
    }
}

private extension String {
    func trimming(_ set: String) -> String {
        var text = Substring(self)
        while let first = text.first, set.contains(first) { text.removeFirst() }
        while let last = text.last, set.contains(last) { text.removeLast() }
        return String(text)
    }
}
