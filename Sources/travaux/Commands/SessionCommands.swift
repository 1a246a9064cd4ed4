import ArgumentParser
import TravauxCore

/// `travaux sessions`: the sessions notes were taken in, as the interface's filter menu lists
/// them, in the order they were held.
struct SessionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sessions",
        abstract: "List sessions with their note counts and the days of their first and last notes, oldest first.")

    @Flag(help: "Print JSON for scripts.")
    var json = false

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let notes = try global.loadNotes(try global.noteStore())
        let summaries = notes.sessionSummaries
        if json {
            struct Entry: Encodable {
                var session: String?
                var count: Int
                var first: String
                var last: String
                var spellings: [String]
                enum CodingKeys: CodingKey { case session, count, first, last, spellings }
                func encode(to encoder: any Encoder) throws {
                    var container = encoder.container(keyedBy: CodingKeys.self)
                    // null, not left out: the notes outside any session, as a note's own `session`.
                    try container.encode(session, forKey: .session)
                    try container.encode(count, forKey: .count)
                    try container.encode(first, forKey: .first)
                    try container.encode(last, forKey: .last)
                    try container.encode(spellings, forKey: .spellings)
                }
            }
            CLIOutput.write(try JSONOutput.string(summaries.map {
                Entry(session: $0.name, count: $0.count, first: $0.first.iso8601, last: $0.last.iso8601, spellings: $0.spellings)
            }))
            return
        }
        defer { NoteLookup.sayConflictsUncounted(in: notes) }
        guard !summaries.isEmpty else {
            if notes.problems.contains(where: \.mergeConflict) {
                CLIOutput.say("no note can be read, so no sessions")
            } else {
                CLIOutput.say("no notes yet, so no sessions; 'travaux --session NAME' or 'travaux note add ITEM-ID TEXT --session NAME' takes notes in one")
            }
            return
        }
        var table = Table(columns: [.init(header: "SESSION", flexible: true), .init(header: "NOTES", rightAligned: true),
                                    .init(header: "FIRST"), .init(header: "LAST", optional: true)])
        let zone = CLIEnvironment.zone
        table.rows = summaries.map { [$0.name ?? "(no session)", String($0.count), zone.day(of: $0.first), zone.day(of: $0.last)] }
        CLIOutput.write(table.render(width: CLIOutput.width))
        if !summaries.contains(where: { $0.name != nil }) {
            CLIOutput.say("no sessions yet: every note was taken outside one; 'travaux --session NAME' takes notes in one")
        }
        // Told where a person looks, not in the table a script might read; the command last,
        // unquoted, to copy.
        for summary in summaries {
            guard let name = summary.name else { continue }
            let normal = SessionLabel.normalise(name)
            // After `--` when a label begins with `-`, which would be read as an option.
            let dashes = name.hasPrefix("-") || normal.hasPrefix("-") ? "-- " : ""
            let fix = "travaux session rename \(dashes)\(ShellWord.quotedText(name)) \(ShellWord.quotedText(normal))"
            if summary.spellings.count > 1 {
                let others = summary.spellings.dropFirst().map { "'\($0)'" }.joined(separator: ", ")
                CLIOutput.say("'\(name)' is also spelled \(others); to give its notes one spelling: \(fix)")
            } else if normal != name {
                let fault = ControlSequences.removing(from: name) == name ? "stray spaces" : "control characters"
                CLIOutput.say("'\(name)' has \(fault) (a note written by hand); to spell it '\(normal)': \(fix)")
            }
        }
    }
}

/// `travaux session rename OLD NEW`: renames a session on every note of it, merging it if NEW
/// is in use.
struct SessionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "session", abstract: "Rename or merge sessions across all notes.",
                                                    subcommands: [Rename.self])

    struct Rename: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Rename a session on every note of it; if NEW is already in use the two are merged.", aliases: ["merge"])

        @Argument(help: "The session to rename, in any case.")
        var old: String

        @Argument(help: "Its new name.")
        var new: String

        @OptionGroup var global: GlobalOptions

        func run() throws {
            guard !SessionLabel.normalise(old).isEmpty else {
                throw CLIError("the session to rename is empty; give its name, as in 'travaux session rename OLD NEW' (see 'travaux sessions')", exitCode: 64)
            }
            guard !SessionLabel.normalise(new).isEmpty else {
                throw CLIError("the new session name is empty; give the name the session should have, as in 'travaux session rename OLD NEW' "
                               + "(a note leaves its session with 'travaux note edit ID --session \"\"')", exitCode: 64)
            }
            let store = try global.noteStore()
            let notes = try global.loadNotes(store)
            guard let summary = notes.sessionSummaries.first(where: { $0.name.map { SessionLabel.same($0, old) } ?? false }),
                  let stored = summary.name else {
                try KnownSession.check(old, in: notes)
                throw CLIError("no note has the session '\(old)'; 'travaux sessions' lists them")
            }
            let changed: [Note]
            do { changed = try store.renameSession(old, to: new) } catch { throw CLIError(error.description) }
            guard let target = changed.first?.session else {
                CLIOutput.write(TerminalText.singleLine("nothing renamed: the session is already spelled '\(stored)' on all its notes"))
                NoteLookup.sayConflictsLeftOut(of: "the rename", in: notes) { $0.session.map { SessionLabel.same($0, stored) } ?? false }
                return
            }
            let merged = !SessionLabel.same(stored, target) && notes.count(inSession: target) > 0
            let count = "\(changed.count) note\(changed.count == 1 ? "" : "s")"
            let report: String
            if stored == target {
                // Notes of another spelling given the session's own (`seminar 3` as `Seminar 3`).
                let before = Set(changed.compactMap { notes.note($0.id)?.session }).sorted().map { "'\($0)'" }
                report = "spelled session '\(target)' alike on \(count) (\(before.isEmpty ? "another spelling" : before.joined(separator: ", ")) before)"
            } else {
                report = "renamed session '\(stored)' to '\(target)' on \(count)"
                    + (merged ? ", merging it into the \(notes.count(inSession: target)) already there" : "")
            }
            CLIOutput.write(TerminalText.singleLine(report), done: "the session was renamed")
            NoteLookup.sayConflictsLeftOut(of: "the rename", in: notes) { $0.session.map { SessionLabel.same($0, stored) } ?? false }
        }
    }
}
