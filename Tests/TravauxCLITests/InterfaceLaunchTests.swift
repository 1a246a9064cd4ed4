import Testing

/// The interface's arguments are read without ArgumentParser; what they cannot handle still
/// goes to it, and errors look the same either way.
@Suite("Opening the interface")
struct InterfaceLaunchTests {
    @Test("a bad --record is reported in one line whether read directly or by ArgumentParser", arguments: [
        ["--record", "/no/such/record"], ["--record=/no/such/record"], ["--store", "/tmp", "--record", "/no/such/record"],
        ["--record", "elsewhere", "--record", "/no/such/record"],
    ])
    func badRecord(_ arguments: [String]) throws {
        let result = try CLIProcess.run(arguments)
        #expect(result.status != 0)
        #expect(result.stderr.hasPrefix("travaux: the record in /no/such/record has 1 problem"))
        #expect(result.stdout.isEmpty)
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

    @Test("--one-pane belongs to the interface: after a subcommand it is an unknown option")
    func onePaneAfterSubcommand() throws {
        let result = try CLIProcess.run(["list", "events", "--one-pane"])
        #expect(result.status != 0)
        #expect(result.stderr.hasPrefix("travaux: "))
        #expect(result.stderr.contains("--one-pane"))
        #expect(result.stdout.isEmpty)
    }
}
