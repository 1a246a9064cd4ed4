/// `record.json`: what the record is and which version of it this is.
public struct RecordManifest: Codable, Sendable, Hashable {
    public var title: String
    /// Bumped whenever the record changes; exports name it.
    public var version: String
    public var description: String?
}
