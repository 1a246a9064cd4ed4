/// Note ids in the ULID layout: 48 bits of milliseconds then 80 random bits, in Crockford's
/// base 32 (26 characters). They sort by creation time as text, and two machines of a
/// seminar taking notes at the same instant will not collide.
public enum NoteID {
    static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ".utf8)

    public static func make(at time: NoteTime) -> String {
        var generator = SystemRandomNumberGenerator()
        return make(at: time, using: &generator)
    }

    public static func make<G: RandomNumberGenerator>(at time: NoteTime, using generator: inout G) -> String {
        var characters = [UInt8](repeating: 0, count: 26)
        var ms = UInt64(max(0, time.millisecondsSince1970))
        for i in stride(from: 9, through: 0, by: -1) {
            characters[i] = alphabet[Int(ms & 31)]
            ms >>= 5
        }
        var random = (generator.next() as UInt64, generator.next() as UInt64)
        for i in 10..<26 {
            characters[i] = alphabet[Int(random.0 & 31)]
            random.0 >>= 5
            if i == 17 { random.0 = random.1 }
        }
        return String(decoding: characters, as: UTF8.self)
    }

    /// Whether a text has the shape of the ids travaux makes. A note written by hand may
    /// have another id; it is read all the same, and named by that id in full.
    public static func isValid(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        return bytes.count == 26 && bytes.allSatisfy { alphabet.contains($0) }
    }
}
