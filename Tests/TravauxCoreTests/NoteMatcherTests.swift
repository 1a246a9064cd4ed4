import Testing
@testable import TravauxCore

@Suite("Filtering notes by words")
struct NoteMatcherTests {
    /// The definition the matcher replaced: fold the note and the words for every note, and
    /// look for each word by `Character` as TravauxCore does (`PhraseMatch.characterwise`;
    /// here, with Foundation imported, `String.contains` would pick another overload, one
    /// that finds 👩 inside the single character 👩‍⚖️).
    static func reference(_ filter: NoteFilter, _ note: Note) -> Bool {
        if !filter.tags.isEmpty,
           !filter.tags.allSatisfy({ wanted in note.tags.contains { Tag.same($0, Tag.normalise(wanted)) } }) {
            return false
        }
        if let session = filter.session, note.session != session { return false }
        if !filter.itemIDs.isEmpty, !filter.itemIDs.contains(note.target.item) { return false }
        if !filter.text.isEmpty {
            let haystack = TextFolding.fold(note.body + " " + note.tags.joined(separator: " ") + " " + note.target.description)
            let words = TextFolding.fold(filter.text).split(separator: " ")
            if !words.allSatisfy({ PhraseMatch.characterwise(haystack, String($0)) }) { return false }
        }
        return true
    }

    static let bodies = [
        "Verification in the 2008 draft — none.", "Résumé of the Ürümqi talks; vérification?",
        "検証なし. 信頼醸成 measures", "e\u{301}tude de cas: the OSCE's CBMs", "👩‍⚖️ legal adviser's view",
        "Code of conduct;\r\nsecond line", "`ticks` and ; semicolons", "ﬁnal ligature and ǅ digraph",
        "Greek question mark ; here", "",
    ]
    static let queries = [
        "verif", "VÉRIF", "resume urumqi", "検証", "信頼 measures", "etude", "e\u{301}t", "osce's cbm",
        "👩", "legal", "conduct; second", "conduct", "`ticks`", ";", "final", "ǆ", "ﬁ", "  ", "nothing here",
        "de cas", "code of",
    ]

    @Test("the matcher answers as the definition it replaced, on accents, CJK, emoji, ligatures and punctuation")
    func matchesTheReference() {
        var notes: [Note] = []
        for (index, body) in Self.bodies.enumerated() {
            notes.append(Note(id: "01A\(index)", target: NoteTarget(item: index % 2 == 0 ? "ppwt" : "osce-cbms", version: index % 3 == 0 ? "2008" : nil),
                              body: body, tags: index % 2 == 0 ? ["verification", "Genève"] : ["信頼醸成"],
                              session: index % 4 == 0 ? "s1" : nil, author: "ana",
                              created: NoteTime(millisecondsSince1970: 1_795_000_000_000)))
        }
        var filters: [NoteFilter] = Self.queries.map { NoteFilter(text: $0) }
        filters += [NoteFilter(tags: ["#Geneve"]), NoteFilter(tags: ["genève"], text: "verif"),
                    NoteFilter(session: "s1", text: "cbm"), NoteFilter(itemIDs: ["osce-cbms"], text: "2008")]
        for filter in filters {
            let matcher = filter.matcher()
            for note in notes {
                #expect(matcher.matches(note) == Self.reference(filter, note),
                        "filter \(filter.tags) \(filter.session ?? "-") \(filter.itemIDs) '\(filter.text)' on '\(note.body)'")
            }
        }
    }
}
