/// Finds where a JSON text stops being JSON, since the decoder only says "not valid JSON".
///
/// A small recursive-descent scan over the bytes; it checks syntax only.
struct JSONSyntaxCheck {
    struct Failure: Error, Equatable {
        var line: Int
        var column: Int
        var message: String
    }

    private let bytes: [UInt8]
    private var index = 0

    static func firstError(in bytes: [UInt8]) -> Failure? {
        // UTF-16 or UTF-32 (a NUL in the first two bytes, or their byte-order marks): JSON
        // files are UTF-8 (RFC 8259), and other tools read them so.
        if bytes.count >= 2, bytes[0] == 0 || bytes[1] == 0 || (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
            return Failure(line: 1, column: 1, message: "the file is UTF-16 or UTF-32, not UTF-8; save it as UTF-8")
        }
        var check = JSONSyntaxCheck(bytes: bytes)
        // A UTF-8 byte-order mark is allowed (as JSON readers may); it is not JSON's to read.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { check.index = 3 }
        do {
            check.skipWhitespace()
            try check.value(depth: 0)
            check.skipWhitespace()
            if check.index < bytes.count { throw check.failure("unexpected text after the end of the JSON value") }
            return nil
        } catch let failure as Failure {
            return failure
        } catch {
            return Failure(line: 1, column: 1, message: "unreadable JSON")
        }
    }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    private func failure(_ message: String) -> Failure {
        var line = 1, column = 1
        for byte in bytes[..<min(index, bytes.count)] {
            if byte == UInt8(ascii: "\n") { line += 1; column = 1 }
            else if byte & 0xC0 != 0x80 { column += 1 }   // count characters, not UTF-8 bytes
        }
        return Failure(line: line, column: column, message: message)
    }

    private var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    private mutating func skipWhitespace() {
        while let byte = current, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { index += 1 }
    }

    /// A key as JSON would write it, so that a line break or an escape sequence in it is
    /// shown, not acted on by the terminal.
    static func quoted(_ key: String) -> String { "\"" + JSONString.escaped(key) + "\"" }

    private func describe(_ byte: UInt8?) -> String {
        guard let byte else { return "the end of the file" }
        return byte >= 0x20 && byte < 0x7F ? "'\(Character(Unicode.Scalar(byte)))'" : "byte \(byte)"
    }

    private mutating func expect(_ literal: String) throws {
        for expected in literal.utf8 {
            guard current == expected else { throw failure("expected '\(literal)'") }
            index += 1
        }
    }

    private mutating func value(depth: Int) throws {
        guard depth < 512 else { throw failure("nesting too deep") }
        switch current {
        case UInt8(ascii: "{"): try object(depth: depth)
        case UInt8(ascii: "["): try array(depth: depth)
        case UInt8(ascii: "\""): try string()
        case UInt8(ascii: "t"): try expect("true")
        case UInt8(ascii: "f"): try expect("false")
        case UInt8(ascii: "n"): try expect("null")
        case let byte? where byte == UInt8(ascii: "-") || (0x30...0x39).contains(byte): try number()
        default: throw failure("expected a value but found \(describe(current))")
        }
    }

    private mutating func object(depth: Int) throws {
        // Each key as read (its UTF-8, escapes undone), with its spelling in the file.
        var seen: [[UInt8]: ArraySlice<UInt8>] = [:]
        index += 1
        skipWhitespace()
        if current == UInt8(ascii: "}") { index += 1; return }
        while true {
            skipWhitespace()
            guard current == UInt8(ascii: "\"") else {
                if current == UInt8(ascii: "}"), seen.count > 0 { throw failure("a comma before '}'; remove it") }
                throw failure("expected a quoted key but found \(describe(current))")
            }
            let keyStart = index
            try string()
            // A key given twice: decoders keep one of the two values silently. Compared as
            // read, so that `"dom\u0061in"` is `"domain"` again, and code point by code
            // point, as JSON's readers do (`é` and `e` with its accent apart are two keys).
            let written = bytes[keyStart..<index]
            let key = written.contains(UInt8(ascii: "\\"))
                ? JSONDocument.unescape(bytes[(keyStart + 1)..<(index - 1)]) ?? String(decoding: written, as: UTF8.self)
                : String(decoding: written.dropFirst().dropLast(), as: UTF8.self)
            if let first = seen[Array(key.utf8)] {
                index = keyStart
                // A spelling in the file other than the key as shown, whichever of the two it is.
                let shown = Self.quoted(key)
                let other = [first, written].map { String(decoding: $0, as: UTF8.self) }.first { $0 != shown }
                let spelling = other.map { " (\($0) is \(shown) escaped)" } ?? ""
                throw failure("\(shown) appears twice in this object\(spelling); keep one")
            }
            seen[Array(key.utf8)] = written
            skipWhitespace()
            guard current == UInt8(ascii: ":") else { throw failure("expected ':' after the key but found \(describe(current))") }
            index += 1
            skipWhitespace()
            try value(depth: depth + 1)
            skipWhitespace()
            if current == UInt8(ascii: ",") { index += 1; continue }
            if current == UInt8(ascii: "}") { index += 1; return }
            throw failure("expected ',' or '}' but found \(describe(current))")
        }
    }

    private mutating func array(depth: Int) throws {
        index += 1
        skipWhitespace()
        if current == UInt8(ascii: "]") { index += 1; return }
        var first = true
        while true {
            skipWhitespace()
            if current == UInt8(ascii: "]"), !first { throw failure("a comma before ']'; remove it") }
            first = false
            try value(depth: depth + 1)
            skipWhitespace()
            if current == UInt8(ascii: ",") { index += 1; continue }
            if current == UInt8(ascii: "]") { index += 1; return }
            throw failure("expected ',' or ']' but found \(describe(current))")
        }
    }

    private mutating func string() throws {
        index += 1
        while let byte = current {
            switch byte {
            case UInt8(ascii: "\""): index += 1; return
            case UInt8(ascii: "\\"):
                index += 1
                guard let escaped = current else { break }
                if escaped == UInt8(ascii: "u") {
                    let escapeStart = index - 1
                    let unit = try hexUnit()
                    // UTF-16 halves: a high one must be followed by an escaped low one, and a
                    // low one cannot stand alone; readers refuse, or replace, half a character.
                    let half = "\\u" + String(unit, radix: 16, uppercase: true)
                    if (0xD800...0xDBFF).contains(unit) {
                        guard current == UInt8(ascii: "\\"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "u") else {
                            index = escapeStart
                            throw failure(half + Self.loneHalf)
                        }
                        index += 1
                        let low = try hexUnit()
                        guard (0xDC00...0xDFFF).contains(low) else {
                            index = escapeStart
                            throw failure("\(half) is half of a character and is not followed by its other half; write the character itself")
                        }
                    } else if (0xDC00...0xDFFF).contains(unit) {
                        index = escapeStart
                        throw failure(half + Self.loneHalf)
                    }
                } else if "\"\\/bfnrt".utf8.contains(escaped) {
                    index += 1
                } else {
                    index -= 1
                    throw failure("\\\(Character(Unicode.Scalar(escaped))) is not a JSON escape; a backslash is written \\\\ (C:\\\\Users)")
                }
            case 0x09: throw failure("a tab inside a string; write \\t, or a space")
            case 0x0A, 0x0D: throw failure("a line break inside a string; write \\n")
            case 0..<0x20: throw failure("a control character (byte \(byte)) inside a string; write it as \\u00\(byte < 0x10 ? "0" : "")\(String(byte, radix: 16, uppercase: true))")
            case 0x80...:
                let length = Self.utf8Length(at: index, in: bytes)
                guard length > 0 else {
                    throw failure("byte 0x\(String(byte, radix: 16, uppercase: true)) is not UTF-8; save the file as UTF-8 (it looks like Latin-1 or Windows-1252)")
                }
                index += length
            default: index += 1
            }
        }
        throw failure("a string is not closed")
    }

    private static let loneHalf = " is half of a character (a lone UTF-16 surrogate); write the character itself, or both halves (\\uD83D\\uDE00)"

    /// The four hex digits after `\u` (the index on the `u`), as a UTF-16 code unit.
    private mutating func hexUnit() throws(Failure) -> UInt32 {
        index += 1
        var unit: UInt32 = 0
        for _ in 0..<4 {
            guard let hex = current, let digit = Character(Unicode.Scalar(hex)).hexDigitValue else {
                throw failure("expected four hex digits after \\u")
            }
            unit = unit << 4 + UInt32(digit)
            index += 1
        }
        return unit
    }

    /// The length of the well-formed UTF-8 sequence at `start`, or 0 (overlong forms,
    /// surrogates and code points past U+10FFFF are not UTF-8).
    static func utf8Length(at start: Int, in bytes: [UInt8]) -> Int {
        let lead = bytes[start]
        let (length, low, high): (Int, UInt8, UInt8)
        switch lead {
        case 0xC2...0xDF: (length, low, high) = (2, 0x80, 0xBF)
        case 0xE0: (length, low, high) = (3, 0xA0, 0xBF)
        case 0xE1...0xEC, 0xEE...0xEF: (length, low, high) = (3, 0x80, 0xBF)
        case 0xED: (length, low, high) = (3, 0x80, 0x9F)
        case 0xF0: (length, low, high) = (4, 0x90, 0xBF)
        case 0xF1...0xF3: (length, low, high) = (4, 0x80, 0xBF)
        case 0xF4: (length, low, high) = (4, 0x80, 0x8F)
        default: return 0
        }
        guard start + length <= bytes.count, (low...high).contains(bytes[start + 1]) else { return 0 }
        for offset in 2..<max(2, length) where !(0x80...0xBF).contains(bytes[start + offset]) { return 0 }
        return length
    }

    private mutating func number() throws {
        if current == UInt8(ascii: "-") { index += 1 }
        guard let first = current, (0x30...0x39).contains(first) else { throw failure("expected a digit") }
        let digitsStart = index
        while let byte = current, (0x30...0x39).contains(byte) { index += 1 }
        // `0126`: some readers take it as octal, most refuse it.
        if first == UInt8(ascii: "0"), index - digitsStart > 1 {
            let written = String(decoding: bytes[digitsStart..<index], as: UTF8.self)
            let meant = String(written.drop { $0 == "0" }.isEmpty ? "0" : written.drop { $0 == "0" })
            index = digitsStart
            throw failure("a number with a leading zero (\(written)); write \(meant)")
        }
        if current == UInt8(ascii: ".") {
            index += 1
            guard let byte = current, (0x30...0x39).contains(byte) else { throw failure("expected a digit after '.'") }
            while let byte = current, (0x30...0x39).contains(byte) { index += 1 }
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            index += 1
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { index += 1 }
            guard let byte = current, (0x30...0x39).contains(byte) else { throw failure("expected a digit in the exponent") }
            while let byte = current, (0x30...0x39).contains(byte) { index += 1 }
        }
    }
}
