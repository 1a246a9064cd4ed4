#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Decodes `Decodable` values from JSON several times faster than `JSONDecoder`, for the
/// record's files and the notes store, which are read on the way to the first frame.
///
/// It runs the same `init(from:)` code as `JSONDecoder` over a `JSONDocument`, and accepts
/// only what it is sure `JSONDecoder` reads the same way. Whatever it declines (malformed
/// JSON, a wrong type, a missing key) goes to `JSONDecoder`, so every error a user sees is
/// still `JSONDecoder`'s, with its coding path.
enum FastJSONDecoder {
    /// The value, decoded fast when possible and by `JSONDecoder` otherwise.
    static func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8]) throws -> T {
        if let value = decodeIfSimple(type, from: bytes) { return value }
        return try JSONDecoder().decode(type, from: Data(bytes))
    }

    /// The value if the fast path can decode it; nil when `JSONDecoder` must have its say.
    static func decodeIfSimple<T: Decodable>(_ type: T.Type, from bytes: [UInt8]) -> T? {
        guard let document = try? JSONDocument(bytes) else { return nil }
        return try? T(from: JSONNodeDecoder(document: document, node: 0))
    }
}

/// A key in a file that the type decoded from it does not have (a misspelling): what it held
/// would be dropped without a word.
struct UnknownMember: Equatable {
    /// The member's JSON path (`$[25].versions[1].quote`).
    var path: String
    var key: String
    /// The keys the type has that are nearest to it.
    var nearest: [String]
}

extension FastJSONDecoder {
    /// The value, if the fast path can decode it, with the members the value's types never
    /// asked for; nil when `JSONDecoder` must have its say. A key beginning with `_` is the
    /// file's own remark, never unknown.
    static func decodeNotingUnknownMembers<T: Decodable>(_ type: T.Type, from bytes: [UInt8]) -> (value: T, unknown: [UnknownMember])? {
        guard let document = try? JSONDocument(bytes) else { return nil }
        document.trackAskedMembers()
        guard let value = try? T(from: JSONNodeDecoder(document: document, node: 0)) else { return nil }
        let unasked = document.unaskedMembers().filter { !$0.key.hasPrefix("_") }
        guard !unasked.isEmpty else { return (value, []) }
        return (value, unknownMembers(unasked, in: document))
    }

    /// The unknown members of a list that does not decode as a whole (a wrong type in one
    /// item), which `JSONDecoder` then reports item by item without a word on unknown keys:
    /// those of the items that decode, and the top-level keys of those that do not (`Title`
    /// for `title` is why one does not). Empty where the fast path cannot read the file.
    ///
    /// `missing`: per item, by its position, the field whose absence it failed on, as
    /// `JSONDecoder` said. A key of that item one edit or a letter's case from it (`Title`
    /// for `title`) is why, and is named even when no item decodes to learn the keys from
    /// (a one-item file, or a converter that wrote `Title` in every item).
    static func unknownMembers<T: Decodable>(ofItems type: T.Type, from bytes: [UInt8], missing: [Int: String] = [:]) -> [UnknownMember] {
        // First which items decode; then those alone again, so that what the decoding asks
        // for is learnt from whole items, not from one abandoned half-way.
        guard let probe = try? JSONDocument(bytes), probe.nodes.first?.kind == .array else { return [] }
        let elements = probe.elements(of: 0)
        let decodes = elements.map { (try? T(from: JSONNodeDecoder(document: probe, node: $0))) != nil }
        guard let document = try? JSONDocument(bytes) else { return [] }
        document.trackAskedMembers()
        var itemKeys: ObjectIdentifier?
        for (element, decoded) in zip(elements, decodes) where decoded {
            _ = try? T(from: JSONNodeDecoder(document: document, node: element))
            if itemKeys == nil { itemKeys = document.keyType(of: element) }
        }
        var unasked = document.unaskedMembers().filter { !$0.key.hasPrefix("_") }
        if let itemKeys {
            // What the first item was asked for, and what any item that decodes has and was
            // asked for (a hand-written decoder may ask for a key only in some items).
            let unaskedItemKeys = Set(unasked.filter { elements.contains($0.object) }.map(\.key))
            var known = document.knownKeys(of: itemKeys)
            for (element, decoded) in zip(elements, decodes) where decoded {
                known.formUnion(document.members(of: element).map(\.key).filter { !unaskedItemKeys.contains($0) })
            }
            for (element, decoded) in zip(elements, decodes) where !decoded && document.nodes[element].kind == .object {
                unasked += document.members(of: element).filter { !known.contains($0.key) && !$0.key.hasPrefix("_") }
                    .map { (element, $0.key, known) }
            }
        }
        for (position, field) in missing where elements.indices.contains(position) && !decodes[position] {
            let element = elements[position]
            let named = Set(unasked.filter { $0.object == element }.map(\.key))
            for member in document.members(of: element) where !named.contains(member.key) && !member.key.hasPrefix("_") && member.key != field
                && !IDSuggestion.nearest(to: member.key, among: [field], limit: 1, fewestEdits: 1).isEmpty {
                unasked.append((element, member.key, [field]))
            }
        }
        return unknownMembers(unasked.sorted { $0.object < $1.object }, in: document)
    }

    private static func unknownMembers(_ unasked: [(object: Int, key: String, known: Set<String>)], in document: JSONDocument) -> [UnknownMember] {
        guard !unasked.isEmpty else { return [] }
        let paths = document.paths(of: Set(unasked.map(\.object)))
        return unasked.map { member in
            // A field name is short: two edits would turn `zz` into `id`.
            UnknownMember(path: (paths[member.object] ?? "$") + "." + JSONString.escaped(member.key), key: member.key,
                          nearest: IDSuggestion.nearest(to: member.key, among: member.known.sorted(), limit: 2, fewestEdits: 1))
        }
    }
}

/// The types `JSONNodeDecoder.decode` serves itself, fetched once per process.
private enum KnownTypes {
    static let string = ObjectIdentifier(String.self)
    static let strings = ObjectIdentifier([String].self)
    static let defaultEmptyStrings = ObjectIdentifier(DefaultEmpty<String>.self)
}

/// Why the fast path declined; never shown to a user (`JSONDecoder` decodes again).
struct FastPathDeclined: Error {}

/// One node of a `JSONDocument` seen as a `Decoder`, and as its own single-value container.
struct JSONNodeDecoder: Decoder, SingleValueDecodingContainer {
    let document: JSONDocument
    let node: Int

    // Errors are reported by `JSONDecoder` on its second pass, so no path is kept here.
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard document.nodes[node].kind == .object else { throw FastPathDeclined() }
        let learning = document.tracksAskedMembers && document.readAsKeyed(node, keys: ObjectIdentifier(Key.self))
        return KeyedDecodingContainer(JSONObjectContainer<Key>(document: document, object: node, learning: learning))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard document.nodes[node].kind == .array else { throw FastPathDeclined() }
        return JSONArrayContainer(document: document, array: node)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { self }

    // MARK: single value

    func decodeNil() -> Bool { document.nodes[node].kind == .null }

    func decode(_ type: Bool.Type) throws -> Bool {
        switch document.nodes[node].kind {
        case .true: return true
        case .false: return false
        default: throw FastPathDeclined()
        }
    }

    func decode(_ type: String.Type) throws -> String {
        guard document.nodes[node].kind == .string, let text = document.string(node) else { throw FastPathDeclined() }
        return text
    }

    func decode(_ type: Int.Type) throws -> Int { try integer(Int.self) }
    func decode(_ type: Int8.Type) throws -> Int8 { try integer(Int8.self) }
    func decode(_ type: Int16.Type) throws -> Int16 { try integer(Int16.self) }
    func decode(_ type: Int32.Type) throws -> Int32 { try integer(Int32.self) }
    func decode(_ type: Int64.Type) throws -> Int64 { try integer(Int64.self) }
    func decode(_ type: UInt.Type) throws -> UInt { try integer(UInt.self) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try integer(UInt8.self) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try integer(UInt16.self) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try integer(UInt32.self) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try integer(UInt64.self) }

    // Fractions are not in the record or the store; `JSONDecoder` reads them if they appear.
    func decode(_ type: Double.Type) throws -> Double { throw FastPathDeclined() }
    func decode(_ type: Float.Type) throws -> Float { throw FastPathDeclined() }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        // Compared by identity against metadata fetched once: naming `[String].self` here would
        // look it up in the runtime's cache on every call, a fifth of decoding the record.
        // For the same reason the values are not cast with `as? T`, which needs the metadata of
        // what is cast; the identity just checked makes the bit cast exact.
        let asked = ObjectIdentifier(T.self)
        if asked == KnownTypes.string { return unsafeBitCast(try decode(String.self), to: T.self) }
        // Lists of ids are most lists of the record; read them without the generic machinery.
        if asked == KnownTypes.strings { return unsafeBitCast(try strings(), to: T.self) }
        // The record's optional lists of ids, which `DefaultEmpty.init(from:)` would ask for by
        // naming `[Element].self`, a lookup of its own.
        if asked == KnownTypes.defaultEmptyStrings {
            return unsafeBitCast(DefaultEmpty(wrappedValue: decodeNil() ? [] : try strings()), to: T.self)
        }
        return try T(from: self)
    }

    private func strings() throws -> [String] {
        let entry = document.nodes[node]
        guard entry.kind == .array else { throw FastPathDeclined() }
        var result: [String] = []
        result.reserveCapacity(Int(entry.count))
        var element = node + 1
        for _ in 0..<entry.count {
            guard document.nodes[element].kind == .string, let text = document.string(element) else { throw FastPathDeclined() }
            result.append(text)
            element = Int(document.nodes[element].next)
        }
        return result
    }

    /// A plain integer (`-12`, `0`); fractions, exponents and overflow are left to `JSONDecoder`.
    private func integer<I: FixedWidthInteger>(_ type: I.Type) throws -> I {
        let entry = document.nodes[node]
        guard entry.kind == .number else { throw FastPathDeclined() }
        var value: I = 0
        var index = Int(entry.start)
        let negative = document.bytes[index] == UInt8(ascii: "-")
        if negative { index += 1 }
        guard index < Int(entry.end) else { throw FastPathDeclined() }
        while index < Int(entry.end) {
            let byte = document.bytes[index]
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { throw FastPathDeclined() }
            let (times10, overflow1) = value.multipliedReportingOverflow(by: 10)
            let digit = I(byte - UInt8(ascii: "0"))
            let (next, overflow2) = negative ? times10.subtractingReportingOverflow(digit) : times10.addingReportingOverflow(digit)
            guard !overflow1, !overflow2 else { throw FastPathDeclined() }
            value = next
            index += 1
        }
        return value
    }
}
