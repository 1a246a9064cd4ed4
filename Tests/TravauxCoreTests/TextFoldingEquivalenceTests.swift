import Testing
@testable import TravauxCore

/// Folding and word splitting against their plain definitions: scalar by scalar on a
/// `String`, and splitting by `Character`.
@Suite("Text folding against its plain definitions")
struct TextFoldingEquivalenceTests {
    static func plainWords(_ text: String) -> [String] {
        TextFolding.fold(text).split { !$0.isLetter && !$0.isNumber }.flatMap { word -> [String] in
            // Each character of a script written without spaces is a word of its own.
            var pieces: [String] = []
            var current = ""
            for character in word {
                if UnspacedScript.contains(character) {
                    if !current.isEmpty { pieces.append(current) }
                    pieces.append(String(character))
                    current = ""
                } else {
                    current.append(character)
                }
            }
            if !current.isEmpty { pieces.append(current) }
            return pieces
        }
    }

    static let alphabet: [String] = [
        "a", "Z", "0", " ", "-", "/", "é", "E\u{301}", "Ü", "ß", "Œ", "İ", "–", "—", "’", "“", "”", "\u{A0}", "\u{AD}",
        "外", "空", "サ", "ｶ", "ﾞ", "한", "\u{1100}", "\u{1161}", "Ω", "ж", "ⓐ", "½", "②", "\u{200D}", "\u{200C}",
        "👍", "🏽", "🇫", "🇷", "\u{600}", "\u{E33}", "ก", "\r", "\n", "\t", "\u{FE0F}", "ǅ", "ﬁ",
        "の", "ー", "々", "・", "\u{20000}", "ສ", "\u{E48}",
    ]

    @Test("words split exactly as splitting the folded text by Character does")
    func wordsAsCharacters() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let text = (0..<Int.random(in: 0...12, using: &generator)).map { _ in Self.alphabet.randomElement(using: &generator) ?? "" }.joined()
            #expect(TextFolding.words(text).map(String.init) == Self.plainWords(text), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    @Test("the blocks split scalar by scalar never join a neighbour in one grapheme cluster")
    func standAloneBlocks() {
        let ranges: [ClosedRange<UInt32>] = [
            0x00A0...0x02FF, 0x0370...0x0482, 0x048A...0x052F, 0x1E00...0x1FFF, 0x2010...0x2027, 0x2030...0x205E,
            0x20A0...0x20C0, 0x2100...0x2BFF, 0x3000...0x3029, 0x3030...0x3098, 0x309B...0x30FF, 0x3400...0x4DBF,
            0x4E00...0x9FFF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFF01...0xFF9D, 0xFFA0...0xFFEF,
        ]
        for range in ranges {
            for value in range {
                guard let scalar = Unicode.Scalar(value) else { continue }
                let text = String(scalar)
                for neighbour in ["a", " ", "外", "\u{AC00}"] {
                    #expect((neighbour + text).count == 2 && (text + neighbour).count == 2, "U+\(String(value, radix: 16))")
                }
            }
        }
    }

    @Test("the scalars folded without the Unicode tables are letters, have no case and are no mark")
    func scalarsThatFoldToThemselves() {
        var count = 0
        for value in UInt32(0x3000)...0xFAFF {
            guard let scalar = Unicode.Scalar(value), TextFolding.foldsToItself(scalar) else { continue }
            count += 1
            let properties = scalar.properties
            #expect(properties.lowercaseMapping == String(scalar), "U+\(String(value, radix: 16))")
            #expect(![.nonspacingMark, .enclosingMark, .spacingMark].contains(properties.generalCategory), "U+\(String(value, radix: 16))")
            #expect(Character(scalar).isLetter, "U+\(String(value, radix: 16))")
            #expect(TextFolding.fold(String(scalar)) == String(scalar))
        }
        #expect(count > 30_000)
        // The voiced-sound marks beside the kana are marks, so not among them.
        #expect(!TextFolding.foldsToItself("\u{3099}") && !TextFolding.foldsToItself("\u{309A}"))
    }

    @Test("folding keeps its examples")
    func examples() {
        #expect(TextFolding.fold("Résumé – Ürümqi") == "resume - urumqi")
        #expect(TextFolding.fold("Œuvre ß ‘quoted’ ÅNGSTRÖM") == "oeuvre ss 'quoted' angstrom")
        #expect(TextFolding.words("Grotius’ 外空条约 A/RES/69/31").map(String.init) == ["grotius", "外", "空", "条", "约", "a", "res", "69", "31"])
        #expect(TextFolding.words("PPWT草案 한국어 情報セキュリティ").map(String.init)
                == ["ppwt", "草", "案", "한국어", "情", "報", "セ", "キ", "ュ", "リ", "テ", "ィ"])
    }

    @Test("runs of an unspaced script are kept as typed, for the query to find them together")
    func unspacedRuns() {
        #expect(TextFolding.unspacedRuns(folded: "外层 空 ppwt草案、和平利用") == ["外层", "草案", "和平利用"])
        #expect(TextFolding.unspacedRuns(folded: "外 a 한국어").isEmpty)
        #expect(SearchQuery("外层 \"空间\"").runs == ["外层"])
        #expect(SearchQuery("外层 \"空间\"").words == ["外", "层", "空", "间"])
        // Text either side of a quoted phrase is not joined into a run nobody typed.
        #expect(SearchQuery("层\"利用\"外").runs.isEmpty)
        #expect(SearchQuery("foo\"bar\"baz").words == ["foo", "baz", "bar"])
    }
}
