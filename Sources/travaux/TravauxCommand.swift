import ArgumentParser
import TravauxCore
import TravauxCurses

/// `travaux`: with no subcommand, the interface; otherwise one of the CLI views.
struct TravauxCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "travaux",
        abstract: "A terminal workbench for the negotiating record of outer-space and cyberspace security diplomacy.",
        discussion: """
            With no subcommand, opens the interface; 'travaux --session NAME' stamps a seminar label \
            on every note taken in it, and 'travaux --one-pane' shows one pane at a time at full width \
            (z toggles it). It opens where it was last left on the record; 'travaux --fresh' \
            starts at the Timeline. Every view has a CLI twin with --json.
            """,
        subcommands: [ListCommand.self, ShowCommand.self, SearchCommand.self, ValidateCommand.self,
                      NoteCommand.self, TagsCommand.self, TagCommand.self, SessionsCommand.self, SessionCommand.self, ExportCommand.self, CompareCommand.self]
    )

    @OptionGroup var global: GlobalOptions

    /// `--session NAME` for the interface. Not an @Option: ArgumentParser would then give
    /// `note add --session` to this command instead of to `note add` (see `Main`).
    var session: String? = nil
    /// `--one-pane`: the interface starts with one pane at a time (read like `--session`).
    var onePane = false
    /// `--fresh`: the interface starts at the Timeline, not at the last place kept (read like `--session`).
    var fresh = false

    func run() throws {
        // `--session "$SEMINAR"` with the variable unset would stamp no session on any note.
        try EmptyArgument.checkSession(session)
        // A broken record gets its report, never a half-drawn screen.
        let (loading, recordDirectory) = try global.loadRecordForInterface()
        let session = self.session.map(SessionLabel.normalise).flatMap { $0.isEmpty ? nil : $0 }
        let ending = try Interface.run(record: loading.record, store: try global.noteStore(), session: session, onePane: onePane,
                                       author: global.author, recordSnapshot: loading.pendingSnapshot,
                                       places: PlaceKeeping(recordDirectory: recordDirectory, restores: !fresh,
                                                            environment: CLIEnvironment.variables))
        ending.exitIfNotClean()
    }
}

@main
enum Main {
    static func main() {
        let given = EmptyArgument.separatingAttachedEmptyValues(Array(CommandLine.arguments.dropFirst()))
        do {
            if let garbled = CLIInput.nonUTF8Argument(CommandLine.unsafeArgv, count: CommandLine.argc) { throw garbled }
            // The interface's own few options are read directly (fast start); the rest is ArgumentParser's.
            var command: any ParsableCommand
            if ProgramVersion.isRequested(given) {
                let (record, store) = ProgramVersion.directories(given)
                // It quotes the record's manifest, which any editor may have put a colour in.
                CLIOutput.write(TerminalText.multiline(ProgramVersion.report(
                    record: record, store: store, environment: CLIEnvironment.variables,
                    executablePath: RecordLocator.currentExecutablePath(), ncurses: TerminalSession.libraryVersion)))
                return
            }
            if let misuse = ProgramVersion.misuse(given) { throw misuse }
            if let launch = InterfaceLaunch.command(given[...]) {
                command = launch
            } else {
                var arguments = given
                let session = try InterfaceArguments.takeSession(from: &arguments)
                let onePane = InterfaceArguments.take(InterfaceArguments.onePane, from: &arguments)
                let fresh = InterfaceArguments.take(InterfaceArguments.fresh, from: &arguments)
                if let unknown = CommandSuggestion.subcommandError(for: arguments) { throw unknown }
                if let misplaced = InterfaceArguments.misplacedOption(in: arguments) { throw misplaced }
                if let dashed = DashedText.error(in: arguments) { throw dashed }
                if let repeated = RepeatedOption.error(in: arguments, root: TravauxCommand.self) { throw repeated }
                do {
                    command = try TravauxCommand.parseAsRoot(arguments)
                } catch {
                    throw CommandSuggestion.strayValueError(for: arguments)
                        ?? CommandSuggestion.error(for: arguments, kindOfItem: { CommandSuggestion.kindOfItem($0, arguments: arguments) })
                        ?? CommandSuggestion.argumentError(for: arguments) ?? error
                }
                if var root = command as? TravauxCommand {
                    root.session = session
                    root.onePane = onePane
                    root.fresh = fresh
                    command = root
                } else if session != nil {
                    throw CLIError("--session belongs before the subcommand only when opening the interface; for notes use 'travaux note add ITEM TEXT --session NAME'")
                }
            }
            try command.run()
        } catch let error as CLIError {
            CLIOutput.fail(error.message, code: error.exitCode)
        } catch let error as RecordLoadError {
            // The interface shows the whole report before any screen; a command's error is one line.
            let isInterface = !InterfaceArguments.hasSubcommand(given)
            CLIOutput.fail(isInterface ? error.description : error.oneLine, report: isInterface)
        } catch {
            let code = TravauxCommand.exitCode(for: error)
            if code == .success {
                if RootHelp.isRequested(given) {
                    CLIOutput.write(RootHelp.withInterfaceOptions(TravauxCommand.fullMessage(for: error)))
                    TravauxCommand.exit()
                }
                // A subcommand's help, written as every output is: to /dev/full it fails, exit 1.
                CLIOutput.write(TravauxCommand.fullMessage(for: error) + "\n")
                TravauxCommand.exit()
            }
            // ArgumentParser lists choices on several lines; the contract is one line, which
            // points to the help of the command misused (its arguments), not the program's.
            let message = CommandSuggestion.ownWording(TravauxCommand.message(for: error))
            CLIOutput.fail(message + " (see '\(CommandSuggestion.helpReference(for: given))')", code: code.rawValue)
        }
    }
}
