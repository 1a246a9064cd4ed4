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
    }

    struct Posting: Sendable, Hashable {
        var document: Int
        var field: Int
    }

    private let documents: [Document]
    private let postings: [String: [Posting]]
    /// Every indexed word, sorted, for prefix ranges by binary search.
    private let vocabulary: [String]
    /// Upper-cased symbols and URLs to the documents carrying them.
    private let exactKeys: [String: [Int]]
    private let sortedExactKeys: [String]

    public init(record: Record) {
        var documents: [Document] = []
        var postings: [String: [Posting]] = [:]
        var exactKeys: [String: [Int]] = [:]
        for kind in ItemKind.allCases {
            for item in record.items(of: kind) {
                let index = documents.count
                let fields = item.searchFields
                let foldedFields = fields.map { TextFolding.fold($0.text) }
                for (fieldIndex, field) in fields.enumerated() {
                    let posting = Posting(document: index, field: fieldIndex)
                    TextFolding.forEachWord(folded: foldedFields[fieldIndex]) { word in
                        Self.append(posting, once: &postings[String(word), default: []])
                    }
                    if field.name == "symbol" || field.name == "url" {
                        exactKeys[field.text.uppercased(), default: []].append(index)
                    }
                }
                documents.append(Document(id: item.id, kind: kind, title: item.title, fields: fields,
                                          foldedFields: foldedFields))
            }
        }
        self.documents = documents
        self.postings = postings
        self.vocabulary = postings.keys.sorted()
        self.exactKeys = exactKeys.mapValues { $0.uniqued() }
        self.sortedExactKeys = exactKeys.keys.sorted()
    }

    /// A field's postings are appended together, so a word repeated in it is the last one.
    private static func append(_ posting: Posting, once list: inout [Posting]) {
        if list.last != posting { list.append(posting) }
    }

    /// Results best first. The last word also matches as a prefix (for search as you type);
    /// every word must match somewhere in the item.
    public func search(_ text: String, kinds: Set<ItemKind>? = nil, limit: Int = 50) -> [SearchHit] {
        let query = SearchQuery(text)
        guard !query.isEmpty else { return [] }
        // document -> (score, best field)
        var scores: [Int: (score: Int, field: Int)] = [:]
        var symbolMatched = false

        if let symbol = query.symbol {
            for (document, score) in symbolMatches(symbol) {
                symbolMatched = true
                let fieldIndex = documents[document].fields.firstIndex { $0.text.uppercased() == symbol || $0.text.uppercased().hasPrefix(symbol) } ?? 0
                scores[document] = (score, fieldIndex)
            }
        }
        if !symbolMatched {
            for (document, match) in wordMatches(query) { scores[document] = match }
        }

        // Rank on (score, kind, record order) by document index, then build only the hits kept.
        var ranked: [(document: Int, score: Int, field: Int)] = []
        for (document, match) in scores {
            let doc = documents[document]
            if let kinds, !kinds.contains(doc.kind) { continue }
            if !query.phrases.isEmpty && !symbolMatched {
                guard query.phrases.allSatisfy({ phrase in doc.foldedFields.contains { $0.contains(phrase) } }) else { continue }
            }
            ranked.append((document, match.score, match.field))
        }
        ranked.sort {
            if $0.score != $1.score { return $0.score > $1.score }
            let (left, right) = (documents[$0.document].kind.searchRank, documents[$1.document].kind.searchRank)
            if left != right { return left < right }
            return $0.document < $1.document
        }
        let hits = ranked.prefix(max(0, limit)).map { entry -> SearchHit in
            let doc = documents[entry.document]
            let field = doc.fields.indices.contains(entry.field) ? doc.fields[entry.field] : nil
            return SearchHit(id: doc.id, kind: doc.kind, title: doc.title, score: entry.score,
                             field: field?.name ?? "title", text: field?.text ?? doc.title)
        }
        return hits
    }

    /// Documents carrying the symbol exactly (events and proposals before footnotes), then by prefix.
    private func symbolMatches(_ symbol: String) -> [(Int, Int)] {
        var result: [Int: Int] = [:]
        for document in exactKeys[symbol] ?? [] {
            result[document] = documents[document].kind == .source ? 9_000 : 10_000
        }
        for key in prefixRange(symbol, in: sortedExactKeys) where key != symbol {
            for document in exactKeys[key] ?? [] where result[document] == nil {
                result[document] = documents[document].kind == .source ? 4_000 : 5_000
            }
        }
        return result.map { ($0.key, $0.value) }
    }

    private func wordMatches(_ query: SearchQuery) -> [Int: (score: Int, field: Int)] {
        var combined: [Int: (score: Int, field: Int)]? = nil
        for (position, word) in query.words.enumerated() {
            let isLast = position == query.words.count - 1
            var best: [Int: (score: Int, field: Int)] = [:]
            func consider(_ postingsForWord: [Posting], factor: Int) {
                for posting in postingsForWord {
                    let weight = documents[posting.document].fields[posting.field].weight * factor
                    if weight > (best[posting.document]?.score ?? 0) {
                        best[posting.document] = (weight, posting.field)
                    }
                }
            }
            consider(postings[word] ?? [], factor: 3)
            // Prefixes count for every word, most for the one being typed.
            if isLast || word.count >= 3 {
                for token in prefixRange(word, in: vocabulary) where token != word {
                    consider(postings[token] ?? [], factor: isLast ? 2 : 1)
                }
            }
            if let previous = combined {
                var next: [Int: (score: Int, field: Int)] = [:]
                for (document, match) in best {
                    guard let earlier = previous[document] else { continue }
                    let field = earlier.score >= match.score ? earlier.field : match.field
                    next[document] = (earlier.score + match.score, field)
                }
                combined = next
            } else {
                combined = best
            }
            if combined?.isEmpty == true { return [:] }
        }
        return combined ?? [:]
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
