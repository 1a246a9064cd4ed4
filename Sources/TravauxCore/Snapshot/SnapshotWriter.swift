/// Appends values to a snapshot in the form `SnapshotReader` reads back: numbers as
/// variable-length integers, strings as a length and their UTF-8, lists as a count and
/// their elements, an absent optional as one zero byte.
struct SnapshotWriter {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    mutating func integer(_ value: Int) {
        // Zigzag, so that small negative numbers stay short too.
        var rest = UInt64(bitPattern: Int64((value << 1) ^ (value >> (Int.bitWidth - 1))))
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            integer(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    mutating func strings(_ values: [String]) {
        integer(values.count)
        for value in values { string(value) }
    }

    mutating func value<T: SnapshotCodable>(_ value: T) { value.write(to: &self) }

    mutating func list<T: SnapshotCodable>(_ values: [T]) {
        integer(values.count)
        for value in values { value.write(to: &self) }
    }

    /// A present optional is a one byte followed by its value.
    mutating func optional<T>(_ value: T?, _ write: (inout SnapshotWriter, T) -> Void) {
        guard let value else { bytes.append(0); return }
        bytes.append(1)
        write(&self, value)
    }

    mutating func optionalString(_ value: String?) { optional(value) { $0.string($1) } }

    mutating func optionalInteger(_ value: Int?) { optional(value) { $0.integer($1) } }

    /// Fixed-width little-endian numbers, so that a reader can copy them in one go.
    mutating func int32s(_ values: [Int32]) {
        integer(values.count)
        for value in values { withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) } }
    }

    mutating func uint64(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func raw(_ values: [UInt8]) { bytes.append(contentsOf: values) }
}
