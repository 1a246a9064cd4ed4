import ArgumentParser
import TravauxCore

/// `travaux note add|list|edit|rm`: the notes store from scripts and the shell.
struct NoteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "note",
        abstract: "Add, list, edit and remove your notes on the record.",
        subcommands: [Add.self, List.self, Show.self, Edit.self, Remove.self, Resolve.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Annotate an item (or a version, element or quoted text of a proposal).",
            discussion: "TEXT is Markdown; '-' reads it from standard input.")

        @Argument(help: "The item's id (see 'travaux list' or 'travaux search').")
        var itemID: String

        @Argument(help: "The note, in Markdown; '-' reads standard input.")
        var text: String

        @Option(name: .customLong("tag"), help: "A tag (repeat for several).")
        var tags: [String] = []

        @Option(help: "The seminar or meeting label stamped on the note.")
        var session: String?

        @Option(help: ArgumentHelp("Annotate this version of the proposal.", valueName: "version-id"))
        var version: String?

        @Option(help: ArgumentHelp("Annotate this element (pledge, proviso) of the proposal.", valueName: "element-id"))
        var element: String?

        @Option(help: ArgumentHelp("Annotate this quoted text of the proposal.", valueName: "quote-id"))
        var quote: String?

        @Flag(help: "Print the saved note as JSON.")
        var json = false

        @OptionGroup var global: GlobalOptions

        func run() throws {
            try EmptyArgument.check(itemID, "give the id of the item the note is on, as in 'travaux note add ppwt TEXT' (see 'travaux list')")
            try EmptyArgument.checkTags(tags, option: "--tag")
            try EmptyArgument.checkSession(session)
            try EmptyArgument.check(version, "--version is empty; give a version's id (see 'travaux show \(itemID)')")
            try EmptyArgument.check(element, "--element is empty; give an element's id (see 'travaux show \(itemID)')")
            try EmptyArgument.check(quote, "--quote is empty; give a quoted text's id (see 'travaux show \(itemID)')")
            // Options that contradict each other are a usage error, whatever the record holds.
            if element != nil && quote != nil {
                throw CLIError("a note goes on an element or on a quoted text, not both; drop --element or --quote", exitCode: 64)
            }
            let record = try global.loadRecord()
            let target = record.resolvingTyped(of: NoteTarget(item: itemID, version: version, element: element, quote: quote))
            if let problem = record.problem(with: target) {
                // An id the record lacks but notes are on: a newer record renamed or removed it.
                if record.item(target.item) == nil, let notes = try? global.noteStore().load(), !notes.notes(on: target.item).isEmpty {
                    let count = notes.notes(on: target.item).count
                    throw CLIError(problem + "; \(count) note\(count == 1 ? " is" : "s are") on '\(target.item)' already, which this record "
                                   + "no longer has ('travaux note list --item \(target.item)' lists them; 'travaux note edit ID --item NEW' moves one)")
                }
                throw CLIError(problem)
            }
            let completed = record.completing(target)
            let body = text == "-" ? try CLIInput.readStandardInput() : CLIInput.noteText(text)
            guard !body.allSatisfy(\.isWhitespace) else {
                throw CLIError(text == "-" ? "the note is empty: standard input gave no text; pipe the note's text in, or give it in place of '-'"
                                           : "the note is empty; give its text, or '-' to read it from standard input", exitCode: 64)
            }
            let note: Note
            do {
                note = try save(body, on: completed)
            } catch let error as CLIError where text == "-" {
                // Text from a pipe is gone once read: a failed command keeps it.
                let header = UnsavedNoteRescue.Header(target: completed, tags: Tag.normalise(tags), session: session.map(SessionLabel.normalise),
                                                      store: (try? global.noteStore()).map { UnsavedNoteRescue.absolute($0.directory) })
                throw CLIError(error.message + "; " + UnsavedNoteRescue.keepStandardInput(header, body: body, folder: CLIEnvironment.temporaryDirectory),
                               exitCode: error.exitCode)
            }
            CLIOutput.write(json ? try JSONOutput.string(NoteJSON(note: note)) : note.id, done: "the note was saved as \(note.id)")
        }

        /// Saves a new note with `body` on `target`, its tags and session spelled as the notes spell them.
        private func save(_ body: String, on target: NoteTarget) throws -> Note {
            let store = try global.noteStore()
            // The store is read only for the spelling of the tags and session already in use.
            let notes = tags.isEmpty && session == nil ? nil : try global.loadNotes(store)
            if let notes, let problem = TagSpelling.problem(among: notes.newTags(Tag.normalise(tags))) {
                throw CLIError(problem + "; nothing saved", exitCode: 64)
            }
            let spelled = notes?.spelled(Tag.normalise(tags)) ?? []
            let spelledSession = session.map(SessionLabel.normalise).map { notes?.spelledSession($0) ?? $0 }
            let note = store.makeNote(target: target, body: body, tags: spelled, session: spelledSession, author: global.author)
            do { try store.save(note, base: nil) } catch { throw CLIError(error.description) }
            return note
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List notes, oldest first.", aliases: ["ls"])

        @Option(name: .customLong("item"), help: ArgumentHelp("Only notes on this item (repeat for several).", valueName: "id"))
        var items: [String] = []

        @Option(name: .customLong("tag"), help: "Only notes with this tag (repeat: all of them).")
        var tags: [String] = []

        @Option(help: "Only notes of this session.")
        var session: String?

        @Flag(name: .customLong("no-session"), help: "Only notes taken outside any session.")
        var noSession = false

        @Option(help: "Only notes containing these words.")
        var text: String?

        @Flag(help: "Print JSON for scripts.")
        var json = false

        @OptionGroup var global: GlobalOptions

        func run() throws {
            try EmptyArgument.check(items, "--item is empty; give an item's id, as in '--item ppwt'")
            try EmptyArgument.checkTags(tags, option: "--tag")
            let tags = Tag.parted(self.tags)
            try EmptyArgument.checkSession(session)
            try EmptyArgument.check(text, "--text is empty; give words the notes must hold, or leave --text out")
            // As for `search`: a '#' or quotes alone name nothing, and would list every note.
            if let text, !NoteFilter.asksForSomething(text) {
                throw CLIError("--text '\(TerminalText.singleLine(text))' holds no word; give words the notes must hold, or '#' and the beginning of a tag",
                               exitCode: 64)
            }
            if noSession && session != nil {
                throw CLIError("--session and --no-session ask for different notes; give one", exitCode: 64)
            }
            let store = try global.noteStore()
            let notes = try global.loadNotes(store)
            // A tag no note carries is a typo more often than a question, as for `list` and `export`.
            // Notes all held out by a conflict may still carry them: said so.
            if !notes.isEmpty || notes.problems.contains(where: \.mergeConflict) {
                for tag in tags { _ = try KnownTag.spelling(of: tag, in: notes) }
                if let session { try KnownSession.check(session, in: notes) }
            }
            // An id notes are on is taken as it is (an item a record once held too). Any other
            // is read against the record, as `export --item` reads it: in its case (`PPWT` is
            // `ppwt`), and a typo named. Words may be in the title of a note's item, as in the
            // interface. The record is read only for these, once; one that cannot be read costs
            // only the check, and leaves the notes' own text to search.
            var itemIDs = items
            let unnoted = items.indices.filter { notes.notes(on: items[$0]).isEmpty }
            let record = unnoted.isEmpty && text == nil ? nil : try? global.loadRecord()
            if !unnoted.isEmpty, let record {
                for index in unnoted {
                    let id = record.resolvingTyped(items[index])
                    if let problem = record.problem(with: NoteTarget(item: id)) { throw CLIError(problem) }
                    itemIDs[index] = id
                }
            }
            var filter = NoteFilter(tags: tags, session: session, itemIDs: itemIDs, text: text ?? "")
            filter.withoutSession = noSession
            let matching = filter.apply(to: notes, record: record)
            if json {
                try JSONOutput.writeArray(matching.lazy.map(NoteJSON.init))
                return
            }
            guard !matching.isEmpty else {
                let held = notes.problems.count
                CLIOutput.say(notes.isEmpty && held > 0 ? "no note could be read in \(store.directory) (\(held) file\(held == 1 ? "" : "s") held out: see above)"
                              : notes.isEmpty ? "no notes yet in \(store.directory); add one with 'travaux note add ITEM-ID TEXT'"
                              : "no notes match these filters")
                return
            }
            var table = Table(columns: [.init(header: "ID"), .init(header: "UPDATED"), .init(header: "ON", cap: 20),
                                        .init(header: "TAGS", cap: 24, optional: true), .init(header: "SESSION", cap: 16, optional: true),
                                        .init(header: "NOTE", flexible: true)])
            let zone = CLIEnvironment.zone
            func rows(idLength: Int) -> [[String]] {
                matching.map { note in
                    [String(note.id.prefix(idLength)), zone.day(of: note.updated), note.target.description,
                     note.tags.map { "#" + $0 }.joined(separator: " "), note.session ?? "", note.headline]
                }
            }
            table.rows = rows(idLength: .max)
            let width = CLIOutput.width
            var text = table.render(width: width)
            // Too narrow for whole ids (26 characters): the fewest that still name each note,
            // which `note edit` and `note rm` take, rather than rows that wrap.
            if let width, text.split(separator: "\n").contains(where: { TerminalText.columns(String($0)) > width }) {
                table.rows = rows(idLength: notes.uniquePrefixLength(of: matching.map(\.id)))
                text = table.render(width: width)
            }
            CLIOutput.write(text)
        }
    }

    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Change a note's text, tags, session, or what it is on.",
            discussion: """
                NOTE-ID may be any unique beginning of the id, of 4 characters or more. --item, --version, \
                --element and --quote move the note, naming its new place whole: '--item eu-space-code' alone \
                puts it on the whole item, '--version 2014' alone on that version of the item it is on.
                """)

        // Spaces around it dropped, as for every id: one pasted from a table cell.
        @Argument(help: "The note's id, or a unique beginning of it.", transform: { $0.trimmingWhitespace() })
        var noteID: String

        @Option(help: "The new text ('-' reads standard input).")
        var text: String?

        @Option(name: .customLong("add-tag"), help: "Add a tag (repeat for several).")
        var addTags: [String] = []

        @Option(name: .customLong("remove-tag"), help: "Remove a tag (repeat for several).")
        var removeTags: [String] = []

        @Option(help: "Set the session label ('' removes it).")
        var session: String?

        @Option(help: ArgumentHelp("Move the note to this item (a note taken on the wrong one).", valueName: "item-id"))
        var item: String?

        @Option(help: ArgumentHelp("Move the note to this version of the proposal.", valueName: "version-id"))
        var version: String?

        @Option(help: ArgumentHelp("Move the note to this element of the proposal.", valueName: "element-id"))
        var element: String?

        @Option(help: ArgumentHelp("Move the note to this quoted text of the proposal.", valueName: "quote-id"))
        var quote: String?

        @Flag(help: "Print the saved note as JSON.")
        var json = false

        @OptionGroup var global: GlobalOptions

        /// Whether the note is moved: any of the options that name its place.
        private var moves: Bool { item != nil || version != nil || element != nil || quote != nil }

        /// The options beside `--text`, quoted, for the command that gives a kept text again.
        var otherOptions: [String] {
            // After `=`, a value beginning with `-` stays a value, and an empty session, which
            // removes the note's, stays given.
            var options = addTags.map { "--add-tag=" + ShellWord.quotedText($0) } + removeTags.map { "--remove-tag=" + ShellWord.quotedText($0) }
            if let session { options.append("--session=" + ShellWord.quotedText(session)) }
            for (option, value) in [("--item", item), ("--version", version), ("--element", element), ("--quote", quote)] {
                if let value { options.append(option + "=" + ShellWord.quotedText(value)) }
            }
            return options
        }

        func run() throws {
            try EmptyArgument.check(noteID, "give the note's id (see 'travaux note list'), as in 'travaux note edit 01M7 --text TEXT'")
            try EmptyArgument.checkSession(session, removing: true)
            try EmptyArgument.checkTags(addTags, option: "--add-tag")
            try EmptyArgument.checkTags(removeTags, option: "--remove-tag")
            try EmptyArgument.check(item, "--item is empty; give the id of the item to move the note to (see 'travaux list')")
            try EmptyArgument.check(version, "--version is empty; give a version's id (see 'travaux show ITEM')")
            try EmptyArgument.check(element, "--element is empty; give an element's id (see 'travaux show ITEM')")
            try EmptyArgument.check(quote, "--quote is empty; give a quoted text's id (see 'travaux show ITEM')")
            guard text != nil || !addTags.isEmpty || !removeTags.isEmpty || session != nil || moves else {
                throw CLIError("nothing to change; give --text, --add-tag, --remove-tag, --session, or --item (and --version, --element or --quote) to move it",
                               exitCode: 64)
            }
            if element != nil && quote != nil {
                throw CLIError("a note goes on an element or on a quoted text, not both; drop --element or --quote", exitCode: 64)
            }
            let removedTags = Tag.normalise(removeTags)
            // Spelled alike, not only the same tag: `--remove-tag t1 --add-tag T1` re-spells it.
            if let both = Tag.normalise(addTags).first(where: removedTags.contains) {
                throw CLIError("--add-tag and --remove-tag both name '\(both)'; give it to one of them", exitCode: 64)
            }
            let store = try global.noteStore()
            let notes = try global.loadNotes(store, naming: noteID)
            let base = try NoteLookup.note(noteID, in: notes, store: store)
            // The new place is checked as `note add` checks one, before standard input is read.
            var target: NoteTarget?
            if moves {
                let record = try global.loadRecord()
                let wanted = record.resolvingTyped(of: NoteTarget(item: item ?? base.target.item, version: version, element: element, quote: quote))
                if let problem = record.problem(with: wanted) { throw CLIError("nothing changed: " + problem) }
                target = record.completing(wanted)
            }
            // Checked before standard input is read: a pipe read is gone.
            for tag in removedTags where !base.tags.contains(where: { Tag.same($0, tag) }) {
                throw CLIError("note \(base.id) has no tag '\(tag)'; " + (base.tags.isEmpty ? "it has no tags" : "its tags are " + base.tags.joined(separator: ", ")))
            }
            if let problem = TagSpelling.problem(among: notes.newTags(Tag.normalise(addTags), editing: base)) {
                throw CLIError(problem + "; nothing changed", exitCode: 64)
            }
            var newBody: String?
            if let text {
                let body = text == "-" ? try CLIInput.readStandardInput() : CLIInput.noteText(text)
                guard !body.allSatisfy(\.isWhitespace) else {
                    throw CLIError("the new text is empty; to delete the note use 'travaux note rm \(base.id)'", exitCode: 64)
                }
                newBody = body
            }
            var edit = NoteEdit(body: newBody, removedTags: removedTags, addedTags: Tag.normalise(addTags), target: target)
            if let session {
                // Another case of the note's own session re-spells it here; any other joins the
                // spelling the notes already give it.
                let session = SessionLabel.normalise(session)
                let same = base.session.map { SessionLabel.same($0, session) } ?? false
                edit.session = .some(session.isEmpty ? nil : same ? session : notes.spelledSession(session))
            }
            // Applied to the note as it is on disk: scripts editing one note at once keep every change.
            let applied: NoteStore.EditOutcome
            do {
                applied = try store.apply(edit, base: base, spelling: notes)
            } catch {
                var message = error.description
                if case .noSuchNote = error {
                    message = "note \(base.id) is no longer in \(store.directory) (deleted meanwhile, or its file damaged: 'travaux note list' says); nothing changed"
                }
                if text == "-", let newBody {
                    message += "; " + UnsavedNoteRescue.keepStandardInput(editing: base.id, body: newBody, options: otherOptions,
                                                                          store: UnsavedNoteRescue.absolute(store.directory),
                                                                          folder: CLIEnvironment.temporaryDirectory)
                }
                throw CLIError(message)
            }
            let outcome: NoteStore.SaveOutcome
            switch applied {
            case .unchanged(let current):
                // Nothing to write: the file, its time and a store shared through git stay as they are.
                CLIOutput.write(json ? try JSONOutput.string(NoteJSON(note: current)) : current.id)
                return
            case .saved(let saved):
                outcome = saved
            }
            if let copy = outcome.conflictCopy {
                CLIOutput.warn(outcome.copyIsMine
                    ? "note \(base.id) was changed elsewhere after this edit; that later edit keeps the note, and this one is kept as note \(copy.id)"
                    : "note \(base.id) was also changed elsewhere; the other edit is kept as note \(copy.id)")
            }
            if let problem = outcome.quarantined { CLIOutput.warn(problem.description) }
            let spelled = edit.tags(of: base, spelling: notes, editing: base)
            // A tag the note had, re-spelled (`--remove-tag GGE --add-tag gge`): one tag, one
            // spelling. The other notes come from the store already read, as the interface does.
            for respelling in spelled.respellings where outcome.conflictCopy == nil {
                let others = notes.notes(toRespell: respelling, except: base.id)
                do {
                    // As each note is now: an edit made meanwhile keeps its text.
                    for other in others {
                        try store.modify(other.id) { respelling.respelled($0, at: store.clock.now()) }
                    }
                } catch {
                    throw CLIError("the note \(outcome.saved.id) was saved, but '\(respelling.old)' was not re-spelled on every other note: "
                                   + "\(error.description); 'travaux tag rename \(respelling.old) \(respelling.new)' does it")
                }
                if !others.isEmpty {
                    CLIOutput.say("'\(respelling.old)' is now spelled '\(respelling.new)' on \(others.count) other note\(others.count == 1 ? "" : "s") too")
                }
            }
            CLIOutput.write(json ? try JSONOutput.string(NoteJSON(note: outcome.saved)) : outcome.saved.id,
                            done: "the note \(outcome.saved.id) was saved")
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show one note: what it is on, its tags, session and times, and its text.",
            discussion: "NOTE-ID may be any unique beginning of the id, of 4 characters or more.")

        // Spaces around it dropped, as for every id: one pasted from a table cell.
        @Argument(help: "The note's id, or a unique beginning of it.", transform: { $0.trimmingWhitespace() })
        var noteID: String

        @Flag(help: "Print the note as JSON, as note list gives each.")
        var json = false

        @OptionGroup var global: GlobalOptions

        func run() throws {
            try EmptyArgument.check(noteID, "give the note's id (see 'travaux note list'), as in 'travaux note show 01M7'")
            let store = try global.noteStore()
            let notes = try global.loadNotes(store, naming: noteID)
            let note = try NoteLookup.note(noteID, in: notes, store: store)
            if json {
                CLIOutput.write(try JSONOutput.string(NoteJSON(note: note)))
                return
            }
            // The record names what the note is on; without it (a broken record), its ids do.
            let record = try? global.loadRecord()
            let on = record.map { $0.item(note.target.item) == nil ? note.target.item + " (not in this record)" : $0.label(of: note.target) }
                ?? note.target.item
            CLIOutput.write(NoteText.render(note, on: on, zone: CLIEnvironment.zone))
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rm", abstract: "Delete a note.",
            discussion: "NOTE-ID may be any unique beginning of the id, of 4 characters or more.",
            aliases: ["remove", "delete"])

        // Spaces around it dropped, as for every id: one pasted from a table cell.
        @Argument(help: "The note's id, or a unique beginning of it.", transform: { $0.trimmingWhitespace() })
        var noteID: String

        @OptionGroup var global: GlobalOptions

        func run() throws {
            try EmptyArgument.check(noteID, "give the note's id (see 'travaux note list'), as in 'travaux note rm 01M7'")
            let store = try global.noteStore()
            let notes = try global.loadNotes(store, naming: noteID)
            let note = try NoteLookup.note(noteID, in: notes, store: store)
            do {
                try store.delete(note.id, base: note)
                CLIOutput.write("deleted \(note.id)", done: "the note \(note.id) was deleted")
            } catch {
                throw CLIError(error.description)
            }
        }
    }

    struct Resolve: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Resolve a git merge conflict in a note, keeping both versions.",
            discussion: """
                The version changed last keeps the note's id; the other becomes a conflict copy, a new \
                note, as when two windows' edits cross. Versions that differ only in the time of their \
                last change become one note. NOTE-ID may be any unique beginning of the id, of 4 \
                characters or more, or the note's file.
                """)

        @Argument(help: "The note's id, a unique beginning of it, or its file.", transform: { $0.trimmingWhitespace() })
        var noteID: String

        @Flag(help: "Print the note and its conflict copy (or null) as JSON.")
        var json = false

        @OptionGroup var global: GlobalOptions

        func run() throws {
            try EmptyArgument.check(noteID, "give the note's id (see the warning that names its file), as in 'travaux note resolve 01M7'")
            let store = try global.noteStore()
            // A file named with its folder must be in this store: resolving the same id in
            // another clone would change a note never meant.
            if noteID.contains("/"), !store.holds(file: noteID) {
                throw CLIError("\(noteID) is not in the notes store (\(store.directory)); pass --store with its folder to resolve it there")
            }
            let notes = try global.loadNotes(store, naming: noteID, resolving: true)
            // A conflict over the time of the last change alone was settled by that very read.
            if let settled = notes.settledConflicts.first(where: { NoteLookup.names(noteID, file: $0) }),
               let note = notes.note(NoteStore.noteID(ofFile: settled)) {
                try report(NoteStore.ConflictResolution(note: note, copy: nil), id: note.id)
                return
            }
            let id = try NoteLookup.conflictedID(noteID, in: notes)
            let resolution: NoteStore.ConflictResolution
            do { resolution = try store.resolveConflict(id) } catch { throw CLIError(error.description) }
            try report(resolution, id: id)
        }

        private func report(_ resolution: NoteStore.ConflictResolution, id: String) throws {
            if json {
                struct Resolved: Encodable {
                    var note: NoteJSON
                    var copy: NoteJSON?
                    enum CodingKeys: CodingKey { case note, copy }
                    func encode(to encoder: any Encoder) throws {
                        var container = encoder.container(keyedBy: CodingKeys.self)
                        try container.encode(note, forKey: .note)
                        try container.encode(copy, forKey: .copy)
                    }
                }
                CLIOutput.write(try JSONOutput.string(Resolved(note: NoteJSON(note: resolution.note), copy: resolution.copy.map(NoteJSON.init))),
                                done: "the conflict in note \(id) was resolved")
                return
            }
            let files = ([resolution.note] + (resolution.copy.map { [$0] } ?? [])).map { ShellWord.quoted($0.id + ".json") }
            let report: String
            if let copy = resolution.copy {
                report = "resolved \(id): the version changed last is the note, the other is its conflict copy \(copy.id)"
            } else {
                report = "resolved \(id): the two versions differed only in the time of their last change"
            }
            CLIOutput.write(report + "; to finish the merge: git add " + files.joined(separator: " "),
                            done: "the conflict in note \(id) was resolved")
        }
    }
}
