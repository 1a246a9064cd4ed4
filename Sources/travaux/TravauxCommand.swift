import ArgumentParser
import TravauxCore

/// `travaux`: with no subcommand, the interface; otherwise one of the CLI views.
struct TravauxCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "travaux",
        abstract: "A terminal workbench for the negotiating record of outer-space and cyberspace security diplomacy.",
        discussion: "With no subcommand, opens the interface. Every view has a CLI twin with --json.",
        subcommands: [ListCommand.self, ShowCommand.self, SearchCommand.self, ValidateCommand.self,
                      NoteCommand.self, TagsCommand.self, TagCommand.self]
    )

    @OptionGroup var global: GlobalOptions

    func run() throws {
        // A broken record gets its report, never a half-drawn screen.
        let record = try global.loadRecord()
        try Interface.run(record: record)
    }
}

@main
enum Main {
    static func main() {
        do {
            var command: any ParsableCommand = try InterfaceLaunch.command(CommandLine.arguments.dropFirst())
                ?? TravauxCommand.parseAsRoot()
            try command.run()
        } catch let error as CLIError {
            CLIOutput.fail(error.message, code: error.exitCode)
        } catch let error as RecordLoadError {
            CLIOutput.fail(error.description)
        } catch {
            let code = TravauxCommand.exitCode(for: error)
            if code == .success {
                TravauxCommand.exit(withError: error)   // --help, --version
            }
            // ArgumentParser lists choices on several lines; the contract is one line.
            let message = TravauxCommand.message(for: error)
                .split(separator: "\n").map { $0.trimmingPrefix(while: { $0 == " " || $0 == "-" }) }
                .joined(separator: " ")
            CLIOutput.fail(message + " (see 'travaux --help')", code: code.rawValue)
        }
    }
}
