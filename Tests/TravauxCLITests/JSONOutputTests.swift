import Testing
@testable import travaux

@Suite("JSON written a part at a time")
struct JSONOutputTests {
    struct Entry: Encodable {
        var id: String
        var tags: [String]
        var nested: [String: [Int]]
        var text: String?
    }

    static let entries = [
        Entry(id: "a", tags: [], nested: [:], text: "line one\nline two [ ] { }"),
        Entry(id: "b/c", tags: ["x", "y"], nested: ["k": [], "l": [1, 2]], text: nil),
        Entry(id: "é 検証", tags: ["  "], nested: ["m": [3]], text: "\"quoted\" \\ back"),
    ]

    func written(_ entries: [Entry]) throws -> (text: String, parts: Int) {
        var bytes: [UInt8] = []
        var parts = 0
        try JSONOutput.writeArray(entries) { part in
            bytes += part
            parts += 1
        }
        return (String(decoding: bytes, as: UTF8.self), parts)
    }

    @Test("an array written element by element is the text the whole array gives, empty arrays and objects closed up", arguments: [0, 1, 3])
    func sameAsWhole(count: Int) throws {
        let entries = Array(Self.entries.prefix(count))
        let whole = try JSONOutput.string(entries)
        #expect(try written(entries).text == whole + "\n")
    }

    @Test("a long list is handed on in parts of about a megabyte, not held whole")
    func inParts() throws {
        let entries = (0..<6_000).map { Entry(id: String($0), tags: ["tag"], nested: [:], text: String(repeating: "w", count: 300)) }
        let (text, parts) = try written(entries)
        #expect(parts >= 2)
        #expect(text == (try JSONOutput.string(entries)) + "\n")
    }
}
