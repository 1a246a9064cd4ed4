import ArgumentParser
import Foundation
import TravauxCore

/// `travaux validate`: every problem in a record, each with its file and JSON path.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a record: ids, references, dates, footnotes, symbols. Exits non-zero on any error.")

    @Argument(help: "The record directory to check (as --record gives it).")
    var directory: String?

    @Flag(help: "Print the verdict, the counts and every problem as JSON (for CI); the exit status is the same.")
    var json = false

    @OptionGroup var global: GlobalOptions

    func run() throws {
        try global.refuseEmptyDirectories()
        try EmptyArgument.check(directory, "the record directory is empty; give its path, as in 'travaux validate ~/my-record'")
        if let directory, let record = global.record, !Self.sameDirectory(directory, record) {
            throw CLIError("'\(directory)' and --record '\(record)' name two records; give one", exitCode: 64)
        }
        let locator = RecordLocator(explicit: directory ?? global.record, environment: CLIEnvironment.variables,
                                    executablePath: RecordLocator.currentExecutablePath())
        let directory: String
        do { directory = try locator.locate() } catch {
            // No record found anywhere is an answer for CI too, with no directory to name.
            if json { try writeJSON(directory: nil, record: nil, problems: [RecordProblem(file: "-", location: "-", message: error.description)]) }
            throw CLIError(error.description)
        }
        // Always from the files; a valid record's snapshot is saved, so that the interface
        // started next on an edited record does not decode and validate it again.
        let (record, found, pendingSnapshot): (Record?, [RecordProblem], PendingRecordSnapshot?)
        if let cacheDirectory = RecordCache.defaultDirectory(environment: CLIEnvironment.variables) {
            (record, found, pendingSnapshot) = RecordCache(directory: cacheDirectory).read(directory: directory)
        } else {
            (record, found) = RecordLoader.read(directory: directory)
            pendingSnapshot = nil
        }
        // No record at all is said as every command says it, not as a problem in one.
        // The directory given as the argument is mended as an argument, not with --record.
        let problems = self.directory == nil ? found : found.map(Self.advisingTheArgument)
        let failure = RecordLoadError(directory: directory, problems: problems)
        if failure.isAboutTheDirectory {
            // CI parses stdout whatever the verdict: the missing directory is an answer too.
            if json { try writeJSON(directory: directory, record: nil, problems: problems) }
            throw CLIError(failure.oneLine)
        }
        let errors = problems.filter { $0.severity == .error }
        let verdict = "\(directory): \(errors.count) error\(errors.count == 1 ? "" : "s"), \(problems.count - errors.count) warning\(problems.count - errors.count == 1 ? "" : "s")"
        if json {
            try writeJSON(directory: directory, record: errors.isEmpty ? record : nil, problems: problems)
            guard errors.isEmpty, record != nil else { throw CLIError(verdict) }
            pendingSnapshot?.save()
            return
        }
        for problem in problems { CLIOutput.write(TerminalText.multiline(problem.description)) }
        guard errors.isEmpty, let record else { throw CLIError(verdict) }
        pendingSnapshot?.save()
        let counts = ItemKind.allCases.map { "\(record.items(of: $0).count) \($0.plural)" }.joined(separator: ", ")
        let warnings = problems.count
        CLIOutput.write(TerminalText.singleLine("\(directory): valid (record version \(record.manifest.version)): \(counts)"
            + (warnings > 0 ? "; \(warnings) warning\(warnings == 1 ? "" : "s")" : "")))
    }

    /// `record/` and `record`, or a link and its target, are one record.
    static func sameDirectory(_ first: String, _ second: String) -> Bool {
        func trimmed(_ path: String) -> String {
            var path = path
            while path.count > 1, path.hasSuffix("/") { path.removeLast() }
            return path
        }
        if trimmed(first) == trimmed(second) { return true }
        func resolved(_ path: String) -> String? {
            guard let pointer = realpath(path, nil) else { return nil }
            defer { free(pointer) }
            return String(cString: pointer)
        }
        guard let first = resolved(first), let second = resolved(second) else {
            // A path that is not there has no real path: compared as written (`nope`, `./nope/`).
            return lexical(trimmed(first)) == lexical(trimmed(second))
        }
        return first == second
    }

    /// A path made absolute from the working directory, with `.`, `..` and doubled slashes
    /// worked out as text.
    private static func lexical(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var parts: [Substring] = []
        for part in absolute.split(separator: "/") where part != "." {
            if part == ".." { _ = parts.popLast() } else { parts.append(part) }
        }
        return "/" + parts.joined(separator: "/")
    }

    /// The loader's advice names --record; the record was given as `validate DIR`.
    static func advisingTheArgument(_ problem: RecordProblem) -> RecordProblem {
        var problem = problem
        problem.message = problem.message
            .replacingOccurrences(of: "check the path given to --record or in TRAVAUX_RECORD", with: "check the path")
            .replacingOccurrences(of: "pass --record ", with: "give ")
        return problem
    }

    /// `{"directory", "valid", "version", "counts", "errors", "warnings", "problems": [{file, location, message, severity}]}`.
    private func writeJSON(directory: String?, record: Record?, problems: [RecordProblem]) throws {
        struct Problem: Encodable { var file, location, message, severity: String }
        struct Report: Encodable {
            var directory: String?
            var valid: Bool
            var version: String?
            var counts: [String: Int]?
            var errors: Int
            var warnings: Int
            var problems: [Problem]
            enum CodingKeys: CodingKey { case directory, valid, version, counts, errors, warnings, problems }
            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(directory, forKey: .directory)
                try container.encode(valid, forKey: .valid)
                // null, not left out, for a record that is not valid: one shape for every answer.
                try container.encode(version, forKey: .version)
                try container.encode(counts, forKey: .counts)
                try container.encode(errors, forKey: .errors)
                try container.encode(warnings, forKey: .warnings)
                try container.encode(problems, forKey: .problems)
            }
        }
        let errors = problems.count { $0.severity == .error }
        let report = Report(directory: directory, valid: record != nil, version: record?.manifest.version,
                            counts: record.map { record in Dictionary(uniqueKeysWithValues: ItemKind.allCases.map { ($0.plural, record.items(of: $0).count) }) },
                            errors: errors, warnings: problems.count - errors,
                            problems: problems.map { Problem(file: $0.file, location: $0.location, message: $0.message, severity: $0.severity.rawValue) })
        CLIOutput.write(try JSONOutput.string(report))
    }
}
