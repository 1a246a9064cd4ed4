import ArgumentParser
import TravauxCore

/// `travaux export`: the notes as a Markdown handout, or the sources they cite as BibTeX
/// or CSL-JSON, on standard output or into a file.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export notes to Markdown with footnotes, or their sources to BibTeX or CSL-JSON.",
        discussion: """
            Filters combine: every one given must hold. --tag repeated means all the tags; \
            --item repeated means any of the items. --from and --to are the days the notes \
            were created, in this machine's time zone (TZ), inclusive, as YYYY, YYYY-MM or \
            YYYY-MM-DD. --order time lists the notes as they were taken (a meeting's minutes) \
            instead of by domain and item. \
            Nothing to export is an error, and no file is written.
            """)

    /// The format a file's extension names, when it names one (`.md`, `.bib`, `.json`).
    static func format(named path: String) -> Format? {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
        switch name[name.index(after: dot)...].lowercased() {
        case "md", "markdown": return .markdown
        case "bib": return .bibtex
        case "json": return .cslJSON
        default: return nil
        }
    }

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case markdown, bibtex
        case cslJSON = "csl-json"
        /// In any case, as ids are: `--format BibTeX`.
        init?(argument: String) { self.init(rawValue: argument.lowercased()) }

        var exportFormat: ExportFormat {
            switch self {
            case .markdown: return .markdown
            case .bibtex: return .bibtex
            case .cslJSON: return .cslJSON
            }
        }
    }

    @Option(name: .customLong("tag"), help: "Only notes with this tag (repeat: all of them).")
    var tags: [String] = []

    @Option(name: .customLong("item"), help: ArgumentHelp("Only notes on this item (repeat for several).", valueName: "id"))
    var items: [String] = []

    @Option(help: "Only notes of this session.")
    var session: String?

    @Flag(name: .customLong("no-session"), help: "Only notes taken outside any session.")
    var noSession = false

    @Option(help: "Only notes on items of this domain: space, cyber or general.")
    var domain: String?

    @Option(help: ArgumentHelp("Only notes on items in this forum or a body within it.", valueName: "forum-id"))
    var forum: String?

    @Option(help: ArgumentHelp("Only notes on items naming this actor.", valueName: "actor-id"))
    var actor: String?

    @Option(help: ArgumentHelp("Only notes created on or after this day.", valueName: "date"))
    var from: String?

    @Option(help: ArgumentHelp("Only notes created on or before this day.", valueName: "date"))
    var to: String?

    @Option(help: "markdown (default), bibtex or csl-json.")
    var format: Format = .markdown

    @Option(help: ArgumentHelp("The handout's order: item (by domain and item, the default) or time (as the notes were taken).",
                               valueName: "order"))
    var order: Order = .item

    enum Order: String, ExpressibleByArgument, CaseIterable {
        case item, time
        init?(argument: String) { self.init(rawValue: argument.lowercased()) }
    }

    @Flag(name: .customLong("all-sources"), help: "BibTeX or CSL-JSON of every source of the record, not only those the notes cite.")
    var allSources = false

    @Option(name: .customShort("o"), help: ArgumentHelp("Write to this file ('-': standard output, the default).", valueName: "file"))
    var output: String?

    @Flag(help: "Replace the file given with -o if it exists.")
    var force = false

    @Option(help: "The handout's title.")
    var title: String?

    @OptionGroup var global: GlobalOptions

    func run() throws {
        if output == "" { throw CLIError("-o needs a file name ('-' for standard output)", exitCode: 64) }
        try refuseEmptyValues()
        if noSession && session != nil {
            throw CLIError("--session and --no-session ask for different notes; give one", exitCode: 64)
        }
        let record = try global.loadRecord()
        let notes = allSources ? NoteCollection() : try global.loadNotes(try global.noteStore())
        let selection = try makeSelection(record: record, notes: notes)
        if allSources {
            guard format != .markdown else {
                throw CLIError("--all-sources is for --format bibtex or csl-json; a Markdown handout cites what its notes rest on", exitCode: 64)
            }
            guard selection.isEmpty else {
                throw CLIError("--all-sources exports every source of the record; drop the note filters, or drop --all-sources to export what the filtered notes cite", exitCode: 64)
            }
        }
        if order == .time && format != .markdown {
            throw CLIError("--order is the Markdown handout's; BibTeX and CSL-JSON list the sources in the record's order", exitCode: 64)
        }
        let now = NoteClock.system.now()
        let options = ExportOptions(selection: selection, title: title, date: now, zone: LocalZone.system(now: now), allSources: allSources,
                                    order: ExportOrder(rawValue: order.rawValue) ?? .item)
        do {
            let text = try format.exportFormat.render(notes: notes, record: record, options: options)
            if let output, output != "-" {
                try ExportFile.write(text, to: output, replacing: force, format: format.exportFormat)
                if let meant = Self.format(named: output), meant != format {
                    // Written all the same (a name is the user's to choose), but said: Markdown
                    // in a `.bib` that Zotero or Pandoc's bibliography then cannot read.
                    CLIOutput.warn("\(output) has the extension of \(meant.rawValue) but holds \(format.rawValue); "
                                   + "for \(meant.rawValue) give --format \(meant.rawValue)")
                }
            } else {
                CLIOutput.write(text)
            }
        } catch .notAFile(let path) {
            throw CLIError(ExportError.notAFile(path: path).description + ", or -o - for standard output")
        } catch {
            throw CLIError(error.description)
        }
    }

    /// An empty value (a variable left unset, `--tag '#'`) is a usage error, as an empty id or
    /// tag name is for every command: it would otherwise match nothing and blame the notes, or
    /// (`--title ''`) quietly give the default.
    private func refuseEmptyValues() throws {
        try EmptyArgument.checkTags(tags, option: "--tag")
        try EmptyArgument.check(items, "--item is empty; give an item's id, as in '--item ppwt'")
        let single: [(option: String, value: String?, wanted: String)] = [
            ("--session", session, "a session name"),
            ("--domain", domain, "space, cyber or general"),
            ("--forum", forum, "a forum id ('travaux list forums' shows them)"),
            ("--actor", actor, "an actor id ('travaux list actors' shows them)"),
            ("--from", from, "a day as YYYY, YYYY-MM or YYYY-MM-DD"),
            ("--to", to, "a day as YYYY, YYYY-MM or YYYY-MM-DD"),
            ("--title", title, "the handout's title, or leave --title out for the default"),
        ]
        for (option, value, wanted) in single {
            try EmptyArgument.check(value, "\(option) is empty; give \(wanted)")
        }
        try EmptyArgument.checkSession(session)
    }

    private func makeSelection(record: Record, notes: NoteCollection) throws -> ExportSelection {
        // An id the record no longer holds still selects the notes taken on it ("Not in this record").
        let items = self.items.map { notes.notes(on: $0).isEmpty ? record.resolvingTyped($0) : $0 }
        for id in items where notes.notes(on: id).isEmpty {
            if let problem = record.problem(with: NoteTarget(item: id)) { throw CLIError(problem) }
        }
        let recordFilter = try ItemFilter.make(record: record, domain: domain, forum: forum, actor: actor)
        let fromDate = try day(from, option: "--from")
        let toDate = try day(to, option: "--to")
        if let fromDate, let toDate, toDate.iso < String(fromDate.iso.prefix(toDate.iso.count)) {
            throw CLIError("--from \(fromDate.iso) is after --to \(toDate.iso); no note can match", exitCode: 64)
        }
        // A tag or session no note has is a typo more often than not: said with the nearest,
        // as `note list` says it, rather than "no note matches". Tags as the notes spell them
        // (the front matter's filters then do too).
        // Notes all held out by a conflict may still carry them: said so.
        let namesKnown = !notes.isEmpty || notes.problems.contains(where: \.mergeConflict)
        let tags = Tag.parted(self.tags)
        let spelledTags = namesKnown ? try tags.map { try KnownTag.spelling(of: $0, in: notes) } : tags
        if let session, namesKnown { try KnownSession.check(session, in: notes) }
        // The session as its notes spell it, which the handout's title then shows.
        let spelledSession = session.map { notes.spelledSession($0) }
        var noteFilter = NoteFilter(tags: spelledTags, session: spelledSession, itemIDs: items)
        noteFilter.withoutSession = noSession
        return ExportSelection(notes: noteFilter, record: recordFilter,
                               from: fromDate, to: toDate)
    }

    private func day(_ text: String?, option: String) throws -> PartialDate? {
        guard let text else { return nil }
        guard let date = PartialDate(iso: text) else {
            // The record's advice (`14/03/2014`: write '2014-03-14'); an empty text is said earlier.
            throw CLIError("\(option) " + PartialDate.whyNot(text, forOption: true), exitCode: 64)
        }
        return date
    }
}
