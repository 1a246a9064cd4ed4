import Testing
@testable import TravauxCore

@Suite("The kinds of theme, as a reader sees them")
struct ThemeKindTests {
    @Test("known kinds have headings of their own, CBMs in capitals; others are their id in words")
    func headings() {
        #expect(ThemeKind.heading("cbms-vs-treaty") == "CBMs versus treaties")
        #expect(ThemeKind.heading("similarity") == "Similarities")
        #expect(ThemeKind.heading("new-kind-of-point") == "New kind of point")
        #expect(ThemeKind.name("cbms-vs-treaty") == "CBMs versus treaties")
        #expect(ThemeKind.name("obstacle") == "obstacle")
    }

    @Test("every kind the shipped record uses is known, so none falls to the end or reads as an id")
    func shippedKinds() throws {
        let record = try RecordLoader.load(directory: Fixture.shippedRecordDirectory)
        let unknown = Set(record.themes.map(\.type)).filter { ThemeKind.rank($0) == ThemeKind.known.count }
        #expect(unknown.isEmpty, "kinds without a heading: \(unknown.sorted())")
    }

    @Test("the kinds come in the chapter's order: overview and background first, conclusion last")
    func order() {
        let types = ["conclusion", "similarity", "zzz-unknown", "overview", "cbms-vs-treaty", "background"]
        #expect(types.sorted { (ThemeKind.rank($0), $0) < (ThemeKind.rank($1), $1) }
                == ["overview", "background", "similarity", "cbms-vs-treaty", "conclusion", "zzz-unknown"])
    }
}
