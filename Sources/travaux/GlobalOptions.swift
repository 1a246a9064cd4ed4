import ArgumentParser
import TravauxCore

/// Options every subcommand takes: where the record (and later the notes) live.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The record directory (default: TRAVAUX_RECORD, then the shipped record).", valueName: "dir"))
    var record: String?

    /// Loads and validates the record, or throws a report naming every problem.
    func loadRecord() throws -> Record {
        let locator = RecordLocator(explicit: record, environment: CLIEnvironment.variables,
                                    executablePath: RecordLocator.currentExecutablePath())
        let directory: String
        do {
            directory = try locator.locate()
        } catch {
            throw CLIError(error.description)
        }
        return try RecordLoader.load(directory: directory)
    }
}
