/// An enum stored as a string in the record; a wrong value names the allowed ones.
public protocol RecordEnum: RawRepresentable, CaseIterable, Codable, Sendable where RawValue == String {}

extension RecordEnum {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = Self(rawValue: text) else {
            let allowed = Self.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "'\(text)' is not one of \(allowed)")
        }
        self = value
    }
}

extension Domain: RecordEnum {}
extension Actor.Kind: RecordEnum {}
extension Proposal.LegalCharacter: RecordEnum {}
