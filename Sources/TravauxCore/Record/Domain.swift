/// The security realm an item belongs to.
public enum Domain: String, Codable, Sendable, CaseIterable, Comparable {
    case space, cyber, general

    public static func < (lhs: Domain, rhs: Domain) -> Bool {
        (allCases.firstIndex(of: lhs) ?? 0) < (allCases.firstIndex(of: rhs) ?? 0)
    }

    /// One-character marker for lists, readable without colour.
    public var marker: String {
        switch self {
        case .space: return "S"
        case .cyber: return "C"
        case .general: return "G"
        }
    }
}
