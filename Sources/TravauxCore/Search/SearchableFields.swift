/// A piece of an item's text that search looks at, and how much a match there counts.
public struct SearchField: Sendable, Hashable {
    public var name: String
    public var text: String
    public var weight: Int
}

extension RecordItem {
    /// The texts search indexes for this item: titles and names weigh most,
    /// quoted texts and citations next, summaries least.
    public var searchFields: [SearchField] {
        var fields: [SearchField] = []
        func add(_ name: String, _ text: String?, _ weight: Int) {
            if let text, !text.isEmpty { fields.append(SearchField(name: name, text: text, weight: weight)) }
        }
        switch self {
        case .work(let w):
            // Its abbreviation too, which every footnote marker of it shows (`[Meyer 3]`).
            add("title", w.title, 10); add("short name", w.abbreviation, 8); add("author", w.author, 6); add("summary", w.summary, 2)
        case .source(let s):
            add("title", s.title, 6); add("author", s.author, 5); add("citation", s.citation, 4)
            for url in s.urls { add("url", url, 2) }
            add("remark", s.remark, 1)
        case .event(let e):
            // Its type too: the reader shows `Type: ASAT test`, and a title may not say so.
            // Its date in the forms people type (`2014`, `June 2014`, `12 Jun 2014`, `2014-06-12`),
            // weighed above any text that merely mentions the year: "what happened in 2014".
            add("title", e.title, 10); add("date", e.date?.searchText, 7)
            add("type", e.type, 2); add("summary", e.summary, 2); add("date", e.dateWording, 1)
            add("vote", e.vote?.wording, 3)
            for fact in e.facts { add("fact", fact.label + ": " + fact.value, 3) }
        case .proposal(let p):
            add("title", p.title, 10); add("short name", p.shortName, 10)
            for alias in p.aliases { add("alias", alias, 8) }
            add("type", p.type, 2); add("status", p.status, 1); add("summary", p.summary, 2)
            for version in p.versions {
                add("version", version.label, 3); add("date", version.date?.searchText, 4); add("changes", version.changes, 2)
                for quote in version.quotes { add("quote", quote.text, 4) }
            }
            for element in p.elements { add("element", element.text, 3); add("quote", element.quote, 4) }
            for criticism in p.criticisms { add("criticism", criticism.summary, 1) }
        case .actor(let a):
            add("name", a.name, 10)
            for alias in a.aliases { add("alias", alias, 8) }
            add("summary", a.summary, 1)
        case .forum(let f):
            add("name", f.name, 10)
            for alias in f.aliases { add("alias", alias, 8) }
            add("summary", f.summary, 1)
        case .theme(let t):
            add("title", t.title, 10); add("type", t.type, 3); add("summary", t.summary, 2)
        }
        for symbol in symbols { add("symbol", symbol, 6) }
        return fields
    }
}

extension PartialDate {
    /// The date as search finds it: every form a person may type, the month named in full
    /// and short, and the ISO form JSON gives (`12 June 2014 · 12 Jun 2014 · 2014-06-12`).
    var searchText: String {
        guard let month else { return String(year) }
        let full = "\(PartialDate.monthNames[month - 1]) \(year)"
        let written = day.map { "\($0) " + full } ?? full
        return written + (natural == written ? "" : " · " + natural) + " · " + iso
    }
}
