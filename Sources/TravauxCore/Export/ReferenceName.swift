/// An author or editor as a reference manager wants it: a person split into family and
/// given names, or a body kept whole (so "United Nations, General Assembly" is never read
/// as family name "United Nations").
///
/// The record keeps authors as free text, so a name is split only when that is reliable:
/// a person the record lists as an actor (whose one-word alias is the family name), or a
/// name of two to four capitalised words or initials with none of the words bodies use.
/// Anything else stays whole.
enum ReferenceName: Hashable {
    case person(family: String, given: String)
    case body(String)

    /// The authors (or editors, for "…, ed.") a source's author text names, and whether
    /// it adds "et al".
    struct Parsed {
        var names: [ReferenceName]
        var areEditors: Bool
        var andOthers: Bool

        /// No author: a document the record names none for.
        static let nobody = Parsed(names: [], areEditors: false, andOthers: false)
    }

    static func parse(_ text: String, in record: Record) -> Parsed {
        var name = text.trimmingWhitespace()
        var editors = false, others = false
        for suffix in [", eds.", ", ed.", " (ed.)", " (eds.)"] where name.hasSuffix(suffix) {
            name = String(name.dropLast(suffix.count)).trimmingWhitespace()
            editors = true
        }
        for suffix in [", et al.", ", et al", " et al.", " et al"] where name.hasSuffix(suffix) {
            name = String(name.dropLast(suffix.count)).trimmingWhitespace()
            others = true
        }
        return Parsed(names: name.isEmpty ? [] : [single(name, in: record)], areEditors: editors, andOthers: others)
    }

    static func single(_ name: String, in record: Record) -> ReferenceName {
        let words = name.split(separator: " ").map(String.init)
        if let actor = record.actors.first(where: { $0.kind == .person && ($0.name == name || $0.aliases.contains(name)) }),
           let family = actor.aliases.first(where: { !$0.contains(" ") && words.contains($0) }) {
            return .person(family: family, given: words.filter { $0 != family }.joined(separator: " "))
        }
        guard (2...4).contains(words.count), words.allSatisfy(isNameWord),
              !words.contains(where: institutional.contains), words[0] != "The" else { return .body(name) }
        if familyNameFirst.contains(words[0]) {
            return .person(family: words[0], given: words.dropFirst().joined(separator: " "))
        }
        return .person(family: words[words.count - 1], given: words.dropLast().joined(separator: " "))
    }

    /// "John", "K.", "Touré", "O'Neill", "Jean-Luc"; not "UN" or "ICT4Peace".
    private static func isNameWord(_ word: String) -> Bool {
        guard let first = word.first, first.isUppercase else { return false }
        if word.count == 2, word.last == "." { return true }
        return word.allSatisfy { $0.isLetter || "-'’".contains($0) } && word.contains(where: \.isLowercase)
    }

    /// Words that mark a body, not a person.
    private static let institutional: Set<String> = [
        "Agency", "Alliance", "Assembly", "Association", "Bank", "Board", "Bureau", "Center", "Centre", "Coalition",
        "College", "Commission", "Committee", "Company", "Conference", "Congress", "Corporation", "Council", "Court",
        "Department", "Federation", "Forum", "Foundation", "Government", "Group", "House", "Initiative", "Institute",
        "Kingdom", "League", "Ministry", "Monitoring", "Nations", "Network", "Office", "Organisation", "Organization",
        "Panel", "Parliament", "Press", "Project", "Republic", "Secretariat", "Service", "Society", "States", "Summit",
        "Union", "University",
    ]

    /// Common Chinese family names, written first ("Wang Qun").
    private static let familyNameFirst: Set<String> = [
        "Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Zhao", "Huang", "Zhou", "Wu", "Xu", "Sun", "Hu", "Zhu", "Gao",
        "Lin", "Guo", "Luo", "Liang", "Song", "Zheng", "Xie", "Tang", "Feng", "Deng", "Cao", "Peng", "Zeng", "Xiao",
        "Tian", "Dong", "Pan", "Yuan", "Cai", "Jiang", "Wei", "Qian", "Shen", "Fu", "Ding",
    ]
}
