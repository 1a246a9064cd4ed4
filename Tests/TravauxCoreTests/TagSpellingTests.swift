import Testing
@testable import TravauxCore

/// A new tag must be one Obsidian reads as a tag, or an export's `#R&D` turns into `#R`.
@Suite("What a new tag may hold")
struct TagSpellingTests {
    @Test("letters of any script, digits, -, _, / and emoji make a tag", arguments: [
        "verification", "PPWT", "space-weapons", "UN_GGE", "cyber/norms", "Genève", "外空", "res-1540", "y1984", "🚀", "❤️", "2010-report",
    ])
    func accepted(tag: String) {
        #expect(TagSpelling.problem(tag) == nil)
    }

    @Test("other characters are refused, naming the first, with a spelling to use where one keeps the meaning", arguments: [
        ("R&D", "tag 'R&D' has '&'; a tag holds letters, digits, '-', '_' and '/', as Obsidian reads tags, e.g. 'R-D'"),
        ("U.S.-China", "tag 'U.S.-China' has '.'; a tag holds letters, digits, '-', '_' and '/', as Obsidian reads tags, e.g. 'U-S-China'"),
        ("c++", "tag 'c++' has '+'; a tag holds letters, digits, '-', '_' and '/', as Obsidian reads tags"),
        ("a:b!", "tag 'a:b!' has ':' and more; a tag holds letters, digits, '-', '_' and '/', as Obsidian reads tags, e.g. 'a-b'"),
        ("U.S.", "tag 'U.S.' has '.'; a tag holds letters, digits, '-', '_' and '/', as Obsidian reads tags, e.g. 'U-S'"),
        ("-", "tag '-' has no letter or digit; separate tags with spaces alone"),
        ("_/", "tag '_/' has no letter or digit; separate tags with spaces alone"),
        ("1540", "tag '1540' is all digits, which Obsidian reads as text; give it a letter, e.g. 'res-1540'"),
        ("©", "tag '©' has '©'; a tag holds letters, digits, '-', '_' and '/', as Obsidian reads tags"),
    ])
    func refused(tag: String, message: String) {
        #expect(TagSpelling.problem(tag) == message)
    }

    @Test("the first problem among several tags")
    func among() {
        #expect(TagSpelling.problem(among: ["ok", "1540", "R&D"])?.hasPrefix("tag '1540'") == true)
        #expect(TagSpelling.problem(among: ["ok", "fine"]) == nil)
    }
}
