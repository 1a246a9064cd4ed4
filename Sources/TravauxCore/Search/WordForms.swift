/// Other spellings of a folded query word that mean the same to a reader of the record:
/// a plural's singular (`codes` finds "Code of Conduct"), the British and American
/// `-ise`/`-ize` (`weaponization` finds "weaponisation"), a verb's `-ing` and `-ed` forms'
/// stem (`verifying` finds "verify"), and `cyber` compounds written as one word or two
/// (`cybersecurity` finds "Ten Rules for Cyber Security").
///
/// Only the query is varied, never the index: a variant is one more look-up, and the
/// words the record holds stay as written. A singular form is only a whole word (`codes`
/// must not find every word beginning `cod`), while a spelling (`-ise` for `-ize`) is
/// matched as the word itself is, as a prefix while it is being typed.
public enum WordForms {
    public struct Variant: Hashable, Sendable {
        /// Words that must all match, in place of the query word.
        public var words: [String]
        /// Whether the last of them may match as a prefix, as the word itself may.
        public var asPrefix: Bool
    }

    /// The variants of `word`, not the word itself; none for most words.
    public static func variants(of word: String) -> [Variant] {
        guard word.utf8.count >= 4, word.utf8.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return [] }
        var variants: [Variant] = []
        func add(_ words: [String], asPrefix: Bool) {
            let variant = Variant(words: words, asPrefix: asPrefix)
            if words != [word], !variants.contains(variant) { variants.append(variant) }
        }
        for stem in stems(of: word) { add([stem], asPrefix: false) }
        if let spelling = otherSpelling(of: word) {
            add([spelling], asPrefix: true)
            for stem in stems(of: spelling) { add([stem], asPrefix: false) }
        }
        // `cybersecurity` is "cyber security" too; the words apart must both match.
        if word.hasPrefix(cyber), word.utf8.count >= cyber.utf8.count + 4 {
            add([cyber, String(word.dropFirst(cyber.count))], asPrefix: true)
        }
        return variants
    }

    /// The one word two query words make, when they are a compound written apart
    /// (`cyber security` is "cybersecurity" too, and `cyber s`, being typed, its beginning).
    public static func joined(_ first: String, _ second: String) -> String? {
        guard first == cyber, !second.isEmpty, second.utf8.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return nil }
        return first + second
    }

    private static let cyber = "cyber"

    /// The singular of a plural and the stem of an `-ing` or `-ed` form, as whole words to
    /// look up: a candidate the record does not hold finds nothing, so more than one is tried.
    static func stems(of word: String) -> [String] {
        var stems: [String] = []
        let count = word.count
        func cut(_ suffix: String) -> String? {
            word.hasSuffix(suffix) && count - suffix.count >= 3 ? String(word.dropLast(suffix.count)) : nil
        }
        if let base = cut("ies") {
            stems.append(base + "y")                                   // policies → policy
        } else if let base = cut("es"), ["s", "x", "z", "ch", "sh"].contains(where: { base.hasSuffix($0) }) {
            stems.append(base)                                         // processes → process
            stems.append(base + "e")                                   // responses → response
        } else if let base = cut("s"), !["s", "u", "i"].contains(where: { base.hasSuffix($0) }) {
            stems.append(base)                                         // weapons → weapon; not "status", "analysis"
        }
        for suffix in ["ing", "ed"] {
            guard let base = cut(suffix) else { continue }
            if suffix == "ed", base.hasSuffix("i") {
                stems.append(base.dropLast() + "y")                   // verified → verify
                continue
            }
            stems.append(base)                                         // adopted → adopt; verifying → verify
            stems.append(base + "e")                                   // negotiating → negotiate
            if let last = base.last, base.dropLast().last == last, !"lsz".contains(last) {
                stems.append(String(base.dropLast()))                 // banned → ban
            }
        }
        return stems
    }

    /// `-ize` written `-ise` and the other way round, in the endings where the two spellings
    /// are one word (`weaponization`, `recognised`), and at the end of a word being typed
    /// (`weaponiz`).
    static func otherSpelling(of word: String) -> String? {
        let endings = ["e", "es", "ed", "ing", "ation", "ations", "er", "ers"]
        let letters = Array(word.utf8)
        for (from, to) in [(UInt8(ascii: "z"), UInt8(ascii: "s")), (UInt8(ascii: "s"), UInt8(ascii: "z"))] {
            // The last `iz` (or `is`) after three letters at least.
            guard let at = (3..<max(3, letters.count - 1)).last(where: { letters[$0] == UInt8(ascii: "i") && letters[$0 + 1] == from }) else { continue }
            let rest = String(decoding: letters[(at + 2)...], as: UTF8.self)
            // While typing, `weaponiz` is on its way to an ending; `crisis` is not.
            guard rest.isEmpty || endings.contains(where: { $0 == rest || (from == UInt8(ascii: "z") && $0.hasPrefix(rest)) }) else { continue }
            var changed = letters
            changed[at + 1] = to
            return String(decoding: changed, as: UTF8.self)
        }
        return nil
    }
}
