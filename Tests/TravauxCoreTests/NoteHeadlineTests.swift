import Testing
@testable import TravauxCore

/// A note's headline, read line by line, against its plain definition: the body split into
/// lines, the first that is not blank, trimmed.
@Suite("A note's headline")
struct NoteHeadlineTests {
    static func plainHeadline(_ body: String) -> String {
        body.split(whereSeparator: \.isNewline).first { !$0.allSatisfy(\.isWhitespace) }
            .map { String($0).trimmingWhitespace() } ?? ""
    }

    static let pieces = ["a", "Délégation", " ", "\t", "\n", "\r\n", "\r", "\u{2028}", "\u{85}", "\u{A0}", "外", "👍🏽", "e\u{301}", ""]

    static func note(_ body: String) -> Note {
        Note(id: "01M7ZRGDZTQY8XKGSRE1000001", target: NoteTarget(item: "ppwt"), body: body, author: "a",
             created: NoteTime(millisecondsSince1970: 0))
    }

    @Test("is the first line that is not blank, trimmed, whatever the line breaks")
    func firstLine() {
        #expect(Self.note("\n  \n  Verification first  \nthen the rest").headline == "Verification first")
        #expect(Self.note("one line").headline == "one line")
        #expect(Self.note(" \r\n\t\r\n").headline == "")
        #expect(Self.note("").headline == "")
    }

    @Test("a Markdown heading is shown without its marks, which beside the tags read as a tag with no name")
    func headingMarks() {
        #expect(Self.note("# PPWT 2008 vs 2014\nbody").headline == "PPWT 2008 vs 2014")
        #expect(Self.note("\n  ###   Three").headline == "Three")
        #expect(Self.note("#hashtag first").headline == "#hashtag first")
        #expect(Self.note("####### seven").headline == "####### seven")
        #expect(Self.note("#").headline == "#")
        #expect(Self.note("## ").headline == "##")
    }

    @Test("a quotation is shown without its > marks, and a line of marks alone is passed over")
    func quoteMarks() {
        #expect(Self.note("> move the process from a consultation\n\nGermany agrees").headline == "move the process from a consultation")
        #expect(Self.note(">\n> > nested words").headline == "nested words")
        #expect(Self.note("> # A quoted heading").headline == "A quoted heading")
        #expect(Self.note("a > b").headline == "a > b")
    }

    @Test("agrees with splitting the whole body into lines")
    func asSplitting() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let body = (0..<Int.random(in: 0...10, using: &generator)).map { _ in Self.pieces.randomElement(using: &generator) ?? "" }.joined()
            #expect(Self.note(body).headline == Self.plainHeadline(body), "\(body.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }
}
