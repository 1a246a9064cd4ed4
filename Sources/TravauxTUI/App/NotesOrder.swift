import TravauxCore

/// The order of the Notes pane (`o`): by last change, newest first, so that the note just
/// written or edited is on top, as a mail client lists its threads; or as taken, oldest first,
/// a meeting's minutes, as `export --order time` gives them, where fixing a typo moves nothing.
public enum NotesOrder: String, Sendable, Codable, CaseIterable {
    case changed
    case taken

    /// The time a note is listed by, and shown beside it.
    func time(of note: Note) -> NoteTime {
        switch self {
        case .changed: return note.updated
        case .taken: return note.created
        }
    }

    /// Whether a note listed at `a` comes before one at `b`: newest first by last change, oldest
    /// first as taken; of two in the same millisecond, by id the same way (ids begin with the
    /// time they were made).
    func listsBefore(_ a: (time: Int64, id: String), _ b: (time: Int64, id: String)) -> Bool {
        switch self {
        case .changed: return a.time != b.time ? a.time > b.time : a.id > b.id
        case .taken: return a.time != b.time ? a.time < b.time : a.id < b.id
        }
    }

    /// A day's heading: as taken, it says so, since nothing else on screen tells the orders apart.
    func heading(_ day: String, prefix: String = "") -> String {
        switch self {
        case .changed: return prefix + day
        case .taken: return prefix + day + " · as taken"
        }
    }

    var other: NotesOrder { self == .changed ? .taken : .changed }

    /// What `o` says it did.
    var said: String {
        switch self {
        case .changed: return "notes by last change, newest first (o: as taken)"
        case .taken: return "notes as taken, oldest first, as in a meeting's minutes (o: by last change)"
        }
    }
}
