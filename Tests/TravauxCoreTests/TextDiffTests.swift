import PropertyBased
import Testing
@testable import TravauxCore

@Suite("Word tokens")
struct WordTokenizerTests {
    func texts(_ text: String) -> [String] { WordTokenizer.tokens(text).map { String($0.text) } }

    @Test("words, runs of whitespace and single punctuation marks")
    func latin() {
        #expect(texts("not to use ICTs, including networks.") == ["not", " ", "to", " ", "use", " ", "ICTs", ",", " ", "including", " ", "networks", "."])
        #expect(texts("a  \n b") == ["a", "  \n ", "b"])
        #expect(texts("“[or threaten states]…”") == ["“", "[", "or", " ", "threaten", " ", "states", "]", "…", "”"])
        #expect(texts("A/66/359") == ["A", "/", "66", "/", "359"])
        #expect(texts("") == [])
    }

    @Test("a combining mark stays with its letter; accented words stay whole")
    func combiningMarks() {
        #expect(texts("re\u{301}sume\u{301} e\u{301}") == ["re\u{301}sume\u{301}", " ", "e\u{301}"])
        #expect(texts("\u{301}a b") == ["\u{301}a", " ", "b"])
    }

    @Test("each ideograph or kana is a word of its own; Korean words are spaced")
    func cjk() {
        #expect(texts("中国和俄罗斯") == ["中", "国", "和", "俄", "罗", "斯"])
        #expect(texts("情報セキュリティ。") == ["情", "報", "セ", "キ", "ュ", "リ", "テ", "ィ", "。"])
        #expect(texts("한국어 정보") == ["한국어", " ", "정보"])
        #expect(texts("PPWT草案") == ["PPWT", "草", "案"])
    }

    @Test("emoji sequences and flags stay whole")
    func emoji() {
        #expect(texts("👩‍👩‍👧🇫🇷!") == ["👩‍👩‍👧", "🇫🇷", "!"])
    }

    @Test("the tokens put back together are the text, byte for byte", arguments: [
        "", " ", "not to use Information and Communication Technologies, including networks,",
        "re\u{301}sume\u{301}\r\n中国 🇫🇷 \u{301}", "\t\u{3000}x\u{200D}y",
    ])
    func reproduces(_ text: String) {
        #expect(Array(WordTokenizer.tokens(text).map(\.text).joined().utf8) == Array(text.utf8))
    }
}

@Suite("Word diff")
struct TextDiffTests {
    /// `[-deleted-]{+inserted+}` as in `git diff --word-diff=plain`.
    func plain(_ diff: TextDiff) -> String {
        diff.pieces.map { piece in
            switch piece.operation {
            case .equal: return piece.text
            case .delete: return "[-" + piece.text + "-]"
            case .insert: return "{+" + piece.text + "+}"
            }
        }.joined()
    }

    @Test("identical texts are one kept piece; empty texts none")
    func identical() {
        #expect(TextDiff(from: "a b", to: "a b").pieces == [.init(.equal, "a b")])
        #expect(TextDiff(from: "", to: "").pieces.isEmpty)
        #expect(!TextDiff(from: "a b", to: "a b").hasChanges)
        #expect(plain(TextDiff(from: "", to: "new text")) == "{+new text+}")
        #expect(plain(TextDiff(from: "old text", to: "")) == "[-old text-]")
    }

    @Test("a changed word is deleted then inserted, the rest kept")
    func oneWord() {
        #expect(plain(TextDiff(from: "the draft treaty was tabled", to: "the revised treaty was tabled"))
                == "the [-draft-]{+revised+} treaty was tabled")
        #expect(plain(TextDiff(from: "Outer Space Activities", to: "Draft International Outer Space Activities"))
                == "{+Draft International +}Outer Space Activities")
    }

    @Test("a change's blanks at its ends are set apart from what is marked; a change of blanks alone is marked whole")
    func blanksApart() {
        func parts(_ text: String) -> [String] {
            let (leading, marked, trailing) = TextDiff.Piece(.delete, text).blanksApart
            return [String(leading), String(marked), String(trailing)]
        }
        #expect(parts("hostile ") == ["", "hostile", " "])
        #expect(parts(" or proliferate weapons") == [" ", "or proliferate weapons", ""])
        #expect(parts("  two  words\n") == ["  ", "two  words", "\n"])
        #expect(parts("word") == ["", "word", ""])
        #expect(parts("  ") == ["", "  ", ""])
        #expect(parts("") == ["", "", ""])
        // Nothing is lost: the parts are the text.
        for text in ["hostile ", " a ", "\u{00A0}é\u{301} ", "  "] { #expect(parts(text).joined() == text) }
    }

    @Test("spaces alone between two changes join them into one phrase")
    func phrases() {
        #expect(plain(TextDiff(from: "keep alpha beta keep", to: "keep gamma delta keep")) == "keep [-alpha beta-]{+gamma delta+} keep")
    }

    @Test("what both sides of a change share at its ends stays outside it")
    func sharedEnds() {
        #expect(plain(TextDiff(from: "use Communication Technologies, including networks", to: "use communications technologies and networks"))
                == "use [-Communication Technologies, including-]{+communications technologies and+} networks")
    }

    @Test("case and punctuation count as changes")
    func caseAndPunctuation() {
        #expect(plain(TextDiff(from: "Information security,", to: "information security")) == "[-Information-]{+information+} security[-,-]")
    }

    @Test("canonically equivalent accents still differ byte for byte, and the diff says so")
    func normalisation() {
        let diff = TextDiff(from: "r\u{E9}sum\u{E9}", to: "re\u{301}sume\u{301}")
        #expect(diff.hasChanges)
        #expect(diff.apply(to: "r\u{E9}sum\u{E9}").map { Array($0.utf8) } == Array("re\u{301}sume\u{301}".utf8))
    }

    @Test("CJK text changes character by character")
    func cjkDiff() {
        #expect(plain(TextDiff(from: "信息安全国际行为准则", to: "信息安全国际行为守则")) == "信息安全国际行为[-准-]{+守+}则")
    }

    @Test("texts with almost nothing in common are replaced whole, quickly, and still exactly")
    func unrelatedLongTexts() {
        let old = (0..<3_000).map { "old\($0)" }.joined(separator: " ")
        let new = (0..<3_000).map { "new\($0)" }.joined(separator: " ")
        let diff = TextDiff(from: "Same start. " + old + " Same end.", to: "Same start. " + new + " Same end.")
        #expect(diff.apply(to: "Same start. " + old + " Same end.") == "Same start. " + new + " Same end.")
        #expect(diff.pieces.first == .init(.equal, "Same start. "))
        #expect(diff.pieces.last == .init(.equal, " Same end."))
    }

    @Test("apply refuses a text the diff does not start from")
    func applyChecks() {
        let diff = TextDiff(from: "a b c", to: "a x c")
        #expect(diff.apply(to: "a b c") == "a x c")
        #expect(diff.apply(to: "a b") == nil)
        #expect(diff.apply(to: "a b c d") == nil)
        #expect(diff.apply(to: "a y c") == nil)
        #expect(diff.reversed.apply(to: "a x c") == "a b c")
    }

    @Test("the JSON form names each piece's operation")
    func json() throws {
        let diff = TextDiff(from: "a b", to: "a c")
        #expect(diff.pieces == [.init(.equal, "a "), .init(.delete, "b"), .init(.insert, "c")])
    }

    // MARK: properties

    /// Pieces of text that stress tokenising: accents composed and decomposed, a lone
    /// combining mark (it joins whatever precedes it), CJK, right-to-left scripts,
    /// emoji sequences, every kind of space and line break, punctuation and symbols.
    static let fragments: [String] = [
        "the", "The", "state", "States", "peace", "and", "security", "information", "weapons", "ICTs",
        "r\u{E9}sum\u{E9}", "re\u{301}sume\u{301}", "\u{301}", "\u{308}", "e", "É", "ß", "İ",
        "中", "国", "中国", "信息", "安全", "情報", "セキュリティ", "한국어", "ไทย",
        "عربي", "עברית", "Ж", "ё",
        "👩‍👩‍👧", "🇫🇷", "👍🏽", "\u{200D}", "\u{FE0F}",
        " ", " ", "  ", "\n", "\r\n", "\t", "\u{3000}", "\u{A0}",
        ",", ".", "…", "—", "-", "'", "’", "“", "”", "[", "]", "(", ")", "/", "A/66/359", "2015", "0",
    ]

    /// Indices shrink towards the first fragments, so a failure reduces to plain words.
    static let fragment = Gen.int(in: 0...(fragments.count - 1)).map { fragments[$0] }
    static let text = fragment.array(of: 0...40).map { $0.joined() }

    @Test("applying the diff to the old text gives the new text, and the reverse gives the old")
    func applyRoundTrip() async {
        await propertyCheck(count: 400, input: Self.text, Self.text) { old, new in
            let diff = TextDiff(from: old, to: new)
            #expect(diff.apply(to: old).map { Array($0.utf8) } == Array(new.utf8))
            #expect(diff.reversed.apply(to: new).map { Array($0.utf8) } == Array(old.utf8))
            #expect(Array(diff.oldText.utf8) == Array(old.utf8))
            #expect(Array(diff.newText.utf8) == Array(new.utf8))
        }
    }

    @Test("an edited text keeps what it shares with the original")
    func editsKeepTheRest() async {
        let fragments = Self.fragment.array(of: 0...40)
        await propertyCheck(count: 400, input: fragments, fragments, Gen.int(in: 0...40), Gen.int(in: 0...40)) { base, insert, a, b in
            // Replace one stretch of the original with other text: the rest must survive as kept pieces.
            let lower = min(a, b, base.count), upper = min(max(a, b), base.count)
            let old = base.joined()
            let new = (base[..<lower] + insert + base[upper...]).joined()
            let diff = TextDiff(from: old, to: new)
            #expect(diff.apply(to: old).map { Array($0.utf8) } == Array(new.utf8))
            #expect(diff.reversed.apply(to: new).map { Array($0.utf8) } == Array(old.utf8))
            // Nothing empty, and no two pieces of the same kind side by side.
            #expect(diff.pieces.allSatisfy { !$0.text.isEmpty })
            #expect(zip(diff.pieces, diff.pieces.dropFirst()).allSatisfy { $0.operation != $1.operation })
            // A diff never deletes and re-inserts more than the texts' whole lengths.
            let deleted = diff.pieces.filter { $0.operation == .delete }.map(\.text.utf8.count).reduce(0, +)
            #expect(deleted <= old.utf8.count)
            if old == new { #expect(!diff.hasChanges) }
        }
    }
}
