/// The status line's left text as UTF-8 bytes, built without `String` interpolation. On a key
/// that moves the selection it is the pane's name and "n/N": built, measured, sanitized, cut
/// and written as a `String`, it ran through about 20 functions, some 80 lines of code that a
/// key fetches from memory after a pause (docs/performance.md).
struct StatusText: Sendable {
    private(set) var bytes: [UInt8] = []
    /// Whether every byte is printable ASCII: one column each, and nothing to sanitize.
    private(set) var isPrintableASCII = true

    init() {
        bytes.reserveCapacity(64)
    }

    mutating func append(_ text: String) {
        for byte in text.utf8 {
            if byte < 0x20 || byte >= 0x7F { isPrintableASCII = false }
            bytes.append(byte)
        }
    }

    /// Appends `number` in decimal.
    mutating func append(_ number: Int) {
        if number < 0 { bytes.append(UInt8(ascii: "-")) }
        let start = bytes.count
        var rest = number.magnitude
        repeat {
            bytes.append(UInt8(ascii: "0") + UInt8(rest % 10))
            rest /= 10
        } while rest > 0
        bytes[start...].reverse()
    }

    var string: String { String(decoding: bytes, as: UTF8.self) }

    /// The columns the text takes.
    var displayWidth: Int { isPrintableASCII ? bytes.count : DisplayWidth.of(string) }
}
