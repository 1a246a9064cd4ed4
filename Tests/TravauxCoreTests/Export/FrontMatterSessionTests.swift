import Testing
@testable import TravauxCore

/// `session:` in a handout's front matter says every note in it was taken in that session;
/// a note taken outside any session must not be claimed for one.
@Suite("The front matter's session is claimed only for notes that all share it")
struct FrontMatterSessionTests {
    let record: Record

    init() throws { record = try Fixture.record() }

    func frontMatter(_ sessions: [String?]) -> String {
        let notes = sessions.enumerated().map { index, session in
            ExportFixture.note(index + 1, NoteTarget(item: "ppwt"), "note \(index + 1)", session: session)
        }
        let text = MarkdownExport.render(selected: notes, record: record, options: ExportFixture.options())
        return String(text.split(separator: "\n---\n", maxSplits: 1)[0])
    }

    @Test("one session for every note: session")
    func shared() {
        #expect(frontMatter(["s1", "s1"]).contains("\nsession: \"s1\"\n"))
    }

    @Test("a note without a session: the sessions there are, as a list, and no single session claimed")
    func someWithout() {
        let yaml = frontMatter([nil, "s1"])
        #expect(!yaml.contains("\nsession:"))
        #expect(yaml.contains("\nsessions:\n  - \"s1\"\n"))
        #expect(frontMatter(["s2", nil, "s1"]).contains("\nsessions:\n  - \"s1\"\n  - \"s2\"\n"))
    }

    @Test("a session in two cases is one session, named as most of its notes name it (on a tie, the first in code order), in the front matter and in every note's line")
    func twoCases() {
        #expect(frontMatter(["Seminar 3", "seminar 3"]).contains("\nsession: \"Seminar 3\"\n"))
        let notes = ["Seminar 3", "seminar  3"].enumerated().map { index, session in
            ExportFixture.note(index + 1, NoteTarget(item: "ppwt"), "note \(index + 1)", session: session)
        }
        let text = MarkdownExport.render(selected: notes, record: record, options: ExportFixture.options())
        #expect(text.components(separatedBy: "Session: Seminar 3 ·").count == 3, "\(text)")
        // The spelling of the most notes, in the title made from a session filter too.
        let mixed = ["Seminar 3", "seminar 3", "seminar 3"].enumerated().map { index, session in
            ExportFixture.note(index + 1, NoteTarget(item: "ppwt"), "note \(index + 1)", session: session)
        }
        let filtered = ExportFixture.options(ExportSelection(notes: NoteFilter(session: "SEMINAR 3")))
        let handout = MarkdownExport.render(selected: mixed, record: record, options: filtered)
        #expect(handout.hasPrefix("---\ntitle: \"Notes of seminar 3\"\n"), "\(handout)")
        #expect(handout.contains("\nsession: \"seminar 3\"\n"))
        #expect(!handout.contains("Seminar 3") && !handout.contains("SEMINAR 3"))
        #expect(frontMatter(["s2", "S1", "s1"]).contains("\nsessions:\n  - \"S1\"\n  - \"s2\"\n"))
    }

    @Test("no note with a session: neither key")
    func none() {
        let yaml = frontMatter([nil, "  "])
        #expect(!yaml.contains("\nsession:") && !yaml.contains("\nsessions:"))
    }

    @Test("a tag spelled two ways by notes merged through git is one tag, spelled as its oldest note spells it (as travaux tags names it), in the front matter and every note's line")
    func tagSpelledTwoWays() {
        let notes = [ExportFixture.note(1, NoteTarget(item: "ppwt"), "Ana's", tags: ["Norms"]),
                     ExportFixture.note(2, NoteTarget(item: "ppwt"), "Ben's", tags: ["norms", "treaty"]),
                     ExportFixture.note(3, NoteTarget(item: "osce"), "Ben's again", tags: ["norms"])]
        let text = MarkdownExport.render(selected: notes, record: record, options: ExportFixture.options())
        #expect(text.contains("\ntags:\n  - \"Norms\"\n  - \"treaty\"\n"), "\(text)")
        #expect(text.components(separatedBy: "Tags: #Norms").count == 4, "\(text)")
        #expect(!text.contains("#norms"))
        #expect(NoteCollection(notes: notes).tagCounts.first?.tag == "Norms")
    }
}
