/// Why two versions of a proposal cannot be compared.
public enum VersionChoiceError: Error, Sendable, Hashable, CustomStringConvertible {
    case singleVersion(proposal: String)
    case unknownVersion(String, proposal: String, versions: [String])
    case sameVersion(String, proposal: String, versions: [String])

    public var description: String {
        switch self {
        case .singleVersion(let proposal):
            return "'\(proposal)' has only one version; there is nothing to compare"
        case .unknownVersion(let version, let proposal, let versions):
            return "no version '\(version)' of '\(proposal)'; its versions are \(versions.joined(separator: ", "))"
        case .sameVersion(let version, let proposal, let versions):
            return "both sides are version '\(version)' of '\(proposal)'; choose two of \(versions.joined(separator: ", "))"
        }
    }
}
