/// Prose for the synthetic record and notes: mostly English in the record's vocabulary,
/// with accented names and CJK phrases mixed in, as the texts and a seminar's notes have.
public enum SyntheticText {
    static let words: [String] = """
    the of and to in a on for by as with that its states space outer cyber cyberspace security \
    treaty code conduct confidence building measures transparency proposal draft revised \
    version resolution assembly general committee first conference disarmament weapons \
    placement threat force objects debris collision satellite anti test governance norms \
    responsible behaviour voluntary politically binding legally verification critics argued \
    consensus adopted expert group report recommendations sponsors delegation working paper \
    prevention arms race peaceful uses exploration commons vulnerability military presence \
    information telecommunications international law sovereignty attribution incident \
    cooperation regional organisation forum diplomacy negotiation mandate session chair \
    statement provisions article principle pledge commitment reciprocity stability crisis \
    hotline notification launch orbit infrastructure critical attack defence deterrence
    """.split(separator: " ").map(String.init)

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
        if roll < 6 { return generator.element(of: accented) }
        if roll < 8 { return generator.element(of: cjk) }
        return generator.element(of: words)
    }

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
