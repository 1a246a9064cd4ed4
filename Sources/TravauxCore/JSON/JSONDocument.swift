/// A JSON text scanned once into a flat list of nodes in document order, each knowing where
/// its subtree ends, so a decoder can jump over what it does not ask for.
///
/// The scan is strict RFC 8259 (no comments, trailing commas, leading zeros, bare control
/// characters, bad escapes or invalid UTF-8) and refuses duplicate keys and very deep
/// nesting, so that whatever it accepts, `JSONDecoder` reads to the same values; anything
/// else is left to `JSONDecoder` and its error messages (see `FastJSONDecoder`).
final class JSONDocument {
    enum Kind: UInt8 { case object, array, string, number, `true`, `false`, null }

    struct Node {
        var kind: Kind
        /// A string with backslash escapes, which must be decoded rather than copied.
        var escaped: Bool
        /// Byte range of a string's contents (between the quotes) or of a number.
        var start: Int32
        var end: Int32
        /// The index of the node after this one's subtree.
        var next: Int32
        /// Members of an object or elements of an array.
        var count: Int32
        /// The first eight bytes of a string, little-endian and zero-padded: keys compare
        /// on this and the length before any byte-by-byte comparison.
        var prefix: UInt64
    }

    struct Malformed: Error {
        /// A key that appears twice in one object, when that is why: JSONDecoder would take
        /// one of the two silently, and a note's file must say which field to mend.
        var duplicateKey: String?
        init(duplicateKey: String? = nil) { self.duplicateKey = duplicateKey }
    }

    static let maximumDepth = 256

    let bytes: [UInt8]
    let nodes: [Node]
    /// Per object node, the member key where the next search for a key starts.
    /// Unchecked: a document is made, read and dropped by one decoder on one thread, and the
    /// runtime's check of each access was 4 % of decoding the record.
    @exclusivity(unchecked) private var hints: [Int32]
    /// Whether the members the decoding asks for are noted, to find those it never asks for
    /// (`unaskedMembers`): on for the record's files, where a misspelled key would drop what it
    /// holds without a word; off for notes, which keep unknown fields as they are.
    private(set) var tracksAskedMembers = false
    /// Per node, whether it is the value of a member the decoding asked for (when tracked).
    @exclusivity(unchecked) private var asked: [Bool] = []
    /// The objects read as keyed containers, with their keys' type, in the order read (when tracked).
    @exclusivity(unchecked) private var keyedObjects: [(object: Int, keys: ObjectIdentifier)] = []
    /// Per key type, the keys the first object read with it was asked for, present or not:
    /// a synthesized decoder asks for every key its type has, to suggest from (when tracked).
    @exclusivity(unchecked) private var keysOfType: [ObjectIdentifier: Set<String>] = [:]

    /// `membersAsWritten`: keys are not compared, so that a key twice, or two one text only
    /// by Unicode's equivalence (`é`, and `e` with its accent apart), are members as the
    /// file writes them; for reading a file's members as they stand (`NoteFile.otherFields`),
    /// never for decoding, where `JSONDecoder` would take one of the two.
    init(_ bytes: [UInt8], membersAsWritten: Bool = false) throws(Malformed) {
        // Nodes keep offsets in 32 bits (there are never more nodes than bytes): a file of
        // 2 GiB or more is refused here and goes to Foundation's decoder.
        guard bytes.count < Int(Int32.max) else { throw Malformed() }
        self.bytes = bytes
        nodes = try bytes.withUnsafeBufferPointer { (input) throws(Malformed) -> [Node] in
            var scanner = Scanner(input: input, comparesKeys: !membersAsWritten)
            var position = 0
            scanner.skipWhitespace(&position)
            try scanner.value(&position, depth: 0)
            scanner.skipWhitespace(&position)
            guard position == input.count else { throw Malformed() }
            return scanner.nodes
        }
        hints = Array(repeating: 0, count: nodes.count)
    }

    /// The value node of `object`'s member named `key`. The search starts at the member after
    /// the one found last and wraps round: synthesized decoders ask for keys in declaration
    /// order, which is mostly the order the files list them in.
    func member(of object: Int, named key: String) -> Int? {
        let node = nodes[object]
        guard node.count > 0 else { return nil }
        let first = object + 1, end = Int(node.next)
        var key = key
        return key.withUTF8 { utf8 -> Int? in
            let length = Int32(utf8.count), prefix = Self.prefix(utf8)
            let hint = Int(hints[object])
            var index = hint > first && hint < end ? hint : first
            for _ in 0..<node.count {
                let candidate = nodes[index]
                let found = candidate.escaped
                    ? string(index) == String(decoding: utf8, as: UTF8.self)
                    : candidate.prefix == prefix && candidate.end - candidate.start == length
                        && (length <= 8 || bytes.withUnsafeBufferPointer {
                            utf8.elementsEqual(UnsafeBufferPointer(rebasing: $0[Int(candidate.start)..<Int(candidate.end)]))
                        })
                let next = Int(nodes[index + 1].next)
                if found {
                    if tracksAskedMembers { asked[index + 1] = true }
                    hints[object] = Int32(next < end ? next : first)
                    return index + 1
                }
                index = next < end ? next : first
            }
            return nil
        }
    }

    /// Starts noting the members the decoding asks for.
    func trackAskedMembers() {
        tracksAskedMembers = true
        asked = Array(repeating: false, count: nodes.count)
    }

    /// `object` is read as a keyed container whose keys are of type `keys`; whether it is the
    /// first so read, whose keys asked for are to be noted (`noteKey`).
    func readAsKeyed(_ object: Int, keys: ObjectIdentifier) -> Bool {
        guard tracksAskedMembers else { return false }
        keyedObjects.append((object, keys))
        guard keysOfType[keys] == nil else { return false }
        keysOfType[keys] = []
        return true
    }

    /// A key of type `keys` asked for, present or not.
    func noteKey(_ name: String, of keys: ObjectIdentifier) {
        keysOfType[keys, default: []].insert(name)
    }

    /// The members of objects read as keyed containers that the decoding never asked for:
    /// keys its types do not have. With, for each, the keys its type has, to suggest from.
    func unaskedMembers() -> [(object: Int, key: String, known: Set<String>)] {
        var unasked: [(object: Int, key: String, keys: ObjectIdentifier)] = []
        for (object, keys) in keyedObjects {
            var key = object + 1
            for _ in 0..<nodes[object].count {
                if !asked[key + 1] { unasked.append((object, string(key) ?? "", keys)) }
                key = Int(nodes[key + 1].next)
            }
        }
        return unasked.map { ($0.object, $0.key, keysOfType[$0.keys] ?? []) }
    }

    /// The key type `object` was read with as a keyed container, if it was (when tracked).
    func keyType(of object: Int) -> ObjectIdentifier? {
        keyedObjects.first { $0.object == object }?.keys
    }

    /// The keys the decoding asked for with `keys`, present or not (when tracked).
    func knownKeys(of keys: ObjectIdentifier) -> Set<String> {
        keysOfType[keys] ?? []
    }

    /// An array's element nodes, in order.
    func elements(of array: Int) -> [Int] {
        guard nodes[array].kind == .array else { return [] }
        var elements: [Int] = []
        var element = array + 1
        for _ in 0..<Int(nodes[array].count) {
            elements.append(element)
            element = Int(nodes[element].next)
        }
        return elements
    }

    /// The JSON path (`$[25].versions[1]`) of each of `targets`, found by one walk from the root.
    func paths(of targets: Set<Int>) -> [Int: String] {
        var found: [Int: String] = [:]
        func walk(_ node: Int, _ path: String) {
            if targets.contains(node) { found[node] = path }
            guard found.count < targets.count else { return }
            switch nodes[node].kind {
            case .object:
                var key = node + 1
                for _ in 0..<nodes[node].count {
                    walk(key + 1, path + "." + JSONString.escaped(string(key) ?? ""))
                    key = Int(nodes[key + 1].next)
                }
            case .array:
                var element = node + 1
                for index in 0..<Int(nodes[node].count) {
                    walk(element, path + "[\(index)]")
                    element = Int(nodes[element].next)
                }
            default:
                break
            }
        }
        if !nodes.isEmpty { walk(0, "$") }
        return found
    }

    /// An object's members in the file's order: each key's text and its value's node.
    func members(of object: Int) -> [(key: String, value: Int)] {
        guard nodes[object].kind == .object else { return [] }
        var members: [(key: String, value: Int)] = []
        var key = object + 1
        for _ in 0..<nodes[object].count {
            members.append((string(key) ?? "", key + 1))
            key = Int(nodes[key + 1].next)
        }
        return members
    }

    /// A value's JSON text as the file has it (a string with its quotes).
    func text(of index: Int) -> String {
        let node = nodes[index]
        let range = node.kind == .string ? Int(node.start) - 1..<Int(node.end) + 1 : Int(node.start)..<Int(node.end)
        return bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[range]), as: UTF8.self) }
    }

    /// The text of a string node; nil for invalid escapes (already excluded by the scan).
    func string(_ index: Int) -> String? {
        let node = nodes[index]
        let range = Int(node.start)..<Int(node.end)
        if !node.escaped {
            return bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[range]), as: UTF8.self) }
        }
        return Self.unescape(bytes[range])
    }

    static func prefix(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var value: UInt64 = 0
        for index in 0..<min(8, bytes.count) { value |= UInt64(bytes[index]) << (8 * UInt64(index)) }
        return value
    }

    static func unescape(_ bytes: ArraySlice<UInt8>) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            guard byte == UInt8(ascii: "\\") else { out.append(byte); index += 1; continue }
            index += 1
            guard index < bytes.endIndex else { return nil }
            switch bytes[index] {
            case UInt8(ascii: "\""): out.append(0x22)
            case UInt8(ascii: "\\"): out.append(0x5C)
            case UInt8(ascii: "/"): out.append(0x2F)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                guard var scalar = hex4(bytes, index + 1) else { return nil }
                index += 4
                if (0xD800...0xDBFF).contains(scalar) {
                    // A high surrogate must be followed by an escaped low one.
                    guard index + 6 < bytes.endIndex, bytes[index + 1] == UInt8(ascii: "\\"), bytes[index + 2] == UInt8(ascii: "u"),
                          let low = hex4(bytes, index + 3), (0xDC00...0xDFFF).contains(low) else { return nil }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    index += 6
                } else if (0xDC00...0xDFFF).contains(scalar) {
                    return nil
                }
                guard let unicode = Unicode.Scalar(scalar) else { return nil }
                out.append(contentsOf: UTF8.encode(unicode).map { Array($0) } ?? [])
            default: return nil
            }
            index += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func hex4(_ bytes: ArraySlice<UInt8>, _ start: Int) -> UInt32? {
        guard start + 4 <= bytes.endIndex else { return nil }
        var value: UInt32 = 0
        for byte in bytes[start..<start + 4] {
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: return nil
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }
}

/// The recursive-descent scan behind `JSONDocument`.
private struct Scanner {
    let input: UnsafeBufferPointer<UInt8>
    let comparesKeys: Bool
    var nodes: [JSONDocument.Node] = []

    init(input: UnsafeBufferPointer<UInt8>, comparesKeys: Bool) {
        self.input = input
        self.comparesKeys = comparesKeys
        nodes.reserveCapacity(input.count / 12)
    }

    typealias Malformed = JSONDocument.Malformed

    func skipWhitespace(_ position: inout Int) {
        while position < input.count {
            switch input[position] {
            case 0x20, 0x0A, 0x0D, 0x09: position += 1
            default: return
            }
        }
    }

    mutating func value(_ position: inout Int, depth: Int) throws(Malformed) {
        guard position < input.count, depth < JSONDocument.maximumDepth else { throw Malformed() }
        switch input[position] {
        case UInt8(ascii: "{"): try object(&position, depth: depth)
        case UInt8(ascii: "["): try array(&position, depth: depth)
        case UInt8(ascii: "\""): try string(&position)
        case UInt8(ascii: "t"): try literal("true", .true, &position)
        case UInt8(ascii: "f"): try literal("false", .false, &position)
        case UInt8(ascii: "n"): try literal("null", .null, &position)
        default: try number(&position)
        }
    }

    private mutating func append(_ kind: JSONDocument.Kind, start: Int, end: Int) -> Int {
        nodes.append(JSONDocument.Node(kind: kind, escaped: false, start: Int32(start), end: Int32(end),
                                       next: Int32(nodes.count + 1), count: 0, prefix: 0))
        return nodes.count - 1
    }

    private mutating func object(_ position: inout Int, depth: Int) throws(Malformed) {
        let index = append(.object, start: position, end: position)
        position += 1
        skipWhitespace(&position)
        var count: Int32 = 0
        if position < input.count, input[position] == UInt8(ascii: "}") {
            position += 1
        } else {
            // Keys are compared pair by pair while they are few and plain ASCII; past that (a
            // long object, an escaped or non-ASCII key), each is read once into a set, so that
            // thousands of keys as Python writes them cost no more than their count.
            var keys: KeySet?
            while true {
                guard position < input.count, input[position] == UInt8(ascii: "\"") else { throw Malformed() }
                let key = nodes.count
                try string(&position)
                if !comparesKeys {
                    // Members as written; a `\u` escape is still checked.
                    if nodes[key].escaped { _ = try keyText(nodes[key]) }
                } else if keys == nil, count < 16, !nodes[key].escaped, isASCII(nodes[key]) {
                    try checkUnique(key: key, object: index)
                } else {
                    if keys == nil {
                        var set = KeySet()
                        var member = index + 1
                        while member < key {
                            try set.insert(try keyText(nodes[member]))
                            member = Int(nodes[member + 1].next)
                        }
                        keys = set
                    }
                    try keys?.insert(try keyText(nodes[key]))
                }
                skipWhitespace(&position)
                guard position < input.count, input[position] == UInt8(ascii: ":") else { throw Malformed() }
                position += 1
                skipWhitespace(&position)
                try value(&position, depth: depth + 1)
                count += 1
                if try endOfMembers(&position, closing: UInt8(ascii: "}")) { break }
            }
        }
        nodes[index].count = count
        nodes[index].end = Int32(position)
        nodes[index].next = Int32(nodes.count)
    }

    /// After a member or element: true past the closing bracket, false past a comma and the
    /// blanks after it.
    @inline(__always)
    private func endOfMembers(_ position: inout Int, closing: UInt8) throws(Malformed) -> Bool {
        skipWhitespace(&position)
        guard position < input.count else { throw Malformed() }
        if input[position] == UInt8(ascii: ",") {
            position += 1
            skipWhitespace(&position)
            return false
        }
        guard input[position] == closing else { throw Malformed() }
        position += 1
        return true
    }

    /// Duplicate keys are valid JSON but decoders disagree on which one wins: refused here.
    /// The keys of an object so far, as read: an escaped key is compared as read
    /// (`"titl\u0065"` is `"title"`); two that read as one text only by Unicode's equivalence
    /// (`é`, and `e` with its accent apart) are left to `JSONDecoder`, whose keys compare so.
    private struct KeySet {
        var exact: Set<[UInt8]> = []
        var equivalent: Set<String> = []

        mutating func insert(_ key: String) throws(Malformed) {
            if !exact.insert(Array(key.utf8)).inserted { throw Malformed(duplicateKey: key) }
            if !equivalent.insert(key).inserted { throw Malformed() }
        }
    }

    private func isASCII(_ node: JSONDocument.Node) -> Bool {
        input[Int(node.start)..<Int(node.end)].allSatisfy { $0 < 0x80 }
    }

    /// A plain ASCII key against the object's earlier ones, also plain ASCII.
    private func checkUnique(key: Int, object: Int) throws(Malformed) {
        let node = nodes[key]
        var member = object + 1
        while member < key {
            let other = nodes[member]
            if other.prefix == node.prefix, other.end - other.start == node.end - node.start,
               UnsafeBufferPointer(rebasing: input[Int(other.start)..<Int(other.end)])
                .elementsEqual(UnsafeBufferPointer(rebasing: input[Int(node.start)..<Int(node.end)])) {
                throw Malformed(duplicateKey: String(decoding: UnsafeBufferPointer(rebasing: input[Int(node.start)..<Int(node.end)]), as: UTF8.self))
            }
            member = Int(nodes[member + 1].next)
        }
    }

    /// A key's text as read; a `\u` escape without its four hex digits, which the scan
    /// leaves to the reading of the text, is malformed here.
    private func keyText(_ node: JSONDocument.Node) throws(Malformed) -> String {
        let bytes = Array(input[Int(node.start)..<Int(node.end)])
        guard node.escaped else { return String(decoding: bytes, as: UTF8.self) }
        guard let text = JSONDocument.unescape(bytes[...]) else { throw Malformed() }
        return text
    }

    private mutating func array(_ position: inout Int, depth: Int) throws(Malformed) {
        let index = append(.array, start: position, end: position)
        position += 1
        skipWhitespace(&position)
        var count: Int32 = 0
        if position < input.count, input[position] == UInt8(ascii: "]") {
            position += 1
        } else {
            while true {
                try value(&position, depth: depth + 1)
                count += 1
                if try endOfMembers(&position, closing: UInt8(ascii: "]")) { break }
            }
        }
        nodes[index].count = count
        nodes[index].end = Int32(position)
        nodes[index].next = Int32(nodes.count)
    }

    private mutating func string(_ position: inout Int) throws(Malformed) {
        position += 1
        let start = position
        var escaped = false
        while true {
            skipPlainText(&position)
            guard position < input.count else { throw Malformed() }
            let byte = input[position]
            if byte == UInt8(ascii: "\"") { break }
            if byte < 0x20 { throw Malformed() }
            if byte == UInt8(ascii: "\\") {
                escaped = true
                position += 1
                guard position < input.count else { throw Malformed() }
                switch input[position] {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
                     UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"), UInt8(ascii: "u"):
                    position += 1
                default: throw Malformed()
                }
                continue
            }
            if byte < 0x80 { position += 1; continue }
            position = try Self.skipScalar(input, at: position)
        }
        let index = append(.string, start: start, end: position)
        nodes[index].escaped = escaped
        nodes[index].prefix = JSONDocument.prefix(UnsafeBufferPointer(rebasing: input[start..<position]))
        position += 1
    }

    /// Moves past plain text eight bytes at a time: words with no quote, no backslash, no
    /// control character and no byte of a multi-byte character. Most of a record's bytes
    /// are such text, and the loop of `string` spent a dozen instructions on each byte.
    private func skipPlainText(_ position: inout Int) {
        guard let base = input.baseAddress else { return }
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        // A byte below `limit` sets its high bit in `(word - limit × ones) & ~word & highs`.
        // Bytes above it may be marked too, by the borrow, but never one below it: the lowest
        // mark is exact, and the position moves up to it (the words are little-endian).
        func below(_ limit: UInt64, _ word: UInt64) -> UInt64 { (word &- limit &* ones) & ~word & highs }
        while position + 8 <= input.count {
            let word = UInt64(littleEndian: UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self))
            let marks = word & highs | below(0x20, word) | below(1, word ^ (0x22 &* ones)) | below(1, word ^ (0x5C &* ones))
            guard marks == 0 else {
                position += marks.trailingZeroBitCount / 8
                return
            }
            position += 8
        }
    }

    /// Validates one multi-byte UTF-8 sequence (no overlong forms, no surrogates) and
    /// returns the position after it.
    private static func skipScalar(_ input: UnsafeBufferPointer<UInt8>, at position: Int) throws(Malformed) -> Int {
        let lead = input[position]
        let length: Int
        var lower: UInt8 = 0x80, upper: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; lower = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; upper = 0x9F
        case 0xF0: length = 4; lower = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; upper = 0x8F
        default: throw Malformed()
        }
        guard position + length <= input.count else { throw Malformed() }
        let second = input[position + 1]
        guard second >= lower, second <= upper else { throw Malformed() }
        for offset in 2..<length where !(0x80...0xBF).contains(input[position + offset]) { throw Malformed() }
        return position + length
    }

    private mutating func literal(_ word: StaticString, _ kind: JSONDocument.Kind, _ position: inout Int) throws(Malformed) {
        let length = word.utf8CodeUnitCount
        guard position + length <= input.count else { throw Malformed() }
        for offset in 0..<length where input[position + offset] != word.utf8Start[offset] { throw Malformed() }
        _ = append(kind, start: position, end: position + length)
        position += length
    }

    private mutating func number(_ position: inout Int) throws(Malformed) {
        let start = position
        func digits(_ position: inout Int) -> Int {
            let first = position
            while position < input.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(input[position]) { position += 1 }
            return position - first
        }
        if position < input.count, input[position] == UInt8(ascii: "-") { position += 1 }
        guard position < input.count else { throw Malformed() }
        if input[position] == UInt8(ascii: "0") {
            position += 1
        } else {
            guard digits(&position) > 0 else { throw Malformed() }
        }
        if position < input.count, input[position] == UInt8(ascii: ".") {
            position += 1
            guard digits(&position) > 0 else { throw Malformed() }
        }
        if position < input.count, input[position] == UInt8(ascii: "e") || input[position] == UInt8(ascii: "E") {
            position += 1
            if position < input.count, input[position] == UInt8(ascii: "+") || input[position] == UInt8(ascii: "-") { position += 1 }
            guard digits(&position) > 0 else { throw Malformed() }
        }
        _ = append(.number, start: start, end: position)
    }
}
