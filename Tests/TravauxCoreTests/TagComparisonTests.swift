import Testing
@testable import TravauxCore

/// Tags compared in place while ASCII, and the tag filter brought up to date item by item,
/// each against its plain definition.
@Suite("Tags compared, and the tag filter kept up to date")
struct TagComparisonTests {
    static let pieces = ["a", "A", "z", "Z", "-", "1", "@", "[", "`", "{", "é", "É", "İ", "i", "\u{307}", "K", "\u{212A}",
                         "ß", "SS", "Σ", "σ", "ς", "ǅ", "ǆ", "検", "👍", ""]

    static func random(_ generator: inout some RandomNumberGenerator) -> String {
        (0..<Int.random(in: 0...4, using: &generator)).map { _ in pieces.randomElement(using: &generator) ?? "" }.joined()
    }

    @Test("two tags are the same exactly when they are equal once lowered")
    func sameAsLowered() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<50_000 {
            let a = Self.random(&generator)
            // Half the time the same letters in other cases, so that equal tags come up often.
            let b = Bool.random(using: &generator) ? a.map { Bool.random(using: &generator) ? $0.uppercased() : $0.lowercased() }.joined()
                                                   : Self.random(&generator)
            #expect(Tag.same(a, b) == (a.lowercased() == b.lowercased()), "\(a.unicodeScalars.map(\.value)) \(b.unicodeScalars.map(\.value))")
        }
        #expect(Tag.same("Verification", "vERIFICATION"))
        #expect(!Tag.same("verification", "verifications"))
        #expect(Tag.same("\u{212A}", "k"), "the Kelvin sign lowers to k")
    }

    @Test("the tag filter updated for the items whose notes changed is the filter made from every note")
    func updatedAsMadeAgain() {
        var generator = SystemRandomNumberGenerator()
        let items = ["ppwt", "osce-cbms", "eu-code", "gge-2013"]
        let tags = ["PPWT", "ppwt", "verification", "Vérification", "venue"]
        func note(_ number: Int) -> Note {
            Note(id: "01M7ZRGDZTQY8XKGSRE\(100_000 + number)", target: NoteTarget(item: items.randomElement(using: &generator) ?? "ppwt"),
                 body: "n", tags: [tags.randomElement(using: &generator) ?? "ppwt"], author: "a",
                 created: NoteTime(millisecondsSince1970: Int64(number)))
        }
        var notes = NoteCollection(notes: (0..<12).map(note))
        for name in ["ppwt", "vérification"] {
            var filter = TagFilter(name: name, notes: notes)
            for step in 0..<300 {
                var changed: [String] = []
                if Bool.random(using: &generator), let gone = notes.unordered.randomElement(using: &generator) {
                    notes.remove(gone.id)
                    changed.append(gone.target.item)
                } else {
                    let number = Int.random(in: 0..<40, using: &generator)
                    let old = notes.note(note(number).id)
                    let new = note(number)
                    notes.put(new)
                    changed += [old?.target.item, new.target.item].compactMap { $0 }
                }
                filter = filter.updated(forItems: changed, in: notes)
                #expect(filter == TagFilter(name: name, notes: notes), "#\(name), step \(step)")
            }
        }
    }
}
