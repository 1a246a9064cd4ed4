import ArgumentParser
import TravauxCore

/// `travaux validate`: every problem in a record, each with its file and JSON path.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a record: ids, references, dates, footnotes, symbols. Exits non-zero on any error.")

    @OptionGroup var global: GlobalOptions

    func run() throws {
        try global.refuseEmptyDirectories()
        let locator = RecordLocator(explicit: global.record, environment: CLIEnvironment.variables,
                                    executablePath: RecordLocator.currentExecutablePath())
        let directory: String
        do { directory = try locator.locate() } catch { throw CLIError(error.description) }
        // Always from the files; a valid record's snapshot is saved, so that the interface
        // started next on an edited record does not decode and validate it again.
        let (record, problems, pendingSnapshot): (Record?, [RecordProblem], PendingRecordSnapshot?)
        if let cacheDirectory = RecordCache.defaultDirectory(environment: CLIEnvironment.variables) {
            (record, problems, pendingSnapshot) = RecordCache(directory: cacheDirectory).read(directory: directory)
        } else {
            (record, problems) = RecordLoader.read(directory: directory)
            pendingSnapshot = nil
        }
        // No record at all is said as every command says it, not as a problem in one.
        let failure = RecordLoadError(directory: directory, problems: problems)
        if failure.isAboutTheDirectory { throw CLIError(failure.oneLine) }
        let errors = problems.filter { $0.severity == .error }
        for problem in problems { CLIOutput.write(problem.description) }
        guard errors.isEmpty, let record else {
            throw CLIError("\(directory): \(errors.count) error\(errors.count == 1 ? "" : "s"), \(problems.count - errors.count) warning\(problems.count - errors.count == 1 ? "" : "s")")
        }
        pendingSnapshot?.save()
        let counts = ItemKind.allCases.map { "\(record.items(of: $0).count) \($0.plural)" }.joined(separator: ", ")
        let warnings = problems.count
        CLIOutput.write("\(directory): valid (record version \(record.manifest.version)): \(counts)"
            + (warnings > 0 ? "; \(warnings) warning\(warnings == 1 ? "" : "s")" : ""))
    }
}
