extension Record {
    /// The source a footnote's marker names, as travaux prints markers (`[Meyer 15]`, `[PMP 3]`)
    /// and as people type them (`Meyer 15`, `pmp-3`, `meyer fn 15`): the work's short name or
    /// id, then the footnote's number. Nil when no work has that name or no such footnote.
    public func sourceID(marker: String) -> String? {
        guard let (work, number) = footnote(marker: marker) else { return nil }
        return sources.first { $0.work == work && $0.number == number }?.id
    }

    /// The work and footnote number a marker names, whether or not the work has that footnote
    /// (so that `Meyer 99` can be told the numbers there are).
    public func footnote(marker: String) -> (work: String, number: Int)? {
        var text = Substring(TextFolding.fold(marker))
        text = text.drop { $0 == " " }
        while text.last == " " { text = text.dropLast() }
        if text.first == "[", text.last == "]" { text = text.dropFirst().dropLast() }
        let digits = text.reversed().prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, let number = Int(String(digits.reversed())) else { return nil }
        var name = text.dropLast(digits.count)
        func dropSeparators() { while let last = name.last, last == " " || last == "-" || last == "." { name = name.dropLast() } }
        dropSeparators()
        // `meyer fn 15`, `Meyer n. 15`, `PMP footnote 3`: the word for a footnote.
        for word in ["footnote", "fn", "n"] where name.hasSuffix(word) {
            let rest = name.dropLast(word.count)
            if let before = rest.last, before == " " || before == "-" { name = rest; dropSeparators(); break }
        }
        guard !name.isEmpty, name.count < text.count else { return nil }
        let named = works.filter { TextFolding.fold(workAbbreviation($0.id)) == name || $0.id == name }
        guard named.count == 1 else { return nil }
        return (named[0].id, number)
    }

    /// `no footnote 99 in Meyer: its footnotes run from 1 to 36`, for a marker whose work is
    /// known and whose number is not; nil otherwise.
    public func missingFootnote(marker: String) -> String? {
        guard let (work, number) = footnote(marker: marker), sourceID(marker: marker) == nil else { return nil }
        let numbers = sources.filter { $0.work == work }.map(\.number)
        guard let first = numbers.min(), let last = numbers.max() else { return "'\(work)' has no footnotes in this record" }
        return "no footnote \(number) in \(workAbbreviation(work)) ('\(work)'): its footnotes run from \(first) to \(last)"
    }
}
