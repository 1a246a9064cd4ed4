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
        do {
            // 0666 less the umask, as for any document the user makes (the store's own files are 0600).
            try StoreFiles.writeAtomically(Array(text.utf8), to: target, temporaryTag: "export", mode: 0o666, replace: replacing)
        } catch {
            if error.code == EEXIST, !replacing { throw .fileExists(path: path) }
            throw .io(path: path, reason: error.reason)
        }
    }

    /// The file a symbolic link at `path` points at, when it points at one.
    static func linkTarget(_ path: String) -> String? {
        var info = stat()
        guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFLNK, let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
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
        }
        let folder = StoreFiles.parentPath(path)
        if !StoreFiles.exists(folder) {
            return .io(path: path, reason: "its folder does not exist; create it with mkdir -p \(folder), or choose another file")
        }
        if access(folder, W_OK) != 0 {
            return .io(path: path, reason: String(cString: strerror(errno)))
        }
        return nil
    }

    /// `~` or `~/…` as a shell would expand it, for a name typed where no shell reads it (the
    /// interface's export prompt); anything else as it is.
    public static func expandingHome(_ path: String, home: String?) -> String {
        guard let home, !home.isEmpty, path == "~" || path.hasPrefix("~/") else { return path }
        return (home.hasSuffix("/") ? String(home.dropLast()) : home) + path.dropFirst()
    }
}
