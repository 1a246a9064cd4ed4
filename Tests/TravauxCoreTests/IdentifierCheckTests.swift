import Testing
@testable import TravauxCore

/// The byte-level id and symbol checks against their plain definitions.
@Suite("Id and symbol checks")
struct IdentifierCheckTests {
    static func plainKebabCase(_ id: String) -> Bool {
        guard !id.isEmpty, !id.hasPrefix("-"), !id.hasSuffix("-"), !id.contains("--") else { return false }
        return id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    static func plainDocumentSymbol(_ symbol: String) -> Bool {
        let parts = symbol.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count >= 2, parts.allSatisfy({ !$0.isEmpty }) else { return false }
        guard let first = symbol.unicodeScalars.first, ("A"..."Z").contains(first),
              let last = symbol.unicodeScalars.last, last != " " else { return false }
        guard !symbol.contains("  ") else { return false }
        return symbol.unicodeScalars.allSatisfy {
            ("A"..."Z").contains($0) || ("a"..."z").contains($0) || ("0"..."9").contains($0) || ".-/() ".unicodeScalars.contains($0)
        }
    }

    /// Every string of up to four characters from an alphabet that covers each rule.
    static func strings(_ alphabet: [Character], upTo length: Int) -> [String] {
        var result = [""]
        var level = [""]
        for _ in 0..<length {
            level = level.flatMap { prefix in alphabet.map { prefix + String($0) } }
            result += level
        }
        return result
    }

    @Test("kebab-case ids are recognised exactly as before")
    func kebabCase() {
        for id in Self.strings(["a", "z", "0", "-", "A", "é", "_"], upTo: 4) {
            #expect(RecordValidator.isKebabCase(id) == Self.plainKebabCase(id), "\(id)")
        }
    }

    @Test("document symbols are recognised exactly as before")
    func documentSymbols() {
        for symbol in Self.strings(["A", "a", "1", "/", " ", ".", "(", "é", "_"], upTo: 4)
            + ["CD/1985", "A/RES/69/31", "PC.DEC/1106", "WSIS-03/GENEVA/DOC/4-E", "A/66/152 Add.1", "DCO/79(2011)", "A/66/152  Add.1"] {
            #expect(RecordValidator.isDocumentSymbol(symbol) == Self.plainDocumentSymbol(symbol), "\(symbol)")
        }
    }
}
