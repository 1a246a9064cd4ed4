import Testing
@testable import TravauxCore

@Suite("The Notes filter's kept folding")
struct NoteSearchTextTests {
    static func notes(count: Int) -> [Note] {
        (0..<count).map { index in
            let body = NoteMatcherTests.bodies[index % NoteMatcherTests.bodies.count] + " n\(index)"
            return Note(id: "01B\(index)", target: NoteTarget(item: index % 2 == 0 ? "ppwt" : "osce-cbms"),
                        body: body, tags: index % 3 == 0 ? ["verification"] : ["信頼醸成"],
                        session: index % 4 == 0 ? "s1" : nil, author: "ana",
                        created: NoteTime(millisecondsSince1970: 1_795_000_000_000 + Int64(index)))
        }
    }

    static func expected(_ filter: NoteFilter, _ notes: [Note]) -> [Int] {
        notes.indices.filter { NoteMatcherTests.reference(filter, notes[$0]) }
    }

    @Test("typing a filter letter by letter, then deleting it, answers as folding every note each time")
    func typingAndDeleting() {
        let notes = Self.notes(count: 40)
        var texts = NoteSearchText()
        for query in NoteMatcherTests.queries + ["verification n1", "code of conduct", "n3 n"] {
            var typed: [Character] = []
            var steps: [String] = []
            for character in query { typed.append(character); steps.append(String(typed)) }
            while !typed.isEmpty { typed.removeLast(); steps.append(String(typed)) }
            for text in steps {
                for filter in [NoteFilter(text: text), NoteFilter(session: "s1", text: text), NoteFilter(tags: ["Verification"], text: text)] {
                    #expect(filter.matcher().positions(in: notes, texts: &texts) == Self.expected(filter, notes),
                            "'\(text)' \(filter.session ?? "-") \(filter.tags)")
                }
            }
        }
        #expect(texts.count == notes.count)
    }

    @Test("a note changed, added or removed is looked at again, and the others are not folded again")
    func notesChangeBetweenKeys() {
        var collection = NoteCollection(notes: Self.notes(count: 30))
        var texts = NoteSearchText()
        let filter = NoteFilter(text: "zebra")
        #expect(filter.matcher().positions(in: collection.unordered, texts: &texts).isEmpty)

        var edited = collection.unordered[7]
        edited.body += " a zebra crossing"
        collection.put(edited)
        var added = Self.notes(count: 31)[30]
        added.body = "Zébra"
        collection.put(added)
        var notes = collection.unordered
        #expect(filter.matcher().positions(in: notes, texts: &texts).map { notes[$0].id } == [edited.id, added.id])

        collection.remove(edited.id)
        notes = collection.unordered
        #expect(filter.matcher().positions(in: notes, texts: &texts).map { notes[$0].id } == [added.id])
        #expect(texts.count == notes.count)
        for query in ["verif", "n2", "zeb"] {
            let filter = NoteFilter(text: query)
            #expect(filter.matcher().positions(in: notes, texts: &texts) == Self.expected(filter, notes))
        }
    }

    @Test("the collection's revision stands for its notes: the same revision answers at once, a change is looked at again")
    func byRevision() {
        var collection = NoteCollection(notes: Self.notes(count: 30))
        let copy = collection
        #expect(copy.revision == collection.revision)
        var texts = NoteSearchText.folding(collection, record: nil)
        let filter = NoteFilter(text: "zebra")
        #expect(filter.matcher().positions(in: collection.unordered, revision: collection.revision, texts: &texts).isEmpty)
        // The tags were laid out with the text.
        #expect(texts.foldedTags.count == collection.count)
        let tagged = NoteFilter(text: "#verif")
        #expect(tagged.matcher().positions(in: collection.unordered, revision: collection.revision, texts: &texts)
                == Self.expected(tagged, collection.unordered))

        var edited = collection.unordered[3]
        edited.body = "a zebra"
        collection.put(edited)
        #expect(collection.revision != copy.revision)
        var notes = collection.unordered
        #expect(filter.matcher().positions(in: notes, revision: collection.revision, texts: &texts).map { notes[$0].id } == [edited.id])
        collection.remove(edited.id)
        #expect(collection.revision != copy.revision)
        notes = collection.unordered
        #expect(filter.matcher().positions(in: notes, revision: collection.revision, texts: &texts).isEmpty)
        // The copy taken before, at its own revision, still answers for its own notes.
        #expect(filter.matcher().positions(in: copy.unordered, revision: copy.revision, texts: &texts).isEmpty)
        #expect(Revision() != Revision())
    }

    @Test("a large store is folded in parts, with the same answers")
    func foldedInParts() {
        let notes = Self.notes(count: 2_500)
        var texts = NoteSearchText()
        for query in ["verif", "n24", "n249", "résumé ürümqi", "検証", "👩"] {
            let filter = NoteFilter(text: query)
            #expect(filter.matcher().positions(in: notes, texts: &texts) == Self.expected(filter, notes), "\(query)")
        }
    }

    @Test("typed tags read from the tags laid out per revision answer as each note's own tags, through saves and deletes")
    func typedTagsByRevision() {
        var generator = SystemRandomNumberGenerator()
        let tagPieces = ["ver", "VER", "ification", "Vé", "rif", "ß", "SS", "\u{212A}", "k", "検証", "-", "3", "PPWT", "e\u{301}"]
        func tag() -> String { (0..<Int.random(in: 1...3, using: &generator)).map { _ in tagPieces.randomElement(using: &generator) ?? "" }.joined() }
        func note(_ number: Int) -> Note {
            Note(id: "01M7ZRGDZTQY8XKGSRE\(100_000 + number)", target: NoteTarget(item: number % 2 == 0 ? "ppwt" : "eu-code"),
                 body: number % 3 == 0 ? "verification" : "n", tags: (0..<Int.random(in: 0...3, using: &generator)).map { _ in tag() },
                 session: number % 4 == 0 ? "s1" : nil, author: "a", created: NoteTime(millisecondsSince1970: Int64(number)))
        }
        let queries = ["#ver", "#VERIF", "#vé", "#ss", "#ß", "#k", "#\u{212A}", "#検", "#e\u{301}", "#ver #ppwt", "#ver verif",
                       "#", "#-3", "#verification", "#nothing"]
        var notes = NoteCollection(notes: (0..<60).map(note))
        var texts = NoteSearchText()
        for step in 0..<200 {
            let filter = [NoteFilter(text: queries.randomElement(using: &generator) ?? "#"),
                          NoteFilter(session: "s1", text: queries.randomElement(using: &generator) ?? "#")]
                .randomElement(using: &generator) ?? NoteFilter()
            let all = notes.unordered
            #expect(filter.matcher().positions(in: all, revision: notes.revision, texts: &texts) == Self.expected(filter, all),
                    "step \(step): '\(filter.text)' \(filter.session ?? "-")")
            if Bool.random(using: &generator), let gone = all.randomElement(using: &generator) {
                notes.remove(gone.id)
            } else {
                notes.put(note(Int.random(in: 0..<90, using: &generator)))
            }
        }
    }

    @Test("narrowing from the last answer only when the new words can only match fewer notes")
    func narrowing() {
        #expect(NoteSearchText.narrows(["verif"], to: ["verifi"]))
        #expect(NoteSearchText.narrows(["code"], to: ["code", "of"]))
        #expect(NoteSearchText.narrows([], to: ["a"]))
        #expect(!NoteSearchText.narrows(["code", "of"], to: ["code"]))
        #expect(!NoteSearchText.narrows(["ab"], to: ["b"]))
        #expect(!NoteSearchText.narrows(["e"], to: ["e\u{301}"]), "é does not begin with e, by Character")
    }

    @Test("given the record, a word may be in the title or short name of the note's item, typed letter by letter or not; without it, only in the note")
    func itemTitles() throws {
        let record = try Fixture.record()
        let notes = Self.notes(count: 12)
        let onPPWT = notes.indices.filter { notes[$0].target.item == "ppwt" }
        var texts = NoteSearchText()
        var typed = ""
        for character in "placement" {
            typed.append(character)
            let found = NoteFilter(text: typed).matcher(record: record).positions(in: notes, texts: &texts)
            if typed.count >= 3 { #expect(found == onPPWT, "\(typed)") }
        }
        #expect(NoteFilter(text: "placement weapons").matcher(record: record).positions(in: notes, texts: &texts) == onPPWT)
        #expect(NoteFilter(text: "placement").matcher(record: record).matches(notes[0]))
        #expect(NoteFilter(text: "placement").apply(to: NoteCollection(notes: notes), record: record).count == onPPWT.count)
        // Without the record the same texts are folded again, without titles.
        #expect(NoteFilter(text: "placement").matcher().positions(in: notes, texts: &texts).isEmpty)
        #expect(!NoteFilter(text: "placement").matcher().matches(notes[0]))
        // And with it once more, with them.
        #expect(NoteFilter(text: "placement").matcher(record: record).positions(in: notes, texts: &texts) == onPPWT)
        // Folded ahead, on another thread in the interface, with the titles.
        let collection = NoteCollection(notes: notes)
        var ahead = NoteSearchText.folding(collection, record: record)
        #expect(NoteFilter(text: "osce confidence").matcher(record: record).positions(in: collection.unordered, revision: collection.revision, texts: &ahead).count
                == notes.count - onPPWT.count)
    }
}
