#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A quoted phrase looked for in folded text.
///
/// `String.contains` compares by `Character` (grapheme clusters, canonical equivalence)
/// through a generic substring search, slow over a large record. Comparing UTF-8 bytes gives
/// the same answer when neither side can hold a multi-scalar cluster or a scalar canonically
/// equal to another: for a text that `TextFolding` can split scalar by scalar, and a phrase of
/// plain ASCII other than `;` and `` ` `` (equal to U+037E and U+1FEF) and line breaks
/// (`\\r\\n` is one `Character`). Anything else is compared as before.
struct PhraseMatch {
    let phrase: String
    /// The phrase's bytes, when it can be compared bytewise.
    private let bytes: [UInt8]?

    init(_ phrase: String) {
        self.phrase = phrase
        let utf8 = Array(phrase.utf8)
        let plain = utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F && $0 != UInt8(ascii: ";") && $0 != UInt8(ascii: "`") }
        bytes = plain && !utf8.isEmpty ? utf8 : nil
    }

    /// Whether folded text can be compared bytewise (`SearchIndex` works this out once per field).
    static func isBytewise(_ folded: String) -> Bool { TextFolding.splitsByScalar(folded) }

    /// The comparison search always made, by `Character`.
    static func characterwise(_ text: String, _ phrase: String) -> Bool { text.contains(phrase) }

    func occurs(in text: String, bytewise: Bool) -> Bool {
        guard bytewise, let bytes else { return Self.characterwise(text, phrase) }
        var text = text
        // The C library's `memchr` finds each place the phrase's first byte is, many bytes at
        // a time, and `memcmp` checks the rest there: a loop over every byte of every note's
        // text was most of a key typed in the Notes filter. (`memmem` is a GNU extension that
        // Swift's Glibc module does not bring in.)
        return text.withUTF8 { haystack in
            bytes.withUnsafeBufferPointer { needle in
                guard haystack.count >= needle.count, let base = haystack.baseAddress, let wanted = needle.baseAddress else {
                    return false
                }
                let first = Int32(wanted.pointee)
                let end = base + (haystack.count - needle.count + 1)
                var start = base
                while start < end, let found = memchr(start, first, end - start) {
                    let candidate = found.assumingMemoryBound(to: UInt8.self)
                    if memcmp(candidate, wanted, needle.count) == 0 { return true }
                    start = UnsafePointer(candidate) + 1
                }
                return false
            }
        }
    }
}
