import ArgumentParser
import TravauxCore

/// `travaux tags`: every tag and how many notes carry it.
struct TagsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "tags", abstract: "List tags with their note counts, most used first.")

    @Flag(help: "Print JSON for scripts.")
    var json = false

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let notes = try global.loadNotes(try global.noteStore())
        let counts = notes.tagCounts
        if json {
            struct Entry: Encodable { var tag: String; var count: Int }
            CLIOutput.write(try JSONOutput.string(counts.map { Entry(tag: $0.tag, count: $0.count) }))
            return
        }
        defer { NoteLookup.sayConflictsUncounted(in: notes) }
        guard !counts.isEmpty else {
            if notes.problems.contains(where: \.mergeConflict) {
                CLIOutput.say("no tags on the notes that can be read")
            } else {
                CLIOutput.say("no tags yet; add some with 'travaux note add ITEM-ID TEXT --tag T'")
            }
            return
        }
        var table = Table(columns: [.init(header: "TAG", flexible: true), .init(header: "NOTES", rightAligned: true)])
        table.rows = counts.map { [$0.tag, String($0.count)] }
        CLIOutput.write(table.render(width: CLIOutput.width))
    }
}

/// `travaux tag rename OLD NEW`: renames a tag on every note, merging it if NEW exists.
struct TagCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "tag", abstract: "Rename or merge tags across all notes.",
                                                    subcommands: [Rename.self])

    struct Rename: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Rename a tag on every note; if NEW already exists the two are merged.", aliases: ["merge"])

        @Argument(help: "The tag to rename.")
        var old: String

        @Argument(help: "Its new name.")
        var new: String

        @OptionGroup var global: GlobalOptions

        func run() throws {
            guard !Tag.normalise(old).isEmpty else {
                throw CLIError("the tag to rename is empty; give its name, as in 'travaux tag rename OLD NEW' (see 'travaux tags')", exitCode: 64)
            }
            guard !Tag.normalise(new).isEmpty else {
                throw CLIError("the new tag name is empty; give the name the tag should have, e.g. 'travaux tag rename \(old) NEW'", exitCode: 64)
            }
            // Everywhere else a comma parts two tags (`--tag norms,cbms`): one tag is not renamed to two.
            if case let named = Tag.parted([new]), named.count > 1 {
                let joined = Tag.normalise(named.joined(separator: "-"))
                throw CLIError("'\(TerminalText.singleLine(new))' is two tags (a comma parts tags); a tag is renamed to one name, "
                               + "as in 'travaux tag rename \(ShellWord.quotedText(old)) \(ShellWord.quotedText(joined))'; nothing renamed", exitCode: 64)
            }
            let store = try global.noteStore()
            let notes = try global.loadNotes(store)
            let stored = try KnownTag.spelling(of: old, in: notes)
            // A tag kept as it was, re-spelled, or merged into one in use is not a new tag.
            if !Tag.same(stored, new), let problem = TagSpelling.problem(among: notes.newTags([Tag.normalise(new)])) {
                throw CLIError(problem + "; nothing renamed", exitCode: 64)
            }
            let changed: [Note]
            do { changed = try store.renameTag(old, to: new) } catch { throw CLIError(error.description) }
            // Said in the spellings the notes had and now have, not as typed (`#cbms` renamed
            // `CBMs`; merged into `T1`, spelled `t1`).
            let target = notes.spellingOfRename(from: stored, to: new)
            let report = changed.isEmpty
                ? "nothing renamed: the tag is already spelled '\(stored)'"
                : "renamed '\(stored)' to '\(target)' on \(changed.count) note\(changed.count == 1 ? "" : "s")"
            CLIOutput.write(TerminalText.singleLine(report), done: changed.isEmpty ? nil : "the tag was renamed")
            NoteLookup.sayConflictsLeftOut(of: "the rename", in: notes) { $0.tags.contains { Tag.same($0, stored) } }
        }
    }
}
