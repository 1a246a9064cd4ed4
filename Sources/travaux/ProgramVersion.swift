import TravauxCore
import TravauxCurses

/// `travaux --version`: the program's version, then what a bug report needs beside it, as
/// `tig --version` names its libraries: the record and the notes directory this command
/// would use, and the ncurses linked. It never fails: what cannot be found is said so.
enum ProgramVersion {
    /// Raised by hand at each release; the record has its own version, in its manifest.
    static let number = "0.9.0"

    /// Whether the arguments ask for the version: `--version` alone, or beside the options
    /// the root's help lists with it (`--record DIR --version`, `--one-pane --version`).
    static func isRequested(_ arguments: [String]) -> Bool {
        var rest = arguments[...]
        var asked = false
        while let argument = rest.popFirst() {
            switch argument {
            case "--version": asked = true
            case _ where InterfaceArguments.flags.contains(argument): continue
            case "--record", "--store", "--session": guard rest.popFirst() != nil else { return false }
            case _ where ["--record=", "--store=", "--session="].contains(where: argument.hasPrefix): continue
            default: return false
            }
        }
        return asked
    }

    /// `--version` beside what it does not take (`--version --json`, `--version list`): named,
    /// where ArgumentParser, which does not know `--version` is ours, called `--version` unknown.
    static func misuse(_ arguments: [String]) -> CLIError? {
        let options = arguments.prefix { $0 != "--" }
        // Only the root's: after a command, `--version` is that command's (`note add --version 2008`).
        guard let position = options.firstIndex(of: "--version"), !isRequested(arguments) else { return nil }
        if let command = InterfaceArguments.firstWord(arguments), let at = options.firstIndex(of: command), at < position { return nil }
        var rest = options[...]
        while let argument = rest.popFirst() {
            switch argument {
            case "--version": continue
            case _ where InterfaceArguments.flags.contains(argument): continue
            case "--record", "--store", "--session":
                guard rest.popFirst() != nil else { return nil }
            case _ where ["--record=", "--store=", "--session="].contains(where: argument.hasPrefix): continue
            default:
                return CLIError("'\(TerminalText.singleLine(argument))' does not go with --version, which says the version, the record and the notes "
                                + "directory as text; give --version alone, or with --record and --store", exitCode: 64)
            }
        }
        return nil
    }

    /// The `--record` and `--store` given beside `--version` (the last of each counts).
    static func directories(_ arguments: [String]) -> (record: String?, store: String?) {
        var record: String?, store: String?
        var rest = arguments[...]
        while let argument = rest.popFirst() {
            if argument == "--record" { record = rest.popFirst() }
            if argument == "--store" { store = rest.popFirst() }
            if argument.hasPrefix("--record=") { record = String(argument.dropFirst("--record=".count)) }
            if argument.hasPrefix("--store=") { store = String(argument.dropFirst("--store=".count)) }
        }
        return (record, store)
    }

    /// `1 error`, `3 errors`, when the record in `directory` cannot be loaded.
    private static func unusable(_ directory: String, environment: [String: String]) -> String? {
        do {
            if let cache = RecordCache.defaultDirectory(environment: environment) {
                _ = try RecordCache(directory: cache).load(directory: directory)
            } else {
                _ = try RecordLoader.load(directory: directory)
            }
            return nil
        } catch {
            let count = max(1, error.errors.count)
            return "\(count) error\(count == 1 ? "" : "s")"
        }
    }

    static func report(record: String?, store: String?, environment: [String: String], executablePath: String?,
                       ncurses: String) -> String {
        var lines = ["travaux \(number)"]
        let locator = RecordLocator(explicit: record, environment: environment, executablePath: executablePath)
        if record?.isEmpty == true {
            lines.append("record: --record is empty; give the record directory (is a variable unset?)")
        } else if let directory = try? locator.locate() {
            if let manifest = RecordLoader.manifest(directory: directory) {
                // Read as every command reads it (from its snapshot while the files are
                // unchanged): a readable manifest beside a broken file is no usable record.
                if let problems = unusable(directory, environment: environment) {
                    lines.append("record: version \(manifest.version), \(directory), cannot be used: \(problems); 'travaux validate \(directory)' names "
                                 + (problems.hasPrefix("1 ") ? "it" : "them"))
                } else {
                    lines.append("record: version \(manifest.version), \(directory)")
                }
            } else if let below = RecordLoader.recordBelow(directory) {
                lines.append("record: none at \(directory), but \(below) is a record; pass --record \(below)")
            } else {
                // What every command would say (`no record at DIR: …`), rather than a pointer to a
                // `travaux validate` that, run bare, checks another record.
                do {
                    _ = try RecordLoader.load(directory: directory)
                    lines.append("record: none readable at \(directory); 'travaux validate \(directory)' says why")
                } catch {
                    lines.append("record: " + error.oneLine)
                }
            }
        } else {
            lines.append("record: not found; pass --record DIR or set TRAVAUX_RECORD")
        }
        if store?.isEmpty == true {
            lines.append("notes: --store is empty; give the notes directory (is a variable unset?)")
        } else if let directory = NoteStoreLocator.directory(explicit: store, environment: environment) {
            // A store that cannot be used is said here too (a file on its path, a folder that
            // is not a store), as every command would say it.
            do {
                try NoteStore(directory: directory).checkReadable()
                lines.append("notes: \(directory)")
            } catch {
                lines.append("notes: \(directory) cannot be used: \(error.description)")
            }
        } else {
            lines.append("notes: no directory (HOME is not set); pass --store DIR or set TRAVAUX_STORE")
        }
        lines.append(ncurses)
        return lines.joined(separator: "\n") + "\n"
    }
}
