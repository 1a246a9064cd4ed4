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
        guard bytewise, let bytes, let first = bytes.first else { return Self.characterwise(text, phrase) }
        var text = text
        return text.withUTF8 { haystack in
            guard haystack.count >= bytes.count else { return false }
            var start = 0
            let last = haystack.count - bytes.count
            while start <= last {
                if haystack[start] == first {
                    var offset = 1
                    while offset < bytes.count && haystack[start + offset] == bytes[offset] { offset += 1 }
                    if offset == bytes.count { return true }
                }
                start += 1
            }
            return false
        }
    }
}
