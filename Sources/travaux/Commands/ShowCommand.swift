import ArgumentParser
import TravauxCore

/// `travaux show ID`: one item in full, with its footnotes and what points to it.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show one item in full: its fields, versions, quoted texts and footnotes.")

    @Argument(help: "The item's id (see 'travaux list' or 'travaux search').")
    var id: String

    @Flag(help: "Print JSON for scripts, with the footnotes resolved.")
    var json = false

    @OptionGroup var global: GlobalOptions

    func run() throws {
        try EmptyArgument.check(id, "give an item's id, e.g. 'travaux show ppwt' (see 'travaux list')")
        let record = try global.loadRecord()
        let id = record.resolvingTyped(id)
        var notes: [Note] = []
        var notesRead = true
        var collection: NoteCollection?
        do {
            collection = try global.loadNotes(try global.noteStore())
            notes = collection?.notes(on: id) ?? []
        } catch let error as CLIError {
            // A store that cannot be read does not hide the record's item.
            CLIOutput.warn("your notes are not shown: \(error.message)")
            notesRead = false
        }
        guard let item = record.item(id), let document = record.detail(of: id, notes: notes, reader: global.author.isEmpty ? nil : global.author,
                                                                         zone: CLIEnvironment.zone) else {
            if !notes.isEmpty {
                let count = notes.count == 1 ? "1 note is" : "\(notes.count) notes are"
                throw CLIError("no item '\(id)' in this record, but \(count) on it (the record may have renamed or removed it); "
                               + "'travaux note list --item \(id)' lists them")
            }
            // A note's id (from `search --json`, where notes and items share `.id`) has its own view.
            if id.count >= 4, let note = try? collection?.resolve(id) {
                throw CLIError("'\(id)' is a note's id; 'travaux note show \(note.id)' shows it (the item it is on: 'travaux show \(note.target.item)')")
            }
            if let missing = record.missingFootnote(marker: id) { throw CLIError(missing) }
            let near = IDSuggestion.nearest(to: id, among: record.allIDs)
            throw CLIError("no item '\(id)'" + (near.isEmpty ? "; try 'travaux search \(id)'"
                : "; " + IDSuggestion.question(near)))
        }
        if json {
            let sources = item.sourceIDs.compactMap(record.item).map { ItemJSON(item: $0) }
            // A work's footnotes, which its text gives in full; they were only among its backlinks.
            let footnotes: [ItemJSON]? = item.kind != .work ? nil
                : record.footnotes(ofWork: id).map { ItemJSON(item: .source($0)) }
            CLIOutput.write(try JSONOutput.string(ItemJSON(item: item, resolvedSources: sources,
                                                           backlinks: record.backlinks(to: id), footnotes: footnotes,
                                                           notes: notes.map(NoteJSON.init), notesRead: notesRead)))
            return
        }
        let width = min(CLIOutput.width ?? 100, 100)
        var text = DetailText.render(document, width: width)
        if case .proposal(let proposal) = item { text += "\n" + ProposalPartsText.render(proposal, width: width).joined(separator: "\n") }
        CLIOutput.write(text)
    }
}
