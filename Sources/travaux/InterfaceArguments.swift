import ArgumentParser
import TravauxCore

/// The interface's own options, taken out before ArgumentParser sees the arguments.
enum InterfaceArguments {
    /// The subcommands' names, from the command tree itself so the two cannot drift apart.
    static let subcommands: Set<String> = Set(TravauxCommand.configuration.subcommands.compactMap { $0.configuration.commandName }
        + ["help"])

    /// Removes `--session NAME` (or `--session=NAME`) when no subcommand is given, every time
    /// it is given: the same label twice, whatever its case and spacing, is one; two labels
    /// are a usage error, as an option of a command given twice is (`RepeatedOption`).
    static func takeSession(from arguments: inout [String]) throws(CLIError) -> String? {
        guard !hasSubcommand(arguments) else { return nil }
        var values: [String] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "--session", index + 1 < arguments.count {
                values.append(arguments[index + 1])
                arguments.removeSubrange(index...(index + 1))
            } else if argument.hasPrefix("--session=") {
                values.append(String(argument.dropFirst("--session=".count)))
                arguments.remove(at: index)
            } else {
                index += 1
            }
        }
        if Set(values.map { SessionLabel.normalise($0).lowercased() }).count > 1 {
            let shown = values.map { "'" + TerminalText.singleLine($0) + "'" }.joined(separator: " and ")
            throw CLIError("--session is given twice (\(shown)); the interface takes one; give the one you mean", exitCode: 64)
        }
        return values.first
    }

    static let onePane = "--one-pane"
    static let fresh = "--fresh"
    /// The interface's flags, which take no value.
    static let flags: Set<String> = [onePane, fresh]
    /// The commands with a `--session` of their own.
    static let commandsTakingSession: Set<String> = ["note", "export"]

    /// Removes one of the interface's `flags` when no subcommand is given; after one,
    /// ArgumentParser rejects it.
    static func take(_ flag: String, from arguments: inout [String]) -> Bool {
        guard !hasSubcommand(arguments), let position = options(arguments).firstIndex(of: flag) else { return false }
        arguments.remove(at: position)
        return true
    }

    /// The arguments before `--`, after which everything is a value (a note's text).
    private static func options(_ arguments: [String]) -> ArraySlice<String> {
        arguments.prefix { $0 != "--" }
    }

    /// The interface's own options given with a command, which ArgumentParser would call
    /// unknown without saying whose they are.
    static func misplacedOption(in arguments: [String]) -> CLIError? {
        guard let command = firstWord(arguments), subcommands.contains(command), command != "help" else { return nil }
        if options(arguments).contains(onePane) {
            return CLIError("--one-pane is the interface's ('travaux --one-pane'); a command prints its answer once", exitCode: 64)
        }
        if options(arguments).contains(fresh) {
            return CLIError("--fresh is the interface's ('travaux --fresh' starts at the Timeline); a command has no place to go back to", exitCode: 64)
        }
        // `--session` before the command; after it, the command's own (`note add`, `export`) or said here.
        if let position = options(arguments).firstIndex(where: { $0 == "--session" || $0.hasPrefix("--session=") }),
           let commandPosition = arguments.firstIndex(of: command) {
            if position < commandPosition {
                return CLIError("--session before a command is the interface's; for notes, give it after the command, "
                                + "as in 'travaux note add ITEM TEXT --session NAME'", exitCode: 64)
            }
            if !commandsTakingSession.contains(command) {
                return CLIError("'\(command)' has no --session; sessions are the notes' ('note add … --session NAME', "
                                + "'note list --session NAME', 'export --session NAME') and the interface's ('travaux --session NAME')", exitCode: 64)
            }
        }
        return nil
    }

    /// Whether a subcommand name appears where a subcommand can be (not as an option's value).
    static func hasSubcommand(_ arguments: [String]) -> Bool {
        firstWord(arguments).map(subcommands.contains) ?? false
    }

    /// The first argument that is neither an option nor an option's value: where a
    /// subcommand's name is.
    static func firstWord(_ arguments: [String]) -> String? {
        positionalWords(arguments).first
    }

    /// The arguments before `--` that are neither options nor the values of the options read
    /// before the subcommand, in order: the subcommands' names, then their own arguments.
    static func positionalWords(_ arguments: [String]) -> [String] {
        var words: [String] = []
        var skipNext = false
        for argument in options(arguments) {
            if skipNext { skipNext = false; continue }
            if argument == "--record" || argument == "--store" || argument == "--session" { skipNext = true; continue }
            if argument.hasPrefix("-") { continue }
            words.append(argument)
        }
        return words
    }
}
