import Foundation
import Testing
import TravauxCore
import TravauxTestSupport
@testable import travaux

@Suite("The new text of note edit, read from standard input, kept when the edit fails")
struct EditTextRescueTests {
    @Test("kept in a file with the command that gives it again; on standard error when no file can be written")
    func kept() throws {
        let folder = try TestFiles.directory("edit-rescue")
        let message = UnsavedNoteRescue.keepStandardInput(editing: "01M8TEST", body: "new text\n- line two", store: nil, folder: folder)
        let path = try #require(message.range(of: "kept in ").flatMap { start in
            message[start.upperBound...].range(of: ": give it").map { String(message[start.upperBound..<$0.lowerBound]) }
        })
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "new text\n- line two\n")
        #expect(message.hasSuffix("'travaux note edit 01M8TEST --text - < \(path)', then remove the file"))
        #expect(UnsavedNoteRescue.keepStandardInput(editing: "01M8TEST", body: "x", store: nil, folder: folder + "/missing")
                == "the text read from standard input is above")
    }

    @Test("the command given again carries the edit's other options and its store, and does the whole edit")
    func commandRepeatsTheEdit() throws {
        let store = try StoreProcessTests.temporaryStore()
        let record = CLIProcess.fixtureRecord
        let id = try CLIProcess.run(["note", "add", "ppwt", "old", "--tag", "t1", "--session", "s", "--record", record, "--store", store])
            .stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let edit = try NoteCommand.Edit.parse([id, "--text", "-", "--add-tag", "t2", "--remove-tag", "t1", "--session", "", "--version", "2008"])
        #expect(edit.otherOptions == ["--add-tag=t2", "--remove-tag=t1", "--session=''", "--version=2008"])
        let folder = try TestFiles.directory("edit-rescue-again")
        let message = UnsavedNoteRescue.keepStandardInput(editing: id, body: "new text", options: edit.otherOptions, store: store, folder: folder)
        let command = try #require(message.range(of: "give it again with '").flatMap { start in
            message[start.upperBound...].range(of: "', then remove the file").map { String(message[start.upperBound..<$0.lowerBound]) }
        })
        #expect(command.contains(" --store \(ShellWord.quoted(store)) < "), "\(command)")
        let again = try CLIProcess.run(["-c", command.replacingOccurrences(of: "travaux note edit", with: "\(ShellWord.quoted(CLIProcess.binary)) note edit")
                                            .replacingOccurrences(of: " < ", with: " --record \(ShellWord.quoted(record)) < ")], executable: "/bin/sh")
        #expect(again.status == 0, "\(again.stderr)")
        let note = try #require(try CLIProcess.run(["note", "show", id, "--json", "--record", record, "--store", store]).json() as? [String: Any])
        #expect(note["body"] as? String == "new text" && note["tags"] as? [String] == ["t2"] && note["session"] is NSNull, "\(note)")
        #expect((note["target"] as? [String: Any])?["version"] as? String == "2008")
    }
}

@Suite("Text read from standard input outlives a failed command")
struct StandardInputRescueTests {
    @Test("note add ITEM - on a store that cannot be used keeps the text in a file, and the command given adds it back")
    func addKeepsText() throws {
        let folder = try TestFiles.directory("rescue")
        let file = folder + "/not-a-store"
        try "x".write(toFile: file, atomically: false, encoding: .utf8)
        let binary = ShellWord.quoted(CLIProcess.binary), record = ShellWord.quoted(CLIProcess.fixtureRecord)
        let failed = try CLIProcess.run(["-c", "printf 'first line\\n- second, with a dash\\n' | \(binary) note add ppwt - --tag seminar --record \(record) --store \(ShellWord.quoted(file))"],
                                        environment: ["TMPDIR": folder], executable: "/bin/sh")
        #expect(failed.status == 1)
        #expect(failed.stderr.contains("is a file, not a directory"))
        let command = try #require(failed.stderr.range(of: "add it with '").flatMap { start in
            failed.stderr[start.upperBound...].range(of: "', then remove the file").map { String(failed.stderr[start.upperBound..<$0.lowerBound]) }
        })
        #expect(command.contains("| travaux note add ppwt - --tag seminar"))
        let store = folder + "/notes"
        let readded = try CLIProcess.run(["-c", command.replacingOccurrences(of: "| travaux ", with: "| \(binary) ")
                                            + " --record \(record) --store \(ShellWord.quoted(store))"], executable: "/bin/sh")
        #expect(readded.status == 0, "\(readded.stderr)")
        let notes = try #require(try CLIProcess.run(["note", "list", "--json", "--record", CLIProcess.fixtureRecord, "--store", store]).json() as? [[String: Any]])
        #expect(notes.map { $0["body"] as? String } == ["first line\n- second, with a dash"])
        #expect(notes.map { $0["tags"] as? [String] } == [["seminar"]])
    }
}

@Suite("The lines above a rescued note's text")
struct RescueHeaderTests {
    @Test("they carry the part, the session and, for an edit, the note's id, and read back the same")
    func roundTrip() throws {
        let headers = [
            UnsavedNoteRescue.Header(target: NoteTarget(item: "ppwt"), tags: []),
            UnsavedNoteRescue.Header(target: NoteTarget(item: "ppwt", version: "2008-draft", quote: "title-2008"), tags: ["verification", "R-D"],
                                     session: "Seminar 3: space"),
            UnsavedNoteRescue.Header(target: NoteTarget(item: "eu-space-code", element: "consultations"), tags: ["cbms"], noteID: "01M869E6PKF2NR2JE0Z1AFKFVT"),
        ]
        for header in headers {
            let lines = header.text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
            #expect(UnsavedNoteRescue.Header(lines) == header)
        }
        #expect(headers[1].command(file: "/tmp/f.txt", bodyLine: 6)
                == "'tail -n +6 /tmp/f.txt | travaux note add ppwt - --tag verification --tag R-D --version 2008-draft --quote title-2008 --session 'Seminar 3: space''")
        #expect(headers[2].command(file: "/tmp/f.txt", bodyLine: 5)
                == "'tail -n +5 /tmp/f.txt | travaux note edit 01M869E6PKF2NR2JE0Z1AFKFVT --text - --add-tag cbms'")
        #expect(UnsavedNoteRescue.Header(["Tags: x"]) == nil, "no item, no command")
        // The store it was meant for goes in its command; a window on another store says nothing of it.
        let stored = UnsavedNoteRescue.Header(target: NoteTarget(item: "ppwt"), tags: [], store: "/home/ana/notes of 2026")
        let lines = stored.text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(UnsavedNoteRescue.Header(lines) == stored)
        #expect(stored.command(file: "/tmp/f.txt", bodyLine: 4) == "'tail -n +4 /tmp/f.txt | travaux note add ppwt - --store '/home/ana/notes of 2026''")
        let folder = try TestFiles.directory("rescue-store")
        let file = folder + "/travaux-unsaved-note-1-edit-1.txt"
        try (stored.text + "\nthe text\n").write(toFile: file, atomically: true, encoding: .utf8)
        #expect(UnsavedNoteRescue.reminder([file], store: folder + "/other") == nil)
        // Nor counts it among its own.
        let unnamed = folder + "/travaux-unsaved-note-2-edit-1.txt"
        try (UnsavedNoteRescue.Header(target: NoteTarget(item: "ppwt"), tags: []).text + "\nmine\n").write(toFile: unnamed, atomically: true, encoding: .utf8)
        let mine = try #require(UnsavedNoteRescue.reminder([file, unnamed], store: folder + "/other"))
        #expect(mine.hasPrefix("a note left unsaved earlier (by a window or a command) is in \(unnamed): add it with"), "\(mine)")
        #expect(UnsavedNoteRescue.reminder([file, unnamed])?.contains("(and 1 more beside it)") == true)
        let here = try #require(UnsavedNoteRescue.reminder([file], store: "/home/ana/notes of 2026"))
        #expect(here.hasPrefix("a note left unsaved earlier (by a window or a command) is in \(file): add it with"))
    }

    @Test("an edit rescued by the interface is saved back onto its note by the command the next start gives, not added as a second note")
    func editSavedBack() throws {
        let folder = try TestFiles.directory("rescued-edit")
        let store = folder + "/notes"
        let record = CLIProcess.fixtureRecord
        let added = try CLIProcess.run(["note", "add", "ppwt", "as first written", "--tag", "verification", "--store", store, "--record", record])
        let id = added.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let header = UnsavedNoteRescue.Header(target: NoteTarget(item: "ppwt"), tags: ["verification", "seminar"], noteID: id)
        let file = folder + "/travaux-unsaved-note-1-edit-1.txt"
        try (header.text + "\nas edited when the window closed\n").write(toFile: file, atomically: true, encoding: .utf8)
        let reminder = try #require(UnsavedNoteRescue.reminder([file]))
        let command = try #require(reminder.range(of: "save it with '").flatMap { start in
            reminder[start.upperBound...].range(of: "', then remove the file").map { String(reminder[start.upperBound..<$0.lowerBound]) }
        })
        let binary = ShellWord.quoted(CLIProcess.binary)
        let saved = try CLIProcess.run(["-c", command.replacingOccurrences(of: "| travaux ", with: "| \(binary) ")
                                          + " --record \(ShellWord.quoted(record)) --store \(ShellWord.quoted(store))"], executable: "/bin/sh")
        #expect(saved.status == 0, "\(saved.stderr)")
        let notes = try #require(try CLIProcess.run(["note", "list", "--json", "--record", record, "--store", store]).json() as? [[String: Any]])
        #expect(notes.map { $0["body"] as? String } == ["as edited when the window closed"])
        #expect(notes.map { $0["tags"] as? [String] } == [["verification", "seminar"]])
    }
}
