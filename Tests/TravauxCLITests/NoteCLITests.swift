import Foundation
import Testing

/// `travaux note`, `tags` and `tag rename`, run as real processes on a fresh store.
@Suite("The notes from the command line")
struct NoteCLITests {
    let store: String

    init() throws {
        store = try StoreProcessTests.temporaryStore()
    }

    func run(_ arguments: [String]) throws -> CLIProcess.Result {
        try CLIProcess.run(arguments + ["--record", CLIProcess.fixtureRecord, "--store", store])
    }

    @Test("a comma parts tags on the command line, as in the tags line: --tag norms,cbms is two, and --remove-tag takes them so too")
    func commaPartsTags() throws {
        let added = try #require(try run(["note", "add", "ppwt", "x", "--tag", "norms,cbms", "--tag", "#PPWT,", "--json"]).json() as? [String: Any])
        #expect(added["tags"] as? [String] == ["norms", "cbms", "PPWT"])
        let id = try #require(added["id"] as? String)
        let edited = try #require(try run(["note", "edit", id, "--remove-tag", "norms,ppwt", "--json"]).json() as? [String: Any])
        #expect(edited["tags"] as? [String] == ["cbms"])
    }

    @Test("a session typed in another case is the session its notes have: add joins its spelling, list and export find it, edit re-spells its own")
    func sessionsWhateverTheirCase() throws {
        let first = try run(["note", "add", "ppwt", "first", "--session", "seminar 3"])
        #expect(first.status == 0, "\(first.stderr)")
        let second = try #require(try run(["note", "add", "osce", "second", "--session", "Seminar 3", "--json"]).json() as? [String: Any])
        #expect(second["session"] as? String == "seminar 3")
        let listed = try #require(try run(["note", "list", "--session", "SEMINAR 3", "--json"]).json() as? [[String: Any]])
        #expect(listed.map { $0["session"] as? String } == ["seminar 3", "seminar 3"])
        let exported = try run(["export", "--session", "SEMINAR 3"])
        #expect(exported.status == 0, "\(exported.stderr)")
        #expect(exported.stdout.hasPrefix("---\ntitle: \"Notes of seminar 3\"\n"))
        #expect(exported.stdout.contains("\nsession: \"seminar 3\"\n"))
        // A note's own session in another case is re-spelled on that note, as asked.
        let id = first.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let respelt = try #require(try run(["note", "edit", id, "--session", "Seminar 3", "--json"]).json() as? [String: Any])
        #expect(respelt["session"] as? String == "Seminar 3")
        let secondID = try #require(second["id"] as? String)
        let moved = try #require(try run(["note", "edit", secondID, "--session", "SEMINAR 3", "--json"]).json() as? [String: Any])
        #expect(moved["session"] as? String == "SEMINAR 3")
        // A third note joins the spelling most of the session's notes give it (a tie: the first in code order).
        let third = try #require(try run(["note", "add", "ppwt", "third", "--session", "seminar 3", "--json"]).json() as? [String: Any])
        #expect(third["session"] as? String == "SEMINAR 3")
        // A space typed twice is one: the note joins the session.
        let fourth = try #require(try run(["note", "add", "ppwt", "fourth", "--session", " seminar  3", "--json"]).json() as? [String: Any])
        #expect(fourth["session"] as? String == "SEMINAR 3")
        #expect(try #require(try run(["note", "list", "--session", "Seminar   3", "--json"]).json() as? [[String: Any]]).count == 4)
    }

    @Test("a new tag must be one Obsidian reads: add, edit and rename refuse others with a usage error and change nothing")
    func newTagRefused() throws {
        let refused = try run(["note", "add", "ppwt", "on R&D", "--tag", "R&D"])
        #expect(refused.status == 64)
        #expect(refused.stderr == "travaux: tag 'R&D' has '&'; a tag holds letters, digits, '-', '_' and '/', as Obsidian reads tags, e.g. 'R-D'; nothing saved\n")
        #expect(try run(["note", "list", "--json"]).stdout == "[]\n")
        let added = try run(["note", "add", "ppwt", "on resolution 1540", "--tag", "res-1540"])
        #expect(added.status == 0)
        let id = added.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let edit = try run(["note", "edit", id, "--add-tag", "1540"])
        #expect(edit.status == 64)
        #expect(edit.stderr.contains("tag '1540' is all digits, which Obsidian reads as text; give it a letter, e.g. 'res-1540'; nothing changed"))
        let rename = try run(["tag", "rename", "res-1540", "res 1540!"])
        #expect(rename.status == 64 && rename.stderr.contains("; nothing renamed"), "\(rename.stderr)")
        // A comma parts two tags, everywhere: one tag is not renamed to two, nor to `b-c`.
        let two = try run(["tag", "rename", "res-1540", "b,c"])
        #expect(two.status == 64 && two.stderr == "travaux: 'b,c' is two tags (a comma parts tags); a tag is renamed to one name, as in 'travaux tag rename res-1540 b-c'; nothing renamed\n", "\(two.stderr)")
        #expect(try run(["tags", "--json"]).stdout.contains("res-1540"))
        // A tag from before the rule (written by hand here) is used and renamed away as any other.
        let file = store + "/" + id + ".json"
        let text = try String(contentsOfFile: file, encoding: .utf8).replacingOccurrences(of: "\"res-1540\"", with: "\"c++\"")
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        #expect(try run(["note", "add", "osce", "also", "--tag", "C++"]).status == 0)
        let renamed = try run(["tag", "rename", "c++", "cpp"])
        #expect(renamed.status == 0 && renamed.stdout.contains("renamed 'c++' to 'cpp' on 2 notes"), "\(renamed.stdout)\(renamed.stderr)")
    }

    @Test("an id typed in capitals, as the interface shows short names (PPWT), is the item's lower-case id everywhere")
    func idsInCapitals() throws {
        let shown = try CLIProcess.run(["show", "PPWT", "--json", "--record", CLIProcess.fixtureRecord, "--store", store])
        #expect(shown.status == 0, "\(shown.stderr)")
        #expect((try shown.json() as? [String: Any])?["id"] as? String == "ppwt")
        #expect(try CLIProcess.run(["compare", "PPWT", "--record", CLIProcess.fixtureRecord]).status == 0)
        let added = try #require(try run(["note", "add", "PPWT", "on the treaty", "--json"]).json() as? [String: Any])
        #expect((added["target"] as? [String: String]) == ["item": "ppwt"])
        let listed = try #require(try run(["note", "list", "--item", "Ppwt", "--json"]).json() as? [[String: Any]])
        #expect(listed.count == 1)
        let exported = try run(["export", "--item", "PPWT", "--forum", "UN"])
        #expect(exported.status == 0 && exported.stdout.contains("on the treaty"), "\(exported.stderr)")
        let byActor = try CLIProcess.run(["list", "proposals", "--actor", "Russia", "--record", CLIProcess.fixtureRecord])
        #expect(byActor.status == 0, "\(byActor.stderr)")
        // So are the parts' ids: versions, elements and quoted texts.
        let compared = try CLIProcess.run(["compare", "PPWT", "--from", "2008", "--to", "2014", "--json", "--record", CLIProcess.fixtureRecord])
        #expect(compared.status == 0, "\(compared.stderr)")
        let onVersion = try #require(try run(["note", "add", "PPWT", "on the draft", "--version", "2014", "--json"]).json() as? [String: Any])
        #expect((onVersion["target"] as? [String: String]) == ["item": "ppwt", "version": "2014"])
        let onQuote = try #require(try run(["note", "add", "ppwt", "on the quote", "--quote", "Q-NO-WEAPONS", "--json"]).json() as? [String: Any])
        #expect((onQuote["target"] as? [String: String])?["quote"] == "q-no-weapons")
        let onElement = try #require(try run(["note", "add", "ppwt", "on the element", "--element", "E1", "--json"]).json() as? [String: Any])
        #expect((onElement["target"] as? [String: String]) == ["item": "ppwt", "element": "e1"])
        // A miss is still a miss, with its suggestion.
        #expect(try CLIProcess.run(["show", "PPWX", "--record", CLIProcess.fixtureRecord]).stderr.contains("did you mean 'ppwt'"))
        #expect(try run(["note", "add", "ppwt", "x", "--version", "2099"]).stderr.contains("has no version '2099'"))
    }

    @Test("every empty value is a usage error naming its option, and a mistyped --item in note list says so", arguments: [
        (["note", "add", "ppwt", "x", "--version", ""], "--version is empty; give a version's id (see 'travaux show ppwt')"),
        (["note", "add", "ppwt", "x", "--session", ""], "--session is empty; give the session's label, or leave --session out"),
        (["note", "list", "--session", ""], "--session is empty; give the session's label, or leave --session out"),
        (["note", "list", "--text", ""], "--text is empty; give words the notes must hold, or leave --text out"),
        (["compare", "ppwt", "--from", ""], "--from is empty; give a version's id, or leave --from out for the first (see 'travaux show ppwt')"),
        (["note", "list", "--item", "pwt"], "no item 'pwt'; did you mean 'ppwt', 'ppwt-2008-draft'?"),
        // Every id is checked, not only the first without notes.
        (["note", "list", "--item", "osce-cbms", "--item", "pwt"], "no item 'pwt'; did you mean 'ppwt', 'ppwt-2008-draft'?"),
    ])
    func emptyValues(arguments: [String], message: String) throws {
        let result = try run(arguments)
        #expect(result.status == (arguments.contains("pwt") ? 1 : 64))
        #expect(result.stderr == "travaux: " + message + "\n")
        #expect(try run(["note", "list", "--json"]).stdout == "[]\n", "nothing saved")
    }

    @Test("search --json gives a note's whole target, the part as note list gives it; list --domain '' is a usage error")
    func searchNoteTarget() throws {
        #expect(try run(["note", "add", "ppwt", "zebra crossing", "--version", "2008"]).status == 0)
        let hits = try #require(try run(["search", "zebra", "--json"]).json() as? [[String: Any]])
        #expect((hits.first?["target"] as? [String: String]) == ["item": "ppwt", "version": "2008"])
        // The note's own fields, as note list --json names them.
        let listed = try #require((try run(["note", "list", "--json"]).json() as? [[String: Any]])?.first)
        for key in ["body", "author", "created", "updated"] {
            #expect(hits.first?[key] as? String == listed[key] as? String && listed[key] != nil, "\(key)")
        }
        #expect(hits.first?["session"] is NSNull && listed["session"] is NSNull, "no session: null in both, as a script reading one reads the other")
        // A conflict copy says which note it copies, as in note list --json.
        let copyID = try run(["note", "add", "ppwt", "zebra copy"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let copyFile = store + "/" + copyID + ".json"
        try String(contentsOfFile: copyFile, encoding: .utf8).replacing("{\n", with: "{\n  \"conflictOf\": \"01M8000000000000000000000Z\",\n", maxReplacements: 1)
            .write(toFile: copyFile, atomically: true, encoding: .utf8)
        let copies = try #require(try run(["search", "zebra copy", "--json"]).json() as? [[String: Any]])
        #expect(copies.first { $0["id"] as? String == copyID }?["conflictOf"] as? String == "01M8000000000000000000000Z", "\(copies)")
        #expect(hits.first?["conflictOf"] == nil)
        let items = try #require(try run(["search", "ppwt", "--json"]).json() as? [[String: Any]])
        #expect(items.first.map { $0["session"] == nil && $0["kind"] as? String == "proposal" } == true, "an item of the record has no session key")
        let table = try run(["note", "list"])
        #expect(table.stdout.hasPrefix("ID") && table.stdout.contains("SESSION"))
        let domain = try run(["list", "events", "--domain", ""])
        #expect(domain.status == 64 && domain.stderr == "travaux: --domain is empty; give space, cyber or general\n")
    }

    @Test("--no-session keeps the notes taken outside any session, in note list and export; with --session it is a usage error")
    func noSession() throws {
        #expect(try run(["note", "add", "ppwt", "in the seminar", "--session", "s"]).status == 0)
        #expect(try run(["note", "add", "ppwt", "at home"]).status == 0)
        let listed = try #require(try run(["note", "list", "--no-session", "--json"]).json() as? [[String: Any]])
        #expect(listed.map { $0["body"] as? String } == ["at home"])
        let exported = try run(["export", "--no-session"])
        #expect(exported.stdout.contains("at home") && !exported.stdout.contains("in the seminar"))
        #expect(exported.stdout.contains("\n  - \"session: none\"\n"))
        let both = try run(["export", "--no-session", "--session", "s"])
        #expect(both.status == 64 && both.stderr == "travaux: --session and --no-session ask for different notes; give one\n")
        #expect(try run(["note", "list", "--no-session", "--session", "s"]).status == 64)
    }

    @Test("add, list, edit, tags, rename and rm round-trip through the store, with JSON")
    func workflow() throws {
        let added = try run(["note", "add", "ppwt", "No verification in **2008**.", "--tag", "verification", "--tag", "#PPWT", "--session", "seminar-1", "--json"])
        #expect(added.status == 0, "\(added.stderr)")
        let note = try #require(try added.json() as? [String: Any])
        let id = try #require(note["id"] as? String)
        #expect(note["kind"] as? String == "note")
        #expect(note["title"] as? String == "No verification in **2008**.")
        #expect(note["tags"] as? [String] == ["verification", "PPWT"])
        #expect(note["session"] as? String == "seminar-1")
        #expect((note["target"] as? [String: String]) == ["item": "ppwt"])

        let second = try run(["note", "add", "osce", "CBMs first", "--tag", "Verification"])
        #expect(second.status == 0)
        let secondID = second.stdout.trimmingCharacters(in: .whitespacesAndNewlines)

        let listed = try #require(try run(["note", "list", "--tag", "verification", "--json"]).json() as? [[String: Any]])
        #expect(listed.map { $0["id"] as? String } == [id, secondID])
        // A tag already in use keeps its first spelling.
        #expect(listed.map { $0["tags"] as? [String] } == [["verification", "PPWT"], ["verification"]])

        // An edit that changes nothing writes nothing.
        let file = store + "/" + secondID + ".json"
        let before = try FileManager.default.attributesOfItem(atPath: file)[.modificationDate] as? Date
        let bytes = try Data(contentsOf: URL(fileURLWithPath: file))
        let unchanged = try run(["note", "edit", secondID, "--text", "CBMs first", "--add-tag", "VERIFICATION", "--session", ""])
        #expect(unchanged.status == 0 && unchanged.stdout == secondID + "\n")
        #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == bytes)
        #expect(try FileManager.default.attributesOfItem(atPath: file)[.modificationDate] as? Date == before)
        let bySession = try #require(try run(["note", "list", "--session", "seminar-1", "--json"]).json() as? [[String: Any]])
        #expect(bySession.map { $0["id"] as? String } == [id])
        let byItem = try #require(try run(["note", "list", "--item", "osce", "--json"]).json() as? [[String: Any]])
        #expect(byItem.map { $0["id"] as? String } == [secondID])

        let table = try run(["note", "list"])
        #expect(table.stdout.contains("#verification #PPWT"))
        #expect(table.stdout.split(separator: "\n").count == 3)

        let edited = try run(["note", "edit", String(id.prefix(26)), "--text", "Changed", "--add-tag", "treaty", "--remove-tag", "ppwt", "--json"])
        #expect(edited.status == 0, "\(edited.stderr)")
        let editedNote = try #require(try edited.json() as? [String: Any])
        #expect(editedNote["body"] as? String == "Changed")
        #expect(editedNote["tags"] as? [String] == ["verification", "treaty"])
        // Adding and removing one tag at once contradict each other: a usage error, nothing changed.
        let both = try run(["note", "edit", String(id.prefix(26)), "--add-tag", "treaty", "--remove-tag", "#treaty"])
        #expect(both.status == 64 && both.stderr == "travaux: --add-tag and --remove-tag both name 'treaty'; give it to one of them\n", "\(both.stderr)")
        let absent = try run(["note", "edit", String(id.prefix(26)), "--remove-tag", "cbms"])
        #expect(absent.status == 1 && absent.stderr.hasSuffix("has no tag 'cbms'; its tags are verification, treaty\n"), "\(absent.stderr)")

        let tags = try #require(try run(["tags", "--json"]).json() as? [[String: Any]])
        #expect(tags.map { $0["tag"] as? String } == ["verification", "treaty"])
        #expect(tags.map { $0["count"] as? Int } == [2, 1])

        let renamed = try run(["tag", "rename", "treaty", "Verification"])
        #expect(renamed.stdout.contains("on 1 note"))
        let merged = try #require(try run(["tags", "--json"]).json() as? [[String: Any]])
        #expect(merged.map { $0["tag"] as? String } == ["verification"])
        #expect(merged.first?["count"] as? Int == 2)

        let shown = try #require(try run(["show", "ppwt", "--json"]).json() as? [String: Any])
        let notes = try #require(shown["notes"] as? [[String: Any]])
        #expect(notes.map { $0["id"] as? String } == [id])
        #expect(try run(["show", "ppwt"]).stdout.contains("Changed"))

        let tagged = try #require(try run(["list", "proposals", "--tag", "verification", "--json"]).json() as? [[String: Any]])
        #expect(tagged.map { $0["id"] as? String } == ["ppwt"])

        #expect(try run(["note", "rm", secondID]).status == 0)
        let remaining = try #require(try run(["note", "list", "--json"]).json() as? [[String: Any]])
        #expect(remaining.map { $0["id"] as? String } == [id])
    }

    @Test("the names people reach for work too: note ls, note remove, note delete, tag merge")
    func aliases() throws {
        let first = try run(["note", "add", "ppwt", "one", "--tag", "old"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let second = try run(["note", "add", "ppwt", "two", "--tag", "new"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(try run(["note", "ls", "--json"]).stdout == (try run(["note", "list", "--json"]).stdout))
        #expect(try run(["tag", "merge", "old", "new"]).stdout.contains("renamed 'old' to 'new' on 1 note"))
        // Said in the notes' spelling, and a rename to the same spelling says nothing changed.
        #expect(try run(["tag", "rename", "#NEW", "New"]).stdout == "renamed 'new' to 'New' on 2 notes\n")
        #expect(try run(["tag", "rename", "new", "New"]).stdout == "nothing renamed: the tag is already spelled 'New'\n")
        #expect(try run(["note", "remove", first]).status == 0)
        #expect(try run(["note", "delete", second]).status == 0)
        #expect(try run(["note", "list", "--json"]).stdout == "[]\n")
    }

    @Test("one tag, one spelling: merged into a tag in use it takes that tag's spelling; re-spelled on one note by note edit, on all")
    func oneSpelling() throws {
        _ = try run(["note", "add", "ppwt", "one", "--tag", "t1"])
        _ = try run(["note", "add", "ppwt", "two", "--tag", "t3"])
        #expect(try run(["tag", "merge", "t3", "T1"]).stdout == "renamed 't3' to 't1' on 1 note\n")
        let merged = try #require(try run(["note", "list", "--json"]).json() as? [[String: Any]])
        #expect(merged.map { $0["tags"] as? [String] } == [["t1"], ["t1"]])

        let newest = try run(["note", "add", "ppwt", "three", "--tag", "T1"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let edited = try run(["note", "edit", newest, "--remove-tag", "t1", "--add-tag", "GGE-T1"])
        #expect(edited.status == 0)
        let respelled = try run(["note", "edit", newest, "--remove-tag", "gge-t1", "--add-tag", "t1"])
        #expect(respelled.status == 0, "\(respelled.stderr)")
        // Re-spelling a tag the note has: the newest note, not only the oldest, renames it everywhere.
        let again = try run(["note", "edit", newest, "--remove-tag", "t1", "--add-tag", "T1"])
        #expect(again.stderr == "'t1' is now spelled 'T1' on 2 other notes too\n")
        let listed = try #require(try run(["note", "list", "--json"]).json() as? [[String: Any]])
        #expect(listed.map { $0["tags"] as? [String] } == [["T1"], ["T1"], ["T1"]])
        #expect(try run(["tags"]).stdout.contains("T1"))
    }

    @Test("sessions lists each session once, in the order held, with its notes, first and last days, and says a second spelling and how to mend it")
    func sessionsListed() throws {
        #expect(try run(["sessions"]).stderr.hasPrefix("no notes yet, so no sessions; "))
        #expect(try run(["sessions", "--json"]).stdout == "[]\n")
        let outside = try run(["note", "add", "ppwt", "desk"])
        #expect(outside.status == 0, "\(outside.stderr)")
        #expect(try run(["sessions"]).stderr.hasPrefix("no sessions yet: every note was taken outside one; "))
        _ = try run(["note", "add", "ppwt", "one", "--session", "seminar 3"])
        _ = try run(["note", "add", "osce", "two", "--session", "OEWG 1"])
        // A window whose label was typed another way, and a file edited by hand.
        let spaced = try run(["note", "add", "ppwt", "three", "--session", "seminar 3"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let file = store + "/" + spaced + ".json"
        let text = try String(contentsOfFile: file, encoding: .utf8)
        try text.replacingOccurrences(of: "\"seminar 3\"", with: "\"Seminar  3\"").write(toFile: file, atomically: true, encoding: .utf8)

        let listed = try run(["sessions"])
        #expect(listed.status == 0)
        let rows = listed.stdout.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true).prefix(3).joined(separator: " ") }
        #expect(rows == ["SESSION NOTES FIRST", "seminar 3 2", "OEWG 1 1", "(no session) 1"])
        #expect(listed.stderr == "'seminar 3' is also spelled 'Seminar  3'; to give its notes one spelling: travaux session rename 'seminar 3' 'seminar 3'\n")

        let json = try #require(try run(["sessions", "--json"]).json() as? [[String: Any]])
        #expect(json.map { $0["session"] as? String } == ["seminar 3", "OEWG 1", nil])
        #expect(json.map { $0["count"] as? Int } == [2, 1, 1])
        #expect(json.first?["spellings"] as? [String] == ["seminar 3", "Seminar  3"])
        #expect(json.last.map { $0["session"] is NSNull } == true)
        let notes = try #require(try run(["note", "list", "--json"]).json() as? [[String: Any]])
        #expect(json.first?["first"] as? String == notes[1]["created"] as? String)
        #expect(json.first?["last"] as? String == notes[3]["created"] as? String)

        // The command given mends it, and the hint goes.
        #expect(try run(["session", "rename", "seminar 3", "seminar 3"]).stdout == "spelled session 'seminar 3' alike on 1 note ('Seminar  3' before)\n")
        #expect(try run(["sessions"]).stderr == "")
        #expect(try run(["session", "rename", "SEMINAR 3", "seminar 3"]).stdout
                == "nothing renamed: the session is already spelled 'seminar 3' on all its notes\n")
        #expect(try run(["session", "merge", "oewg 1", "Seminar 3"]).stdout
                == "renamed session 'OEWG 1' to 'seminar 3' on 1 note, merging it into the 2 already there\n")
        #expect(try run(["session", "rename", "seminar 3", "Seminar 4"]).stdout == "renamed session 'seminar 3' to 'Seminar 4' on 3 notes\n")
        let after = try #require(try run(["note", "list", "--json"]).json() as? [[String: Any]])
        #expect(after.map { $0["session"] as? String } == [nil, "Seminar 4", "Seminar 4", "Seminar 4"])
    }

    @Test("a tag or session only a note in a merge conflict has is said to be there; lists say what they leave out; a rename names only the conflicts it concerns")
    func conflictedHolders() throws {
        let id = try run(["note", "add", "ppwt", "base", "--session", "sem A", "--tag", "alpha"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let file = store + "/" + id + ".json"
        let text = try String(contentsOfFile: file, encoding: .utf8)
        let conflict = "<<<<<<< HEAD\n" + text.replacingOccurrences(of: "\"base\"", with: "\"A body\"") + "=======\n"
            + text.replacingOccurrences(of: "\"base\"", with: "\"B body\"") + ">>>>>>> origin/main\n"
        try conflict.write(toFile: file, atomically: true, encoding: .utf8)
        let held = "is only on a note in a git merge conflict (\(id)); resolve it ('travaux note resolve \(id)'), then run it again\n"
        let session = try run(["session", "rename", "sem A", "x"])
        #expect(session.status == 1 && session.stderr.hasSuffix("travaux: the session 'sem A' " + held), "\(session.stderr)")
        let tag = try run(["tag", "rename", "alpha", "x"])
        #expect(tag.status == 1 && tag.stderr.hasSuffix("travaux: the tag 'alpha' " + held), "\(tag.stderr)")
        // Filters say it too, rather than "no note matches".
        for filter in [["note", "list", "--session", "sem A"], ["export", "--session", "sem A"]] {
            let filtered = try run(filter)
            #expect(filtered.status == 1 && filtered.stderr.hasSuffix("travaux: the session 'sem A' " + held), "\(filter): \(filtered.stderr)")
        }
        #expect(try run(["export", "--tag", "alpha"]).stderr.hasSuffix("travaux: the tag 'alpha' " + held))
        let uncounted = "1 note is in a git merge conflict and not counted; resolve it ('travaux note resolve \(id)')\n"
        let sessions = try run(["sessions"])
        #expect(sessions.stdout.isEmpty && sessions.stderr.hasSuffix("no note can be read, so no sessions\n" + uncounted), "\(sessions.stderr)")
        let tags = try run(["tags"])
        #expect(tags.stdout.isEmpty && tags.stderr.hasSuffix("no tags on the notes that can be read\n" + uncounted), "\(tags.stderr)")

        // A rename of what the note in conflict does not carry does not name it.
        _ = try run(["note", "add", "ppwt", "other", "--session", "other", "--tag", "other"])
        let sessionTypo = try run(["note", "list", "--session", "othr"])
        #expect(sessionTypo.status == 1 && sessionTypo.stderr.hasSuffix("travaux: no note has the session 'othr'; did you mean 'other'?\n"), "as export says it: \(sessionTypo.stderr)")
        let renamed = try run(["session", "rename", "other", "other2"])
        #expect(renamed.stdout == "renamed session 'other' to 'other2' on 1 note\n" && !renamed.stderr.contains("left out"), "\(renamed.stderr)")
        let retagged = try run(["tag", "rename", "other", "other2"])
        #expect(retagged.status == 0 && !retagged.stderr.contains("left out"), "\(retagged.stderr)")
        #expect(try run(["tags"]).stderr.hasSuffix(uncounted))
        #expect(try run(["note", "list", "--tag", "alpha"]).stderr.hasSuffix("travaux: the tag 'alpha' " + held))

        // A conflict note resolve cannot take (a side of another note's id): not said to hold
        // every tag (a typo keeps its "did you mean"), advised to be mended by hand, and named
        // by a rename it may concern.
        let otherID = try run(["note", "add", "ppwt", "third", "--tag", "gamma"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        try conflict.replacingOccurrences(of: "=======\n" + text.replacingOccurrences(of: "\"base\"", with: "\"B body\""),
                                          with: "=======\n" + text.replacingOccurrences(of: "\"base\"", with: "\"B body\"").replacingOccurrences(of: id, with: otherID))
            .write(toFile: file, atomically: true, encoding: .utf8)
        // What its readable side carries is said to be there, with the way it comes back.
        let alpha = try run(["note", "list", "--tag", "alpha"])
        #expect(alpha.status == 1 && alpha.stderr.hasSuffix("travaux: the tag 'alpha' is only on a note in a git merge conflict (\(id)); "
                                                           + "'travaux note resolve' cannot take it: mend it by hand (the warning above says how), then run it again\n"), "\(alpha.stderr)")
        let typo = try run(["note", "list", "--tag", "gamam"])
        #expect(typo.status == 1 && typo.stderr.hasSuffix("did you mean 'gamma'?\n"), "\(typo.stderr)")
        let counted = try run(["tags"])
        #expect(counted.stderr.hasSuffix("1 note is in a git merge conflict and not counted; 'travaux note resolve' cannot take it: mend it by hand (the warning above says how)\n"),
                "\(counted.stderr)")
        let gamma = try run(["tag", "rename", "gamma", "delta"])
        #expect(gamma.status == 0 && gamma.stderr.hasSuffix("1 note in a git merge conflict that cannot be read (\(id)) may have it and was left out of the rename; "
                                                           + "mend it by hand (the warning above says how), then run it again\n"), "\(gamma.stderr)")
    }

    @Test("a beginning of an id two notes in a merge conflict share names both, for show, edit and rm as for resolve")
    func beginningOfTwoConflictedNotes() throws {
        var ids: [String] = []
        for body in ["first", "second"] {
            let id = try run(["note", "add", "ppwt", body]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
            let file = store + "/" + id + ".json"
            let text = try String(contentsOfFile: file, encoding: .utf8)
            try ("<<<<<<< HEAD\n" + text.replacingOccurrences(of: "\"\(body)\"", with: "\"A\"") + "=======\n"
                 + text.replacingOccurrences(of: "\"\(body)\"", with: "\"B\"") + ">>>>>>> origin/main\n").write(toFile: file, atomically: true, encoding: .utf8)
            ids.append(id)
        }
        let shared = String(zip(ids[0], ids[1]).prefix { $0 == $1 }.map(\.0))
        try #require(shared.count >= 4, "ids made a moment apart share their time's first characters")
        for command in [["note", "show"], ["note", "edit"], ["note", "rm"]] {
            let result = try run(command + [shared] + (command[1] == "edit" ? ["--text", "x"] : []))
            #expect(result.status == 1 && result.stderr.hasSuffix("travaux: '\(shared)' matches 2 notes in a merge conflict (\(ids.sorted().joined(separator: ", "))); type more of the id\n"),
                    "\(command): \(result.stderr)")
        }
        #expect(try run(["note", "show", ids[0]]).stderr.contains("note \(ids[0]) is in a git merge conflict"))
    }

    @Test("hand-written labels: blanks alone are no session; one beginning with '-' gets advice that runs as given")
    func handWrittenLabels() throws {
        let blank = try run(["note", "add", "ppwt", "a", "--session", "x"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let dashed = try run(["note", "add", "ppwt", "b", "--session", "y"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        for (id, label) in [(blank, "   "), (dashed, "-draft  day")] {
            let file = store + "/" + id + ".json"
            let text = try String(contentsOfFile: file, encoding: .utf8)
            try text.replacingOccurrences(of: #""session": "x""#, with: #""session": "\#(label)""#)
                .replacingOccurrences(of: #""session": "y""#, with: #""session": "\#(label)""#)
                .write(toFile: file, atomically: true, encoding: .utf8)
        }
        let listed = try run(["sessions"])
        #expect(listed.stdout.contains("(no session)      1") && listed.stdout.contains("-draft  day"), "\(listed.stdout)")
        let advice = try #require(listed.stderr.split(separator: ":").last.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) })
        #expect(advice == "travaux session rename -- '-draft  day' '-draft day'", "\(listed.stderr)")
        // As printed, the options before `--` (this suite's run() would put them after it).
        let renamed = try CLIProcess.run(["session", "rename", "--record", CLIProcess.fixtureRecord, "--store", store, "--", "-draft  day", "-draft day"])
        #expect(renamed.stdout == "renamed session '-draft  day' to '-draft day' on 1 note\n", "\(renamed.stderr)")
        #expect((try run(["note", "list", "--no-session", "--json"]).json() as? [Any])?.count == 1)
    }

    @Test("a session, tag or author a note file spells with an escape sequence reaches the terminal as visible text, in show, sessions and renames; the advice's command holds it as $'\\e'")
    func controlCharactersFromNoteFiles() throws {
        let id = try run(["note", "add", "ppwt", "body", "--session", "x", "--tag", "y"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let file = store + "/" + id + ".json"
        let text = try String(contentsOfFile: file, encoding: .utf8)
        try text.replacingOccurrences(of: #""session": "x""#, with: #""session": "sem\u001b[31mred""#)
            .replacingOccurrences(of: #""y""#, with: #""t\u001b]0;title\u0007ag""#)
            .write(toFile: file, atomically: true, encoding: .utf8)
        let shown = try run(["note", "show", id])
        #expect(shown.stdout.contains("Tags:    #t^[]0;title^Gag") && shown.stdout.contains("Session: sem^[[31mred"), "\(shown.stdout)")
        let listed = try run(["sessions"])
        #expect(listed.stderr == "'sem^[[31mred' has control characters (a note written by hand); to spell it 'semred': "
                + "travaux session rename $'sem\\e[31mred' semred\n", "\(listed.stderr)")
        let renamed = try run(["session", "rename", "sem\u{1B}[31mred", "seminar"])
        #expect(renamed.stdout == "renamed session 'sem^[[31mred' to 'seminar' on 1 note\n", "\(renamed.stdout)")
        let tag = try run(["tag", "rename", "t\u{1B}]0;title\u{07}ag", "tag"])
        #expect(tag.stdout == "renamed 't^[]0;title^Gag' to 'tag' on 1 note\n", "\(tag.stdout)")
        for result in [shown, listed, renamed, tag] {
            #expect(!(result.stdout + result.stderr).contains("\u{1B}"))
        }
        // TRAVAUX_AUTHOR is saved on one line, without the sequence.
        let byEnvironment = try CLIProcess.run(["note", "add", "ppwt", "z", "--json", "--record", CLIProcess.fixtureRecord, "--store", store],
                                               environment: ["TRAVAUX_AUTHOR": "Ana\u{1B}]0;title\u{07} B.\nLópez"])
        #expect((try byEnvironment.json() as? [String: Any])?["author"] as? String == "Ana B. López", "\(byEnvironment.stdout)")
    }

    @Test("a comma parts tags in note list's and export's --tag as in note add's: the notes with both; list --tag, which takes one, refuses two")
    func commaInTagFilters() throws {
        _ = try run(["note", "add", "ppwt", "both", "--tag", "a1,b1"])
        _ = try run(["note", "add", "ppwt", "one", "--tag", "a1"])
        let listed = try #require(try run(["note", "list", "--tag", "a1, #b1", "--json"]).json() as? [[String: Any]])
        #expect(listed.map { $0["body"] as? String } == ["both"])
        #expect(try run(["note", "list", "--tag", "a1,zz"]).stderr == "travaux: no note has the tag 'zz'; 'travaux tags' lists them\n")
        let exported = try run(["export", "--tag", "a1,b1"])
        #expect(exported.status == 0 && exported.stdout.contains("> both\n") && !exported.stdout.contains("> one\n"), "\(exported.stderr)")
        let refused = try run(["list", "proposals", "--tag", "a1,b1"])
        #expect(refused.status == 64 && refused.stderr.hasPrefix("travaux: --tag 'a1,b1' names 2 tags, and list takes one; "), "\(refused.stderr)")
        #expect(try run(["note", "list", "--tag", ","]).status == 64)
    }

    @Test("a --session of control characters alone, which a label drops, is refused as a blank one is, never saved as no session; note edit's '' still removes it")
    func sessionOfControlCharacters() throws {
        let added = try run(["note", "add", "ppwt", "x", "--session", "\u{1}\u{1B}[31m"])
        #expect(added.status == 64 && added.stderr.hasPrefix("travaux: --session holds only control characters"), "\(added.stderr)")
        #expect(try run(["note", "list", "--session", "\u{7}"]).status == 64)
        #expect(try run(["export", "--session", "\u{7}"]).status == 64)
        #expect(try run(["note", "list", "--json"]).stdout == "[]\n")
        let id = try run(["note", "add", "ppwt", "x", "--session", "s"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let edited = try run(["note", "edit", id, "--session", "\u{1B}[1m"])
        #expect(edited.status == 64 && edited.stderr.hasSuffix("give the session's label, or '' to remove it\n"), "\(edited.stderr)")
        #expect((try run(["note", "show", id, "--json"]).json() as? [String: Any])?["session"] as? String == "s")
        #expect(try run(["note", "edit", id, "--session", ""]).status == 0)
        #expect((try run(["note", "show", id, "--json"]).json() as? [String: Any])?["session"] is NSNull)
    }

    @Test("a session rename with an empty or unknown session is refused with what to give, and changes nothing")
    func sessionRenameRefused() throws {
        _ = try run(["note", "add", "ppwt", "one", "--session", "seminar 3"])
        let before = try run(["note", "list", "--json"]).stdout
        let cases: [([String], Int32, String)] = [
            (["session", "rename", " ", "x"], 64, "travaux: the session to rename is empty; give its name, as in 'travaux session rename OLD NEW' (see 'travaux sessions')\n"),
            (["session", "rename", "seminar 3", ""], 64, "travaux: the new session name is empty; give the name the session should have, as in "
                + "'travaux session rename OLD NEW' (a note leaves its session with 'travaux note edit ID --session \"\"')\n"),
            (["session", "rename", "seminar3", "x"], 1, "travaux: no note has the session 'seminar3'; did you mean 'seminar 3'?\n"),
            (["session", "rename", "workshop", "x"], 1, "travaux: no note has the session 'workshop'; 'travaux sessions' lists them\n"),
        ]
        for (arguments, status, message) in cases {
            let result = try run(arguments)
            #expect(result.status == status, "\(arguments)")
            #expect(result.stderr == message, "\(arguments)")
        }
        #expect(try run(["note", "list", "--json"]).stdout == before)
    }

    @Test("an empty id or tag (a variable left unset, '#' alone) is a usage error that says what to give, and nothing is saved")
    func emptyArguments() throws {
        let id = try run(["note", "add", "ppwt", "kept"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let cases: [([String], String)] = [
            (["note", "add", "ppwt", "x", "--tag", ""], "travaux: --tag is empty; give a tag's name, as in '--tag verification'\n"),
            (["note", "add", "ppwt", "x", "--tag", "#"], "travaux: --tag is empty; give a tag's name, as in '--tag verification'\n"),
            (["note", "add", " ", "x"], "travaux: give the id of the item the note is on, as in 'travaux note add ppwt TEXT' (see 'travaux list')\n"),
            (["note", "edit", id, "--add-tag", "  "], "travaux: --add-tag is empty; give a tag's name, as in '--add-tag verification'\n"),
            (["note", "edit", "", "--text", "y"], "travaux: give the note's id (see 'travaux note list'), as in 'travaux note edit 01M7 --text TEXT'\n"),
            (["note", "rm", ""], "travaux: give the note's id (see 'travaux note list'), as in 'travaux note rm 01M7'\n"),
            (["note", "list", "--item", ""], "travaux: --item is empty; give an item's id, as in '--item ppwt'\n"),
            (["note", "list", "--tag", "#"], "travaux: --tag is empty; give a tag's name, as in '--tag verification'\n"),
            (["tag", "rename", "", "x"], "travaux: the tag to rename is empty; give its name, as in 'travaux tag rename OLD NEW' (see 'travaux tags')\n"),
            (["compare", ""], "travaux: give a proposal's id, as in 'travaux compare ppwt' (see 'travaux list proposals')\n"),
            (["list", "events", "--tag", ""], "travaux: --tag is empty; give a tag's name, as in '--tag verification'\n"),
            (["list", "events", "--forum", ""], "travaux: --forum is empty; give a forum's id, as in '--forum un' (see 'travaux list forums')\n"),
            (["list", "events", "--domain", "spce"], "travaux: unknown domain 'spce' (did you mean 'space'?); use space, cyber or general\n"),
        ]
        for (arguments, expected) in cases {
            let result = try run(arguments)
            #expect(result.status == 64 && result.stderr == expected && result.stdout.isEmpty, "\(arguments): \(result.stderr)")
        }
        let listed = try #require(try run(["note", "list", "--json"]).json() as? [[String: Any]])
        #expect(listed.map { $0["body"] as? String } == ["kept"])
        #expect(listed.first?["tags"] as? [String] == [])
    }

    @Test("--json prints an empty list as [], at any depth, and leaves brackets inside a text as typed")
    func emptyListsInJSON() throws {
        _ = try run(["note", "add", "ppwt", "a [  ] and { } in the text"])
        let listed = try run(["note", "list", "--json"]).stdout
        #expect(listed.contains("\"tags\" : [],\n"), "\(listed)")
        #expect(listed.contains("\"body\" : \"a [  ] and { } in the text\""))
        #expect(try run(["note", "list", "--json", "--text", "zzzz"]).stdout == "[]\n")
    }

    @Test("note edit --item moves a note taken on the wrong item, keeping its id, text, tags and creation; the part options name the new place whole, checked against the record")
    func moveNote() throws {
        let id = try run(["note", "add", "russian-resolutions", "France: binding only with verification", "--tag", "France"])
            .stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        func target() throws -> [String: String] {
            let notes = try #require(try run(["note", "list", "--json"]).json() as? [[String: Any]])
            #expect(notes.count == 1 && notes.first?["id"] as? String == id)
            return try #require(notes.first?["target"] as? [String: String])
        }
        let created = try #require((try run(["note", "list", "--json"]).json() as? [[String: Any]])?.first?["created"] as? String)
        #expect(try run(["note", "edit", id, "--item", "PPWT"]).status == 0)
        #expect(try target() == ["item": "ppwt"])
        // A part alone is a part of the item the note is on; an element needs no version.
        #expect(try run(["note", "edit", id, "--version", "2014"]).status == 0)
        #expect(try target() == ["item": "ppwt", "version": "2014"])
        #expect(try run(["note", "edit", id, "--element", "e1"]).status == 0)
        #expect(try target() == ["item": "ppwt", "element": "e1"])
        // A quoted text is completed with its version, as note add does.
        #expect(try run(["note", "edit", id, "--quote", "q-no-weapons"]).status == 0)
        #expect(try target()["quote"] == "q-no-weapons")
        let notes = try #require(try run(["note", "list", "--json"]).json() as? [[String: Any]])
        #expect(notes.first?["body"] as? String == "France: binding only with verification")
        #expect(notes.first?["tags"] as? [String] == ["France"] && notes.first?["created"] as? String == created)
        // Refused, and nothing changed.
        let before = try target()
        let unknown = try run(["note", "edit", id, "--item", "osce-cbms", "--version", "2099"])
        #expect(unknown.status == 1 && unknown.stderr.hasPrefix("travaux: nothing changed: 'osce-cbms' has no version '2099'"), "\(unknown.stderr)")
        let both = try run(["note", "edit", id, "--element", "e1", "--quote", "q-no-weapons"])
        #expect(both.status == 64 && both.stderr.contains("not both"))
        #expect(try run(["note", "edit", id, "--item", ""]).status == 64)
        #expect(try target() == before)
        let nothing = try run(["note", "edit", id])
        #expect(nothing.stderr == "travaux: nothing to change; give --text, --add-tag, --remove-tag, --session, or --item (and --version, --element or --quote) to move it\n")
    }

    @Test("note show gives one note, by any unique beginning of its id, as text or as note list's JSON; show of a note's id points to it")
    func showNote() throws {
        let id = try run(["note", "add", "ppwt", "Verification?\n\nSee **Art. 2**.", "--quote", "q-no-weapons", "--tag", "verification",
                          "--session", "Seminar 3"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let listed = try run(["note", "list", "--json"]).stdout
        let shown = try run(["note", "show", String(id.prefix(8)), "--json"])
        #expect(shown.status == 0 && "[\n" + shown.stdout.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n") + "\n]\n" == listed,
                "\(shown.stdout)")
        let text = try run(["note", "show", id])
        let lines = text.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == "Note " + id)
        #expect(lines.contains { $0.hasPrefix("On:      PPWT, ") && $0.hasSuffix("(ppwt@2008>q-no-weapons)") }, "\(text.stdout)")
        #expect(lines.contains("Tags:    #verification") && lines.contains("Session: Seminar 3"))
        #expect(text.stdout.hasSuffix("\n\nVerification?\n\nSee **Art. 2**.\n"))
        let unknown = try run(["note", "show", "01ZZZZ"])
        #expect(unknown.status == 1 && unknown.stderr.hasPrefix("travaux: no note '01ZZZZ'"))
        let asItem = try run(["show", id])
        #expect(asItem.status == 1)
        #expect(asItem.stderr == "travaux: '\(id)' is a note's id; 'travaux note show \(id)' shows it (the item it is on: 'travaux show ppwt')\n")
    }

    @Test("a note on a version, an element or a quoted text is checked against the record")
    func targets() throws {
        let good = try run(["note", "add", "ppwt", "on the 2008 draft", "--version", "2008", "--json"])
        #expect(good.status == 0, "\(good.stderr)")
        #expect(((try good.json() as? [String: Any])?["target"] as? [String: String]) == ["item": "ppwt", "version": "2008"])
        let badVersion = try run(["note", "add", "ppwt", "x", "--version", "1999"])
        #expect(badVersion.status != 0)
        #expect(badVersion.stderr.hasPrefix("travaux: 'ppwt' has no version '1999'; its versions are"))
        let notProposal = try run(["note", "add", "chapter", "x", "--element", "1"])
        #expect(notProposal.stderr.contains("is not a proposal"))
        let both = try run(["note", "add", "ppwt", "x", "--element", "e1", "--quote", "q-no-weapons"])
        #expect(both.status == 64 && both.stderr == "travaux: a note goes on an element or on a quoted text, not both; drop --element or --quote\n")
        // A quote is stored with the version that holds it, as the interface attaches it.
        let quoted = try run(["note", "add", "ppwt", "on the quote", "--quote", "q-no-weapons", "--json"])
        #expect(((try quoted.json() as? [String: Any])?["target"] as? [String: String]) == ["item": "ppwt", "version": "2008", "quote": "q-no-weapons"])
    }

    @Test("a damaged store.json is named with how to restore it; show still shows the item, and nothing is changed")
    func damagedManifest() throws {
        #expect(try run(["note", "add", "ppwt", "first"]).status == 0)
        let manifest = store + "/store.json"
        try "{\"sche".write(toFile: manifest, atomically: false, encoding: .utf8)
        let listed = try run(["note", "list"])
        #expect(listed.status == 1)
        #expect(listed.stderr.hasPrefix("travaux: \(manifest) is damaged: it is not a travaux store manifest, so nothing was read or changed; restore it"))
        let shown = try run(["show", "ppwt"])
        #expect(shown.status == 0)
        #expect(shown.stdout.hasPrefix("Treaty on the Prevention"))
        #expect(shown.stderr.hasPrefix("travaux: warning: your notes are not shown: \(manifest) is damaged"))
        // In JSON the notes are null, not the [] of an item without notes.
        let json = try #require(try run(["show", "ppwt", "--json"]).json() as? [String: Any])
        #expect(json["notes"] is NSNull)
        #expect(try String(contentsOfFile: manifest, encoding: .utf8) == "{\"sche")
    }

    @Test("a note on an item the record no longer holds is listed, and show points to it")
    func noteOnMissingItem() throws {
        #expect(try run(["note", "add", "ppwt", "first"]).status == 0)
        let id = "01M7ZS065PFCMRST86R6JDCEC0"
        let file = """
            {"author": "ana", "body": "kept as written", "created": "2026-11-21T19:23:16.022Z", "id": "\(id)", "schema": 1,
             "tags": [], "target": {"item": "renamed-away", "version": "v9"}, "updated": "2026-11-21T19:23:16.022Z"}
            """
        try file.write(toFile: store + "/\(id).json", atomically: false, encoding: .utf8)
        let listed = try #require(try run(["note", "list", "--item", "renamed-away", "--json"]).json() as? [[String: Any]])
        #expect(listed.map { $0["id"] as? String } == [id])
        let shown = try run(["show", "renamed-away"])
        #expect(shown.status != 0)
        #expect(shown.stderr == "travaux: no item 'renamed-away' in this record, but 1 note is on it (the record may have renamed or removed it); 'travaux note list --item renamed-away' lists them\n")
        // A new note there is refused, saying the notes already on it and how to move them.
        let added = try run(["note", "add", "renamed-away", "more"])
        #expect(added.status == 1)
        #expect(added.stderr.hasSuffix("; 1 note is on 'renamed-away' already, which this record no longer has "
                                       + "('travaux note list --item renamed-away' lists them; 'travaux note edit ID --item NEW' moves one)\n"), "\(added.stderr)")
        // Its notes are exported by that id too, under "Not in this record".
        let exported = try run(["export", "--item", "renamed-away"])
        #expect(exported.status == 0, "\(exported.stderr)")
        #expect(exported.stdout.contains("Not in this record") && exported.stdout.contains("> kept as written"))
        #expect(!exported.stdout.contains("> first"))
        #expect(try run(["export", "--item", "never-was"]).stderr.hasPrefix("travaux: no item 'never-was'"))
    }

    @Test("search lists the notes holding the words after the record's results, as the interface does")
    func searchFindsNotes() throws {
        let added = try run(["note", "add", "ppwt", "Zanzibar clause: ask the sponsors", "--tag", "asat"])
        #expect(added.status == 0, "\(added.stderr)")
        let id = added.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let table = try run(["search", "zanzibar"])
        #expect(table.status == 0)
        #expect(table.stdout.contains("note  Zanzibar clause: ask the sponsors  note on PPWT  \(id)"))
        let both = try #require(try run(["search", "ppwt", "--json"]).json() as? [[String: Any]])
        #expect(both.first?["kind"] as? String == "proposal" && both.first?["score"] is Int)
        let note = try #require(both.last)
        #expect(note["kind"] as? String == "note" && note["id"] as? String == id && note["item"] as? String == "ppwt")
        #expect(note["tags"] as? [String] == ["asat"] && note["score"] == nil)
        let onlyNotes = try #require(try run(["search", "--kind", "note", "ppwt", "--json"]).json() as? [[String: Any]])
        #expect(onlyNotes.map { $0["id"] as? String } == [id])
        let onlyProposals = try #require(try run(["search", "--kind", "proposal", "zanzibar", "--json"]).json() as? [[String: Any]])
        #expect(onlyProposals.isEmpty)
        // A store this travaux cannot read leaves the record's results, with a warning.
        try #"{"format": "travaux notes", "schema": 99}"#.write(toFile: store + "/store.json", atomically: false, encoding: .utf8)
        let warned = try run(["search", "ppwt", "--limit", "1"])
        #expect(warned.status == 0 && warned.stdout.contains("ppwt"))
        #expect(warned.stderr.hasPrefix("travaux: warning: your notes were not searched: "))
        #expect(try run(["search", "--kind", "note", "ppwt"]).status != 0)
    }

    @Test("a text that begins with a dash is refused, saying how to give it, never read as -h (help, exit 0, nothing saved)", arguments: [
        ["note", "add", "ppwt", "- the verification point"], ["note", "add", "ppwt", "-> see the footnote", "--tag", "later"],
        ["note", "add", "ppwt", "-ish"], ["note", "add", "ppwt", "-- a point"], ["search", "-hello"],
    ])
    func dashedText(_ arguments: [String]) throws {
        let refused = try run(arguments)
        #expect(refused.status == 64, "\(refused.stderr)")
        #expect(refused.stdout.isEmpty)
        #expect(refused.stderr.contains("begins with '-' and would be read as options; a text that begins with '-' goes after '--'"))
        #expect(try run(["note", "list", "--json"]).stdout == "[]\n")
        // The command the message gives, run by a shell, does what was meant.
        let given = try #require(refused.stderr.range(of: "every option before it: ").map { refused.stderr[$0.upperBound...] })
        let command = given.trimmingCharacters(in: .newlines).replacingOccurrences(of: "travaux ", with: CLIProcess.binary + " ", options: .anchored)
        let rerun = try CLIProcess.run(["-c", command], executable: "/bin/sh")
        #expect(rerun.status == 0, "\(command): \(rerun.stderr)")
        if arguments[0] == "note" {
            let notes = try #require(try run(["note", "list", "--json"]).json() as? [[String: Any]])
            #expect(notes.map { $0["body"] as? String } == [arguments[3]])
        }
    }

    @Test("a short option travaux lacks is said to be one, with the long options it may mean, never sent after '--' where no text is taken; -o=FILE as -o FILE", arguments: [
        (["tags", "-j"], "unknown option '-j'; did you mean '--json'? (see 'travaux help tags')"),
        (["note", "rm", "-f", "01M8"], "unknown option '-f' (see 'travaux help note rm')"),
        (["list", "events", "-d", "space"], "unknown option '-d'; did you mean '--domain'? (see 'travaux help list')"),
        (["-x"], "unknown option '-x' (see 'travaux --help')"),
        (["export", "-o=handout.md"], "'-o=handout.md': -o takes its file after a space; write -o handout.md"),
        (["export", "-ohandout.md"], "'-ohandout.md': -o takes its file after a space; write -o handout.md"),
        (["search", "code", "-k", "event"], "unknown option '-k'; did you mean '--kind'? If it is text, it goes after '--', every option before it: travaux search code "),
    ])
    func misspeltShortOption(_ arguments: [String], _ message: String) throws {
        let refused = try run(arguments)
        #expect(refused.status == 64 && refused.stdout.isEmpty)
        // The command given back holds the test's --record and --store too.
        #expect(message.hasSuffix(" ") ? refused.stderr.hasPrefix("travaux: \(message)") && refused.stderr.hasSuffix(" -- -k event\n")
                : refused.stderr == "travaux: \(message)\n", "\(refused.stderr)")
        #expect(try run(["note", "list", "--json"]).stdout == "[]\n")
    }

    @Test("a dashed value of an option is to be written with '='")
    func dashedValue() throws {
        let added = try run(["note", "add", "ppwt", "a point"])
        let id = added.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let refused = try run(["note", "edit", id, "--text", "- first"])
        #expect(refused.status == 64)
        #expect(refused.stderr == "travaux: '- first' begins with '-' and would be read as options; as the value of --text, write --text='- first'\n")
        #expect(try run(["note", "edit", id, "--text=- first"]).status == 0)
        let notes = try #require(try run(["note", "list", "--json"]).json() as? [[String: Any]])
        #expect(notes.map { $0["body"] as? String } == ["- first"])
        // A negative number keeps its own message; `-` alone is standard input.
        #expect(try run(["search", "code", "--limit", "-1"]).stderr.contains("--limit is a number of results"))
    }

    @Test("a tag or a word that is an emoji is asked for like any other, by note list --text and search; quotes or a bare # alone are not")
    func emojiWords() throws {
        let added = try run(["note", "add", "ppwt", "launch 🚀 soon", "--tag", "🚀"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        _ = try run(["note", "add", "ppwt", "plain words"])
        for arguments in [["note", "list", "--text", "#🚀", "--json"], ["note", "list", "--text", "🚀", "--json"],
                          ["search", "#🚀", "--json"], ["search", "🚀", "--json"]] {
            let result = try run(arguments)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            let found = try #require(result.json() as? [[String: Any]], "\(arguments)")
            #expect(found.compactMap { $0["id"] as? String } == [added], "\(arguments)")
        }
        for arguments in [["search", "\""], ["search", "#"], ["note", "list", "--text", "— #"]] {
            #expect(try run(arguments).status == 64, "\(arguments)")
        }
    }

    @Test("an argument that is not UTF-8 (a Latin-1 variable) is refused, naming it, as standard input is: nothing saved with U+FFFD in place of its accents")
    func nonUTF8Arguments() throws {
        let store = try StoreProcessTests.temporaryStore()
        let command = "\(CLIProcess.binary) note add ppwt --record \(CLIProcess.fixtureRecord) --store \(store)"
        for (script, shown) in [("\(command) \"$(printf 'caf\\351')\"", "argument 8 ('caf\u{FFFD}') is not UTF-8 text (byte 4)"),
                                ("\(command) ok --session \"$(printf 'S\\351minaire')\"", "argument 10 ('S\u{FFFD}minaire') is not UTF-8 text (byte 2)")] {
            let result = try CLIProcess.run(["-c", script], executable: "/bin/sh")
            #expect(result.status == 64, "\(script): \(result.stderr)")
            #expect(result.stderr == "travaux: \(shown); convert it, for example with 'iconv -f latin1 -t utf-8' (a file or folder so named: rename it), and try again; nothing was done\n",
                    "\(result.stderr)")
        }
        let files = (try? FileManager.default.contentsOfDirectory(atPath: store)) ?? []
        #expect(files.allSatisfy { !$0.hasSuffix(".json") || $0 == "store.json" }, "\(files)")
    }

    @Test("bad input gets one clear line and changes nothing")
    func errors() throws {
        let unknown = try run(["note", "add", "ppvt", "x"])
        #expect(unknown.status != 0)
        #expect(unknown.stderr == "travaux: no item 'ppvt'; did you mean 'ppwt'?\n")
        let wordless = try run(["note", "list", "--text", "#"])
        #expect(wordless.status == 64 && wordless.stderr.hasPrefix("travaux: --text '#' holds no word"), "\(wordless.stderr)")
        let empty = try run(["note", "add", "ppwt", "   "])
        #expect(empty.status == 64 && empty.stderr.hasPrefix("travaux: the note is empty"))
        // `-` given, nothing piped: said so, not told to give `-`.
        let unpiped = try run(["note", "add", "ppwt", "-"])
        #expect(unpiped.status == 64)
        #expect(unpiped.stderr == "travaux: the note is empty: standard input gave no text; pipe the note's text in, or give it in place of '-'\n")
        let missing = try run(["note", "edit", "01ZZZ", "--text", "x"])
        #expect(missing.stderr.hasPrefix("travaux: no note '01ZZZ'"))
        let nothing = try run(["note", "edit", "01ZZZ"])
        #expect(nothing.status == 64 && nothing.stderr.hasPrefix("travaux: nothing to change"))
        let unnamed = try run(["tag", "rename", "nope", " "])
        #expect(unnamed.status == 64 && unnamed.stderr.hasPrefix("travaux: the new tag name is empty; give the name"))
        let noTag = try run(["tag", "rename", "nope", "x"])
        #expect(noTag.stderr.hasPrefix("travaux: no note has the tag 'nope'"))
        #expect(!FileManager.default.fileExists(atPath: store), "no failed command may create the store")
        // Once there are notes, a tag none carries is said, as list and export say it.
        #expect(try run(["note", "add", "ppwt", "kept", "--tag", "cbms"]).status == 0)
        let unknownTag = try run(["note", "list", "--tag", "nope"])
        #expect(unknownTag.status == 1 && unknownTag.stderr == "travaux: no note has the tag 'nope'; 'travaux tags' lists them\n")
        #expect(try run(["note", "list", "--tag", "CBMS"]).stdout.contains("kept"))
    }

    @Test("a damaged note is reported on stderr and quarantined; the others still list")
    func damaged() throws {
        #expect(try run(["note", "add", "ppwt", "good"]).status == 0)
        try "{ not json".write(toFile: store + "/01M00000000000000000000000.json", atomically: false, encoding: .utf8)
        let listed = try run(["note", "list", "--json"])
        #expect(listed.status == 0)
        #expect(listed.stderr.contains("travaux: warning: " + store + "/01M00000000000000000000000.json: not valid JSON"))
        #expect(listed.stderr.contains("moved to " + store + "/quarantine/"))
        #expect((try listed.json() as? [[String: Any]])?.count == 1)
        // Saved by an editor as Latin-1: the byte is named, where it is, and what to do.
        let saved = try run(["note", "add", "ppwt", "café"])
        let id = saved.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let file = store + "/" + id + ".json"
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: file)))
        let accent = try #require(bytes.firstIndex(of: 0xC3))
        bytes.replaceSubrange(accent...(accent + 1), with: [0xE9])
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        let latin = try run(["note", "list", "--json"])
        #expect(latin.stderr.contains(file + ": not valid JSON: line "), "\(latin.stderr)")
        #expect(latin.stderr.contains("byte 0xE9 is not UTF-8; save the file as UTF-8 (it looks like Latin-1 or Windows-1252); moved to"),
                "\(latin.stderr)")
    }

    @Test("a note moved to quarantine is said to be there when asked for by its id, later as at once")
    func quarantinedByID() throws {
        #expect(try run(["note", "add", "ppwt", "good"]).status == 0)
        let id = "01M00000000000000000000000", file = store + "/" + id + ".json"
        try "{ not json".write(toFile: file, atomically: false, encoding: .utf8)
        let moved = store + "/quarantine/" + id + ".json"
        let expected = "travaux: note \(id) is in quarantine: its file could not be read as a note — not valid JSON: line 1, column 3: expected a quoted key but found 'n' — "
            + "and was moved to \(moved); mend it and move it back to \(file) to read it again\n"
        // The read that moves it warns, and then says where the note asked for went.
        let first = try run(["note", "show", "01m0000"])
        #expect(first.status == 1)
        #expect(first.stderr.hasSuffix(expected))
        for command in [["note", "show", id], ["note", "edit", "01M0000", "--text", "x"], ["note", "rm", id]] {
            let later = try run(command)
            #expect(later.status == 1 && later.stderr == expected, "\(command)")
        }
        #expect(FileManager.default.fileExists(atPath: moved), "nothing is done to it")
        // A second damaged copy of the same note: both files are named.
        try "{ again".write(toFile: file, atomically: false, encoding: .utf8)
        _ = try run(["note", "list"])
        let two = try run(["note", "show", id])
        #expect(two.stderr == "travaux: '\(id)' names 2 files in quarantine (\(moved), \(moved).2), which could not be read as notes; "
                + "mend one and move it back to \(file) to read it again\n")
        // A note never written is still "no note".
        #expect(try run(["note", "show", "01ZZZZ"]).stderr.hasPrefix("travaux: no note '01ZZZZ'"))
    }

    /// `note add ppwt -` with `input` on standard input: its status and what it said on stderr.
    func addFromStandardInput(_ input: Data) throws -> (status: Int32, errors: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CLIProcess.binary)
        process.arguments = ["note", "add", "ppwt", "-", "--record", CLIProcess.fixtureRecord, "--store", store]
        let pipe = Pipe(), errors = Pipe()
        process.standardInput = pipe
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        try process.run()
        pipe.fileHandleForWriting.write(input)
        try pipe.fileHandleForWriting.close()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, message)
    }

    @Test("note text can come from standard input")
    func standardInput() throws {
        #expect(try addFromStandardInput(Data("line one\nline two\n".utf8)).status == 0)
        let listed = try #require(try run(["note", "list", "--json"]).json() as? [[String: Any]])
        #expect(listed.first?["body"] as? String == "line one\nline two")
    }

    @Test("a text given by a pipe or as an argument is taken by one rule: Windows line ends as \\n, no byte-order mark, no line breaks at the end; a body round-trips")
    func oneRuleForText() throws {
        #expect(try addFromStandardInput(Data("first\r\nsecond\r\n\r\n".utf8)).status == 0)
        #expect(try run(["note", "add", "ppwt", "  lead\n\ntrail  \n\n"]).status == 0)
        #expect(try run(["note", "add", "ppwt", "windows\r\nline"]).status == 0)
        // A file Notepad saved: its byte-order mark would open the note's title, unseen.
        #expect(try addFromStandardInput(Data([0xEF, 0xBB, 0xBF] + Array("# Heading\r\nline\r\n".utf8))).status == 0)
        let listed = try #require(try run(["note", "list", "--json"]).json() as? [[String: Any]])
        #expect(listed.last?["title"] as? String == "Heading")
        let bodies = listed.compactMap { $0["body"] as? String }
        #expect(bodies == ["first\nsecond", "  lead\n\ntrail  ", "windows\nline", "# Heading\nline"])
        // note list --json | jq -r .body | note add ITEM - gives the body back.
        #expect(try addFromStandardInput(Data((bodies[1] + "\n").utf8)).status == 0)
        let again = try #require(try run(["note", "list", "--json"]).json() as? [[String: Any]]).compactMap { $0["body"] as? String }
        #expect(again.last == bodies[1])
    }

    @Test("standard input that is not UTF-8 is refused as a usage error (64, as an argument is), with where and what to do, and nothing is saved")
    func standardInputNotUTF8() throws {
        let added = try addFromStandardInput(Data([0x56, 0xE9, 0x72, 0x69, 0x66]))   // "Vérif" in Latin-1
        #expect(added.status == 64)
        #expect(added.errors == "travaux: standard input is not UTF-8 text (byte 2); convert it, for example with 'iconv -f latin1 -t utf-8', and try again; nothing was saved\n")
        #expect(try run(["note", "list", "--json"]).stdout == "[]\n")
    }
}
