#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Writes an export to a file the way the notes store writes notes: a temporary file in
/// the same directory, fsync, then into place in one step, so a reader (or a crash) never
/// sees half a handout. An existing file is replaced only when asked.
public enum ExportFile {
    public static func write(_ text: String, to path: String, replacing: Bool) throws(ExportError) {
        if let problem = folderProblem(path) { throw problem }
        do {
            // 0666 less the umask, as for any document the user makes (the store's own files are 0600).
            try StoreFiles.writeAtomically(Array(text.utf8), to: path, temporaryTag: "export", mode: 0o666, replace: replacing)
        } catch {
            if error.code == EEXIST, !replacing { throw .fileExists(path: path) }
            throw .io(path: path, reason: error.reason)
        }
    }

    /// A folder given where a file belongs: said at once, never asked whether to replace it.
    public static func folderProblem(_ path: String) -> ExportError? {
        var isDirectory = false
        guard StoreFiles.exists(path, isDirectory: &isDirectory), isDirectory else { return nil }
        let file = (path.hasSuffix("/") ? path : path + "/") + "travaux-notes.md"
        return .io(path: path, reason: "it is a folder; give a file name, such as \(file)")
    }

    /// `~` or `~/…` as a shell would expand it, for a name typed where no shell reads it (the
    /// interface's export prompt); anything else as it is.
    public static func expandingHome(_ path: String, home: String?) -> String {
        guard let home, !home.isEmpty, path == "~" || path.hasPrefix("~/") else { return path }
        return (home.hasSuffix("/") ? String(home.dropLast()) : home) + path.dropFirst()
    }
}
