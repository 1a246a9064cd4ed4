import Foundation
import TravauxTestSupport
import Testing

/// The interface's arguments are read without ArgumentParser; what they cannot handle still
/// goes to it, and errors look the same either way.
@Suite("Opening the interface")
struct InterfaceLaunchTests {
    @Test("a bad --record is reported in one line whether read directly or by ArgumentParser", arguments: [
        ["--record", "/no/such/record"], ["--record=/no/such/record"], ["--store", "/tmp", "--record", "/no/such/record"],
        ["--record", "elsewhere", "--record", "/no/such/record"], ["validate", "--record", "/no/such/record"],
    ])
    func badRecord(_ arguments: [String]) throws {
        let result = try CLIProcess.run(arguments)
        #expect(result.status != 0)
        #expect(result.stderr == "travaux: no record at /no/such/record: no such directory; "
                + "check the path given to --record or in TRAVAUX_RECORD\n", "not told to pass --record, which was given")
        #expect(result.stdout.isEmpty)
    }

    @Test("a record's file given for its directory is one problem, naming the directory to give, for the interface and a command alike",
          arguments: [[], ["list", "events"]])
    func fileForRecord(_ command: [String]) throws {
        let file = CLIProcess.fixtureRecord + "/events.json"
        let result = try CLIProcess.run(command + ["--record", file])
        #expect(result.status == 1)
        #expect(result.stderr == "travaux: no record at \(file): a file, not a record directory; pass --record the directory "
                + "that holds record.json (here, perhaps \(CLIProcess.fixtureRecord))\n")
        // A file in a folder that is no record gets no guess; the folder above a record is sent to it.
        let folder = try TestFiles.directory("above-record")
        try "notes".write(toFile: folder + "/notes.txt", atomically: true, encoding: .utf8)
        let stray = try CLIProcess.run(command + ["--record", folder + "/notes.txt"])
        #expect(stray.stderr == "travaux: no record at \(folder)/notes.txt: a file, not a record directory; pass --record the directory that holds record.json\n")
        try FileManager.default.copyItem(atPath: CLIProcess.fixtureRecord, toPath: folder + "/record")
        let above = try CLIProcess.run(command + ["--record", folder])
        #expect(above.status == 1 && above.stderr
                == "travaux: no record at \(folder): no record.json here, but \(folder)/record is a record; pass --record \(folder)/record\n")
    }

    @Test("options the interface does not take are ArgumentParser's to report", arguments: [
        ["--record"], ["--colour", "x"], ["--record", "--store"],
    ])
    func notTheInterfaces(_ arguments: [String]) throws {
        let result = try CLIProcess.run(arguments)
        #expect(result.status != 0)
        #expect(result.stderr.hasPrefix("travaux: "))
        #expect(result.stderr.contains("see 'travaux --help'"))
    }

    @Test("the root's help lists the interface's own options under OPTIONS; a command's help does not", arguments: [["--help"], ["-h"], ["help"]])
    func helpListsInterfaceOptions(_ arguments: [String]) throws {
        let help = try CLIProcess.run(arguments)
        #expect(help.status == 0)
        let options = help.stdout.split(separator: "OPTIONS:\n").last?.split(separator: "SUBCOMMANDS:").first ?? ""
        #expect(options.contains("  --session <name>  ") && options.contains("  --one-pane  ") && options.contains("  --record <dir>  "))
        #expect(options.contains("  --fresh  ") && options.contains("not where the interface was\n") && options.contains("last left on this record."))
        #expect(!(try CLIProcess.run(["note", "--help"]).stdout.contains("--one-pane")))
    }

    @Test("--one-pane, and --session before a command, belong to the interface: with a command, a usage error saying so")
    func onePaneAfterSubcommand() throws {
        let result = try CLIProcess.run(["list", "events", "--one-pane"])
        #expect(result.status == 64)
        #expect(result.stderr == "travaux: --one-pane is the interface's ('travaux --one-pane'); a command prints its answer once\n")
        #expect(result.stdout.isEmpty)
        let session = try CLIProcess.run(["--session", "seminar-1", "list", "works"])
        #expect(session.status == 64 && session.stderr.hasPrefix("travaux: --session before a command is the interface's; for notes, give it after"))
        // After a command without one, said whose it is.
        let list = try CLIProcess.run(["list", "events", "--session", "seminar-1"])
        #expect(list.status == 64 && list.stderr.hasPrefix("travaux: 'list' has no --session; sessions are the notes' ('note add"), "\(list.stderr)")
        // After the command, a command's own option.
        let store = try StoreProcessTests.temporaryStore()
        #expect(try CLIProcess.run(["export", "--session", "seminar-1", "--store", store, "-o", "-"]).stderr.contains("has no --session") == false)
        #expect(try CLIProcess.run(["note", "list", "--session", "seminar-1", "--store", store]).status == 0)
        // After `--`, a note's text, whatever it reads.
        #expect(try CLIProcess.run(["note", "add", "ppwt", "--store", store, "--", "--one-pane"]).status == 0)
        // --fresh is the interface's too.
        let fresh = try CLIProcess.run(["list", "events", "--fresh"])
        #expect(fresh.status == 64 && fresh.stdout.isEmpty)
        #expect(fresh.stderr == "travaux: --fresh is the interface's ('travaux --fresh' starts at the Timeline); a command has no place to go back to\n")
        #expect(try CLIProcess.run(["--fresh", "--version"]).stdout.hasPrefix("travaux "))
    }
}
