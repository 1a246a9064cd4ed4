import TravauxCore

/// The rows each pane lists, grouped as a reader expects.
enum PaneRows {
    static func rows(for pane: Pane, record: Record, filters: RecordFilter, searchHits: [SearchHit], searchQuery: String,
                     notes: NoteCollection, noteFilter: NoteFilter, noteText: inout NoteSearchText, zone: LocalZone) -> [PaneRow] {
        switch pane {
        case .notes: return PaneRows.notes(record, filters, notes, noteFilter, &noteText, zone: zone)
        case .timeline: return timeline(record, filters)
        case .proposals: return proposals(record, filters)
        case .sources: return sources(record, filters.applying(to: .source))
        case .themes: return themes(record, filters)
        case .search: return search(searchHits, query: searchQuery, record: record, notes: notes, noteText: &noteText, zone: zone)
        }
    }

    /// The record's hits, then the user's notes holding the words, newest first under their
    /// day, as the Notes pane lists them: a word from one's own note finds it.
    static func search(_ hits: [SearchHit], query: String, record: Record, notes: NoteCollection, noteText: inout NoteSearchText,
                       zone: LocalZone) -> [PaneRow] {
        var rows = hits.map { PaneRow.item($0.id) }
        guard let matcher = searchNoteMatcher(query, record: record), !notes.isEmpty else { return rows }
        let all = notes.unordered
        let matching = matcher.positions(in: all, revision: notes.revision, texts: &noteText)
        appendNotes(matching, of: all, headedBy: "Your notes · ", zone: zone, to: &rows)
        return rows
    }

    /// What a search's words ask of the notes, nil when they ask nothing; "#tag" asks for a tag.
    static func searchNoteMatcher(_ query: String, record: Record) -> NoteMatcher? {
        let filter = NoteFilter(searchQuery: query)
        return filter.text.contains(where: { !$0.isWhitespace }) ? filter.matcher(record: record) : nil
    }

    /// The notes at `positions` of `all` in `order` (newest first by last change, or oldest
    /// first as taken), under the day, in `zone`, of the time they are listed by.
    private static func appendNotes(_ positions: [Int], of all: [Note], headedBy prefix: String, order: NotesOrder = .changed,
                                    zone: LocalZone, to rows: inout [PaneRow]) {
        // Positions are sorted rather than notes (a note is ten strings to move), by times read
        // once into one array: comparing the notes fetched two scattered notes each time.
        // The times are read through the buffer (indexing the array copied each note, ten
        // retains), sorted on their own, and only runs of equal times compared by id.
        var sorted = all.withUnsafeBufferPointer { notes in
            positions.map { (time: order.time(of: notes[$0]).millisecondsSince1970, position: $0) }
        }
        let newestFirst = order == .changed
        sorted.sort { newestFirst ? $0.time > $1.time : $0.time < $1.time }
        var start = 0
        while start < sorted.count {
            var end = start + 1
            while end < sorted.count, sorted[end].time == sorted[start].time { end += 1 }
            if end - start > 1 {
                sorted[start..<end].sort { newestFirst ? all[$0.position].id > all[$1.position].id : all[$0.position].id < all[$1.position].id }
            }
            start = end
        }
        rows.reserveCapacity(rows.count + sorted.count + 64)
        var day: Int64?
        var days = LocalDays(zone: zone)
        for (time, position) in sorted {
            // The day compared as a number and formatted once per heading: with 100,000 notes
            // matching, formatting every note's time was a fifth of a key.
            let listedAt = NoteTime(millisecondsSince1970: time)
            let listedOn = days.dayNumber(of: listedAt)
            if listedOn != day {
                day = listedOn
                rows.append(.heading(order.heading(zone.day(of: listedAt), prefix: prefix)))
            }
            rows.append(.note(id: all[position].id, item: all[position].target.item))
        }
    }

    /// Events oldest first under year headings; undated events apart at the end.
    static func timeline(_ record: Record, _ filters: RecordFilter) -> [PaneRow] {
        var rows: [PaneRow] = []
        var year: Int?
        var undated: [PaneRow] = []
        let events = record.events
        let everything = filters.isEmpty
        rows.reserveCapacity(events.count)
        for index in record.eventOrderByDate where everything || filters.matches(.event(events[index]), in: record) {
            guard let date = events[index].date else {
                undated.append(.item(events[index].id))
                continue
            }
            if date.year != year {
                year = date.year
                rows.append(.heading(String(date.year)))
            }
            rows.append(.item(events[index].id))
        }
        if !undated.isEmpty { rows.append(.heading("Undated")); rows += undated }
        return rows
    }

    /// Proposals under their domain, each domain in record order.
    static func proposals(_ record: Record, _ filters: RecordFilter) -> [PaneRow] {
        var rows: [PaneRow] = []
        for domain in Domain.allCases {
            let matching = record.proposals.filter { $0.domain == domain && filters.matches(.proposal($0), in: record) }
            guard !matching.isEmpty else { continue }
            rows.append(.heading(domainHeading(domain)))
            rows += matching.map { .item($0.id) }
        }
        return rows
    }

    /// Footnotes under their work, in number order; with a tag, those with a note carrying it.
    static func sources(_ record: Record, _ filters: RecordFilter) -> [PaneRow] {
        var rows: [PaneRow] = []
        // One pass over the footnotes, not one per work.
        var byWork: [String: [(number: Int, id: String)]] = [:]
        for source in record.sources where filters.tag?.itemIDs.contains(source.id) ?? true {
            byWork[source.work, default: []].append((source.number, source.id))
        }
        for work in record.works {
            guard let sources = byWork[work.id] else { continue }
            rows.append(.heading(work.author + " — " + work.title))
            rows += sources.sorted { $0.number < $1.number }.map { .item($0.id) }
        }
        let orphans = record.sources.filter { record.item($0.work) == nil && (filters.tag?.itemIDs.contains($0.id) ?? true) }
        if !orphans.isEmpty { rows.append(.heading("Other")); rows += orphans.map { .item($0.id) } }
        return rows
    }

    /// Notes newest first, under the day they were last changed.
    static func notes(_ record: Record, _ filters: RecordFilter, _ notes: NoteCollection, _ noteFilter: NoteFilter,
                      _ noteText: inout NoteSearchText, order: NotesOrder = .changed, zone: LocalZone) -> [PaneRow] {
        noteRows(listedNotes(record, filters, notes, noteFilter, &noteText), of: notes, order: order, zone: zone)
    }

    /// The positions in `notes.unordered` of the notes the Notes pane lists.
    static func listedNotes(_ record: Record, _ filters: RecordFilter, _ notes: NoteCollection, _ noteFilter: NoteFilter,
                            _ noteText: inout NoteSearchText) -> [Int] {
        let listing = NoteListing(filters: filters, noteFilter: noteFilter, record: record)
        let all = notes.unordered
        var matching = listing.matcher.positions(in: all, revision: notes.revision, texts: &noteText)
        if !listing.recordConditions.isEmpty {
            matching.removeAll { !listing.keepsItem(all[$0].target.item, in: record) }
        }
        return matching
    }

    /// The Notes pane's rows for the notes at `positions` in `notes.unordered`.
    static func noteRows(_ positions: [Int], of notes: NoteCollection, order: NotesOrder = .changed, zone: LocalZone) -> [PaneRow] {
        var rows: [PaneRow] = []
        // One sort, by the order's time; the collection's own order would be a second one.
        appendNotes(positions, of: notes.unordered, headedBy: "", order: order, zone: zone, to: &rows)
        return rows
    }

    static func themes(_ record: Record, _ filters: RecordFilter) -> [PaneRow] {
        var rows: [PaneRow] = []
        var type: String?
        // By kind, in the order the chapter argues them, then in record order.
        let sorted = record.themes.enumerated().sorted {
            (ThemeKind.rank($0.element.type), $0.element.type, $0.offset) < (ThemeKind.rank($1.element.type), $1.element.type, $1.offset)
        }.map(\.element)
        for theme in sorted where (filters.domain == nil || theme.domain == filters.domain || theme.domain == .general)
            && filters.tag?.itemIDs.contains(theme.id) ?? true {
            if theme.type != type {
                type = theme.type
                rows.append(.heading(ThemeKind.heading(theme.type)))
            }
            rows.append(.item(theme.id))
        }
        return rows
    }

    static func domainHeading(_ domain: Domain) -> String {
        switch domain {
        case .space: return "Outer space"
        case .cyber: return "Cyberspace"
        case .general: return "Both realms"
        }
    }
}
