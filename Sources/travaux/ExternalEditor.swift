#if canImport(Glibc)
import Glibc
#endif
import TravauxCore
import TravauxCurses
import TravauxTUI

/// `E` / Ctrl-X: the note in the user's own editor. The command comes from `$VISUAL`,
/// then `$EDITOR`, then `vi`, split into words and started without a shell (so nothing
/// in it is interpreted), with the terminal handed over and taken back afterwards.
enum ExternalEditor {
    static func command(environment: [String: String]) -> [String] {
        for key in ["VISUAL", "EDITOR"] {
            if let value = environment[key], !words(value).isEmpty { return words(value) }
        }
        return ["vi"]
    }

    /// Splits like a shell would for the simple cases people write (`code -w`,
    /// `"/opt/My Editor/bin/ed" --wait`), without running one.
    static func words(_ text: String) -> [String] {
        var result: [String] = []
        var current = ""
        var quote: Character?
        var inWord = false
        for character in text {
            if let open = quote {
                if character == open { quote = nil } else { current.append(character) }
            } else if character == "\"" || character == "'" {
                quote = character
                inWord = true
            } else if character == " " || character == "\t" {
                if inWord { result.append(current); current = ""; inWord = false }
            } else {
                current.append(character)
                inWord = true
            }
        }
        if inWord { result.append(current) }
        return result
    }

    static func edit(_ text: String, terminal: TerminalSession, directory: String) -> Result<String, ExternalEditFailure> {
        let temporaryDirectory = CLIEnvironment.temporaryDirectory
        var template = Array((temporaryDirectory + "/travaux-note-XXXXXX.md").utf8CString)
        // mkstemps creates the file 0600 with a unique name; the ".md" lets editors colour Markdown.
        let fd = template.withUnsafeMutableBufferPointer { buffer in buffer.baseAddress.map { mkstemps($0, 3) } ?? -1 }
        guard fd >= 0 else {
            return .failure(ExternalEditFailure("cannot create a file for the editor in \(temporaryDirectory): \(String(cString: strerror(errno)))"))
        }
        let path = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        // Removed afterwards, unless it holds text that would be lost with it.
        var keep = false
        defer { if !keep { unlink(path) } }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        let writeError = errno
        close(fd)
        guard written == bytes.count else {
            let reason = written < 0 ? String(cString: strerror(writeError)) : "the disk may be full"
            return .failure(ExternalEditFailure("cannot write \(path) for the editor: \(reason); the note was left as it was"))
        }

        let command = Self.command(environment: CLIEnvironment.variables)
        let status: Int32? = terminal.suspendForChild { run(command + [path]) }
        guard let status else {
            return .failure(ExternalEditFailure("cannot start '\(command.joined(separator: " "))'; set VISUAL or EDITOR to an editor on your PATH"))
        }
        guard status == 0 else {
            // An editor may exit non-zero after a session's errors (vim's :cq, a failed
            // plugin): what was written there is kept where it is, and named.
            if let edited = readFile(path), edited != text, edited != text + "\n" {
                keep = true
                return .failure(ExternalEditFailure("'\(command[0])' exited with status \(status); the note was left as it was, and what you wrote is kept in \(path)"))
            }
            return .failure(ExternalEditFailure("'\(command[0])' exited with status \(status); the note was left as it was"))
        }
        guard let read = readBytes(path) else {
            keep = true
            return .failure(ExternalEditFailure("cannot read back \(path) (\(String(cString: strerror(errno)))); the note was left as it was, and the file is kept"))
        }
        // Accents saved in another encoding would become U+FFFD for good: refused, as the
        // command line refuses them, with the file kept to convert.
        if let offset = CLIInput.firstInvalidByte(read) {
            keep = true
            return .failure(ExternalEditFailure("'\(command[0])' saved text that is not UTF-8 (byte \(offset)); the note was left as it was, "
                                                + "and what you wrote is kept in \(path) (convert it with 'iconv -f latin1 -t utf-8')"))
        }
        let edited = String(decoding: read, as: UTF8.self)
        // Editors add a final newline; the note does not keep it.
        var result = edited
        while result.hasSuffix("\n") { result.removeLast() }
        return .success(result)
    }

    /// Runs a program with the terminal, returning its exit status, or nil if it could not start.
    private static func run(_ arguments: [String]) -> Int32? {
        guard case .success(let pid) = ChildProcess.spawn(arguments) else { return nil }
        return ChildProcess.wait(pid)
    }

    private static func readFile(_ path: String) -> String? {
        readBytes(path).map { String(decoding: $0, as: UTF8.self) }
    }

    private static func readBytes(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        let (bytes, failure) = CLIInput.readAll(fd)
        return failure == 0 ? bytes : nil
    }
}
