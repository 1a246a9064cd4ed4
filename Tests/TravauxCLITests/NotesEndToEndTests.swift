import Foundation
import Testing
import TravauxTestSupport

@Suite("Notes end to end, in a pseudo-terminal", .enabled(if: TerminalDriver.isAvailable, "needs tmux"))
struct NotesEndToEndTests {
    let store: String

    init() throws { store = try StoreProcessTests.temporaryStore() }

    func start(_ extra: String = "", home: String? = nil, directory: String? = nil, environment: [String: String] = [:]) throws -> TerminalDriver {
        var variables = environment
        if let home { variables["HOME"] = home }
        let assignments = variables.sorted { $0.key < $1.key }.map { "\($0.key)=\(TerminalDriver.shellQuoted($0.value)) " }.joined()
        let cd = directory.map { "cd \(TerminalDriver.shellQuoted($0)) && " } ?? ""
        return try TerminalDriver(command: "\(cd)echo PID=$$; \(assignments)exec \(CLIProcess.binary) --record \(CLIProcess.fixtureRecord) --store \(store) \(extra)")
    }

    func waitForExit(_ terminal: TerminalDriver) throws {
        try terminal.waitFor("the program to exit") { _ in (try? terminal.value("#{pane_dead}")) == "1" }
    }

    /// Types `text` in the open editor and quits as a person does mid-note: Ctrl-C, which
    /// asks first, then Ctrl-C again.
    func typeAndInterrupt(_ terminal: TerminalDriver, _ text: String) throws {
        try terminal.type(text)
        try terminal.waitFor(text: text)
        try terminal.send("C-c")
        try terminal.waitFor(text: "Ctrl-C again quits")
        try terminal.send("C-c")
    }

    /// Starts travaux again, which offers the draft a window left; `R` resumes it (its text
    /// shown), Ctrl-S saves it, and `q` quits.
    func resumeDraftAndSave(_ text: String) throws {
        let terminal = try start()
        try terminal.waitFor(text: "R resumes")
        try terminal.send("R")
        try terminal.waitFor(text: text)
        try terminal.send("C-s")
        try terminal.waitFor(text: "note saved")
        try terminal.send("q")
        try waitForExit(terminal)
    }

    /// Starts travaux, opens the note editor on the first event, and gives the process's id,
    /// for tests that end it with a signal mid-note.
    func startEditing(environment: [String: String] = [:]) throws -> (terminal: TerminalDriver, pid: Int32) {
        let terminal = try start(environment: environment)
        try terminal.waitFor(text: "1 Timeline")
        // The line the shell printed before exec is on the normal screen, behind the interface.
        let pidLine = try terminal.tmux(["capture-pane", "-p", "-a", "-t", terminal.session]).split(separator: "\n").first { $0.hasPrefix("PID=") }
        let pid = try #require(pidLine.flatMap { Int32($0.dropFirst(4)) })
        try terminal.send("a")
        try terminal.waitFor(text: "New note")
        return (terminal, pid)
    }

    @Test("Ctrl-C is a key to travaux, not a signal to its process group: a script that ran it goes on, after a Ctrl-C that only asked too")
    func interruptStaysWithTravaux() throws {
        // The wrapper a person writes to commit a shared store after a seminar. Ctrl-C as the
        // terminal's signal reached the shell too, which died before its next line.
        let run = "\(CLIProcess.binary) --record \(CLIProcess.fixtureRecord) --store \(store)"
        // (The script waits for Enter between its runs: the second's screen would hide the line.)
        // A script of its own, run by sh as `#!/bin/sh` runs it: an interactive shell ignores the
        // interrupt, and bash's goes on when the program it waited for exited by itself.
        let script = TestFiles.path("wrapper.sh")
        try "\(run); echo wrapper-went-on-$?; read line; \(run); echo wrapper-went-on-again-$?\n".write(toFile: script, atomically: true, encoding: .utf8)
        let terminal = try TerminalDriver(command: "exec /bin/sh \(script)")
        try terminal.waitFor(text: "1 Timeline")
        try terminal.send("C-c")
        try terminal.waitFor(text: "wrapper-went-on-0")
        // The second run: Ctrl-C on unsaved text asks, Esc goes back to it, and q quits.
        try terminal.send("Enter")
        try terminal.waitFor(text: "1 Timeline")
        try terminal.send("a")
        try terminal.waitFor(text: "New note")
        try terminal.type("a thought")
        try terminal.waitFor(text: "a thought")
        try terminal.send("C-c")
        try terminal.waitFor(text: "Ctrl-C again quits")
        try terminal.send("Escape")
        try terminal.waitFor(text: "a thought")
        try terminal.send("C-s")
        try terminal.waitFor(text: "note saved")
        try terminal.send("q")
        try terminal.waitFor(text: "wrapper-went-on-again-0")
    }

    @Test("a note's text rescued to the temporary folder by an earlier window is named at the next start")
    func rescuedTextNamed() throws {
        let folder = try TestFiles.directory("rescued")
        let file = folder + "/travaux-unsaved-note-4242-edit-1.txt"
        try "Item: ppwt\nTags: verification, seminar-3\n\nsaid as the terminal closed\nsecond line\n".write(toFile: file, atomically: true, encoding: .utf8)
        let terminal = try start(environment: ["TMPDIR": folder])
        let command = "tail -n +4 \(file) | travaux note add ppwt - --tag verification --tag seminar-3"
        let expected = "a note left unsaved earlier (by a window or a command) is in \(file): add it with '\(command)', then remove the file"
        try terminal.waitFor("the reminder") { $0.split(whereSeparator: \.isWhitespace).joined(separator: " ").contains(expected) }
        try terminal.send("q")
        try waitForExit(terminal)
        // The command it gives adds the text alone, with its tags, to its item.
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/bin/sh")
        shell.arguments = ["-c", command.replacingOccurrences(of: "travaux note add", with: "\(CLIProcess.binary) note add")
                           + " --store \(store) --record \(CLIProcess.fixtureRecord)"]
        try shell.run()
        shell.waitUntilExit()
        let listed = try CLIProcess.run(["note", "list", "--json", "--store", store, "--record", CLIProcess.fixtureRecord])
        let note = try #require((try listed.json() as? [[String: Any]])?.first)
        #expect(note["body"] as? String == "said as the terminal closed\nsecond line")
        #expect(note["tags"] as? [String] == ["verification", "seminar-3"])
    }

    @Test("a text rescued to the temporary folder for this store becomes a draft R resumes, and its file goes; one the store cannot take yet stays, named")
    func rescuedTextResumed() throws {
        _ = try CLIProcess.run(["note", "add", "osce-cbms", "first", "--store", store, "--record", CLIProcess.fixtureRecord])
        let folder = try TestFiles.directory("rescued")
        let file = folder + "/travaux-unsaved-note-4242-edit-1.txt"
        let other = folder + "/travaux-unsaved-note-4243-edit-1.txt"
        try "Item: ppwt\nSession: seminar-3\nTags: verification\nStore: \(store)\n\nsaid as the terminal closed\nsecond line\n"
            .write(toFile: file, atomically: true, encoding: .utf8)
        try "Item: ppwt\nStore: /elsewhere/notes\n\nanother store's\n".write(toFile: other, atomically: true, encoding: .utf8)
        let terminal = try start(environment: ["TMPDIR": folder])
        try terminal.waitFor(text: "R resumes it")
        #expect(!FileManager.default.fileExists(atPath: file))
        #expect(FileManager.default.fileExists(atPath: other))
        try terminal.send("R")
        try terminal.waitFor(text: "said as the terminal closed")
        try terminal.send("C-s")
        try terminal.waitFor(text: "note saved")
        try terminal.send("q")
        try waitForExit(terminal)
        let listed = try CLIProcess.run(["note", "list", "--json", "--store", store, "--record", CLIProcess.fixtureRecord])
        let note = try #require((try listed.json() as? [[String: Any]])?.first { ($0["body"] as? String)?.hasPrefix("said") == true })
        #expect(note["body"] as? String == "said as the terminal closed\nsecond line")
        #expect(note["tags"] as? [String] == ["verification"])
        #expect(note["session"] as? String == "seminar-3")
        #expect((try FileManager.default.contentsOfDirectory(atPath: store + "/drafts")).isEmpty)

        // A store that cannot take a draft (a file where its drafts folder goes) leaves the text where it is, named.
        try "Item: ppwt\nStore: \(store)\n\nkept for later\n".write(toFile: file, atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(atPath: store + "/drafts")
        try Data().write(to: URL(fileURLWithPath: store + "/drafts"))
        let again = try start(environment: ["TMPDIR": folder])
        try again.waitFor("the reminder") { $0.split(whereSeparator: \.isWhitespace).joined(separator: " ").contains("is in \(file): add it with") }
        try again.send("q")
        try waitForExit(again)
        #expect(try String(contentsOfFile: file, encoding: .utf8).hasSuffix("\nkept for later\n"))
    }

    @Test("keys whose sequences the terminal's description lacks (TERM=vt100) are keys, never letters typed or commands")
    func keysBeyondTheDescription() throws {
        let terminal = try start(environment: ["TERM": "vt100"])
        try terminal.waitFor(text: "1 Timeline")
        // End and F5 came through as `4`, `5` and `~`: pane 4, pane 5. Ctrl-F5 and Alt-F12 are in no table: dropped whole.
        try terminal.send("End")
        try terminal.waitFor(text: "Timeline  4/4")
        for key in ["F5", "IC", "C-Left", "C-F5", "M-F12", "Home", "j"] { try terminal.send(key) }
        let screen = try terminal.waitFor(text: "Timeline  2/4")
        #expect(!screen.contains("does nothing here"), "\(screen)")
        try terminal.send("a")
        try terminal.waitFor(text: "New note")
        try terminal.type("abc def")
        try terminal.waitFor(text: "abc def")
        // Delete (`ESC [ 3 ~`) takes the `d` after the cursor Ctrl-← put before `def`.
        for key in ["Home", "X", "End", "Y", "C-Left", "Z", "F5", "DC", "PPage", "NPage", "F12"] { try terminal.send(key) }
        try terminal.waitFor(text: "Xabc ZefY")
        // Alt-← moves by word too (Option-← on a Mac), here with xterm's sequence for it.
        try terminal.send("M-Left")
        try terminal.type("W")
        try terminal.waitFor(text: "Xabc WZefY")
        try terminal.send("C-s")
        try terminal.waitFor(text: "note saved")
        let listed = try CLIProcess.run(["note", "list", "--json", "--store", store, "--record", CLIProcess.fixtureRecord])
        let notes = try #require(try listed.json() as? [[String: Any]])
        #expect(notes.first?["body"] as? String == "Xabc WZefY")
        try terminal.send("q")
        try waitForExit(terminal)
    }

    @Test("annotate with two tags, quit, start again: the note and its tags are there, and in note list --json")
    func annotateAndReload() throws {
        var terminal = try start("--session seminar-1")
        try terminal.waitFor(text: "1 Timeline")
        try terminal.send("2")
        try terminal.waitFor(text: "Proposals  1/2")
        try terminal.send("a")
        try terminal.waitFor(text: "New note")
        try terminal.type("No verification clause — 検証なし")
        try terminal.send("Enter")
        try terminal.type("Ask about the 2014 text.")
        // As a person does: a Tab right behind text already in flight would be read as pasted.
        try terminal.waitFor(text: "Ask about the 2014 text.")
        try terminal.send("Tab")
        try terminal.type("verification treaty")
        try terminal.send("C-s")
        try terminal.waitFor(text: "note saved with #verification #treaty")
        try terminal.send("q")
        try waitForExit(terminal)

        terminal = try start()
        try terminal.waitFor(text: "1 Timeline")
        try terminal.send("5")
        var screen = try terminal.waitFor(text: "#verification #treaty")
        #expect(screen.contains("PPWT"))
        #expect(screen.contains("Your note"))
        try terminal.send("2")
        screen = try terminal.waitFor(text: "Proposals  1/2")
        #expect(screen.contains("✎S PPWT"))
        try terminal.send("q")
        try waitForExit(terminal)

        let listed = try CLIProcess.run(["note", "list", "--json", "--store", store, "--record", CLIProcess.fixtureRecord])
        let notes = try #require(try listed.json() as? [[String: Any]])
        #expect(notes.count == 1)
        #expect(notes.first?["tags"] as? [String] == ["verification", "treaty"])
        #expect(notes.first?["session"] as? String == "seminar-1")
        #expect(notes.first?["body"] as? String == "No verification clause — 検証なし\nAsk about the 2014 text.")
        #expect((notes.first?["target"] as? [String: String])?["item"] == "ppwt")
    }

    @Test("x writes the handout on another thread: its message comes back, and q right after Enter waits for the file")
    func exportThenQuit() throws {
        for body in ["on ppwt", "second on ppwt"] {
            let added = try CLIProcess.run(["note", "add", "ppwt", body, "--store", store, "--record", CLIProcess.fixtureRecord])
            #expect(added.status == 0, "\(added.stderr)")
        }
        let first = store + "-first.md", second = store + "-second.md"
        // Short, so that the messages naming it fit the status line.
        let home = "/tmp/tvh-" + String(UUID().uuidString.prefix(6))
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: home) }
        let terminal = try start(home: home, directory: home)
        try terminal.waitFor(text: "1 Timeline")
        func export(to path: String) throws {
            try terminal.send("x")
            try terminal.waitFor(text: "Export 2 notes to:")
            for _ in 0..<20 { try terminal.send("BSpace") }
            try terminal.type(path)
            try terminal.send("Enter")
        }
        try export(to: first)
        try terminal.waitFor(text: "exported 2 notes to")
        // A file that exists is asked about, with nothing said to be under way; Esc keeps it.
        try export(to: first)
        let asked = try terminal.waitFor(text: "exists; y or Enter replaces it")
        #expect(!asked.contains("exporting"))
        try terminal.send("Escape")
        try terminal.waitFor(text: "nothing exported")
        // A folder is refused at once; ~ is the home folder.
        try export(to: home)
        try terminal.waitFor(text: "cannot write \(home): it is a folder")
        try export(to: "~/from-home.md")
        try terminal.waitFor(text: "exported 2 notes to \(home)/from-home.md")
        // A relative path is said in full: the interface may have been started anywhere.
        try export(to: "./here.md")
        try terminal.waitFor(text: "exported 2 notes to \(home)/here.md")
        #expect(FileManager.default.fileExists(atPath: home + "/here.md"))
        try export(to: "/no-such-folder-for-travaux/handout.md")
        try terminal.waitFor(text: "cannot write /no-such-folder-for-travaux/handout.md: its folder does not exist")
        try export(to: second)
        try terminal.send("q")
        try waitForExit(terminal)
        // The same handout but for its day, should the two straddle midnight.
        func dateless(_ text: String) -> [Substring] {
            text.split(separator: "\n").filter { !$0.hasPrefix("date:") && !$0.hasPrefix("Exported from travaux on") }
        }
        let written = try String(contentsOfFile: second, encoding: .utf8)
        #expect(dateless(written) == dateless(try String(contentsOfFile: first, encoding: .utf8)))
        #expect(written.contains("> second on ppwt"))
    }

    @Test("a note another process adds shows in the Notes pane, beside this window's own, which stays")
    func anotherProcessesNote() throws {
        let terminal = try start()
        try terminal.waitFor(text: "1 Timeline")
        try terminal.send("a")
        try terminal.waitFor(text: "New note")
        try terminal.type("written in this window")
        try terminal.send("C-s")
        try terminal.waitFor(text: "note saved")
        try terminal.send("5")
        try terminal.waitFor(text: "written in this window")
        let added = try CLIProcess.run(["note", "add", "ppwt", "written by another process", "--store", store, "--record", CLIProcess.fixtureRecord])
        #expect(added.status == 0, "\(added.stderr)")
        // Read at the first second without keys, on another thread.
        let screen = try terminal.waitFor(text: "written by another process")
        #expect(screen.contains("written in this window"))
        try terminal.send("q")
        try waitForExit(terminal)
    }

    @Test("d then u brings a note back with the fields another tool gave its file")
    func undoDeleteKeepsOtherFields() throws {
        let added = try CLIProcess.run(["note", "add", "ppwt", "with an attachment", "--store", store, "--record", CLIProcess.fixtureRecord])
        let id = added.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let path = store + "/" + id + ".json"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try TestFiles.replace(path, with: text.replacing("{\n", with: "{\n  \"attachments\": [\"scan-p3.pdf\"],\n", maxReplacements: 1))
        let terminal = try start()
        try terminal.waitFor(text: "1 Timeline")
        try terminal.send("5")
        try terminal.waitFor(text: "with an attachment")
        try terminal.send("d")
        try terminal.waitFor(text: "u brings it back")
        #expect(!FileManager.default.fileExists(atPath: path))
        try terminal.send("u")
        try terminal.waitFor(text: "note brought back")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == text.replacing("{\n", with: "{\n  \"attachments\": [\"scan-p3.pdf\"],\n", maxReplacements: 1))
        try terminal.send("q")
        try waitForExit(terminal)
    }

    @Test("a note written in place (an editor saving over its file, a conflict mended by hand) shows its new text within seconds")
    func noteWrittenInPlace() throws {
        let added = try CLIProcess.run(["note", "add", "ppwt", "first words", "--store", store, "--record", CLIProcess.fixtureRecord])
        let id = added.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let terminal = try start()
        try terminal.waitFor(text: "1 Timeline")
        try terminal.send("5")
        try terminal.waitFor(text: "first words")
        let path = store + "/" + id + ".json"
        let before = try FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? Int
        // Over the same file, as nano or a script's open(…, "w") write: the folder is left as it was.
        let text = try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(of: "first words", with: "words mended by hand")
        let handle = try #require(FileHandle(forWritingAtPath: path))
        handle.truncateFile(atOffset: 0)
        handle.write(Data(text.utf8))
        try handle.close()
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? Int == before)
        try terminal.waitFor(text: "words mended by hand")
        try terminal.send("q")
        try waitForExit(terminal)
    }

    @Test("typing without a pause still writes a draft every few seconds: kill -9 mid-note loses at most those")
    func draftWhileTypingWithoutPause() throws {
        let (terminal, pid) = try startEditing()
        // A key every 0.2 s for 4.4 s: never the second of quiet the idle tick waits for.
        let typed = "steady typing, no pause"
        for character in typed {
            try terminal.type(String(character))
            usleep(200_000)
        }
        kill(pid, SIGKILL)
        try waitForExit(terminal)
        let directory = store + "/drafts"
        let drafts = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).filter { $0.hasSuffix(".json") }
        #expect(drafts.count == 1, "no draft written while typing: \(drafts)")
        let text = try drafts.first.map { try String(contentsOfFile: directory + "/" + $0, encoding: .utf8) } ?? ""
        // Written within the last three seconds of typing, so at least the first part is there.
        #expect(text.contains(String(typed.prefix(6))), "\(text)")
    }

    @Test("quitting mid-note when no draft can be written puts the text in a file and says where")
    func unsavedNoteRescued() throws {
        _ = try CLIProcess.run(["note", "add", "osce-cbms", "first", "--store", store, "--record", CLIProcess.fixtureRecord])
        try Data().write(to: URL(fileURLWithPath: store + "/drafts"))   // a file where the drafts folder goes
        let folder = try StoreProcessTests.temporaryStore()
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let (terminal, _) = try startEditing(environment: ["TMPDIR": folder])
        try typeAndInterrupt(terminal, "a thought worth keeping")
        try waitForExit(terminal)
        let transcript = try terminal.transcript()
        #expect(transcript.contains("travaux: warning: the note being typed could not be saved (" + store + "/drafts: "))
        let rescued = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix("travaux-unsaved-note-") }
        #expect(rescued.count == 1)
        let text = try String(contentsOfFile: folder + "/" + (rescued.first ?? ""), encoding: .utf8)
        #expect(text.hasSuffix("\na thought worth keeping\n"))
        #expect(text.hasPrefix("Item: "))
    }

    @Test("a store that goes away while the window is open is said to be gone, its notes stay listed, and no new store is made there")
    func storeGone() throws {
        let folder = try StoreProcessTests.temporaryStore()
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        // The store is made by this window's first note, then taken away (a drive unmounted).
        let (terminal, _) = try startEditing(environment: ["TMPDIR": folder])
        try terminal.type("written before it went")
        try terminal.send("C-s")
        try terminal.waitFor(text: "note saved")
        try terminal.send("5")
        try terminal.waitFor(text: "written before it went")
        try FileManager.default.removeItem(atPath: store)
        // Read again at the first second without keys: gone, not empty.
        let screen = try terminal.waitFor(text: "the notes shown are those read before")
        #expect(screen.contains("written before it went") && !screen.contains("no notes yet"), "\(screen)")
        try terminal.send("a")
        try terminal.waitFor(text: "New note")
        try terminal.type("written after")
        try terminal.send("C-s")
        try terminal.waitFor(text: "note not saved: the notes store")
        #expect(!FileManager.default.fileExists(atPath: store))
        // The text is rescued on quitting, as from any store that cannot be written.
        try terminal.send("C-c")
        try terminal.waitFor(text: "Ctrl-C again quits")
        try terminal.send("C-c")
        try waitForExit(terminal)
        #expect(!FileManager.default.fileExists(atPath: store))
        let rescued = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix("travaux-unsaved-note-") }
        #expect(rescued.count == 1)
    }

    @Test("when no file at all can be written (a full disk), the text is printed and no empty file is left to mislead")
    func unsavedNotePrinted() throws {
        let folder = try StoreProcessTests.temporaryStore()
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        // A file size limit of 0 fails every write as a full disk does (EFBIG rather than ENOSPC).
        let terminal = try TerminalDriver(command: "trap '' XFSZ; ulimit -f 0; TMPDIR=\(folder) \(CLIProcess.binary) "
                                          + "--record \(CLIProcess.fixtureRecord) --store \(store); echo EXIT=$?")
        try terminal.waitFor(text: "1 Timeline")
        try terminal.send("a")
        try terminal.waitFor(text: "New note")
        try typeAndInterrupt(terminal, "a thought with nowhere to go")
        try terminal.waitFor("the program to exit") { _ in (try? terminal.transcript())?.contains("EXIT=") == true }
        let transcript = try terminal.transcript()
        #expect(transcript.contains("EXIT=1"), "a note not kept is not a clean exit")
        #expect(transcript.contains(", nor written to \(folder); here is its text:"), "\(transcript)")
        #expect(transcript.contains("a thought with nowhere to go"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix("travaux-unsaved-note-") }.isEmpty)
    }

    @Test("Ctrl-X hands the note to $EDITOR and takes its text back; an editor that fails keeps what was written in its file, named")
    func externalEditor() throws {
        let folder = try TestFiles.directory("editor")
        let good = folder + "/good-editor", bad = folder + "/bad-editor"
        try "#!/bin/sh\nprintf 'written in the editor\\n' >> \"$1\"\n".write(toFile: good, atomically: true, encoding: .utf8)
        try "#!/bin/sh\nprintf 'lost unless kept\\n' >> \"$1\"\nexit 1\n".write(toFile: bad, atomically: true, encoding: .utf8)
        // An editor saving in Latin-1: "café" would become "caf\u{FFFD}" for good.
        let latin = folder + "/latin-editor"
        try "#!/bin/sh\nprintf 'caf\\351\\n' >> \"$1\"\n".write(toFile: latin, atomically: true, encoding: .utf8)
        // Run through sh, not executed themselves: a file just written can be held open for
        // writing by a process another test starts meanwhile, and exec then fails (ETXTBSY).
        for (editor, expected) in [(good, "note saved"), (bad, "what you wrote is kept in"), (latin, "saved text that is not UTF-8 (byte 16)")] {
            let (terminal, _) = try startEditing(environment: ["TMPDIR": folder, "VISUAL": "", "EDITOR": "sh " + editor])
            try terminal.type("typed first ")
            // Sent with the text in one burst, Ctrl-X would be read as part of a paste.
            try terminal.waitFor(text: "typed first")
            try terminal.send("C-x")
            if editor == good {
                try terminal.waitFor(text: "written in the editor")
                try terminal.send("C-s")
            }
            // The message wraps where the width runs out (a long path of its own): read as one line.
            let screen = try terminal.waitFor("'\(expected)'") { $0.split(whereSeparator: \.isWhitespace).joined(separator: " ").contains(expected) }
            if editor == bad {
                let kept = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix("travaux-note-") }
                #expect(kept.count == 1, "\(screen)")
                let text = try String(contentsOfFile: folder + "/" + (kept.first ?? ""), encoding: .utf8)
                #expect(text == "typed first lost unless kept\n")
                #expect(screen.contains("typed first"), "the editor keeps its own text")
            }
            if editor == latin {
                let kept = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix("travaux-note-") }
                let bytes = try kept.map { try Data(contentsOf: URL(fileURLWithPath: folder + "/" + $0)) }
                #expect(bytes.contains(Data("typed first caf".utf8) + Data([0xE9, 0x0A])), "\(screen)")
                #expect(screen.split(whereSeparator: \.isWhitespace).joined(separator: " ").contains("the note was left as it was"))
            }
            try terminal.send("C-c")
            if editor == bad || editor == latin {
                try terminal.waitFor(text: "Ctrl-C again quits")
                try terminal.send("C-c")
            }
            try waitForExit(terminal)
        }
        let listed = try CLIProcess.run(["note", "list", "--json", "--store", store, "--record", CLIProcess.fixtureRecord])
        #expect((try listed.json() as? [[String: Any]])?.map { $0["body"] as? String } == ["typed first written in the editor"])
    }

    @Test("Ctrl-C mid-note asks first; the second quits, says the draft is kept (no warning), and the next start offers it")
    func interruptKeepsDraft() throws {
        let (terminal, _) = try startEditing()
        try typeAndInterrupt(terminal, "said in the room")
        try waitForExit(terminal)
        let transcript = try terminal.transcript()
        #expect(transcript.contains("the note being written is kept as a draft"))
        #expect(!transcript.contains("warning"))
        try resumeDraftAndSave("said in the room")
    }

    @Test("the terminal closing (SIGHUP) mid-note keeps a draft that the next start offers back")
    func draftSurvivesHangup() throws {
        let (terminal, pid) = try startEditing()
        try terminal.type("thought interrupted")
        try terminal.waitFor(text: "thought interrupted")
        kill(pid, SIGHUP)
        try waitForExit(terminal)

        try resumeDraftAndSave("thought interrupted")
        let listed = try CLIProcess.run(["note", "list", "--json", "--store", store, "--record", CLIProcess.fixtureRecord])
        #expect((try listed.json() as? [[String: Any]])?.first?["body"] as? String == "thought interrupted")
        let drafts = (try? FileManager.default.contentsOfDirectory(atPath: store + "/drafts")) ?? []
        #expect(drafts.filter { $0.hasSuffix(".json") }.isEmpty, "a resumed and saved draft is removed")
    }
}
