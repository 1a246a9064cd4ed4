/// The notes as a Markdown handout that Pandoc and Obsidian read alike: flat YAML front
/// matter, the notes grouped by domain and item, each note's body contained so that it
/// cannot change the document's structure (`NoteBodyMarkdown`), and the record's sources
/// as footnotes `[^1]`, numbered in order of first use and defined once at the end.
///
/// Given the same notes, record and options, the output is the same bytes.
public enum MarkdownExport {
    public static func render(notes: NoteCollection, record: Record, options: ExportOptions) throws(ExportError) -> String {
        let selected = options.selection.apply(to: notes, record: record, zone: options.zone)
        guard !selected.isEmpty else {
            throw .noNotes(in: notes, selection: options.selection, record: record)
        }
        return render(selected: selected, record: record, options: options)
    }

    /// The handout of notes already chosen (all of them are exported).
    static func render(selected: [Note], record: Record, options: ExportOptions) -> String {
        var writer = HandoutWriter(record: record, handout: Handout(notes: selected, record: record), options: options)
        return writer.write()
    }

    /// An official text quoted verbatim, as a block quote that keeps its lines: a blank line
    /// stays a paragraph break, and a line break within a paragraph a hard break (`\` at the
    /// line's end), where Markdown would otherwise run the lines together.
    static func quotedText(_ text: String) -> String {
        var lines = NoteBodyMarkdown.splitLines(text).map(MarkdownText.blockLine)
        while lines.first?.isEmpty == true { lines.removeFirst() }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.indices.map { index in
            let line = lines[index]
            if line.isEmpty { return ">" }
            let breaks = index + 1 < lines.count && !lines[index + 1].isEmpty
            return "> " + line + (breaks ? "\\" : "")
        }.joined(separator: "\n")
    }
}

/// Writes one handout; holds the footnote numbering as it goes.
private struct HandoutWriter {
    let record: Record
    let handout: Handout
    let options: ExportOptions
    var footnotes = FootnoteNumbering()
    var blocks: [String] = []
    var noteNumber = 0
    /// Each session by its key, in the spelling most of the handout's notes give it, as the
    /// store names it (`TagTally`): one session is named alike in every note's line, in the
    /// front matter and in a title made from a session filter.
    let sessionNames: [String: String]
    /// Each tag by its lowered name, as the oldest of the handout's notes spells it, as `tags`
    /// names it (`TagTally`): notes merged through git may spell one tag two ways.
    let tagNames: [String: String]

    init(record: Record, handout: Handout, options: ExportOptions) {
        self.record = record
        self.handout = handout
        let tally = handout.entries.flatMap(\.notes).withUnsafeBufferPointer { TagTally(counting: $0) }
        var names: [String: String] = [:]
        for key in tally.sessions.keys { names[key] = tally.sessionSpelling(key: key) }
        sessionNames = names
        tagNames = tally.tags.mapValues(\.spelling)
        // A session filter, in the title and the filters line, is named as its notes here are.
        var options = options
        if let session = options.selection.notes.session, let name = names[SessionLabel.key(session)] {
            options.selection.notes.session = name
        }
        self.options = options
    }

    mutating func write() -> String {
        // In the order taken, the notes sorted once, for the introduction's offsets and the sections.
        let asTaken = options.order == .time ? notesAsTaken : []
        blocks.append("# " + MarkdownText.plain(options.resolvedTitle))
        blocks.append(introduction(asTaken: asTaken))
        switch options.order {
        case .item:
            for section in handout.sections {
                blocks.append("## " + section.title)
                for entry in section.entries { write(entry) }
            }
        case .time:
            var day = ""
            let zone = options.zone
            for note in asTaken {
                let taken = zone.day(of: note.created)
                if taken != day {
                    day = taken
                    blocks.append("## " + day)
                }
                write(note, heading: "### Note \(noteNumber + 1) · " + zone.minuteOfDay(of: note.created) + " "
                      + zone.label(at: note.created), namingItem: true)
            }
        }
        let definitions = footnotes.order.map { id in
            "[^\(footnotes.number(for: id))]: " + FootnoteText.definition(of: id, in: record)
        }
        // The footnotes end "(Meyer, footnote 15)": the introduction names the works they are
        // of, once written, so that the handout is read outside the room.
        if let works = worksCited() { blocks[1] += " " + works }
        var text = frontMatter().rendered + "\n" + blocks.joined(separator: "\n\n") + "\n"
        if !definitions.isEmpty { text += "\n" + definitions.joined(separator: "\n") + "\n" }
        return text
    }

    /// The notes in the order they were taken, ties by id.
    private var notesAsTaken: [Note] {
        handout.entries.flatMap(\.notes).sorted {
            ($0.created.millisecondsSince1970, $0.id) < ($1.created.millisecondsSince1970, $1.id)
        }
    }

    // MARK: front matter and introduction

    private func frontMatter() -> YAMLFrontMatter {
        var yaml = YAMLFrontMatter()
        let notes = handout.entries.flatMap(\.notes)
        // Pandoc reads these strings as Markdown; tags and symbols are names, left as they are.
        yaml.add("title", .text(MarkdownText.metadata(options.resolvedTitle)))
        yaml.add("date", .plain(options.zone.day(of: options.date)))
        // `session` says every note was taken in that session, so a note without one leaves it
        // out: the sessions there are go in the list (`sessions`), even a single one.
        // A session in two cases is one session (`SessionLabel`), named as most of its notes here name it.
        let sessions = notes.compactMap { $0.session.map(MarkdownText.singleLine) }.filter { !$0.isEmpty }
        let named = sessionNames.values.map(MarkdownText.singleLine).filter { !$0.isEmpty }
        if named.count == 1, sessions.count == notes.count {
            yaml.add("session", .text(MarkdownText.metadata(named[0])))
        } else if !named.isEmpty {
            yaml.add("sessions", .list(named.sorted().map(MarkdownText.metadata)))
        }
        // Each tag once, in the spelling its notes' tally gives it (`tagNames`), found through a
        // set: comparing each note's tags with every tag so far lowered both, millions of times
        // for 10,000 notes.
        var tags: [String] = []
        var seen = Set<String>()
        for note in notes {
            for tag in note.tags where seen.insert(tag.lowercased()).inserted { tags.append(spelled(tag)) }
        }
        yaml.add("tags", .list(tags.sorted { ($0.lowercased(), $0) < ($1.lowercased(), $1) }))
        // Symbols have their own key: in `tags`, Obsidian would split A/RES/69/31 into nested tags.
        yaml.add("symbols", .list(handout.entries.flatMap { $0.item?.symbols ?? [] }.uniqued()))
        yaml.add("filters", .list(options.selection.summary(in: record).map { "\($0.key): " + $0.value.joined(separator: ", ") }))
        yaml.add("notes", .plain(String(notes.count)))
        yaml.add("record", .text(MarkdownText.metadata(record.manifest.title)))
        yaml.add("record-version", .text(record.manifest.version))
        yaml.add("generator", .text("travaux"))
        return yaml
    }

    private func introduction(asTaken: [Note]) -> String {
        let count = handout.noteCount, items = handout.entries.count
        var text = "Exported from travaux on \(options.zone.day(of: options.date)): \(count) \(count == 1 ? "note" : "notes") on \(items) "
            + "\(items == 1 ? "item" : "items") of *\(MarkdownText.plain(record.manifest.title))*, record version "
            + MarkdownText.plain(record.manifest.version)
        if options.order == .time {
            // Each offset the notes' times are in, in the order first met: two across a change
            // to summer time, each note's heading saying its own.
            var labels: [String] = []
            for note in asTaken {
                let label = options.zone.label(at: note.created)
                if !labels.contains(label) { labels.append(label) }
            }
            text += ", in the order they were taken (times in " + labels.joined(separator: " or ") + ")"
        }
        let filters = options.selection.summary(in: record)
        if !filters.isEmpty {
            text += "; filters: " + filters.map { MarkdownText.plain("\($0.key) " + $0.value.joined(separator: ", ")) }.joined(separator: "; ")
        }
        return text + "."
    }

    /// "Each footnote ends with the work and footnote it comes from: Meyer is Paul Meyer,
    /// *Outer Space and Cyberspace…* (book chapter, 2015); …", the works of the handout's
    /// footnotes in their order, or nil for none.
    private func worksCited() -> String? {
        var works: [Work] = []
        for id in footnotes.order {
            guard case .source(let source)? = record.item(id), case .work(let work)? = record.item(source.work),
                  !works.contains(where: { $0.id == work.id }) else { continue }
            works.append(work)
        }
        guard !works.isEmpty else { return nil }
        let named = works.map { work in
            let details = [work.form] + (work.date.map { [$0.natural] } ?? [])
            return MarkdownText.plain(record.workAbbreviation(work.id)) + " is " + MarkdownText.plain(work.author) + ", *"
                + MarkdownText.plain(work.title) + "* (" + MarkdownText.plain(details.joined(separator: ", ")) + ")"
        }
        return "Each footnote ends with the work and footnote it comes from: " + named.joined(separator: "; ") + "."
    }

    // MARK: items

    private mutating func write(_ entry: Handout.Entry) {
        blocks.append("### " + ItemHeading.text(of: entry, in: record))
        var line = ItemHeading.kindLine(of: entry, in: record)
        let sources = known(Handout.sourceIDs(of: entry.item))
        if !sources.isEmpty { line += " Sources: " + footnotes.references(sources) }
        blocks.append(line)
        for note in entry.notes {
            write(note, heading: "#### Note \(noteNumber + 1) · " + options.zone.day(of: note.created), namingItem: false)
        }
    }

    /// A note under `heading`; in the order taken it names its item first, with the item's
    /// footnotes, as the item's own heading does in the order by item.
    private mutating func write(_ note: Note, heading: String, namingItem: Bool) {
        noteNumber += 1
        blocks.append(heading)
        var named: [String] = []
        if namingItem {
            let item = record.item(note.target.item)
            let sources = known(Handout.sourceIDs(of: item))
            named.append(ItemHeading.name(of: note.target.item, item: item, in: record)
                         + (sources.isEmpty ? "" : " " + footnotes.references(sources)))
        }
        let target = TargetDescription(note.target, in: record)
        if let target {
            // Each part's footnotes after it, so a quoted text's own source is told from its
            // version's; a part resting on just what the next one does leaves them to it.
            let parts = target.parts.map { (label: $0.label, sources: known($0.sources)) }
            named += parts.indices.map { index in
                let sources = parts[index].sources
                let sameAsNext = index + 1 < parts.count && parts[index + 1].sources == sources
                return parts[index].label + (sources.isEmpty || sameAsNext ? "" : " " + footnotes.references(sources))
            }
        }
        if !named.isEmpty {
            blocks.append("On " + named.joined(separator: ", ") + (target?.quotedTexts.isEmpty ?? true ? "." : ":"))
        }
        for text in target?.quotedTexts ?? [] {
            blocks.append(MarkdownExport.quotedText(text))
        }
        blocks.append(byline(of: note))
        let body = NoteBodyMarkdown.blockQuote(note.body)
        blocks.append(body.isEmpty ? "> *(empty note)*" : body.joined(separator: "\n"))
    }

    private func spelled(_ tag: String) -> String { tagNames[tag.lowercased()] ?? tag }

    private func byline(of note: Note) -> String {
        var parts: [String] = []
        if !note.tags.isEmpty { parts.append("Tags: " + note.tags.map { MarkdownText.tag(spelled($0)) }.joined(separator: " ")) }
        if let session = note.session {
            parts.append("Session: " + MarkdownText.plain(sessionNames[SessionLabel.key(session)] ?? session))
        }
        if !note.author.isEmpty { parts.append("Author: " + MarkdownText.plain(note.author)) }
        // In the order taken, the day heads the note's section and its time its heading.
        let created = options.zone.day(of: note.created), updated = options.zone.day(of: note.updated)
        if options.order == .item { parts.append("Created " + created) }
        if updated != created { parts.append((options.order == .item ? "updated " : "Updated ") + updated) }
        if let original = note.conflictOf { parts.append("conflict copy of note " + MarkdownText.code(original)) }
        parts.append("id " + MarkdownText.code(note.id))
        return parts.joined(separator: " · ")
    }

    /// Only ids the record holds as sources get a footnote (a stale id would be undefined).
    private func known(_ ids: [String]) -> [String] {
        ids.filter { if case .source? = record.item($0) { true } else { false } }
    }
}
