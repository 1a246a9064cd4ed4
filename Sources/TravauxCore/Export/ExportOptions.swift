/// How an export is made: which notes, the handout's title, and the moment it is made.
///
/// The moment is a parameter, not read from a clock inside the renderer, so that the same
/// notes give the same bytes (golden files depend on it).
public struct ExportOptions: Sendable {
    public var selection: ExportSelection
    /// The handout's title; `defaultTitle` when nil.
    public var title: String?
    /// When the export is made; only its day, in `zone`, is printed.
    public var date: NoteTime
    /// Where the handout's days and times are told in (`LocalZone.system`), and the days of
    /// `--from` and `--to`.
    public var zone: LocalZone
    /// BibTeX and CSL-JSON: every source of the record rather than those the notes cite.
    public var allSources: Bool
    /// The Markdown handout's order: by domain and item (a digest), or as the notes were taken
    /// (a meeting's minutes).
    public var order: ExportOrder

    public init(selection: ExportSelection = ExportSelection(), title: String? = nil, date: NoteTime, zone: LocalZone,
                allSources: Bool = false, order: ExportOrder = .item) {
        self.selection = selection
        self.title = title
        self.date = date
        self.zone = zone
        self.allSources = allSources
        self.order = order
    }

    public static let defaultTitle = "Notes on the negotiating record"

    /// The title to print: the one given, trimmed, else a default naming the session.
    public var resolvedTitle: String {
        if let title, !title.allSatisfy(\.isWhitespace) { return title.trimmingWhitespace() }
        if let session = selection.notes.session { return "Notes of \(session)" }
        return Self.defaultTitle
    }
}
