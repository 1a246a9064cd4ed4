import Foundation
import Testing
import TravauxTestSupport

private let gitPath: String? = ["/usr/bin/git", "/usr/local/bin/git", "/bin/git"].first { FileManager.default.isExecutableFile(atPath: $0) }

/// Two people sharing a store through git, as notes.md tells them to: edits that cross become
/// merge conflicts, which travaux settles or resolves without losing either side's edits.
@Suite("A store shared through git", .enabled(if: gitPath != nil))
struct GitSharingTests {
    static let git: String? = gitPath

    let root: String
    var ana: String { root + "/ana" }
    var ben: String { root + "/ben" }

    init() throws {
        root = try TestFiles.directory("git-sharing")
    }

    @discardableResult
    func git(_ arguments: [String], in directory: String) throws -> CLIProcess.Result {
        let environment = ["GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
                           "GIT_COMMITTER_EMAIL": "t@example.org", "GIT_CONFIG_NOSYSTEM": "1", "HOME": root]
        return try CLIProcess.run(["-C", directory] + arguments, environment: environment, executable: Self.git ?? "git")
    }

    func travaux(_ arguments: [String], store: String) throws -> CLIProcess.Result {
        try CLIProcess.run(arguments + ["--record", CLIProcess.fixtureRecord, "--store", store])
    }

    /// Ana's store, committed, and Ben's clone of it, holding one note.
    func shared() throws -> String {
        let id = try travaux(["note", "add", "ppwt", "first text", "--tag", "ASAT"], store: ana).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        try git(["init", "-q", "-b", "main"], in: ana)
        try git(["add", "-A"], in: ana)
        try git(["commit", "-qm", "seminar notes"], in: ana)
        try git(["clone", "-q", ana, ben], in: root)
        return id
    }

    @Test("a tag renamed on one side and the text edited on the other clash only over the time of the last change: settled with both edits, said, for git add")
    func conflictOverTimeSettled() throws {
        let id = try shared()
        #expect(try travaux(["tag", "rename", "ASAT", "asat-tests"], store: ana).status == 0)
        try git(["commit", "-qam", "rename"], in: ana)
        #expect(try travaux(["note", "edit", id, "--text", "Ben's text"], store: ben).status == 0)
        try git(["commit", "-qam", "edit"], in: ben)
        let pull = try git(["pull", "-q", "--no-rebase", "--no-edit"], in: ben)
        #expect(pull.status != 0 && (pull.stdout + pull.stderr).contains("CONFLICT"), "git merged it cleanly: \(pull.stdout)\(pull.stderr)")

        // A file of another clone is not resolved in this one.
        let elsewhere = try travaux(["note", "resolve", ana + "/" + id + ".json"], store: ben)
        #expect(elsewhere.status == 1 && elsewhere.stderr.contains("is not in the notes store"), "\(elsewhere.stderr)")
        // note resolve on it, as the doc says, answers with the note and no copy (the read settled it).
        let resolved = try travaux(["note", "resolve", ben + "/" + id + ".json", "--json"], store: ben)
        // Its answer says what the read did: no warning before it says the same.
        #expect(resolved.status == 0 && resolved.stderr.isEmpty, "\(resolved.stderr)")
        let answer = try #require(try resolved.json() as? [String: Any])
        #expect(answer["copy"] is NSNull && (answer["note"] as? [String: Any])?["body"] as? String == "Ben's text")

        let listed = try travaux(["note", "list", "--json"], store: ben)
        let notes = try #require(try listed.json() as? [[String: Any]])
        #expect(notes.map { $0["body"] as? String } == ["Ben's text"])
        #expect(notes.first?["tags"] as? [String] == ["asat-tests"])
        #expect(try git(["add", "-A"], in: ben).status == 0)
        #expect(try git(["commit", "-qm", "merged"], in: ben).status == 0)
        #expect(try git(["status", "--porcelain"], in: ben).stdout.isEmpty)
    }

    @Test("a conflict over the time alone settled by note show is said there, for git add")
    func conflictOverTimeSettledByShow() throws {
        let id = try shared()
        #expect(try travaux(["tag", "rename", "ASAT", "asat-tests"], store: ana).status == 0)
        try git(["commit", "-qam", "rename"], in: ana)
        #expect(try travaux(["note", "edit", id, "--text", "Ben's text"], store: ben).status == 0)
        try git(["commit", "-qam", "edit"], in: ben)
        #expect(try git(["pull", "-q", "--no-rebase", "--no-edit"], in: ben).status != 0)
        let shown = try travaux(["note", "show", id], store: ben)
        #expect(shown.status == 0 && shown.stdout.contains("Ben's text"), "\(shown.stderr)")
        #expect(shown.stderr.contains("held a git merge conflict over the time of its last change alone"), "\(shown.stderr)")
    }

    @Test("two texts of one note: held out and said, show names the conflict, and note resolve keeps both versions")
    func twoVersionsResolved() throws {
        let id = try shared()
        #expect(try travaux(["note", "edit", id, "--text", "Ana's text"], store: ana).status == 0)
        try git(["commit", "-qam", "ana"], in: ana)
        #expect(try travaux(["note", "edit", id, "--text", "Ben's text"], store: ben).status == 0)
        try git(["commit", "-qam", "ben"], in: ben)
        #expect(try git(["pull", "-q", "--no-rebase", "--no-edit"], in: ben).status != 0)

        let listed = try travaux(["note", "list"], store: ben)
        #expect(listed.stderr.contains("it holds a git merge conflict; resolve it ('travaux note resolve \(id)' keeps both versions"), "\(listed.stderr)")
        #expect(listed.stderr.contains("no note could be read in"))
        let shown = try travaux(["note", "show", String(id.prefix(8))], store: ben)
        #expect(shown.status == 1 && shown.stderr.contains("travaux: note \(id) is in a git merge conflict"), "\(shown.stderr)")
        // Said once, by the error, not again by the warning of the note it names.
        #expect(!shown.stderr.contains("resolve it ('travaux note resolve"), "\(shown.stderr)")

        // A note sharing the beginning with the one in conflict is not taken for it: rm of that
        // beginning names both and deletes nothing.
        let twinID = String(id.dropLast()) + (id.hasSuffix("Z") ? "Y" : "Z")
        let twin = #"{"author": "ben", "body": "bystander", "created": "2026-11-21T19:23:16.022Z", "id": ""# + twinID
            + #"", "schema": 1, "tags": [], "target": {"item": "ppwt"}, "updated": "2026-11-21T19:23:16.022Z"}"#
        try twin.write(toFile: ben + "/" + twinID + ".json", atomically: true, encoding: .utf8)
        let removed = try travaux(["note", "rm", String(id.prefix(20))], store: ben)
        #expect(removed.status == 1 && removed.stderr.contains("matches 2 notes ("), "\(removed.stderr)")
        #expect(FileManager.default.fileExists(atPath: ben + "/" + twinID + ".json"))
        try FileManager.default.removeItem(atPath: ben + "/" + twinID + ".json")

        let resolved = try travaux(["note", "resolve", String(id.prefix(8)), "--json"], store: ben)
        #expect(resolved.status == 0 && resolved.stderr.isEmpty, "\(resolved.stderr)")
        let result = try #require(try resolved.json() as? [String: Any])
        let note = try #require(result["note"] as? [String: Any])
        let copy = try #require(result["copy"] as? [String: Any])
        // Ben edited last: his text keeps the id; Ana's is the copy.
        #expect(note["id"] as? String == id && note["body"] as? String == "Ben's text")
        #expect(copy["body"] as? String == "Ana's text" && copy["conflictOf"] as? String == id)
        let after = try travaux(["note", "list", "--json"], store: ben)
        #expect(after.stderr.isEmpty)
        #expect((try after.json() as? [[String: Any]])?.count == 2)
        #expect(try git(["add", "-A"], in: ben).status == 0)
        #expect(try git(["commit", "-qm", "merged"], in: ben).status == 0)
        let again = try travaux(["note", "resolve", id], store: ben)
        #expect(again.status == 1 && again.stderr == "travaux: note '\(id)' holds no git merge conflict; nothing to resolve\n")
    }

    @Test("a note in conflict is left out of a tag rename, and the rename says so")
    func renameSaysWhatItLeftOut() throws {
        let id = try shared()
        _ = try travaux(["note", "add", "osce", "second", "--tag", "ASAT"], store: ben)
        try git(["add", "-A"], in: ben)
        #expect(try travaux(["note", "edit", id, "--text", "Ana's text"], store: ana).status == 0)
        try git(["commit", "-qam", "ana"], in: ana)
        #expect(try travaux(["note", "edit", id, "--text", "Ben's text"], store: ben).status == 0)
        try git(["commit", "-qam", "ben"], in: ben)
        #expect(try git(["pull", "-q", "--no-rebase", "--no-edit"], in: ben).status != 0)
        let renamed = try travaux(["tag", "rename", "ASAT", "asat"], store: ben)
        #expect(renamed.stdout == "renamed 'ASAT' to 'asat' on 1 note\n")
        #expect(renamed.stderr.hasSuffix("1 note is in a git merge conflict and was left out of the rename (\(id)); resolve it ('travaux note resolve \(id)'), then run it again\n"),
                "\(renamed.stderr)")
    }
}
