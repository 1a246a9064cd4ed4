/// An inverted index over the record, built once at load, so a query touches only
/// the words it names: exact and prefix word matches, quoted phrases, and document
/// symbols typed as-is (`A/66/359`), which rank their items first.
public struct SearchIndex: Sendable {
    struct Document: Sendable {
        var id: String
        var kind: ItemKind
        var title: String
        var fields: [SearchField]
        var foldedFields: [String]
        /// Per field: whether its folded text can be searched for a phrase byte by byte
        /// (see `PhraseMatch`).
        var bytewiseFields: [Bool]
    }

    /// A word's occurrence in one field of one document, with the field's weight, so that
    /// scoring a query does not look the document up. Twelve bytes: there are millions.
    struct Posting: Sendable, Hashable {
        var document: Int32
        var field: Int32
        var weight: Int32
    }

    private let documents: [Document]
    private let postings: [String: [Posting]]
    /// Every indexed word, sorted, for prefix ranges by binary search.
    private let vocabulary: [String]
    /// Upper-cased symbols and URLs to the documents carrying them.
    /// Symbols and web addresses, upper-cased, to the documents carrying them and the field
    /// each holds it in (the first, where one document holds it twice).
    private let exactKeys: [String: [(document: Int, field: Int)]]
    private let sortedExactKeys: [String]
    /// Names, titles, short names and aliases, as their folded words joined by a space, to
    /// the fields that bear them, so a query that is a name is found in one look-up.
    private let names: [String: [(document: Int32, field: Int32)]]

    public init(record: Record) {
        var documents: [Document] = []
        var postings: [String: [Posting]] = [:]
        var exactKeys: [String: [(document: Int, field: Int)]] = [:]
        var names: [String: [(document: Int32, field: Int32)]] = [:]
        for kind in ItemKind.allCases {
            for item in record.items(of: kind) {
                let index = documents.count
                var fields = item.searchFields
                // A footnote as its marker shows it (`[PMP 3]`), which only the record can spell.
                if case .source(let source) = item {
                    fields.append(SearchField(name: "marker", text: "\(record.workAbbreviation(source.work)) \(source.number)", weight: Self.nameWeight))
                }
                let foldedFields = fields.map { TextFolding.fold($0.text) }
                for (fieldIndex, field) in fields.enumerated() {
                    let posting = Posting(document: Int32(index), field: Int32(fieldIndex), weight: Int32(field.weight))
                    let isName = field.weight >= Self.nameWeight
                    var name = ""
                    TextFolding.forEachWord(folded: foldedFields[fieldIndex]) { word in
                        Self.append(posting, once: &postings[String(word), default: []])
                        if isName {
                            if !name.isEmpty { name.append(" ") }
                            name.append(contentsOf: word)
                        }
                    }
                    if isName, !name.isEmpty { names[name, default: []].append((Int32(index), Int32(fieldIndex))) }
                    if field.name == "symbol" || field.name == "url" {
                        let key = field.text.uppercased()
                        if exactKeys[key]?.last?.document != index { exactKeys[key, default: []].append((index, fieldIndex)) }
                    }
                }
                documents.append(Document(id: item.id, kind: kind, title: item.title, fields: fields,
                                          foldedFields: foldedFields, bytewiseFields: foldedFields.map(PhraseMatch.isBytewise)))
            }
        }
        self.documents = documents
        self.postings = postings
        self.vocabulary = postings.keys.sorted()
        self.exactKeys = exactKeys
        self.sortedExactKeys = exactKeys.keys.sorted()
        self.names = names
    }

    /// A field's postings are appended together, so a word repeated in it is the last one.
    private static func append(_ posting: Posting, once list: inout [Posting]) {
        if list.last != posting { list.append(posting) }
    }

    /// Results best first. A word of three letters or more, and the last whatever its length
    /// (for search as you type), also matches as a prefix;
    /// every word must match somewhere in the item.
    public func search(_ text: String, kinds: Set<ItemKind>? = nil, limit: Int = 50) -> [SearchHit] {
        let query = SearchQuery(text)
        guard !query.isEmpty, limit > 0 else { return [] }
        var matches = Matches(count: documents.count)
        var symbolMatched = false
        if let symbol = query.symbol {
            for (document, match) in symbolMatches(symbol) {
                symbolMatched = true
                matches.set(document, score: Int32(match.score), field: Int32(match.field))
            }
        }
        if !symbolMatched {
            matches = wordMatches(query)
            boostExactNames(query, in: &matches)
        } else if let symbol = query.symbol, exactKeys[symbol] != nil {
            // The items that only mention the symbol in their text (the forum that took the
            // decision, an "Ibid." footnote) follow its carriers, whose scores are far above:
            // those whose words match and whose text holds the symbol as written. Only for a
            // whole symbol: its first letters (`A/`, on the way to `A/66/359`) are in the text
            // of most items, and looking for them there took 300 ms at 100× the record.
            let mentions = wordMatches(query)
            let written = PhraseMatch(TextFolding.fold(query.symbol ?? ""))
            for document in mentions.documents where matches.scores[Int(document)] == 0 {
                let index = Int(document)
                let doc = documents[index]
                guard let field = doc.foldedFields.indices.first(where: {
                    written.occurs(in: doc.foldedFields[$0], bytewise: doc.bytewiseFields[$0])
                }) else { continue }
                matches.set(index, score: mentions.scores[index], field: Int32(field))
            }
        }

        // Rank on (score, kind, record order) with one packed integer per match, then walk the
        // ranking, checking phrases only until `limit` hits are kept.
        let keys = matches.documents.map { document -> UInt64 in
            let score = UInt64(min(Int64(matches.scores[Int(document)]), 0xFFFFF))
            let rank = UInt64(documents[Int(document)].kind.searchRank)
            return (0xFFFFF - score) << 35 | rank << 32 | UInt64(UInt32(document))
        }
        let phrases = symbolMatched ? [] : (query.phrases + query.runs).map(PhraseMatch.init)
        var hits: [SearchHit] = []
        func walk(_ ranking: ArraySlice<UInt64>) {
            for key in ranking {
                let index = Int(key & 0xFFFF_FFFF)
                let doc = documents[index]
                if let kinds, !kinds.contains(doc.kind) { continue }
                // Each phrase must occur in some field; the hit names the field the first one is in.
                var phraseField: Int?
                guard phrases.allSatisfy({ phrase in
                    guard let found = doc.foldedFields.indices.first(where: { phrase.occurs(in: doc.foldedFields[$0], bytewise: doc.bytewiseFields[$0]) }) else {
                        return false
                    }
                    if phraseField == nil { phraseField = found }
                    return true
                }) else { continue }
                let fieldIndex = phraseField ?? Int(matches.fields[index])
                let field = doc.fields.indices.contains(fieldIndex) ? doc.fields[fieldIndex] : nil
                hits.append(SearchHit(id: doc.id, kind: doc.kind, title: doc.title, score: Int(matches.scores[index]),
                                      field: field?.name ?? "title", text: field?.text ?? doc.title))
                if hits.count == limit { return }
            }
        }
        // Most matches are never listed: a first letter matches most of the record, and
        // sorting every match was most of such a query (2.25 ms at 100×). The best `limit`
        // are picked and walked first; the others are sorted only if phrases or kinds left
        // too few (keys are unique, so they follow the picked ones exactly).
        // (`limit` may be as large as a caller likes: `travaux search --limit` overflowed here.)
        if case (let bound, false) = limit.multipliedReportingOverflow(by: 4), keys.count > bound {
            let picked = Self.smallest(keys, count: limit)
            walk(picked[...])
            if hits.count < limit { walk(keys.sorted().dropFirst(picked.count)) }
        } else {
            walk(keys.sorted()[...])
        }
        return hits
    }

    /// An item whose title, name, short name or alias is the query, word for word, comes
    /// before items that merely contain its words: `Russia` finds the actor first, `OSCE`
    /// the forum, and so do `"Russia"` and `"OSCE"`, a name quoted out of habit (only a
    /// query with other words beside a phrase is left as it is).
    private func boostExactNames(_ query: SearchQuery, in matches: inout Matches) {
        let wholePhrase = query.phrases.count == 1 && TextFolding.words(query.phrases[0]).count == query.words.count
        guard query.phrases.isEmpty || wholePhrase, let named = names[query.words.joined(separator: " ")] else { return }
        for (document, field) in named where matches.scores[Int(document)] > 0 {
            let index = Int(document)
            // One bonus per item, however many of its names are the query.
            if matches.scores[index] < Self.exactNameBonus { matches.scores[index] += Self.exactNameBonus }
            matches.fields[index] = field
        }
    }

    /// The weight of the fields that name an item (title, name, short name, alias).
    static let nameWeight = 8

    /// Above any sum of word weights, below a document symbol's carriers.
    static let exactNameBonus: Int32 = 2_000

    /// Each document's best score and field so far, in arrays indexed by document (hashing
    /// document numbers into dictionaries was most of a query's time), and which ones matched.
    private struct Matches {
        var scores: [Int32]
        var fields: [Int32]
        var documents: [Int32] = []

        init(count: Int) {
            scores = [Int32](repeating: 0, count: count)
            fields = [Int32](repeating: 0, count: count)
        }

        mutating func set(_ document: Int, score: Int32, field: Int32) {
            if scores[document] == 0 { documents.append(Int32(document)) }
            scores[document] = score
            fields[document] = field
        }
    }

    /// Documents carrying the symbol exactly (events and proposals before footnotes), then by prefix.
    /// The documents carrying the symbol, or one it begins, with their scores and the field
    /// that holds it.
    /// The `count` smallest of `keys`, in order, through a max-heap of that size: one pass
    /// over the keys instead of sorting them all.
    static func smallest(_ keys: [UInt64], count: Int) -> [UInt64] {
        guard count > 0 else { return [] }
        var heap: [UInt64] = []
        heap.reserveCapacity(count)
        for key in keys {
            if heap.count < count {
                heap.append(key)
                var child = heap.count - 1
                while child > 0 {
                    let parent = (child - 1) / 2
                    guard heap[parent] < heap[child] else { break }
                    heap.swapAt(parent, child)
                    child = parent
                }
            } else if key < heap[0] {
                heap[0] = key
                var parent = 0
                while true {
                    let left = 2 * parent + 1, right = left + 1
                    var largest = parent
                    if left < heap.count, heap[left] > heap[largest] { largest = left }
                    if right < heap.count, heap[right] > heap[largest] { largest = right }
                    guard largest != parent else { break }
                    heap.swapAt(parent, largest)
                    parent = largest
                }
            }
        }
        return heap.sorted()
    }

    private func symbolMatches(_ symbol: String) -> [Int: (score: Int, field: Int)] {
        var result: [Int: (score: Int, field: Int)] = [:]
        for (document, field) in exactKeys[symbol] ?? [] {
            result[document] = (documents[document].kind == .source ? 9_000 : 10_000, field)
        }
        for key in prefixRange(symbol, in: sortedExactKeys) where key != symbol {
            for (document, field) in exactKeys[key] ?? [] where result[document] == nil {
                result[document] = (documents[document].kind == .source ? 4_000 : 5_000, field)
            }
        }
        return result
    }

    /// Every query word must match (its score the best of its matches), the scores summed.
    /// A word matches as written, its other forms (`WordForms`: `codes` as "code",
    /// `weaponization` as "weaponisation", `cybersecurity` as "cyber security") and, for a
    /// word being typed or of three letters or more, as a prefix.
    private func wordMatches(_ query: SearchQuery) -> Matches {
        var combined: Matches?
        let words = query.words
        var position = 0
        while position < words.count {
            let word = words[position]
            var best: Matches
            // Two words that are a compound written apart are one term: `cyber security`
            // matches either both words or "cybersecurity".
            if position + 1 < words.count, let joined = WordForms.joined(word, words[position + 1]) {
                let isLast = position + 1 == words.count - 1
                best = termMatches(words[position + 1], isLast: isLast)
                Self.intersect(termMatches(word, isLast: false), into: &best)
                Self.keepBest(of: termMatches(joined, isLast: isLast), in: &best)
                position += 2
            } else {
                best = termMatches(word, isLast: position == words.count - 1)
                position += 1
            }
            if let previous = combined { Self.intersect(previous, into: &best) }
            combined = best
            if best.documents.isEmpty { break }
        }
        return combined ?? Matches(count: 0)
    }

    /// One query word's matches: as written (its weight × 3), as a prefix (× 2 for the word
    /// being typed, × 1 for others of three letters or more), and its other forms. A word
    /// being typed of one or two letters begins too many words for a prefix to count like a
    /// word: `US` found "Use" in titles above "the US" in summaries. Its prefix matches score
    /// 2 in a name or title and 1 elsewhere, below any whole word (at least 3). A word of one
    /// letter scores so as a whole word too: `p` is a page in every citation.
    private func termMatches(_ word: String, isLast: Bool) -> Matches {
        var best = Matches(count: documents.count)
        func consider(_ word: String, asPrefix: Bool) {
            consider(postings[word] ?? [], factor: 3, short: word.count == 1)
            if asPrefix, isLast || word.count >= 3 {
                let short = word.count <= 2
                for token in prefixRange(word, in: vocabulary) where token != word {
                    consider(postings[token] ?? [], factor: isLast ? 2 : 1, short: short)
                }
            }
        }
        func consider(_ postingsForWord: [Posting], factor: Int32, short: Bool = false) {
            for posting in postingsForWord {
                let weight = short ? max(1, (posting.weight + 2) / 5) : posting.weight * factor
                if weight > best.scores[Int(posting.document)] {
                    best.set(Int(posting.document), score: weight, field: posting.field)
                }
            }
        }
        consider(word, asPrefix: true)
        for variant in WordForms.variants(of: word) {
            if variant.words.count == 1 {
                consider(variant.words[0], asPrefix: variant.asPrefix)
            } else {
                var all: Matches?
                for (index, part) in variant.words.enumerated() {
                    var matches = termMatches(part, isLast: isLast && variant.asPrefix && index == variant.words.count - 1)
                    if let previous = all { Self.intersect(previous, into: &matches) }
                    all = matches
                }
                if let all { Self.keepBest(of: all, in: &best) }
            }
        }
        return best
    }

    /// Keeps in `later` the documents `earlier` has too, their scores summed and the field of
    /// the better match named; in place, since the arrays are as long as the record.
    private static func intersect(_ earlier: Matches, into later: inout Matches) {
        var kept: [Int32] = []
        for document in later.documents {
            let index = Int(document)
            let before = earlier.scores[index]
            if before > 0 {
                if before >= later.scores[index] { later.fields[index] = earlier.fields[index] }
                later.scores[index] += before
                kept.append(document)
            } else {
                later.scores[index] = 0
            }
        }
        later.documents = kept
    }

    /// Each document of `other` scored at the better of its two matches.
    private static func keepBest(of other: Matches, in matches: inout Matches) {
        for document in other.documents {
            let index = Int(document)
            if other.scores[index] > matches.scores[index] {
                matches.set(index, score: other.scores[index], field: other.fields[index])
            }
        }
    }

    private func prefixRange(_ prefix: String, in sorted: [String]) -> ArraySlice<String> {
        var low = 0, high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle] < prefix { low = middle + 1 } else { high = middle }
        }
        var end = low
        while end < sorted.count && sorted[end].hasPrefix(prefix) { end += 1 }
        return sorted[low..<end]
    }
}

extension ItemKind {
    /// Among equal scores, the kinds a reader most likely wants come first.
    var searchRank: Int {
        switch self {
        case .proposal: return 0
        case .event: return 1
        case .theme: return 2
        case .source: return 3
        case .actor: return 4
        case .forum: return 5
        case .work: return 6
        }
    }
}
