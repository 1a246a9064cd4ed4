/// Why an export produced nothing, in words a user can act on.
public enum ExportError: Error, Equatable, CustomStringConvertible {
    /// No note (or no source) is left once the filters are applied: nothing is written,
    /// so an empty handout never replaces a real one.
    case nothingToExport(String)
    /// The output file could not be written.
    case io(path: String, reason: String)
    /// `-o FILE` names an existing file and overwriting was not asked for.
    case fileExists(path: String)
    /// The name given is a device, a pipe or a socket, which an export never replaces.
    case notAFile(path: String)

    public var description: String {
        switch self {
        case .nothingToExport(let reason):
            return "nothing to export: \(reason)"
        case .io(let path, let reason):
            return "cannot write \(path): \(reason)"
        case .fileExists(let path):
            return "\(path) already exists; pass --force to replace it, or choose another file with -o"
        case .notAFile(let path):
            return "cannot write \(path): it is not a file but a device, a pipe or a socket, which an export never replaces; give a file name"
        }
    }
}

extension ExportError {
    /// Nothing matched: says whether the store is empty or the filters left nothing.
    static func noNotes(in notes: NoteCollection, selection: ExportSelection, record: Record) -> ExportError {
        if notes.isEmpty {
            return .nothingToExport("there are no notes yet; add one with 'travaux note add ITEM-ID TEXT'")
        }
        return .nothingToExport("no note matches \(selection.description(in: record)); 'travaux note list' shows the notes")
    }
}
