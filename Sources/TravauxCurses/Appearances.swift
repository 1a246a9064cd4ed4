import CNcursesw

/// The attributes and colour pair of each cell appearance drawn so far (`Cell.appearanceWord`),
/// remembered for the session. Working them out took a dictionary lookup, with hashing, each time
/// a changed span changed style: a few times a key, in code that a key after a pause found out
/// of the processor's caches. Two ways per set: a look asked for and not found replaces the one
/// of its set asked for longer ago, so two appearances of one frame that share a set both stay.
struct Appearances {
    private struct Slot {
        var word: UInt64 = 0
        var attributes: attr_t = 0
        var pair: Int16 = 0
        var filled = false
    }

    private static let sets = 32
    /// Set `s` is slots `2s` (the one asked for last) and `2s + 1`.
    private var slots = [Slot](repeating: Slot(), count: 2 * sets)

    /// The set a word's look goes in. Fibonacci hashing: the top five bits of the product mix
    /// every bit of the word.
    static func set(of word: UInt64) -> Int {
        Int(truncatingIfNeeded: (word &* 0x9E37_79B9_7F4A_7C15) >> 59)
    }

    /// The look remembered for `word`, else the one `make` works out, remembered.
    mutating func look(of word: UInt64, make: () -> (attr_t, Int16)) -> (attr_t, Int16) {
        let first = 2 * Self.set(of: word)
        if slots[first].filled, slots[first].word == word { return (slots[first].attributes, slots[first].pair) }
        if slots[first + 1].filled, slots[first + 1].word == word {
            slots.swapAt(first, first + 1)
            return (slots[first].attributes, slots[first].pair)
        }
        let (attributes, pair) = make()
        slots[first + 1] = slots[first]
        slots[first] = Slot(word: word, attributes: attributes, pair: pair, filled: true)
        return (attributes, pair)
    }
}
