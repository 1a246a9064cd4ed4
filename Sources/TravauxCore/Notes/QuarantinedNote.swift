/// A note file the store moved to `quarantine/` because it could not be read as a note: asked
/// for later by its id, it is said to be there, with why, rather than "no note" as if it
/// had never been written.
public struct QuarantinedNote: Sendable, Hashable {
    /// The id its file was named by.
    public var noteID: String
    /// Where it is now, in `quarantine/`.
    public var path: String
    /// Why it was moved, as its `.reason.txt` says; nil when that file is gone.
    public var reason: String?
    /// Where it goes back once mended.
    public var home: String

    /// What a user asking for it is told: where it is, why, and how it comes back.
    public var description: String {
        let why = reason.map { " — \($0) —" } ?? ""
        return "note \(noteID) is in quarantine: its file could not be read as a note\(why) and was moved to \(path); "
            + "mend it and move it back to \(home) to read it again"
    }
}

extension NoteStore {
    /// The files in `quarantine/` of the note `typed` names: its id, or a beginning of it of 4
    /// characters or more, in any case. A name given a `.2` by a second quarantine counts too.
    public func quarantinedNotes(named typed: String) -> [QuarantinedNote] {
        guard let listing = try? DirectoryListing(quarantineDirectory) else { return [] }
        let wanted = typed.uppercased()
        guard !wanted.isEmpty else { return [] }
        var found: [QuarantinedNote] = []
        for index in 0..<listing.count {
            let name = listing.name(index)
            guard !name.hasSuffix(".reason.txt"), let range = name.firstRange(of: ".json") else { continue }
            let id = String(name[..<range.lowerBound])
            let key = id.uppercased()
            guard key == wanted || (wanted.count >= NoteCollection.minimumPrefix && key.hasPrefix(wanted)) else { continue }
            let path = quarantineDirectory + "/" + name
            found.append(QuarantinedNote(noteID: id, path: path, reason: Self.quarantineReason(of: path, name: id + ".json"),
                                         home: self.path(of: id)))
        }
        return found.sorted { $0.path < $1.path }
    }

    /// The reason its `.reason.txt` gives, without the file name it starts with.
    private static func quarantineReason(of path: String, name: String) -> String? {
        guard let bytes = try? StoreFiles.read(path + ".reason.txt") else { return nil }
        var text = String(decoding: bytes, as: UTF8.self)
        if text.hasPrefix(name + ": ") { text.removeFirst(name.count + 2) }
        while let last = text.last, last.isWhitespace { text.removeLast() }
        return text.isEmpty ? nil : text
    }
}
