import Foundation
import Testing
@testable import TravauxCore

/// The fast decoder either reads a text exactly as JSONDecoder does or declines it.
@Suite("Fast JSON decoding")
struct FastJSONDecoderTests {
    struct Sample: Codable, Equatable {
        struct Part: Codable, Equatable { var name: String; var count: Int? }
        var id: String
        var number: Int
        var flag: Bool?
        var tags: [String]?
        var parts: [Part]
        var note: String?
    }

    static let sample = """
    {
      "id": "ppwt-2008",
      "number": -42,
      "flag": true,
      "tags": ["sécurité", "外空", "a\\"quote\\" and \\\\ \\/ \\b\\f\\n\\r\\t", "\\u00e9\\ud83d\\ude80"],
      "parts": [{"name": "one", "count": 1}, {"count": null, "name": "two"}, {"name": ""}],
      "note": null
    }
    """

    static func both<T: Decodable & Equatable>(_ type: T.Type, _ text: String) -> (fast: T?, json: T?) {
        let bytes = Array(text.utf8)
        return (FastJSONDecoder.decodeIfSimple(type, from: bytes), try? JSONDecoder().decode(type, from: Data(bytes)))
    }

    @Test("a text with escapes, Unicode, nulls and nested lists decodes as JSONDecoder decodes it")
    func sameValues() throws {
        let (fast, json) = Self.both(Sample.self, Self.sample)
        #expect(fast != nil)
        #expect(fast == json)
        #expect(fast?.tags?[3] == "é🚀")
    }

    @Test("the shipped record's files decode to the same values both ways")
    func shippedRecord() throws {
        let directory = Fixture.shippedRecordDirectory
        func check<T: Decodable & Equatable>(_ type: T.Type, _ file: String) throws {
            let data = try Data(contentsOf: URL(fileURLWithPath: directory + "/" + file))
            let fast = FastJSONDecoder.decodeIfSimple(type, from: [UInt8](data))
            #expect(fast != nil, "\(file)")
            #expect(fast == (try JSONDecoder().decode(type, from: data)), "\(file)")
        }
        try check(RecordManifest.self, "record.json")
        try check([Work].self, "works.json")
        try check([Source].self, "sources.json")
        try check([Event].self, "events.json")
        try check([Proposal].self, "proposals.json")
        try check([Actor].self, "actors.json")
        try check([Forum].self, "forums.json")
        try check([Theme].self, "themes.json")
    }

    struct Listing: Codable, Equatable {
        @DefaultEmpty var ids: [String]
        var names: [String]?
        var title: String
    }

    @Test("optional lists of ids, read without the generic path, decode as JSONDecoder decodes them", arguments: [
        #"{"title": "t"}"#,
        #"{"title": "t", "ids": null, "names": null}"#,
        #"{"title": "t", "ids": [], "names": []}"#,
        #"{"title": "t", "ids": ["a", "é\n", "外空"], "names": ["b"]}"#,
    ])
    func listsOfIDs(_ text: String) {
        let (fast, json) = Self.both(Listing.self, text)
        #expect(fast != nil)
        #expect(fast == json)
    }

    @Test("a list of ids with anything but strings in it is declined", arguments: [
        #"{"title": "t", "ids": [1]}"#,
        #"{"title": "t", "ids": "a"}"#,
        #"{"title": "t", "ids": ["a", null]}"#,
        #"{"title": "t", "names": [true]}"#,
        #"{"title": ["t"]}"#,
    ])
    func listsOfIDsDeclined(_ text: String) {
        #expect(Self.both(Listing.self, text).fast == nil)
    }

    @Test("what JSONDecoder may read differently or refuses is declined", arguments: [
        "{\"id\": \"a\", \"id\": \"b\", \"number\": 1, \"parts\": []}",
        "{\"id\": \"a\", \"number\": 1, \"parts\": [],}",
        "{\"id\": \"a\", \"number\": 01, \"parts\": []}",
        "{\"id\": \"a\", \"number\": 1.0, \"parts\": []}",
        "{\"id\": \"a\", \"number\": 1e3, \"parts\": []}",
        "{\"id\": \"a\", \"number\": 99999999999999999999, \"parts\": []}",
        "{\"id\": \"a\\x\", \"number\": 1, \"parts\": []}",
        "{\"id\": \"\\ud800\", \"number\": 1, \"parts\": []}",
        "{\"id\": \"a\", \"number\": 1, \"parts\": []} x",
        "{\"id\": \"a\", \"number\": 1, \"parts\": [] // comment\n}",
        "{\"i\\u0064\": \"a\", \"i\\u0064\": \"b\", \"number\": 1, \"parts\": []}",
        "{\"id\": \"a\", \"i\\u0064\": \"b\", \"number\": 1, \"parts\": []}",
        "{\"id\": \"a\", \"n\\u00\": 1, \"number\": 1, \"parts\": []}",
        "{\"id\": \"a\", \"_caf\\u00e9\": 1, \"_cafe\\u0301\": 2, \"number\": 1, \"parts\": []}",
        "{\"id\": null, \"number\": 1, \"parts\": []}",
        "{\"number\": 1, \"parts\": []}",
        "[1, 2]",
        "",
    ])
    func declined(_ text: String) {
        #expect(Self.both(Sample.self, text).fast == nil)
    }

    @Test("an object of many keys, escaped or not ASCII, is read once each: a key twice among them is still found")
    func manyKeys() throws {
        let keys = (0..<300).map { "\"k\\u00e9\($0)\": \($0)" } + (0..<300).map { "\"m\u{E9}\($0)\": \($0)" }
        let text = "{\"id\": \"a\", \"number\": 1, \"parts\": [], " + keys.joined(separator: ", ") + "}"
        let (fast, json) = Self.both(Sample.self, text)
        #expect(fast != nil && fast == json)
        // The same key again, spelt otherwise, late in the object.
        #expect(Self.both(Sample.self, text.dropLast() + ", \"k\u{E9}299\": 0}").fast == nil)
        #expect(throws: JSONDocument.Malformed.self) { try JSONDocument(Array((text.dropLast() + ", \"m\\u00e9150\": 0}").utf8)) }
        // Read as written, keys are not compared: both are members.
        let twice = try JSONDocument(Array((text.dropLast() + ", \"id\": \"b\"}").utf8), membersAsWritten: true)
        #expect(twice.members(of: 0).filter { $0.key == "id" }.count == 2)
    }

    @Test("an escaped key is read as JSONDecoder reads it, beside others", arguments: [
        "{\"i\\u0064\": \"a\", \"number\": 1, \"parts\": []}",
        "{\"id\": \"a\", \"_v\\u00e9rifi\\u00e9e\": true, \"number\": 1, \"parts\": []}",
        "{\"id\": \"a\", \"n\\u0075mber\": 1, \"p\\/arts\": 2, \"parts\": []}",
    ])
    func escapedKeys(_ text: String) {
        let (fast, json) = Self.both(Sample.self, text)
        #expect(fast != nil && fast == json)
    }

    @Test("long strings, read eight bytes at a time, agree with JSONDecoder whatever byte falls where")
    func longStrings() {
        // Escapes, multi-byte characters, DEL, and bytes JSON refuses, each at every offset of
        // an eight-byte word and at both ends of a string.
        let insertions: [[UInt8]] = [
            Array(#"\""#.utf8), Array(#"\\"#.utf8), Array(#"\n"#.utf8), Array(#"\u00e9"#.utf8), Array("é".utf8),
            Array("外".utf8), Array("🚀".utf8), [0x7F], [0x20], [0x22], [0x5C], [0x01], [0x1F], [0x00], [0x80], [0xC3], [0xFF],
        ]
        var compared = 0, read = 0
        for insertion in insertions {
            for before in 0..<19 {
                for after in [0, 1, 7, 8, 9, 16] {
                    let text = Array(String(repeating: "a", count: before).utf8) + insertion
                        + Array(String(repeating: "z", count: after).utf8)
                    let bytes = Array(#"{"id": ""#.utf8) + text + Array(#"", "number": 1, "parts": [{"name": ""#.utf8)
                        + text + Array(#""}]}"#.utf8)
                    let fast = FastJSONDecoder.decodeIfSimple(Sample.self, from: bytes)
                    let json = try? JSONDecoder().decode(Sample.self, from: Data(bytes))
                    if json == nil { #expect(fast == nil, "\(bytes)") }
                    if let fast { #expect(fast == json, "\(bytes)"); read += 1 }
                    compared += 1
                }
            }
        }
        #expect(compared == insertions.count * 19 * 6)
        #expect(read >= 7 * 19 * 6, "every valid insertion is read by the fast path")
    }

    @Test("invalid UTF-8 and bare control characters are declined")
    func invalidBytes() {
        for bad: [UInt8] in [[0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF8], [0xE2, 0x82], [0x01]] {
            let bytes = Array("{\"id\": \"".utf8) + bad + Array("\", \"number\": 1, \"parts\": []}".utf8)
            #expect(FastJSONDecoder.decodeIfSimple(Sample.self, from: bytes) == nil, "\(bad)")
        }
    }

    @Test("every truncation and every single-byte corruption is declined or read as JSONDecoder reads it")
    func corruption() {
        let bytes = Array(Self.sample.utf8)
        let replacements: [UInt8] = [0x00, 0x22, 0x2C, 0x30, 0x5C, 0x7B, 0x7D, 0x5B, 0x5D, 0x3A, 0x20, 0x6E, 0xC3, 0xFF]
        var variants: [[UInt8]] = (0..<bytes.count).map { Array(bytes.prefix($0)) }
        for index in bytes.indices {
            for replacement in replacements where bytes[index] != replacement {
                var copy = bytes
                copy[index] = replacement
                variants.append(copy)
            }
        }
        var agreed = 0
        for variant in variants {
            let fast = FastJSONDecoder.decodeIfSimple(Sample.self, from: variant)
            let json = try? JSONDecoder().decode(Sample.self, from: Data(variant))
            if let fast {
                #expect(fast == json, "\(String(decoding: variant, as: UTF8.self))")
                agreed += 1
            }
        }
        #expect(agreed > 100, "the fast path should read many of the harmless corruptions")
    }

    @Test("a text the fast path declines gets JSONDecoder's error")
    func errorsAreJSONDecoders() {
        let text = Array("{\"id\": \"a\", \"number\": \"one\", \"parts\": []}".utf8)
        var fastError = ""
        var jsonError = ""
        do { _ = try FastJSONDecoder.decode(Sample.self, from: text) } catch { fastError = "\(error)" }
        do { _ = try JSONDecoder().decode(Sample.self, from: Data(text)) } catch { jsonError = "\(error)" }
        #expect(!fastError.isEmpty)
        #expect(fastError == jsonError)
    }
}
