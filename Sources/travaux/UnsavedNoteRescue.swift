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
    static func rescue(_ draft: NoteDraft, reason: String, environment: [String: String]) -> String {
        let folder = environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        let path = folder + "/travaux-unsaved-note-\(getpid())-\(draft.id).txt"
        var text = "Item: \(draft.target.item)\n"
        if !draft.tags.isEmpty { text += "Tags: " + draft.tags.joined(separator: ", ") + "\n" }
        text += "\n" + draft.body + "\n"
        if write(Array(text.utf8), to: path) {
            return "the note being typed could not be saved (\(reason)); its text is in \(path)"
        }
        return "the note being typed could not be saved (\(reason)), nor written to \(folder); here is its text:\n" + text
    }

    /// A new private file (never one already there), written whole and synced.
    private static func write(_ bytes: [UInt8], to path: String) -> Bool {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var written = 0
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return false }
            written += count
        }
        return fsync(descriptor) == 0
    }
}
