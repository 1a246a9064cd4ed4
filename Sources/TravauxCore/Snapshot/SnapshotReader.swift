/// Reads what `SnapshotWriter` wrote, checking every length against the bytes there are:
/// a torn or foreign file is `SnapshotDamage`, never a crash or a wrong value.
struct SnapshotReader {
    let bytes: UnsafeRawBufferPointer
    private(set) var position: Int

    init(bytes: UnsafeRawBufferPointer, position: Int = 0) {
        self.bytes = bytes
        self.position = position
    }

    var isAtEnd: Bool { position == bytes.count }

    mutating func integer() throws(SnapshotDamage) -> Int {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard position < bytes.count, shift < 64 else { throw SnapshotDamage(position: position) }
            let byte = bytes[position]
            position += 1
            result |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { break }
            shift += 7
        }
        let value = Int64(bitPattern: result)
        return Int((value >> 1) ^ -(value & 1))
    }

    /// A count of things still to read, each at least one byte long.
    mutating func count() throws(SnapshotDamage) -> Int {
        let count = try integer()
        guard count >= 0, count <= bytes.count - position else { throw SnapshotDamage(position: position) }
        return count
    }

    mutating func bool() throws(SnapshotDamage) -> Bool {
        guard position < bytes.count, bytes[position] <= 1 else { throw SnapshotDamage(position: position) }
        defer { position += 1 }
        return bytes[position] == 1
    }

    mutating func string() throws(SnapshotDamage) -> String {
        let length = try count()
        defer { position += length }
        return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[position..<(position + length)]), as: UTF8.self)
    }

    mutating func strings() throws(SnapshotDamage) -> [String] {
        let count = try count()
        var values: [String] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try string()) }
        return values
    }

    mutating func value<T: SnapshotCodable>(_ type: T.Type = T.self) throws(SnapshotDamage) -> T {
        try T(from: &self)
    }

    mutating func list<T: SnapshotCodable>(_ type: T.Type = T.self) throws(SnapshotDamage) -> [T] {
        let count = try count()
        var values: [T] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try T(from: &self)) }
        return values
    }

    mutating func optional<T>(_ read: (inout SnapshotReader) throws(SnapshotDamage) -> T) throws(SnapshotDamage) -> T? {
        try bool() ? try read(&self) : nil
    }

    mutating func optionalString() throws(SnapshotDamage) -> String? {
        try optional { reader throws(SnapshotDamage) in try reader.string() }
    }

    mutating func optionalInteger() throws(SnapshotDamage) -> Int? {
        try optional { reader throws(SnapshotDamage) in try reader.integer() }
    }

    /// A string that must be one of `T`'s raw values.
    mutating func enumeration<T: RawRepresentable>(_ type: T.Type = T.self) throws(SnapshotDamage) -> T where T.RawValue == String {
        let start = position
        guard let value = T(rawValue: try string()) else { throw SnapshotDamage(position: start) }
        return value
    }

    mutating func int32s() throws(SnapshotDamage) -> [Int32] {
        let count = try integer()
        guard count >= 0, count <= (bytes.count - position) / 4 else { throw SnapshotDamage(position: position) }
        let start = position
        position += count * 4
        return [Int32](unsafeUninitializedCapacity: count) { buffer, initialized in
            UnsafeMutableRawBufferPointer(buffer).copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[start..<(start + count * 4)]))
            for index in 0..<count { buffer[index] = Int32(littleEndian: buffer[index]) }
            initialized = count
        }
    }

    mutating func uint64() throws(SnapshotDamage) -> UInt64 {
        guard bytes.count - position >= 8 else { throw SnapshotDamage(position: position) }
        defer { position += 8 }
        return UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: position, as: UInt64.self))
    }

    /// Whether the next bytes are `expected`, consuming them if so.
    mutating func expect(_ expected: [UInt8]) throws(SnapshotDamage) {
        guard bytes.count - position >= expected.count,
              expected.indices.allSatisfy({ bytes[position + $0] == expected[$0] }) else { throw SnapshotDamage(position: position) }
        position += expected.count
    }

    mutating func skip(_ count: Int) throws(SnapshotDamage) {
        guard count >= 0, count <= bytes.count - position else { throw SnapshotDamage(position: position) }
        position += count
    }
}

/// A snapshot that does not read back: torn, truncated, or written by another format.
struct SnapshotDamage: Error, Sendable {
    /// Where in the file reading stopped.
    var position: Int
}

/// A value that goes into a snapshot and comes back out the same.
protocol SnapshotCodable {
    init(from reader: inout SnapshotReader) throws(SnapshotDamage)
    func write(to writer: inout SnapshotWriter)
}
