#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Writes an export to a file the way the notes store writes notes: a temporary file in
/// the same directory, fsync, then into place in one step, so a reader (or a crash) never
/// sees half a handout. An existing file is replaced only when asked.
public enum ExportFile {
    public static func write(_ text: String, to path: String, replacing: Bool,
                             format: ExportFormat = .markdown) throws(ExportError) {
        if let problem = problem(writing: path, replacing: replacing, format: format) { throw problem }
        // A link to the handout (into a shared folder, say) stays a link: the file it points
        // at is the one replaced.
        let target = linkTarget(path) ?? path
        // A handout replaced keeps its permissions (a private 0600 one stays private, as `cp`
        // over a file keeps them); a new one is 0666 less the umask, as any document the user
        // makes (the store's own files are 0600).
        var existing = stat()
        let mode: mode_t = replacing && stat(target, &existing) == 0 && existing.st_mode & S_IFMT == S_IFREG
            ? existing.st_mode & 0o777 : 0o666
        do {
            try StoreFiles.writeAtomically(Array(text.utf8), to: target, temporaryTag: "export", mode: mode, replace: replacing)
        } catch {
            if error.code == EEXIST, !replacing { throw .fileExists(path: path) }
            throw .io(path: path, reason: error.reason)
        }
    }

    /// The file a symbolic link at `path` points at, when it is a link: followed through any
    /// further links, whether or not that file exists (a link whose file was deleted is
    /// written through as well, never replaced by a plain file).
    static func linkTarget(_ path: String) -> String? {
        var info = stat()
        guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFLNK else { return nil }
        if let resolved = realpath(path, nil) {
            defer { free(resolved) }
            return String(cString: resolved)
        }
        // A dangling link: follow it by hand, a relative destination being read from the
        // link's own folder. The limit is the kernel's own for a chain of links.
        var current = path
        for _ in 0..<40 {
            guard lstat(current, &info) == 0, info.st_mode & S_IFMT == S_IFLNK else { return current }
            guard let destination = linkDestination(current) else { return nil }
            let folder = StoreFiles.parentPath(current)
            // `shared/h.md` beside `link.md` is said so, not as `./shared/h.md`.
            current = destination.hasPrefix("/") || folder == "." ? destination : folder + "/" + destination
        }
        return nil
    }

    /// What the link at `path` holds, as written.
    private static func linkDestination(_ path: String) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink(path, &buffer, buffer.count - 1)
        guard count > 0 else { return nil }
        return String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// What stands in the way of writing `path`, found before any rendering (seconds for a
    /// large store): a folder given for the file, a file not to be replaced, a folder that is
    /// missing or not writable.
    public static func problem(writing path: String, replacing: Bool, format: ExportFormat = .markdown) -> ExportError? {
        var info = stat()
        if stat(path, &info) == 0 {
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                let file = (path.hasSuffix("/") ? path : path + "/") + "travaux-notes." + format.fileExtension
                return .io(path: path, reason: "it is a folder; give a file name, such as \(file)")
            case S_IFREG:
                if !replacing { return .fileExists(path: path) }
            default:
                // A device, a pipe or a socket is not a document: replacing it would put a plain
                // file where `/dev/null` or a reader's pipe was.
                return .notAFile(path: path)
            }
        } else if errno == ELOOP {
            return .io(path: path, reason: StoreFiles.errorText(ELOOP)
                       + " (links that lead back to themselves, never to a file); remove the link or give another file name")
        } else if path.hasSuffix("/") {
            // A folder meant, not yet made: a file name is wanted all the same.
            return .io(path: path, reason: "a file name is needed, not a folder's; give one, such as \(path)travaux-notes.\(format.fileExtension)")
        }
        // A link is written through: the folder that matters is its file's.
        let target = linkTarget(path) ?? path
        let folder = StoreFiles.parentPath(target)
        if !StoreFiles.exists(folder) {
            // `~` quoted reaches travaux as it is: a shell expands it only unquoted, and
            // `mkdir -p '~'` would make a folder named `~` here.
            if path == "~" || path.hasPrefix("~/") {
                return .io(path: path, reason: "'~' is not expanded here (a shell expands it only unquoted); give the full path, such as $HOME/\(path.dropFirst(2))")
            }
            if target != path {
                return .io(path: path, reason: "it links to \(target), whose folder does not exist; create it with mkdir -p \(ShellWord.quoted(folder)), or choose another file")
            }
            return .io(path: path, reason: "its folder does not exist; create it with mkdir -p \(ShellWord.quoted(folder)), or choose another file")
        }
        // A link whose file is missing is still there: as for a file, only --force writes it.
        if target != path, !replacing { return .fileExists(path: path) }
        if access(folder, W_OK) != 0 {
            return .io(path: path, reason: String(cString: strerror(errno)))
        }
        return nil
    }

    /// A handout's file name from its session (`Seminar 3` → `seminar-3.md`): letters and
    /// digits kept, lowered, anything else one hyphen; nil when nothing is left.
    public static func suggestedName(session: String) -> String? {
        var name = ""
        for character in session.lowercased() {
            if character.isLetter || character.isNumber {
                name.append(character)
            } else if !name.isEmpty, name.last != "-" {
                name.append("-")
            }
        }
        while name.last == "-" { name.removeLast() }
        return name.isEmpty ? nil : name + ".md"
    }

    /// `~` or `~/…` as a shell would expand it, for a name typed where no shell reads it (the
    /// interface's export prompt); anything else as it is.
    public static func expandingHome(_ path: String, home: String?) -> String {
        guard let home, !home.isEmpty, path == "~" || path.hasPrefix("~/") else { return path }
        return (home.hasSuffix("/") ? String(home.dropLast()) : home) + path.dropFirst()
    }
}
