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
            let typed = filter.text.split(whereSeparator: \.isWhitespace)
            let haystack = TextFolding.fold(note.body + " " + note.tags.joined(separator: " ") + " " + note.target.description)
            let words = typed.filter { !$0.hasPrefix("#") }.flatMap { TextFolding.fold(String($0)).split(separator: " ") }
            if !words.allSatisfy({ PhraseMatch.characterwise(haystack, String($0)) }) { return false }
            // A word written #tag asks for a tag that begins so, folded; "#" alone for nothing.
            let tags = typed.filter { $0.hasPrefix("#") }.map { TextFolding.fold(String($0.drop { $0 == "#" })) }
            if !tags.allSatisfy({ wanted in wanted.isEmpty || note.tags.contains { TextFolding.fold($0).hasPrefix(wanted) } }) {
                return false
            }
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
        "de cas", "code of", "#verification", "#VERIF", "#geneve", "#Genève verif", "#信頼", "#", "# ",
        "#verification #geneve", "#verification #信頼", "#nothing", "#ve legal", "#genèvea",
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

    static func note(_ id: String, body: String, tags: [String]) -> Note {
        Note(id: id, target: NoteTarget(item: "ppwt"), body: body, tags: tags, author: "ana",
             created: NoteTime(millisecondsSince1970: 1_795_000_000_000))
    }

    @Test("a word written #tag finds the notes carrying a tag that begins so, not the notes that only mention it")
    func typedTagAsksForTheTag() {
        let tagged = Self.note("01A1", body: "Kinetic tests in 2007.", tags: ["ASAT", "Genève"])
        let longer = Self.note("01A2", body: "Debris.", tags: ["ASAT-tests"])
        let mentioned = Self.note("01A3", body: "The #ASAT moratorium, ASAT again.", tags: ["debris"])
        let notes = [tagged, longer, mentioned]
        func ids(_ text: String) -> [String] {
            let matcher = NoteFilter(text: text).matcher()
            var texts = NoteSearchText()
            let byPosition = matcher.positions(in: notes, texts: &texts).map { notes[$0].id }
            #expect(byPosition == notes.filter(matcher.matches).map(\.id), "'\(text)': positions and matches agree")
            return byPosition
        }
        #expect(ids("#ASAT") == ["01A1", "01A2"])
        #expect(ids("#asat-t") == ["01A2"])
        #expect(ids("#asat debris") == ["01A2"])
        #expect(ids("#geneve") == ["01A1"])
        #expect(ids("ASAT") == ["01A1", "01A2", "01A3"])
        #expect(ids("#") == ["01A1", "01A2", "01A3"])
        #expect(ids("#moratorium").isEmpty)
    }

    @Test("a large store, whose notes are folded on all processors first, gives the notes the matcher answers for one by one, in order")
    func largeStoreInParallel() {
        // Past the 2,000 notes from which the folding is shared out.
        var notes: [Note] = []
        for index in 0..<2_600 {
            let body = Self.bodies[index % Self.bodies.count] + " \(index)"
            notes.append(Note(id: String(format: "01B%05d", index), target: NoteTarget(item: index % 2 == 0 ? "ppwt" : "osce-cbms"),
                              body: body, tags: index % 3 == 0 ? ["verification", "Genève"] : ["信頼醸成"],
                              session: index % 4 == 0 ? "s1" : nil, author: "ana",
                              created: NoteTime(millisecondsSince1970: 1_795_000_000_000 + Int64(index))))
        }
        var filters: [NoteFilter] = Self.queries.map { NoteFilter(text: $0) }
        filters += [NoteFilter(tags: ["genève"], text: "verif 7"), NoteFilter(session: "s1", text: "cbm"),
                    NoteFilter(itemIDs: ["osce-cbms"], text: "legal"), NoteFilter(tags: ["verification"])]
        for filter in filters {
            let matcher = filter.matcher()
            let expected = notes.filter(matcher.matches)
            #expect(matcher.matching(notes).map(\.id) == expected.map(\.id), "'\(filter.text)' \(filter.tags)")
        }
        // Most queries find some notes and leave others: the comparison is not of empty lists.
        let verif = NoteFilter(text: "verif").matcher().matching(notes).count
        #expect(verif > 0 && verif < notes.count)
    }
}
