/// Footnote numbers for the sources a handout cites, given in order of first use, so
/// that `[^1]` is the first source a reader meets; each source is defined once.
struct FootnoteNumbering {
    private(set) var order: [String] = []
    private var numbers: [String: Int] = [:]

    /// The number of a source, given it now if this is its first use.
    mutating func number(for sourceID: String) -> Int {
        if let number = numbers[sourceID] { return number }
        order.append(sourceID)
        numbers[sourceID] = order.count
        return order.count
    }

    /// References to the sources, `[^1] [^2]`, numbering them as they come.
    mutating func references(_ sourceIDs: [String]) -> String {
        sourceIDs.uniqued().map { "[^\(number(for: $0))]" }.joined(separator: " ")
    }
}
