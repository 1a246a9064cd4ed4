import Glibc

/// Reading input whole: a note's text from a pipe (`travaux note add ITEM -`), and an
/// editor's file back.
enum CLIInput {
    /// The text on standard input, as `noteText` gives it. A failed read or bytes that
    /// are not UTF-8 stop the command: a note saved from half a file, or with its accents
    /// turned into U+FFFD, would lose what the user meant to keep. Bytes that are not UTF-8
    /// are a usage error (64), as in an argument and as an empty note are.
    static func readStandardInput() throws(CLIError) -> String {
        let (bytes, failure) = readAll(STDIN_FILENO)
        if failure != 0 {
            let reason = String(cString: strerror(failure))
            throw CLIError("cannot read the note's text from standard input: \(reason); nothing was saved")
        }
        if let offset = Self.firstInvalidByte(bytes) {
            throw CLIError("standard input is not UTF-8 text (byte \(offset)); convert it, for example with "
                           + "'iconv -f latin1 -t utf-8', and try again; nothing was saved", exitCode: 64)
        }
        return noteText(String(decoding: bytes, as: UTF8.self))
    }

    /// A note's text as given, by a pipe or as an argument, by one rule: Windows line ends
    /// (`\r\n`) as `\n`, no byte-order mark, and no line breaks at the end, which a file and `echo` add and
    /// Markdown does not show. `note list --json | jq -r .body | note add ITEM -` gives the body back.
    static func noteText(_ text: String) -> String {
        // `\r\n` is one Character: replaced as such, not as its two scalars.
        var text = text.contains("\r\n") ? String(text.map { $0 == "\r\n" ? "\n" : $0 }) : text
        // The byte-order mark Notepad puts first: invisible, it would open the note's title.
        if text.unicodeScalars.first == "\u{FEFF}" { text.unicodeScalars.removeFirst() }
        while text.hasSuffix("\n") { text.removeLast() }
        return text
    }

    /// Everything a descriptor gives until its end, through interruptions, and the `errno`
    /// that stopped the reading early (0 when none did).
    static func readAll(_ descriptor: Int32) -> (bytes: [UInt8], failure: Int32) {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return (bytes, errno)
            }
            if count == 0 { return (bytes, 0) }
            bytes.append(contentsOf: chunk[0..<count])
        }
    }

    /// The first argument that is not UTF-8 (a Latin-1 shell variable), as a usage error: the
    /// standard library would hand it on with U+FFFD in place of its accents, and a note or a
    /// session would be saved without them, as standard input never is.
    static func nonUTF8Argument(_ arguments: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>, count: Int32) -> CLIError? {
        guard count > 1 else { return nil }
        for index in 1..<Int(count) {
            guard let argument = arguments[index] else { continue }
            let bytes = Array(UnsafeBufferPointer(start: argument, count: strlen(argument))).map { UInt8(bitPattern: $0) }
            guard let offset = firstInvalidByte(bytes) else { continue }
            let shown = TerminalText.singleLine(String(decoding: bytes, as: UTF8.self))
            return CLIError("argument \(index) ('\(shown)') is not UTF-8 text (byte \(offset)); convert it, for example with "
                            + "'iconv -f latin1 -t utf-8' (a file or folder so named: rename it), and try again; nothing was done", exitCode: 64)
        }
        return nil
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
