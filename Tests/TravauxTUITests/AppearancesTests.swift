import Testing
@testable import TravauxCurses
import CNcursesw

@Suite("Appearances remembered for drawing")
struct AppearancesTests {
    private func expected(_ word: UInt64) -> (attr_t, Int16) {
        (attr_t(truncatingIfNeeded: word >> 7), Int16(truncatingIfNeeded: word % 251))
    }

    @Test("Each word gets its own look, however the words share slots")
    func looksMatchTheirWords() {
        var appearances = Appearances()
        var generator = SystemRandomNumberGenerator()
        let words = (0..<200).map { _ in UInt64.random(in: 1...UInt64.max, using: &generator) } + [0, 1, 2, 3]
        for word in words.shuffled() + words + words.reversed() {
            let look = appearances.look(of: word) { expected(word) }
            #expect(look == expected(word), "word \(word)")
        }
    }

    @Test("A word asked for again is not worked out again")
    func remembered() {
        var appearances = Appearances()
        var made = 0
        for _ in 0..<3 {
            _ = appearances.look(of: 0x1234_5678) { made += 1; return (7, 3) }
        }
        #expect(made == 1)
        // A word in the same slot or not, asked for once, is worked out once.
        _ = appearances.look(of: 42) { made += 1; return (1, 1) }
        #expect(made == 2)
    }

    @Test("Two words of one set stay remembered; a third takes the place of the one asked for longer ago")
    func twoWays() throws {
        let first: UInt64 = 0x51
        let sameSet = ((first + 1)...).lazy.filter { Appearances.set(of: $0) == Appearances.set(of: first) }
        var others = sameSet.makeIterator()
        let (next, afterNext) = (others.next(), others.next())
        let second = try #require(next)
        let third = try #require(afterNext)
        var appearances = Appearances()
        var made: [UInt64] = []
        func ask(_ word: UInt64) { _ = appearances.look(of: word) { made.append(word); return (1, 2) } }
        for _ in 0..<3 { ask(first); ask(second) }
        #expect(made == [first, second])
        ask(first)      // `second` is now the one asked for longer ago
        ask(third)
        ask(first)
        ask(second)
        #expect(made == [first, second, third, second])
    }
}
