/// One thing wrong with a record file: which file, where in it, and what to do.
public struct RecordProblem: Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable { case error, warning }

    public var file: String
    /// A JSON path such as `$[3].versions[0].date`, or `line 12, column 5` for syntax errors.
    public var location: String
    public var message: String
    public var severity: Severity

    public init(file: String, location: String, message: String, severity: Severity = .error) {
        self.file = file
        self.location = location
        self.message = message
        self.severity = severity
    }

    public var description: String {
        let prefix = severity == .warning ? "warning: " : ""
        return "\(file): \(location): \(prefix)\(message)"
    }
}

/// The record could not be loaded: every problem found, all at once.
public struct RecordLoadError: Error, Sendable, CustomStringConvertible {
    public var directory: String
    public var problems: [RecordProblem]

    public var errors: [RecordProblem] { problems.filter { $0.severity == .error } }

    public init(directory: String, problems: [RecordProblem]) {
        self.directory = directory
        self.problems = problems
    }

    /// Whether there is no record to check at all (the directory is missing, or a file).
    public var isAboutTheDirectory: Bool { directoryProblem != nil }

    /// The one problem when it is the directory itself (missing, or a file): no record to
    /// count problems in.
    private var directoryProblem: RecordProblem? {
        problems.count == 1 && problems[0].file == directory ? problems[0] : nil
    }

    public var description: String {
        if let directoryProblem { return "no record at \(directory): \(directoryProblem.message)" }
        let count = errors.count
        let heading = "the record in \(directory) has \(count) problem\(count == 1 ? "" : "s")"
        // A long report scrolls its heading away: said again below it, with where to read it all.
        let again = problems.count > 10 ? "\n\(heading) (above); 'travaux validate --record \(directory)' lists them again" : ""
        return heading + ":\n" + problems.map { "  " + $0.description }.joined(separator: "\n") + again
    }

    /// The report on one line, for a command whose errors are one line: the first problem,
    /// and where to read them all.
    public var oneLine: String {
        if let directoryProblem { return "no record at \(directory): \(directoryProblem.message)" }
        let count = errors.count
        let first = (errors.first ?? problems.first).map { ": \($0.description)" } ?? ""
        let rest = count > 1 ? "; 'travaux validate --record \(directory)' lists all \(count)" : ""
        return "the record in \(directory) has \(count) problem\(count == 1 ? "" : "s")\(first)\(rest)"
    }
}
