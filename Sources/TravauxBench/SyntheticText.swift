/// Prose for the synthetic record and notes: mostly English in the record's vocabulary,
/// with accented names and CJK phrases mixed in, as the texts and a seminar's notes have.
public enum SyntheticText {
    /// About a third of running English text.
    static let functionWords = "the of and to in a on for by as with that its is was were from at which it be not or an this their".split(separator: " ").map(String.init)

    /// Phrases the texts keep using, so that quoted-phrase search finds what it would in a real record.
    static let collocations = [
        "code of conduct", "confidence-building measures", "outer space", "arms race", "General Assembly",
        "Conference on Disarmament", "First Committee", "group of governmental experts", "international law",
        "legally binding", "transparency and confidence-building measures", "weapons in outer space",
        "critical infrastructure", "responsible state behaviour", "norms of behaviour", "space debris",
    ]

    /// The record's vocabulary, most frequent first (drawn with Zipf's law, then a long tail).
    static let domainWords: [String] = """
    states space security cyber treaty proposal code draft cyberspace conduct resolution committee \
    assembly weapons version conference disarmament measures report group expert governance norms \
    transparency building voluntary binding political legal verification objects force threat \
    placement debris collision satellite test anti behaviour responsible consensus adopted recommendations \
    sponsors delegation working paper prevention race peaceful uses exploration commons vulnerability \
    military presence information telecommunications sovereignty attribution incident cooperation regional \
    organisation forum diplomacy negotiation mandate session chair statement \
    provisions article principle pledge commitment reciprocity stability crisis hotline notification launch \
    orbit infrastructure critical attack defence deterrence critics argued revised union european russia \
    china united nations secretary ambassador minister declaration framework internet governance ministers \
    summit strategy capacity doctrine escalation restraint inspection compliance signatories ratification \
    protocol annex preamble clause obligation definitions scope interference jamming kinetic orbital \
    registration liability rescue celestial moon national appropriation station vehicle sensor tracking \
    awareness warning exchange visits briefings consultations bilateral multilateral plurilateral initiative
    """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)

    /// Rare words: names, technical terms, the long tail of a real vocabulary.
    static let tail: [String] = {
        let onsets = ["b", "c", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "tr", "pl", "st", "gr"]
        let vowels = ["a", "e", "i", "o", "u", "ai", "ou"]
        let codas = ["", "n", "r", "s", "l", "m", "x", "nt", "st", "ck"]
        var words: [String] = []
        for (i, onset) in onsets.enumerated() {
            for (j, vowel) in vowels.enumerated() {
                for (k, coda) in codas.enumerated() {
                    words.append(onset + vowel + coda + onsets[(i + j + k) % onsets.count] + vowels[(i * 3 + k) % vowels.count] + "ty")
                }
            }
        }
        return words
    }()

    /// Cumulative Zipf weights over `domainWords + tail`, for drawing by binary search.
    static let contentWords = domainWords + tail
    static let cumulativeWeights: [Double] = {
        var total = 0.0
        return contentWords.indices.map { rank in
            total += 1 / Double(rank + 25)
            return total
        }
    }()

    static let accented: [String] = [
        "Genève", "coopération", "sécurité", "Conférence", "désarmement", "réunion", "Zürich",
        "São Paulo", "Bogotá", "Kraków", "Ürümqi", "Škoda", "Düsseldorf", "naïve", "rôle",
        "Ljubljana–Zagreb", "Ministère des Affaires étrangères", "Organización", "Erklärung",
        "Tōkyō", "Besançon", "Álvarez", "Müller", "Ørsted", "Łódź", "Ciudad de México",
    ]

    static let cjk: [String] = [
        "外空", "网络空间", "行为准则", "信任建立措施", "外层空间条约", "联合国大会", "宇宙空間",
        "サイバー空間", "軍備管理", "国际信息安全", "透明度", "우주 안보", "사이버 공간",
    ]

    static let symbols: [String] = ["A/RES/", "A/", "CD/", "PC.DEC/", "A/AC.105/", "S/RES/"]

    /// A sentence-like run of words of about `length` characters, capitalised, with a full stop.
    public static func sentence(_ length: Int, using generator: inout SeededGenerator) -> String {
        var text = ""
        text.reserveCapacity(length + 16)
        while text.utf8.count < length {
            if !text.isEmpty { text += generator.chance(0.06) ? ", " : " " }
            text += word(using: &generator)
        }
        if let first = text.first, first.isLowercase { text = first.uppercased() + text.dropFirst() }
        return text + "."
    }

    /// Sentences of about `length` characters in all.
    public static func prose(_ length: Int, using generator: inout SeededGenerator) -> String {
        var text = ""
        while text.utf8.count < length {
            if !text.isEmpty { text += " " }
            text += sentence(min(length - text.utf8.count + 10, generator.length(around: 90)), using: &generator)
        }
        return text
    }

    /// A title: a few capitalised words, no full stop.
    public static func title(_ length: Int, using generator: inout SeededGenerator) -> String {
        var text = ""
        while text.utf8.count < length {
            if !text.isEmpty { text += " " }
            let next = word(using: &generator)
            text += generator.chance(0.5) ? next.prefix(1).uppercased() + next.dropFirst() : next
        }
        return text
    }

    static func word(using generator: inout SeededGenerator) -> String {
        let roll = Int.random(in: 0..<100, using: &generator)
        if roll < 34 {
            // "the" and "of" lead, as in English.
            let rank = min(functionWords.count - 1, Int(Double(functionWords.count) * pow3(Double.random(in: 0..<1, using: &generator))))
            return functionWords[rank]
        }
        if roll < 36 { return generator.element(of: collocations) }
        if roll < 43 { return generator.element(of: accented) }
        if roll < 45 { return generator.element(of: cjk) }
        guard let total = cumulativeWeights.last else { return "treaty" }
        let target = Double.random(in: 0..<total, using: &generator)
        var low = 0, high = cumulativeWeights.count - 1
        while low < high {
            let middle = (low + high) / 2
            if cumulativeWeights[middle] <= target { low = middle + 1 } else { high = middle }
        }
        return contentWords[low]
    }

    private static func pow3(_ x: Double) -> Double { x * x * x }

    /// A document symbol as printed (`A/RES/61/58`, `CD/1839`), unique for `number`.
    public static func symbol(_ number: Int, using generator: inout SeededGenerator) -> String {
        let prefix = generator.element(of: symbols)
        return prefix.hasSuffix("RES/") || prefix == "A/"
            ? "\(prefix)\(40 + number % 40)/\(number)" : "\(prefix)\(1000 + number)"
    }

    /// Lower-case ASCII words of a title joined by hyphens, for readable kebab-case ids.
    public static func slug(_ title: String, words limit: Int = 3) -> String {
        let ascii = title.lowercased().split(separator: " ")
            .filter { $0.unicodeScalars.allSatisfy { ("a"..."z").contains($0) } }
        return ascii.prefix(limit).joined(separator: "-")
    }

    /// A kebab-case id: `event-12-outer-space-treaty`, or `event-12` for a title with no ASCII word.
    public static func id(_ kind: String, _ number: Int, title: String) -> String {
        let words = slug(title)
        return words.isEmpty ? "\(kind)-\(number)" : "\(kind)-\(number)-\(words)"
    }
}
