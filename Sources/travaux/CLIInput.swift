import Glibc

/// Reading a note's text from a pipe (`travaux note add ITEM -`).
enum CLIInput {
    /// The text on standard input, without its final newlines. A failed read or bytes that
    /// are not UTF-8 stop the command: a note saved from half a file, or with its accents
    /// turned into U+FFFD, would lose what the user meant to keep.
    static func readStandardInput() throws(CLIError) -> String {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(STDIN_FILENO, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                let reason = String(cString: strerror(errno))
                throw CLIError("cannot read the note's text from standard input: \(reason); nothing was saved")
            }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
        }
        if let offset = Self.firstInvalidByte(bytes) {
            throw CLIError("standard input is not UTF-8 text (byte \(offset)); convert it, for example with "
                           + "'iconv -f latin1 -t utf-8', and try again; nothing was saved")
        }
        var text = String(decoding: bytes, as: UTF8.self)
        while text.hasSuffix("\n") { text.removeLast() }
        return text
    }

    /// Where UTF-8 decoding first fails, counted from 1; nil for valid UTF-8.
    static func firstInvalidByte(_ bytes: [UInt8]) -> Int? {
        var iterator = bytes.makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar): offset += scalar.count
            case .emptyInput: return nil
            case .error: return offset + 1
            }
        }
    }
}
