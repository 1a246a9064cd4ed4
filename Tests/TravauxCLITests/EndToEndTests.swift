import Foundation
import Testing
import TravauxTestSupport

@Suite("The interface end to end, in a pseudo-terminal", .enabled(if: TerminalDriver.isAvailable, "needs tmux"))
struct EndToEndTests {
    let command = "echo PID=$$; exec \(CLIProcess.binary) --record \(CLIProcess.fixtureRecord)"

    @Test("open, move, search, follow a footnote to its source and back, resize, quit")
    func session() throws {
        let terminal = try TerminalDriver(command: "\(CLIProcess.binary) --record \(CLIProcess.fixtureRecord); echo EXIT=$?")
        var screen = try terminal.waitFor(text: "1 Timeline")
        #expect(screen.contains("Russian draft resolutions on information security"))
        #expect(try terminal.value("#{alternate_on}") == "1")

        // Move to the PPWT draft: the reader beside the list follows.
        try terminal.send("j")
        try terminal.waitFor(text: "event · ppwt-2008-draft")

        // Open it, step to its footnote [1] (after the forum path and the two actors), follow it.
        try terminal.send("Enter")
        try terminal.waitFor(text: "Timeline › event")
        for _ in 0..<5 { try terminal.send("Tab") }
        try terminal.send("Enter")
        screen = try terminal.waitFor(text: "source · chapter-fn-1")
        #expect(screen.contains("Footnote:"))
        #expect(screen.contains("CD/1839, CD/1985"))

        // Back returns to the event, then to the list.
        try terminal.send("BSpace")
        try terminal.waitFor(text: "event · ppwt-2008-draft")
        try terminal.send("Escape")
        try terminal.waitFor(text: "Timeline  2/4")

        // Incremental search: results per keystroke, the symbol's item first.
        try terminal.send("/")
        try terminal.type("PC.DEC/1106")
        screen = try terminal.waitFor(text: "/PC.DEC/1106 (")
        #expect(screen.contains("proposal · osce-cbms"))
        try terminal.send("Escape")
        try terminal.waitFor(text: "Timeline  2/4")

        // Narrow: the list alone; then too small; then back.
        try terminal.resize(width: 60, height: 20)
        try terminal.waitFor("the narrow layout") { !$0.contains("│Russia") && $0.contains("Timeline  2/4") }
        try terminal.resize(width: 30, height: 8)
        try terminal.waitFor(text: "Terminal too small")
        try terminal.resize(width: 120, height: 40)
        try terminal.waitFor(text: "event · ppwt-2008-draft")

        // Quit: the process ends and the terminal has left the alternate screen.
        try terminal.send("q")
        try terminal.waitFor("the program to exit") { _ in (try? terminal.transcript())?.contains("EXIT=") == true }
        #expect(try terminal.transcript().contains("EXIT=0"))
        #expect(try terminal.value("#{alternate_on}") == "0")
    }

    @Test("quitting after the terminal grew leaves none of the screen behind in the shell's")
    func quitAfterGrowing() throws {
        // tmux (3.3) reflows the alternate screen to the shell's old width when it is left:
        // lines wider than that used to land among the shell's lines and its history.
        let terminal = try TerminalDriver(
            command: "\(CLIProcess.binary) --record \(CLIProcess.fixtureRecord); echo EXIT=$?", width: 80, height: 24)
        try terminal.waitFor(text: "1 Timeline")
        try terminal.resize(width: 120, height: 40)
        try terminal.waitFor("the side-by-side layout") { $0.contains("│") && $0.contains("event · ") }
        try terminal.send("q")
        try terminal.waitFor("the program to exit") { _ in (try? terminal.transcript())?.contains("EXIT=") == true }
        let transcript = try terminal.transcript()
        #expect(transcript.contains("EXIT=0"))
        #expect(!transcript.contains("│"))
        #expect(!transcript.contains("Timeline"))
    }

    @Test("--one-pane starts with the list alone, read directly or by ArgumentParser; z shows both", arguments: [
        ["--one-pane", "--record", CLIProcess.fixtureRecord], ["--record=\(CLIProcess.fixtureRecord)", "--one-pane"],
    ])
    func onePane(_ arguments: [String]) throws {
        let quoted = arguments.map(TerminalDriver.shellQuoted).joined(separator: " ")
        let terminal = try TerminalDriver(command: "\(CLIProcess.binary) \(quoted); echo EXIT=$?")
        var screen = try terminal.waitFor(text: "Timeline  1/4")
        #expect(!screen.contains("event · "))
        try terminal.send("Enter")
        screen = try terminal.waitFor(text: "Timeline › event")
        #expect(!screen.contains("Timeline  1/4"))
        try terminal.send("Escape")
        try terminal.waitFor(text: "Timeline  1/4")
        try terminal.send("z")
        screen = try terminal.waitFor(text: "event · ")
        #expect(screen.contains("Timeline  1/4"))
        try terminal.send("q")
        try terminal.waitFor("the program to exit") { _ in (try? terminal.transcript())?.contains("EXIT=0") == true }
    }

    @Test("the next start opens where the last one quit, on the same record; --fresh starts at the Timeline; a place file that cannot be read is said and written again")
    func lastPlace() throws {
        let run = "\(CLIProcess.binary) --record \(CLIProcess.fixtureRecord)"
        let places = "\"$XDG_STATE_HOME/travaux/places.json\""
        // A temporary folder of its own: another test's unsaved-note reminder would take the status bar.
        let temporary = try TestFiles.directory("tmp")
        let exits = temporary + "/exits"
        let terminal = try TerminalDriver(command: "export TMPDIR=\(temporary); \(run); echo FIRST=$? >> \(exits); \(run); echo SECOND=$? >> \(exits); "
                                          + "\(run); echo THIRD=$? >> \(exits); \(run) --fresh; echo FOURTH=$? >> \(exits); "
                                          + "printf '{' > \(places); \(run); echo FIFTH=$? >> \(exits); cat \(places); echo END")
        // Each start waits for its predecessor's exit, written to a file (the shell's screen is
        // under the next start's until it ends).
        func started(after label: String) throws {
            try terminal.waitFor("\(label) to exit") { _ in
                (try? String(contentsOfFile: exits, encoding: .utf8))?.contains(label + "=") == true
            }
        }
        try terminal.waitFor(text: "Timeline  1/4")
        try terminal.send("2")
        try terminal.waitFor(text: "Proposals  1/")
        try terminal.send("j")
        let left = try terminal.waitFor(text: "Proposals  2/")
        let item = try #require(left.split(separator: "\n").first { $0.contains("proposal · ") })
        try terminal.send("q")
        try started(after: "FIRST")
        // The second start: the pane, the item and the reader beside it as they were left.
        var screen = try terminal.waitFor(text: "Proposals  2/")
        #expect(screen.contains(item))
        // A comparison left open comes back open.
        try terminal.send("k", "c")
        try terminal.waitFor(text: "Compare  ")
        try terminal.send("q")
        try started(after: "SECOND")
        try terminal.waitFor(text: "Compare  ")
        try terminal.send("q")
        try started(after: "THIRD")
        // --fresh: the Timeline, whatever was kept.
        try terminal.waitFor(text: "Timeline  1/4")
        try terminal.send("q")
        try started(after: "FOURTH")
        // A file that is not one: said in the status bar, the Timeline shown, and written again at quit.
        screen = try terminal.waitFor(text: "could not read where you left off")
        #expect(screen.contains("places.json: not a file of places travaux can read"))
        #expect(screen.contains("Timeline  1/4") || screen.contains("1 Timeline"))
        try terminal.send("q")
        try terminal.waitFor("the program to exit") { _ in (try? terminal.transcript())?.contains("END") == true }
        let statuses = try String(contentsOfFile: exits, encoding: .utf8)
        #expect(statuses == "FIRST=0\nSECOND=0\nTHIRD=0\nFOURTH=0\nFIFTH=0\n")
        #expect(try terminal.transcript().contains("\"pane\" : \"timeline\""))
    }

    @Test("list at a terminal of 80 columns or more fits it, leaving out optional columns rather than wrap a row; piped, nothing is cut",
          arguments: [80, 100])
    func listFitsTheTerminal(width: Int) throws {
        let shipped = URL(fileURLWithPath: CLIProcess.fixtureRecord).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Data/record").path
        for kind in ["events", "proposals", "sources", "themes", "works"] {
            let terminal = try TerminalDriver(command: "\(CLIProcess.binary) list \(kind) --record \(shipped); echo EXIT=$?", width: width, height: 200)
            let screen = try terminal.waitFor(text: "EXIT=0")
            let rows = screen.split(separator: "\n").filter { !$0.hasPrefix("EXIT=") && !$0.hasPrefix("Pane is dead") }
            // A wrapped row would leave a line that is not a row: every row ends in the item's id.
            let ids = try #require(try CLIProcess.run(["list", kind, "--json", "--record", shipped]).json() as? [[String: Any]]).compactMap { $0["id"] as? String }
            let known = Set(ids)
            let stray = rows.filter { row in !row.hasPrefix("D  ") && !row.hasPrefix("DATE") && !row.hasPrefix("WORK") && !row.hasPrefix("AUTHOR")
                && !known.contains(String(row.split(separator: " ").last ?? "")) }
            #expect(stray.isEmpty, "\(kind) at \(width): \(stray.prefix(2))")
            #expect(rows.allSatisfy { $0.count <= width })
        }
        let piped = try CLIProcess.run(["list", "events", "--record", shipped])
        #expect(piped.stdout.contains("World Summit on the Information Society  "))
    }

    @Test("note list and search at a narrow terminal fit it: ids as short as still names each note, columns left out rather than rows wrapped",
          arguments: [60, 80])
    func notesAndSearchFitTheTerminal(width: Int) throws {
        let store = try StoreProcessTests.temporaryStore()
        for (item, text, tags) in [("ppwt", "No verification clause in the 2008 draft; ask about it", ["verification", "space-weapons", "seminar-three"]),
                                   ("osce-cbms", "検証なし — CJK and a long line that must be cut, not wrapped", ["cbms"]),
                                   ("ppwt", "third", [])] {
            let added = try CLIProcess.run(["note", "add", item, text, "--record", CLIProcess.fixtureRecord, "--store", store]
                                           + tags.flatMap { ["--tag", $0] } + (item == "ppwt" && tags.isEmpty ? ["--version", "2008"] : []))
            #expect(added.status == 0, "\(added.stderr)")
        }
        let shipped = URL(fileURLWithPath: CLIProcess.fixtureRecord).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Data/record").path
        for (command, expected) in [("note list --record \(CLIProcess.fixtureRecord) --store \(store)", 3),
                                    ("search outer --record \(shipped) --store \(store)", nil)] {
            let terminal = try TerminalDriver(command: "\(CLIProcess.binary) \(command); echo EXIT=$?", width: width, height: 200)
            let screen = try terminal.waitFor(text: "EXIT=0")
            let lines = screen.split(separator: "\n").filter { !$0.hasPrefix("EXIT=") && !$0.hasPrefix("Pane is dead") }
            #expect(lines.allSatisfy { $0.count <= width }, "\(command) at \(width): \(lines)")
            let rows = lines.filter { !$0.hasPrefix("ID  ") && !$0.hasPrefix("KIND  ") }
            if let expected {
                #expect(rows.count == expected, "\(rows)")
                // Each row's id, whole or shortened, names its note for `note edit`.
                for row in rows {
                    let id = String(row.split(separator: " ").first ?? "")
                    let shown = try CLIProcess.run(["note", "edit", id, "--session", "s", "--store", store, "--record", CLIProcess.fixtureRecord])
                    #expect(shown.status == 0, "\(id): \(shown.stderr)")
                }
            } else {
                let hits = try #require(try CLIProcess.run(["search", "outer", "--json", "--record", shipped, "--store", store]).json() as? [[String: Any]])
                #expect(rows.count == hits.count, "wrapped rows at \(width): \(rows.prefix(4))")
            }
        }
    }

    @Test("SIGTERM and SIGHUP restore the terminal, and end travaux as their signal does; SIGINT (Ctrl-C) is a way to quit",
          arguments: ["TERM", "HUP", "INT"])
    func signals(_ signal: String) throws {
        let terminal = try TerminalDriver(command: "sh -c 'echo PID=$$; exec \(CLIProcess.binary) --record \(CLIProcess.fixtureRecord)'; echo EXIT=$?")
        try terminal.waitFor(text: "1 Timeline")
        let pidLine = try terminal.tmux(["capture-pane", "-p", "-a", "-t", terminal.session]).split(separator: "\n").first { $0.hasPrefix("PID=") }
        let pid = try #require(pidLine.flatMap { Int32($0.dropFirst(4)) })
        let number = signal == "TERM" ? SIGTERM : (signal == "HUP" ? SIGHUP : SIGINT)
        kill(pid, number)
        let screen = try terminal.waitFor(text: "EXIT=")
        #expect(try terminal.value("#{alternate_on}") == "0")
        // Killed by the signal again once the terminal is restored (a shell says 143 or 129),
        // so that a supervisor or a script can tell it from a quit.
        #expect(screen.contains("EXIT=\(number == SIGINT ? 0 : 128 + number)"), "\(screen)")
    }

    @Test("Ctrl-\\ is a key, not SIGQUIT: pressed twice, travaux goes on, and the shell gets its quit character back")
    func controlBackslash() throws {
        let terminal = try TerminalDriver(command: "sh -c '\(CLIProcess.binary) --record \(CLIProcess.fixtureRecord); echo EXIT=$?; stty -a | grep -o \"quit = [^;]*\"'")
        try terminal.waitFor(text: "Timeline  1/")
        try terminal.send("C-\\")
        try terminal.send("C-\\")
        try terminal.send("j")
        let screen = try terminal.waitFor(text: "Timeline  2/")
        #expect(!screen.contains("Fatal") && !screen.contains("backtrace") && !screen.contains("Press space"))
        try terminal.send("q")
        // The last line the shell prints; the ones before it may have scrolled off.
        let after = try terminal.waitFor(text: "quit = ")
        #expect(after.contains("quit = ^\\"), "\(after)")
        #expect(try terminal.transcript().contains("EXIT=0"))
    }

    @Test("a terminal's late reply to another program's query (OSC, DCS) acts as no keys, in a list or in the editor")
    func terminalReplies() throws {
        let terminal = try TerminalDriver(command: "\(CLIProcess.binary) --record \(CLIProcess.fixtureRecord) --store \(try StoreProcessTests.temporaryStore())")
        try terminal.waitFor(text: "Timeline  1/")
        try terminal.send("2")
        try terminal.waitFor(text: "Proposals  1/")
        for reply in ["\u{1b}]11;rgb:1e1e/1e1e/1e1e\u{1b}\\", "\u{1b}]10;rgb:ffff/ffff/ffff\u{07}", "\u{1b}P1$r0m\u{1b}\\"] {
            try terminal.type(reply)
        }
        try terminal.send("j")
        var screen = try terminal.waitFor(text: "Proposals  2/")
        #expect(!screen.contains("does nothing here") && !screen.contains("/ffff"), "\(screen)")
        try terminal.send("a")
        try terminal.waitFor(text: "New note")
        try terminal.type("\u{1b}]11;rgb:0000/0000/0000\u{1b}\\")
        try terminal.type("typed")
        screen = try terminal.waitFor(text: "typed")
        #expect(!screen.contains("rgb:") && !screen.contains("]11"), "\(screen)")
    }

    @Test("Alt-Backspace, sent as ESC DEL (tmux, xterm) or ESC ^H, deletes a word in the editor and in the search prompt, never taken for Esc")
    func altBackspace() throws {
        let terminal = try TerminalDriver(command: "\(CLIProcess.binary) --record \(CLIProcess.fixtureRecord) --store \(try StoreProcessTests.temporaryStore())")
        try terminal.waitFor(text: "Timeline  1/")
        try terminal.send("a")
        try terminal.waitFor(text: "New note")
        try terminal.type("Russia supports the treaty")
        try terminal.waitFor(text: "Russia supports the treaty")
        // tmux sends M-BSpace as ESC DEL, which the terminal's description names Backspace.
        try terminal.send("M-BSpace")
        var screen = try terminal.waitFor("'treaty' deleted") { !$0.contains("the treaty") && $0.contains("Russia supports the") }
        try terminal.send("M-BSpace")
        screen = try terminal.waitFor("'the' deleted") { !$0.contains("supports the") && $0.contains("Russia supports") }
        #expect(screen.contains("New note") && !screen.contains("discard"), "\(screen)")
        try terminal.tmux(["send-keys", "-t", terminal.session, "-H", "1b", "08"])
        screen = try terminal.waitFor("'supports' deleted") { !$0.contains("supports") && $0.contains("Russia") }
        #expect(screen.contains("New note") && !screen.contains("discard"), "\(screen)")

        try terminal.send("Escape")
        try terminal.waitFor(text: "Esc again")
        try terminal.send("Escape")
        try terminal.waitFor(text: "discarded")
        try terminal.send("/")
        try terminal.type("cyber treaty")
        try terminal.waitFor(text: "/cyber treaty (")
        try terminal.send("M-BSpace")
        screen = try terminal.waitFor("the search's last word deleted") { !$0.contains("cyber treaty") && $0.contains("/cyber ") }
        #expect(screen.contains("Esc close"), "the search stays open: \(screen)")
    }

    @Test("stopped by the Ctrl-Z key, SIGTSTP or SIGSTOP as a shell's job, then brought back with fg: raw mode, the screen and bracketed pastes come back; a Ctrl-Z byte inside a paste is text",
          arguments: [0, SIGTSTP, SIGSTOP])
    func stopAndContinue(_ stop: Int32) throws {
        // A job of an interactive shell, which takes the terminal back while it is stopped and
        // sets its own modes (tmux would continue a pane's own process at once).
        let terminal = try TerminalDriver(command: "bash --norc --noprofile -i", width: 100, height: 25)
        try terminal.type("PS1='$ '; sh -c 'echo PID=$$; exec \(CLIProcess.binary) --record \(CLIProcess.fixtureRecord)'")
        try terminal.send("Enter")
        try terminal.waitFor(text: "1 Timeline")
        let pidLine = try terminal.tmux(["capture-pane", "-p", "-a", "-t", terminal.session]).split(separator: "\n").first { $0.hasPrefix("PID=") }
        let pid = try #require(pidLine.flatMap { Int32($0.dropFirst(4)) })
        // 0: the key, which the terminal no longer turns into SIGTSTP itself.
        if stop == 0 { try terminal.send("C-z") } else { kill(pid, stop) }
        try terminal.waitFor(text: "Stopped")
        try terminal.type("fg")
        try terminal.send("Enter")
        try terminal.waitFor("the screen repainted") { $0.contains("Timeline  1/") && !$0.contains("Stopped") }
        let modes = try CLIProcess.run(["-F", try terminal.value("#{pane_tty}"), "-a"], executable: "/bin/stty").stdout
        #expect(modes.contains("-icanon") && modes.contains("-echo "), "\(modes)")
        // A paste is still bracketed: a '3' pasted in the list is text, not the key that shows the sources.
        try terminal.tmux(["set-buffer", "3", ";", "paste-buffer", "-p", "-t", terminal.session])
        try terminal.send("j")
        let screen = try terminal.waitFor("the key after the paste") { $0.contains("  2/") }
        #expect(screen.contains("Timeline  2/"), "\(screen)")
        // A Ctrl-Z byte pasted (an old text file's end) is text, not a stop in the middle of the paste.
        try terminal.send("/")
        try terminal.tmux(["set-buffer", "cyber\u{1A}treaty", ";", "paste-buffer", "-p", "-t", terminal.session])
        let pasted = try terminal.waitFor("the whole paste") { $0.contains("treaty (") }
        #expect(!pasted.contains("Stopped"), "\(pasted)")
        try terminal.send("Escape")
        try terminal.waitFor("the search closed") { $0.contains("Timeline  2/") }
        try terminal.send("q")
        try terminal.waitFor(text: "$ ")
    }

    @Test("not a terminal: one line pointing to the CLI, non-zero exit")
    func notATerminal() throws {
        let result = try CLIProcess.fixture([])
        #expect(result.status != 0)
        #expect(result.stderr.hasPrefix("travaux: the interface needs a terminal"))
        #expect(result.stderr.contains("travaux list"))
        #expect(result.stdout.isEmpty)
    }

    @Test("TERM unset or unknown: a clear error, the terminal untouched")
    func badTerm() throws {
        let unset = try TerminalDriver(command: "env -u TERM \(CLIProcess.binary) --record \(CLIProcess.fixtureRecord); echo EXIT=$?")
        try unset.waitFor(text: "EXIT=")
        var screen = try unset.transcript()
        #expect(screen.contains("travaux: TERM is not set"))
        #expect(!screen.contains("EXIT=0"))
        let unknown = try TerminalDriver(command: "TERM=no-such-terminal \(CLIProcess.binary) --record \(CLIProcess.fixtureRecord); echo EXIT=$?")
        try unknown.waitFor(text: "EXIT=")
        screen = try unknown.transcript()
        #expect(screen.contains("unknown terminal type TERM=no-such-terminal"))
        #expect(try unknown.value("#{alternate_on}") == "0")
    }

    @Test("a record that fails validation shows the report, not a screen")
    func brokenRecord() throws {
        let broken = TestFiles.path("e2e")
        try FileManager.default.copyItem(atPath: CLIProcess.fixtureRecord, toPath: broken)
        let events = broken + "/events.json"
        try TestFiles.replace(events, with: try String(contentsOfFile: events, encoding: .utf8)
            .replacingOccurrences(of: #""forum": "osce""#, with: #""forum": "osec""#))
        let terminal = try TerminalDriver(command: "\(CLIProcess.binary) --record \(broken); echo EXIT=$?")
        try terminal.waitFor(text: "EXIT=")
        let screen = try terminal.transcript()
        #expect(screen.contains("unknown forum 'osec'; did you mean 'osce'?"))
        #expect(screen.contains("EXIT=1"))
        #expect(try terminal.value("#{alternate_on}") == "0")
    }

    @Test("y copies a footnote's citation: into tmux's buffer from inside tmux, through OSC 52 elsewhere")
    func copyCitation() throws {
        let citation = "'Draft Treaty on the Prevention of the Placement of Weapons in Outer Space', CD/1985 (Conference on Disarmament, 12 June 2014)."
        let store = try StoreProcessTests.temporaryStore()
        // No desktop clipboard, whatever the machine running the tests has.
        let command = "env -u DISPLAY -u WAYLAND_DISPLAY \(CLIProcess.binary) --record \(CLIProcess.fixtureRecord) --store \(store)"
        let inside = try TerminalDriver(command: command)
        try inside.waitFor(text: "1 Timeline")
        try inside.send("3")
        try inside.waitFor(text: "source · chapter-fn-1")
        try inside.send("y")
        try inside.waitFor(text: "1 Citation")
        try inside.send("1")
        try inside.waitFor(text: "Citation (\(citation.count) characters) copied to tmux's paste buffer")
        #expect(try inside.tmux(["show-buffer"]) == citation)

        // Outside tmux (TMUX unset), the sequence itself; tmux takes it as a terminal would
        // once set-clipboard is on, so the buffer holds what the sequence carried.
        let outside = try TerminalDriver(command: "env -u TMUX " + command)
        try outside.tmux(["set-option", "-g", "set-clipboard", "on"])
        try outside.waitFor(text: "1 Timeline")
        try outside.send("3")
        try outside.waitFor(text: "source · chapter-fn-1")
        try outside.send("y", "j", "Enter")
        try outside.waitFor(text: "Symbol (7 characters) copied to the terminal (OSC 52)")
        #expect(try outside.tmux(["show-buffer"]) == "CD/1839")
        // The sequence left nothing on the screen.
        #expect(!(try outside.screen()).contains("52;c;"))
    }

    @Test("a clipboard program that fails is named with its status, and nothing is said to be copied")
    func copyFailure() throws {
        // A link to false, not a script written here: a file just written can be held open for
        // writing by a process another test starts meanwhile, and exec then fails (ETXTBSY).
        let folder = try TestFiles.directory("fake-tmux")
        try FileManager.default.createSymbolicLink(atPath: folder + "/tmux", withDestinationPath: "/bin/false")
        let store = try StoreProcessTests.temporaryStore()
        let terminal = try TerminalDriver(command: "env -u DISPLAY -u WAYLAND_DISPLAY PATH=\(folder):$PATH \(CLIProcess.binary) "
                                          + "--record \(CLIProcess.fixtureRecord) --store \(store)")
        try terminal.waitFor(text: "1 Timeline")
        try terminal.send("3")
        try terminal.waitFor(text: "source · chapter-fn-1")
        try terminal.send("y")
        try terminal.waitFor(text: "1 Citation")
        try terminal.send("6")   // Id
        let expected = "Id (12 characters) not copied: tmux exited with status 1; see 'Copying' in docs/usage.md"
        try terminal.waitFor("'\(expected)'") { $0.split(whereSeparator: \.isWhitespace).joined(separator: " ").contains(expected) }
    }
}
