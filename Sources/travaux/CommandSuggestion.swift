import TravauxCore

/// A first word that names no command gets the nearest commands, as git answers a typo:
/// ArgumentParser would say "Unexpected argument", or complain about an option after the
/// word (`travaux notes --json`: "Unknown option '--json'"), which sends the user the wrong way.
enum CommandSuggestion {
    /// The error for arguments whose first word is not a command, or nil when it is one or
    /// there is none.
    static func error(for arguments: [String]) -> CLIError? {
        guard let word = InterfaceArguments.firstWord(arguments), !InterfaceArguments.subcommands.contains(word) else {
            return nil
        }
        let near = IDSuggestion.nearest(to: word, among: InterfaceArguments.subcommands.sorted())
        let hint = near.isEmpty ? "" : "; did you mean \(near.map { "'\($0)'" }.joined(separator: ", "))?"
        // 64, as ArgumentParser exits for any other misuse of the command line.
        return CLIError("no command '\(word)'\(hint) (see 'travaux --help')", exitCode: 64)
    }
}
