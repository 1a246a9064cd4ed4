import Testing
import TravauxCore

@Suite("Optional.isPresent")
struct OptionalPresenceTests {
    struct Draft: Equatable {
        var body: String
        var tags: [String]
    }

    @Test("agrees with comparing to nil, for Equatable wrapped values and others")
    func agreesWithNilComparison() {
        let drafts: [Draft?] = [nil, Draft(body: "", tags: []), Draft(body: "wording of para 3", tags: ["PAROS"])]
        for draft in drafts { #expect(draft.isPresent == (draft != nil)) }
        let nested: [Int??] = [nil, .some(nil), .some(.some(0))]
        #expect(nested.map(\.isPresent) == [false, true, true])
        let closure: (() -> Void)? = nil
        #expect(!closure.isPresent)
    }
}
