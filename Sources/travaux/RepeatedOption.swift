#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import ArgumentParser
import TravauxCore

/// An option that takes one value given twice with two values (`list events --domain space
/// --domain cyber`): ArgumentParser keeps the last without a word, where `note list --tag a
/// --tag b` asks for both. A usage error, so a script learns which it meant. `--record` and
/// `--store` keep the last, as the interface's own reading of them does (a wrapper's default,
/// then the user's). Which options repeat is ArgumentParser's own account of the command
/// (`_dumpHelp`), worked out only when a name comes twice, so the two cannot drift apart.
enum RepeatedOption {
    static let lastCounts: Set<String> = ["record", "store"]

    static func error(in arguments: [String], root: any ParsableCommand.Type) -> CLIError? {
        let given = values(in: arguments)
        // The same value in another case or spacing is one (`--session 'OEWG 1' --session 'oewg 1'`),
        // as sessions and ids are matched.
        let repeated = given.filter { Set($0.value.map { SessionLabel.normalise($0).lowercased() }).count > 1 && !lastCounts.contains($0.key) }
        guard !repeated.isEmpty, let command = CommandDefinition.of(root, path: InterfaceArguments.positionalWords(arguments)) else { return nil }
        // In the order typed, so that the first one repeated is said.
        for name in given.keys.sorted(by: { first(of: $0, in: arguments) < first(of: $1, in: arguments) }) where repeated[name] != nil {
            guard let argument = command.definition.arguments?.first(where: { $0.kind == "option" && $0.names?.contains { $0.name == name } == true }),
                  argument.isRepeating == false, let values = repeated[name] else { continue }
            let shown = values.map { "'" + TerminalText.singleLine($0) + "'" }.joined(separator: " and ")
            let option = name.count == 1 ? "-" + name : "--" + name
            return CLIError("\(option) is given twice (\(shown)); '\(command.path.joined(separator: " "))' takes one; give the one you mean",
                            exitCode: 64)
        }
        return nil
    }

    /// Each option's values, before `--`, by its name without dashes: `--name value`,
    /// `--name=value` and `-o value` (`-` alone is a value: standard output).
    static func values(in arguments: [String]) -> [String: [String]] {
        var result: [String: [String]] = [:]
        var index = 0
        while index < arguments.count, arguments[index] != "--" {
            let argument = arguments[index]
            index += 1
            let isShort = argument.count == 2 && argument.hasPrefix("-") && argument.dropFirst().first?.isLetter == true
            guard isShort || (argument.hasPrefix("--") && argument.count > 2) else { continue }
            if !isShort, let equals = argument.firstIndex(of: "=") {
                result[String(argument[argument.index(argument.startIndex, offsetBy: 2)..<equals]), default: []]
                    .append(String(argument[argument.index(after: equals)...]))
            } else if index < arguments.count, !arguments[index].hasPrefix("-") || arguments[index] == "-" {
                // A flag followed by a positional word counts that word too; only options
                // ArgumentParser calls options are said, and a flag is not one.
                result[String(argument.drop { $0 == "-" }), default: []].append(arguments[index])
            }
        }
        return result
    }

    private static func first(of name: String, in arguments: [String]) -> Int {
        arguments.firstIndex { $0 == "--" + name || $0.hasPrefix("--" + name + "=") } ?? arguments.count
    }
}
