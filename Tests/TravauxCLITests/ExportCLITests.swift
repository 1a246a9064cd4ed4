import Foundation
import Testing

/// `travaux export`, run as a real process on a fresh store over the fixture record.
@Suite("Exporting from the command line")
struct ExportCLITests {
    let store: String
    let directory: String

    init() throws {
        store = try StoreProcessTests.temporaryStore()
        directory = (store as NSString).deletingLastPathComponent
    }

    func run(_ arguments: [String]) throws -> CLIProcess.Result {
        try CLIProcess.run(arguments + ["--record", CLIProcess.fixtureRecord, "--store", store])
    }

    func addNotes() throws {
        #expect(try run(["note", "add", "ppwt", "# not a heading\n\nNo verification.", "--tag", "verification", "--session", "seminar-1"]).status == 0)
        #expect(try run(["note", "add", "osce-cbms", "CBMs first", "--version", "2013", "--tag", "cbms", "--session", "seminar-2"]).status == 0)
    }

    @Test("Markdown goes to standard output, filtered, with front matter and footnotes")
    func standardOutput() throws {
        try addNotes()
        let all = try run(["export", "--title", "Handout"])
        #expect(all.status == 0, "\(all.stderr)")
        #expect(all.stderr.isEmpty)
        #expect(all.stdout.hasPrefix("---\ntitle: \"Handout\"\ndate: "))
        #expect(all.stdout.contains("\n> \\# not a heading\n"))
        #expect(all.stdout.contains("\n[^1]: "))
        let filtered = try run(["export", "--tag", "cbms", "-o", "-"])
        #expect(filtered.stdout.contains("CBMs first") && !filtered.stdout.contains("No verification"))
        #expect(filtered.stdout.contains("filters:\n  - \"tags: cbms\"\n"))
        let bySession = try run(["export", "--session", "seminar-1", "--domain", "space", "--item", "ppwt"])
        #expect(bySession.stdout.contains("No verification") && !bySession.stdout.contains("CBMs first"))
        // A day either side: the notes' day and the test's may straddle midnight (UTC).
        let day = { (offset: TimeInterval) in String(ISO8601DateFormatter().string(from: Date().addingTimeInterval(offset)).prefix(10)) }
        #expect(try run(["export", "--from", day(-86_400), "--to", day(86_400)]).status == 0)
        let nothingYet = try run(["export", "--from", "2999"])
        #expect(nothingYet.status != 0)
        #expect(nothingYet.stdout.isEmpty)
        #expect(nothingYet.stderr == "travaux: nothing to export: no note matches created on or after 2999; 'travaux note list' shows the notes\n")
    }

    @Test("--order time gives the notes as they were taken, each naming its item; it is the handout's, not a bibliography's")
    func orderTaken() throws {
        try addNotes()
        #expect(try run(["note", "add", "ppwt", "Last word on the PPWT"]).status == 0)
        let minutes = try run(["export", "--order", "time"])
        #expect(minutes.status == 0, "\(minutes.stderr)")
        let first = try #require(minutes.stdout.range(of: "No verification")), second = try #require(minutes.stdout.range(of: "CBMs first"))
        let last = try #require(minutes.stdout.range(of: "Last word on the PPWT"))
        #expect(first.lowerBound < second.lowerBound && second.lowerBound < last.lowerBound)
        #expect(minutes.stdout.contains("in the order they were taken (times in UTC)"))
        #expect(minutes.stdout.contains("### Note 1 · ") && minutes.stdout.contains("On *PPWT — "))
        // By item (the default), the two PPWT notes sit together before the OSCE's.
        let digest = try run(["export"]).stdout
        let lastInDigest = try #require(digest.range(of: "Last word on the PPWT")), osce = try #require(digest.range(of: "CBMs first"))
        #expect(lastInDigest.lowerBound < osce.lowerBound)
        let bibliography = try run(["export", "--order", "time", "--format", "bibtex"])
        #expect(bibliography.status == 64 && bibliography.stderr.hasPrefix("travaux: --order is the Markdown handout's"))
        #expect(try run(["export", "--order", "date"]).status == 64)
    }

    @Test("BibTeX and CSL-JSON of the cited sources, or of all of them")
    func sources() throws {
        try addNotes()
        let bib = try run(["export", "--format", "bibtex"])
        #expect(bib.status == 0, "\(bib.stderr)")
        #expect(bib.stdout.contains("@misc{chapter-fn-1,") && bib.stdout.contains("@misc{chapter-fn-2,"))
        // The work the footnotes come from, once, first; not the other work, none of whose are cited.
        #expect(bib.stdout.contains("@misc{chapter,\n  author = {Meyer, Paul},") && !bib.stdout.contains("{remarks,"))
        #expect(!bib.stdout.contains("remarks-fn-1"))
        let csl = try run(["export", "--format", "csl-json", "--all-sources"])
        let items = try #require(try JSONSerialization.jsonObject(with: Data(csl.stdout.utf8)) as? [[String: Any]])
        #expect(items.map { $0["id"] as? String } == ["chapter", "remarks", "chapter-fn-1", "chapter-fn-2", "remarks-fn-1", "remarks-fn-2"])
        let mixed = try run(["export", "--format", "markdown", "--all-sources"])
        #expect(mixed.status != 0 && mixed.stderr.hasPrefix("travaux: --all-sources is for --format bibtex or csl-json"))
        let filtered = try run(["export", "--format", "bibtex", "--all-sources", "--tag", "cbms"])
        #expect(filtered.status != 0 && filtered.stderr.hasPrefix("travaux: --all-sources exports every source"))
    }

    @Test("-o writes the file, refuses to replace it without --force, and replaces it with --force")
    func outputFile() throws {
        try addNotes()
        let path = directory + "/handout.md"
        let first = try run(["export", "-o", path])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.isEmpty)
        let written = try String(contentsOfFile: path, encoding: .utf8)
        #expect(written.hasPrefix("---\n") && written.hasSuffix("\n"))
        // Made like any document (0666 less the umask), not private like the store's files.
        let reference = directory + "/reference"
        close(open(reference, O_WRONLY | O_CREAT, 0o666))
        let mode = { (file: String) in (try FileManager.default.attributesOfItem(atPath: file))[.posixPermissions] as? Int }
        #expect(try mode(path) == mode(reference))
        try FileManager.default.removeItem(atPath: reference)

        let refused = try run(["export", "--tag", "cbms", "-o", path])
        #expect(refused.status != 0)
        #expect(refused.stderr == "travaux: \(path) already exists; pass --force to replace it, or choose another file with -o\n")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == written)

        let forced = try run(["export", "--tag", "cbms", "-o", path, "--force"])
        #expect(forced.status == 0, "\(forced.stderr)")
        let replaced = try String(contentsOfFile: path, encoding: .utf8)
        #expect(replaced.contains("CBMs first") && !replaced.contains("No verification"))
        // Replaced, a handout keeps the permissions it was given: a private one stays private.
        for permissions in [0o600, 0o640, 0o444] {
            #expect(chmod(path, mode_t(permissions)) == 0)
            #expect(try run(["export", "-o", path, "--force"]).status == 0)
            #expect(try mode(path) == permissions)
        }
        // No temporary file is left beside it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasPrefix(".tmp-") }.isEmpty)

        // A relative link, named from its own folder, into a folder that is missing: said as
        // the link reads, without a `./` before it.
        try FileManager.default.createSymbolicLink(atPath: directory + "/link.md", withDestinationPath: "shared/h.md")
        let dangling = try CLIProcess.run(["export", "-o", "link.md", "--force", "--record", CLIProcess.fixtureRecord, "--store", store],
                                          directory: directory)
        #expect(dangling.status == 1)
        #expect(dangling.stderr == "travaux: cannot write link.md: it links to shared/h.md, whose folder does not exist; "
                + "create it with mkdir -p shared, or choose another file\n", "\(dangling.stderr)")
        // A link that leads back to itself: refused, with what to do, before anything is rendered.
        let loop = directory + "/loop.md"
        try FileManager.default.createSymbolicLink(atPath: loop, withDestinationPath: "loop.md")
        let looped = try run(["export", "-o", loop, "--force"])
        #expect(looped.status == 1)
        #expect(looped.stderr.hasPrefix("travaux: cannot write \(loop): "), "\(looped.stderr)")
        #expect(looped.stderr.hasSuffix(" (links that lead back to themselves, never to a file); remove the link or give another file name\n"),
                "\(looped.stderr)")

        let unnamed = try run(["export", "-o", ""])
        #expect(unnamed.status == 64 && unnamed.stderr == "travaux: -o needs a file name ('-' for standard output)\n")
    }

    @Test("nothing to export: one line on stderr, non-zero exit, no file")
    func nothing() throws {
        let path = directory + "/empty.md"
        let empty = try run(["export", "-o", path])
        #expect(empty.status != 0)
        #expect(empty.stderr == "travaux: nothing to export: there are no notes yet; add one with 'travaux note add ITEM-ID TEXT'\n")
        #expect(!FileManager.default.fileExists(atPath: path))
        try addNotes()
        let noMatch = try run(["export", "--tag", "cbms", "--session", "seminar-1", "-o", path])
        #expect(noMatch.stderr.hasPrefix("travaux: nothing to export: no note matches tags 'cbms'"), "\(noMatch.stderr)")
        #expect(noMatch.stderr.hasSuffix("; 'travaux note list' shows the notes\n") && noMatch.status == 1)
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test("an empty value for any option is a usage error (64) that names the option", arguments: [
        (["--tag", ""], "--tag is empty; give a tag's name, as in '--tag verification'"),
        (["--tag", "#"], "--tag is empty; give a tag's name, as in '--tag verification'"),
        (["--tag", "cbms", "--tag", " "], "--tag is empty; give a tag's name, as in '--tag verification'"),
        (["--item", ""], "--item is empty; give an item's id, as in '--item ppwt'"),
        (["--session", ""], "--session is empty; give a session name"),
        (["--forum", ""], "--forum is empty; give a forum id ('travaux list forums' shows them)"),
        (["--actor", ""], "--actor is empty; give an actor id ('travaux list actors' shows them)"),
        (["--domain", ""], "--domain is empty; give space, cyber or general"),
        (["--from", ""], "--from is empty; give a day as YYYY, YYYY-MM or YYYY-MM-DD"),
        (["--title", ""], "--title is empty; give the handout's title, or leave --title out for the default"),
    ])
    func emptyValues(_ arguments: [String], _ message: String) throws {
        try addNotes()
        let result = try run(["export"] + arguments)
        #expect(result.status == 64 && result.stdout.isEmpty)
        #expect(result.stderr == "travaux: \(message)\n")
    }

    @Test("--format and --order take their words in any case; an empty or unknown one is said as every option's is, with the nearest")
    func choices() throws {
        try addNotes()
        #expect(try run(["export", "--format", "BibTeX"]).stdout.hasPrefix("% travaux test fixture"))
        #expect(try run(["export", "--order", "Time"]).status == 0)
        for (arguments, said) in [(["--format", ""], "--format is empty; give markdown, bibtex or csl-json"),
                                  (["--order", ""], "--order is empty; give item or time"),
                                  (["--order", "tme"], "--order 'tme' is not one of item, time; did you mean 'time'?"),
                                  (["--format", "bibtx"], "--format 'bibtx' is not one of markdown, bibtex, csl-json; did you mean 'bibtex'?")] {
            let result = try run(["export"] + arguments)
            #expect(result.status == 64 && result.stderr == "travaux: \(said) (see 'travaux help export')\n", "\(arguments): \(result.stderr)")
        }
    }

    @Test("bad filters get one clear line")
    func badInput() throws {
        let unknownItem = try run(["export", "--item", "ppwtt"])
        #expect(unknownItem.stderr == "travaux: no item 'ppwtt'; did you mean 'ppwt'?\n")
        let badDate = try run(["export", "--from", "21/11/2026"])
        #expect(badDate.stderr == "travaux: --from '21/11/2026' is not a date; write '2026-11-21'\n", "the record's advice")
        let range = try run(["export", "--to", "2026-11-21 to 2026-11-22"])
        #expect(range.stderr == "travaux: --to '2026-11-21 to 2026-11-22' says more than a day; give one day (for a span, --from its first and --to its last)\n", "no word of dateWording here")
        let impossible = try run(["export", "--to", "2026-02-30"])
        #expect(impossible.status == 64 && impossible.stderr == "travaux: --to '2026-02-30': February 2026 has 28 days; write YYYY, YYYY-MM or YYYY-MM-DD\n")
        let reversed = try run(["export", "--from", "2026-12", "--to", "2026-11-30"])
        #expect(reversed.stderr == "travaux: --from 2026-12 is after --to 2026-11-30; no note can match\n")
        let badFormat = try run(["export", "--format", "docx"])
        #expect(badFormat.status != 0 && badFormat.stderr.hasPrefix("travaux: ") && badFormat.stderr.split(separator: "\n").count == 1)
        let badDomain = try run(["export", "--domain", "sea"])
        #expect(badDomain.status == 64 && badDomain.stderr == "travaux: unknown domain 'sea'; use space, cyber or general\n")
        try addNotes()
        let noDirectory = try run(["export", "-o", directory + "/missing/handout.md"])
        #expect(noDirectory.stderr == "travaux: cannot write \(directory)/missing/handout.md: its folder does not exist; create it with mkdir -p \(directory)/missing, or choose another file\n")
        let spaced = try run(["export", "-o", directory + "/dir with space/x.md"])
        #expect(spaced.stderr == "travaux: cannot write \(directory)/dir with space/x.md: its folder does not exist; create it with mkdir -p '\(directory)/dir with space', or choose another file\n")
        // A quoted `~` is not the home folder; `mkdir -p '~'` would make a folder named `~`.
        let tilde = try run(["export", "-o", "~/handout.md"])
        #expect(tilde.status == 1 && tilde.stderr
                == "travaux: cannot write ~/handout.md: '~' is not expanded here (a shell expands it only unquoted); give the full path, such as $HOME/handout.md\n")
        let folder = try run(["export", "-o", directory + "/new-folder/"])
        #expect(folder.stderr == "travaux: cannot write \(directory)/new-folder/: a file name is needed, not a folder's; give one, such as \(directory)/new-folder/travaux-notes.md\n")
        // A tag or session no note has gets the nearest, as note list gives them; tags go as the notes spell them.
        #expect(try run(["export", "--tag", "verificaton"]).stderr == "travaux: no note has the tag 'verificaton'; did you mean 'verification'?\n")
        #expect(try run(["export", "--session", "seminar1"]).stderr.hasPrefix("travaux: no note has the session 'seminar1'; did you mean 'seminar-1'"))
        #expect(try run(["export", "--tag", "VERIFICATION"]).stdout.contains("filters:\n  - \"tags: verification\"\n"))
    }

    @Test("a file whose extension names another format is written, with a warning")
    func extensionOfAnotherFormat() throws {
        try addNotes()
        let bib = directory + "/handout.bib"
        let result = try run(["export", "-o", bib])
        #expect(result.status == 0)
        #expect(result.stderr == "travaux: warning: \(bib) has the extension of bibtex but holds markdown; for bibtex give --format bibtex\n")
        #expect(try String(contentsOfFile: bib, encoding: .utf8).hasPrefix("---\n"))
        let matching = try run(["export", "--format", "bibtex", "-o", directory + "/sources.bib"])
        #expect(matching.status == 0 && matching.stderr.isEmpty)
    }
}
