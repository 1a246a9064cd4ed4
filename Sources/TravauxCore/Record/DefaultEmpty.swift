/// Lets a record file leave out a list that is empty.
///
/// Synthesized `Codable` asks for every key; this wrapper, with the container
/// overloads below, turns a missing list into `[]` so hand-written JSON stays short, and
/// leaves an empty one out when written, as the record does: an element's `versions` left
/// out means every version, and `[]` would read as none (`show --json`).
@propertyWrapper
public struct DefaultEmpty<Element: Codable & Sendable & Hashable>: Codable, Sendable, Hashable {
    public var wrappedValue: [Element]

    public init(wrappedValue: [Element] = []) { self.wrappedValue = wrappedValue }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        wrappedValue = container.decodeNil() ? [] : try container.decode([Element].self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(wrappedValue)
    }
}

extension KeyedDecodingContainer {
    public func decode<T>(_ type: DefaultEmpty<T>.Type, forKey key: Key) throws -> DefaultEmpty<T> {
        try decodeIfPresent(type, forKey: key) ?? DefaultEmpty()
    }
}

extension KeyedEncodingContainer {
    public mutating func encode<T>(_ value: DefaultEmpty<T>, forKey key: Key) throws {
        if !value.wrappedValue.isEmpty { try encode(value.wrappedValue, forKey: key) }
    }
}
