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

    /// Empties the text, keeping its storage for the next frame's.
    mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        isPrintableASCII = true
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
        // Digits came least significant first. Swapped in place: reversing `bytes[start...]`
        // copied the array, the slice sharing its storage.
        var (low, high) = (start, bytes.count - 1)
        while low < high {
            bytes.swapAt(low, high)
            (low, high) = (low + 1, high - 1)
        }
    }

    var string: String { String(decoding: bytes, as: UTF8.self) }

    /// The columns the text takes.
    var displayWidth: Int { isPrintableASCII ? bytes.count : DisplayWidth.of(string) }
}
