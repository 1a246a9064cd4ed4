/// How the kinds of theme (`Theme.type`) are named and ordered for a reader. The record keeps
/// short ids ("cbms-vs-treaty"); a heading wants "CBMs versus treaties", and the kinds read
/// best in the order the chapter builds its argument, not alphabetically.
public enum ThemeKind {
    /// Each known kind with its heading, in the order a reader meets them. Kinds not listed
    /// follow, alphabetically, headed by their id in words.
    static let known: [(type: String, heading: String)] = [
        ("overview", "Overview"),
        ("background", "Background"),
        ("argument", "Arguments"),
        ("similarity", "Similarities"),
        ("difference", "Differences"),
        ("parallel", "Parallels"),
        ("driver", "Drivers"),
        ("obstacle", "Obstacles"),
        ("cbms-vs-treaty", "CBMs versus treaties"),
        ("venue", "Venues"),
        ("prospect", "Prospects"),
        ("terminology", "Terminology"),
        ("conclusion", "Conclusion"),
    ]

    /// Where the kind's themes go among the others.
    public static func rank(_ type: String) -> Int {
        known.firstIndex { $0.type == type } ?? known.count
    }

    /// The heading over the kind's themes: "Similarities", "CBMs versus treaties".
    public static func heading(_ type: String) -> String {
        if let entry = known.first(where: { $0.type == type }) { return entry.heading }
        let words = name(type)
        return words.prefix(1).uppercased() + words.dropFirst()
    }

    /// The kind as a word in a sentence or a field: "similarity", "CBMs versus treaties".
    public static func name(_ type: String) -> String {
        type == "cbms-vs-treaty" ? "CBMs versus treaties" : type.split(whereSeparator: { $0 == "-" || $0 == " " }).joined(separator: " ")
    }
}
