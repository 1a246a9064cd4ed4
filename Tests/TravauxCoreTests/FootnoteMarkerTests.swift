import Testing
@testable import TravauxCore

@Suite("A footnote's marker names its source")
struct FootnoteMarkerTests {
    let record: Record

    init() throws {
        record = try RecordLoader.load(directory: Fixture.shippedRecordDirectory)
    }

    @Test("as travaux prints it and as people type it", arguments: [
        ("Meyer 15", "meyer-fn-15"), ("[Meyer 15]", "meyer-fn-15"), ("meyer 15", "meyer-fn-15"),
        ("[PMP 3]", "pmp-fn-3"), ("pmp-3", "pmp-fn-3"), ("PMP3", "pmp-fn-3"), ("meyer fn 15", "meyer-fn-15"),
        ("Meyer n. 2", "meyer-fn-2"), ("PMP footnote 22", "pmp-fn-22"), ("  Meyer 15 ", "meyer-fn-15"),
        ("meyer-chapter 36", "meyer-fn-36"),
    ])
    func resolves(typed: String, source: String) {
        #expect(record.sourceID(marker: typed) == source)
        #expect(record.resolvingTyped(typed) == source)
    }

    @Test("a number alone, a name alone, an unknown work or a number the work lacks names nothing", arguments: [
        "15", "[15]", "Meyer", "Grotius 3", "Meyer 99", "Meyer 0", "", "fn 15", "Meyer 1 5",
    ])
    func refuses(typed: String) {
        #expect(record.sourceID(marker: typed) == nil)
        #expect(record.resolvingTyped(typed) == typed)
    }

    @Test("an id is taken before a marker, and in any case")
    func idsFirst() {
        #expect(record.resolvingTyped("ppwt") == "ppwt")
        #expect(record.resolvingTyped("PPWT") == "ppwt")
        #expect(record.resolvingTyped("meyer-fn-15") == "meyer-fn-15")
    }

    @Test("a number the work lacks is told the numbers it has")
    func missingNumber() {
        #expect(record.missingFootnote(marker: "Meyer 99") == "no footnote 99 in Meyer ('meyer-chapter'): its footnotes run from 1 to 36")
        #expect(record.missingFootnote(marker: "[PMP 40]") == "no footnote 40 in PMP ('pmp-remarks'): its footnotes run from 1 to 22")
        #expect(record.missingFootnote(marker: "Meyer 15") == nil)
        #expect(record.missingFootnote(marker: "Grotius 3") == nil)
    }

    @Test("a note typed on a marker goes on the footnote; a wrong number says which there are")
    func noteTarget() {
        #expect(record.resolvingTyped(of: NoteTarget(item: "Meyer 15")).item == "meyer-fn-15")
        #expect(record.problem(with: NoteTarget(item: "Meyer 99")) == "no footnote 99 in Meyer ('meyer-chapter'): its footnotes run from 1 to 36")
    }
}
