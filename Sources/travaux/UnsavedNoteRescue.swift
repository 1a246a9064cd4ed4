#if canImport(Glibc)
import Glibc
#endif
import TravauxCore

/// The last resort for a note being typed when travaux quits and its draft cannot be written
/// (a read-only or full store): the text goes to a file in the temporary folder, or, should
/// that fail too, to standard error once the terminal is back. Typed text is never dropped
/// without a word.
enum UnsavedNoteRescue {
    /// What to say on stderr after the terminal is restored.
    static func rescue(_ draft: NoteDraft, reason: String, folder: String, store: String) -> String {
        let path = folder + "/travaux-unsaved-note-\(getpid())-\(draft.id).txt"
        let header = Header(target: draft.target, tags: draft.tags, session: draft.session, noteID: draft.baseID,
                            store: absolute(store))
        let text = header.text + "\n" + draft.body + "\n"
        if write(text, to: path) {
            return "the note being typed could not be saved (\(reason)); its text is in \(path)"
        }
        return "the note being typed could not be saved (\(reason)), nor written to \(folder); here is its text:\n" + text
    }

    /// The files rescues left in `folder` that are still there and are this user's (a shared
    /// /tmp holds others', which could not be read), sorted by name: a window closed with the
    /// terminal (SIGHUP) said where its text went to nobody.
    static func leftFiles(folder: String) -> [String] {
        guard let directory = opendir(folder) else { return [] }
        defer { closedir(directory) }
        var paths: [String] = []
        let user = getuid()
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            guard name.hasPrefix("travaux-unsaved-note-"), name.hasSuffix(".txt") else { continue }
            var info = stat()
            let path = folder + "/" + name
            if lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_uid == user { paths.append(path) }
        }
        return paths.sorted()
    }

    /// What the next start says of them, or nil when there are none: the command that adds
    /// the first one's text, without the lines `rescue` put above it, to the item it names.
    /// With `store`, only the files meant for it (or for no store named): a shared /tmp holds
    /// the rescues of every store used, each the business of the windows on its own store.
    static func reminder(_ files: [String], store: String? = nil) -> String? {
        reminder(read: files.map { RescueFile(file: $0, content: content(of: $0)) }, store: store)
    }

    /// A rescue file and what `content(of:)` read of it, read once for both uses at the start.
    struct RescueFile {
        var file: String
        var content: (header: Header, bodyLine: Int, body: String)?
    }

    /// `reminder` for files already read.
    static func reminder(read: [RescueFile], store: String? = nil) -> String? {
        let own = store.map(absolute)
        let mine = read.filter { file in own.map { own in file.content?.header.store.map { $0 == own } ?? true } ?? true }
        guard let first = mine.first else { return nil }
        let more = mine.count == 1 ? "" : " (and \(mine.count - 1) more beside it)"
        guard let (header, bodyLine, _) = first.content else {
            return "a note left unsaved earlier (by a window or a command) is in \(first.file)\(more)"
        }
        return "a note left unsaved earlier (by a window or a command) is in \(first.file)\(more): "
            + "\(header.noteID == nil ? "add" : "save") it with " + header.command(file: first.file, bodyLine: bodyLine) + ", then remove the file"
    }

    /// A rescue file's header, the line its text starts on, and the text (without the line
    /// end `rescue` put after it); nil when it cannot be read as one.
    static func content(of file: String) -> (header: Header, bodyLine: Int, body: String)? {
        let fd = open(file, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        let (bytes, _) = CLIInput.readAll(fd)
        close(fd)
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        guard let blank = lines.firstIndex(where: \.isEmpty), let header = Header(lines[..<blank]) else { return nil }
        var body = lines[(blank + 1)...].joined(separator: "\n")
        if body.hasSuffix("\n") { body.removeLast() }
        return (header, blank + 2, body)
    }

    /// A store's path as a rescue file keeps it: whole, since its command may be run from anywhere.
    static func absolute(_ path: String) -> String {
        guard !path.hasPrefix("/"), let directory = getcwd(nil, 0) else { return path }
        defer { free(directory) }
        return String(cString: directory) + "/" + path
    }

    /// The lines above a rescued text: what the note is on, its tags and session, and for an
    /// edit the note's id, so that the command given back saves it where it was being written.
    struct Header: Equatable {
        var target: NoteTarget
        var tags: [String]
        var session: String?
        /// The note being edited; nil for a new note.
        var noteID: String?
        /// The notes directory the text was meant for, when known; its command names it.
        var store: String?

        var text: String {
            var lines = ["Item: " + target.item]
            if let version = target.version { lines.append("Version: " + version) }
            if let element = target.element { lines.append("Element: " + element) }
            if let quote = target.quote { lines.append("Quote: " + quote) }
            if let noteID { lines.append("Note: " + noteID) }
            if let session { lines.append("Session: " + session) }
            if !tags.isEmpty { lines.append("Tags: " + tags.joined(separator: ", ")) }
            if let store { lines.append("Store: " + store) }
            return lines.map { $0 + "\n" }.joined()
        }

        init(target: NoteTarget, tags: [String], session: String? = nil, noteID: String? = nil, store: String? = nil) {
            self.target = target
            self.tags = tags
            self.session = session
            self.noteID = noteID
            self.store = store
        }

        /// Read back from a file's lines above its blank line; nil without an item.
        init?(_ lines: ArraySlice<Substring>) {
            var fields: [String: String] = [:]
            for line in lines {
                guard let colon = line.firstIndex(of: ":") else { continue }
                fields[String(line[..<colon])] = String(line[line.index(after: colon)...].dropFirst())
            }
            guard let item = fields["Item"], !item.isEmpty else { return nil }
            self.init(target: NoteTarget(item: item, version: fields["Version"], element: fields["Element"], quote: fields["Quote"]),
                      tags: fields["Tags"].map { $0.split(separator: ",").map { String($0.drop { $0 == " " }) } } ?? [],
                      session: fields["Session"], noteID: fields["Note"], store: fields["Store"])
        }

        /// The command that saves the text of a rescue file, from its line `bodyLine` on: an
        /// edit of its note, or a new note on its part of its item.
        func command(file: String, bodyLine: Int) -> String {
            let text = "tail -n +\(bodyLine) \(ShellWord.quoted(file)) | "
            let storeOption = store.map { " --store " + ShellWord.quoted($0) } ?? ""
            if let noteID {
                let tagOptions = tags.map { " --add-tag " + ShellWord.quoted($0) }.joined()
                return "'" + text + "travaux note edit \(ShellWord.quoted(noteID)) --text -\(tagOptions)\(storeOption)'"
            }
            var options = tags.map { " --tag " + ShellWord.quoted($0) }
            if let version = target.version { options.append(" --version " + ShellWord.quoted(version)) }
            if let element = target.element { options.append(" --element " + ShellWord.quoted(element)) }
            if let quote = target.quote { options.append(" --quote " + ShellWord.quoted(quote)) }
            if let session { options.append(" --session " + ShellWord.quoted(session)) }
            options.append(storeOption)
            return "'" + text + "travaux note add \(ShellWord.quoted(target.item)) -\(options.joined())'"
        }
    }

    /// A note's text read from standard input (`note add ITEM -`), which a failed command would
    /// otherwise lose with the pipe: kept in a rescue file the interface names at its next
    /// start too. What to add to the error: where the text is and the command that adds it.
    static func keepStandardInput(_ header: Header, body: String, folder: String) -> String {
        let path = folder + "/travaux-unsaved-note-\(getpid())-stdin.txt"
        let lines = header.text
        guard write(lines + "\n" + body + "\n", to: path) else { return keptOnStderr(body, folder: folder) }
        let bodyLine = lines.filter { $0 == "\n" }.count + 2
        return "the text read from standard input is kept in \(path): add it with "
            + header.command(file: path, bodyLine: bodyLine) + ", then remove the file"
    }

    /// The new text of `note edit ID --text -`, kept as `keepStandardInput` keeps a note's.
    /// `options` are the edit's others, already quoted (`--add-tag=t2`), which failed with it;
    /// `store` the store it was given, so the command acts on the same one.
    static func keepStandardInput(editing id: String, body: String, options: [String] = [], store: String?, folder: String) -> String {
        let path = folder + "/travaux-unsaved-edit-\(getpid()).txt"
        guard write(body + "\n", to: path) else { return keptOnStderr(body, folder: folder) }
        let given = options.map { " " + $0 }.joined() + (store.map { " --store " + ShellWord.quoted($0) } ?? "")
        return "the text read from standard input is kept in \(path): give it again with "
            + "'travaux note edit \(ShellWord.quoted(id)) --text -\(given) < \(ShellWord.quoted(path))', then remove the file"
    }

    /// The last resort: the text on standard error, above the error.
    private static func keptOnStderr(_ body: String, folder: String) -> String {
        CLIOutput.say("travaux: the text read from standard input, which could not be kept in \(folder) either:\n" + TerminalText.multiline(body))
        return "the text read from standard input is above"
    }

    /// A new private file (never one already there), written whole and synced; one that could
    /// not be is removed, so that no empty or cut "unsaved note" is found later in its place.
    static func write(_ text: String, to path: String) -> Bool {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return false }
        let written = CLIOutput.writeAll(text, to: descriptor) == 0 && fsync(descriptor) == 0
        if close(descriptor) != 0 || !written {
            unlink(path)
            return false
        }
        return true
    }
}
