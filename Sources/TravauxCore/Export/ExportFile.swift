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
        do {
            // 0666 less the umask, as for any document the user makes (the store's own files are 0600).
            try StoreFiles.writeAtomically(Array(text.utf8), to: path, temporaryTag: "export", mode: 0o666, replace: replacing)
        } catch {
            if error.code == EEXIST, !replacing { throw .fileExists(path: path) }
            throw .io(path: path, reason: error.reason)
        }
    }
}
