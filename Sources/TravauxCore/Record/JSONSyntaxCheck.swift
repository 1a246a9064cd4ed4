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
        var check = JSONSyntaxCheck(bytes: bytes)
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
        index += 1
        skipWhitespace()
        if current == UInt8(ascii: "}") { index += 1; return }
        while true {
            skipWhitespace()
            guard current == UInt8(ascii: "\"") else { throw failure("expected a quoted key but found \(describe(current))") }
            try string()
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
        while true {
            skipWhitespace()
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
                    index += 1
                    for _ in 0..<4 {
                        guard let hex = current, Character(Unicode.Scalar(hex)).isHexDigit else {
                            throw failure("expected four hex digits after \\u")
                        }
                        index += 1
                    }
                } else if "\"\\/bfnrt".utf8.contains(escaped) {
                    index += 1
                } else {
                    throw failure("unknown escape \\\(Character(Unicode.Scalar(escaped)))")
                }
            case 0..<0x20: throw failure("a line break or control character inside a string (write \\n)")
            default: index += 1
            }
        }
        throw failure("a string is not closed")
    }

    private mutating func number() throws {
        if current == UInt8(ascii: "-") { index += 1 }
        guard let first = current, (0x30...0x39).contains(first) else { throw failure("expected a digit") }
        while let byte = current, (0x30...0x39).contains(byte) { index += 1 }
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
