import ArgumentParser
import TravauxCore

/// A first word that names no command gets the nearest commands, as git answers a typo:
/// ArgumentParser would say "Unexpected argument", or complain about an option after the
/// word (`travaux notes --json`: "Unknown option '--json'"), which sends the user the wrong way.
enum CommandSuggestion {
    /// The error for arguments whose first word is not a command, or nil when it is one or
    /// there is none. A word that is an item's id (`travaux ppwt`) is sent to `show`;
    /// `kindOfItem` reads the record only then, on this error's path.
    static func error(for arguments: [String], kindOfItem: (String) -> ItemKind? = { _ in nil }) -> CLIError? {
        guard let word = InterfaceArguments.firstWord(arguments), !InterfaceArguments.subcommands.contains(word) else {
            return nil
        }
        let hint: String
        if let kind = kindOfItem(word) {
            hint = "; to read the \(kind.rawValue) '\(word)': travaux show \(word)"
        } else {
            let near = IDSuggestion.nearest(to: word, among: InterfaceArguments.subcommands.sorted())
            hint = near.isEmpty ? "" : "; " + IDSuggestion.question(near)
        }
        // 64, as ArgumentParser exits for any other misuse of the command line.
        return CLIError("no command '\(word)'\(hint) (see 'travaux --help')", exitCode: 64)
    }

    /// A word where a group's subcommand goes that names none (`note lst`, `tag renam`), or
    /// after `help` (`help nosuch`, `help note lst`): the nearest commands, exit 64, instead of
    /// "unexpected argument" or the root's help.
    static func subcommandError(for arguments: [String]) -> CLIError? {
        var words = InterfaceArguments.positionalWords(arguments)[...]
        let isHelp = words.first == "help"
        if isHelp { words = words.dropFirst() }
        var command: any ParsableCommand.Type = TravauxCommand.self
        var path: [String] = []
        for word in words {
            let subcommands = command.configuration.subcommands
            // Past a command without subcommands, words are its own arguments.
            guard !subcommands.isEmpty else { return nil }
            if let next = subcommands.first(where: { $0._commandName == word || $0.configuration.aliases.contains(word) }) {
                command = next
                path.append(word)
                continue
            }
            // The first word has its own message (`error(for:)`), which knows items' ids.
            guard isHelp || !path.isEmpty else { return nil }
            let names = subcommands.map { $0._commandName }
            // `session list`, `tag ls`: the list is a command of its own, the group's name in the plural.
            let plural = path.count == 1 ? path[0] + "s" : ""
            if ["list", "ls"].contains(word), TravauxCommand.configuration.subcommands.contains(where: { $0._commandName == plural }) {
                return CLIError("no command '\((path + [word]).joined(separator: " "))'; did you mean 'travaux \(plural)'? "
                                + "(see 'travaux \(plural) --help')", exitCode: 64)
            }
            let near = IDSuggestion.nearest(to: word, among: names.sorted())
            let hint = near.isEmpty ? "; the commands here are \(names.joined(separator: ", "))"
                : "; did you mean \(near.map { "'\((path + [$0]).joined(separator: " "))'" }.joined(separator: ", "))?"
            let help = (["travaux"] + path + ["--help"]).joined(separator: " ")
            return CLIError("no command '\((path + [word]).joined(separator: " "))'\(hint) (see '\(help)')", exitCode: 64)
        }
        return nil
    }

    /// Where the help for these arguments is: the command they name (`travaux help note add`,
    /// which lists its arguments), or the program's when they name none.
    static func helpReference(for arguments: [String]) -> String {
        var command: any ParsableCommand.Type = TravauxCommand.self
        var path: [String] = []
        for word in InterfaceArguments.positionalWords(arguments) {
            guard let next = command.configuration.subcommands.first(where: { $0._commandName == word || $0.configuration.aliases.contains(word) })
            else { break }
            command = next
            path.append(word)
        }
        return path.isEmpty || path == ["help"] ? "travaux --help" : "travaux help " + path.joined(separator: " ")
    }

    /// ArgumentParser's sentence as ours are written: one line, lower case first
    /// ("missing expected argument '<id>'").
    static func ownWording(_ message: String) -> String {
        let line = message.split(separator: "\n").map { $0.trimmingPrefix(while: { $0 == " " || $0 == "-" }) }.joined(separator: " ")
        if let choice = invalidChoice(line) { return choice }
        guard let first = line.first, first.isUppercase, line.dropFirst().first?.isLowercase == true else { return line }
        return first.lowercased() + line.dropFirst()
    }

    /// ArgumentParser's "The value 'x' is invalid for '--order <order>'. Please provide one of
    /// 'item' and 'time'." in the house's words: an empty value as every empty value is said
    /// (`--order is empty; give item or time`), another as not one of the choices.
    static func invalidChoice(_ line: String) -> String? {
        guard let start = line.firstRange(of: "he value '") else { return nil }
        let afterValue = line[start.upperBound...]
        guard let middle = afterValue.firstRange(of: "' is invalid for '") else { return nil }
        let afterOption = afterValue[middle.upperBound...]
        guard let end = afterOption.firstRange(of: "'. Please provide one of ") else { return nil }
        let value = String(afterValue[..<middle.lowerBound])
        let option = String(afterOption[..<end.lowerBound].prefix { $0 != " " })
        // The choices are the quoted words: every other piece between quotes.
        let pieces: [Substring] = afterOption[end.upperBound...].split(separator: "'", omittingEmptySubsequences: false)
        var choices: [String] = []
        for (index, piece) in pieces.enumerated() where index % 2 == 1 && !piece.isEmpty { choices.append(String(piece)) }
        guard option.hasPrefix("-"), let last = choices.last else { return nil }
        let listed = choices.count == 1 ? last : choices.dropLast().joined(separator: ", ") + " or " + last
        if value.allSatisfy(\.isWhitespace) { return "\(option) is empty; give \(listed)" }
        let near = IDSuggestion.nearest(to: value.lowercased(), among: choices)
        let suggestion = near.isEmpty ? "" : "; " + IDSuggestion.question(near)
        return "\(option) '\(value)' is not one of \(choices.joined(separator: ", "))" + suggestion
    }

    /// `--tag= x` (given apart as `--tag ""`, `EmptyArgument`), or `--tag '' x`: a space after
    /// `=` leaves the option empty and its value a stray word, which ArgumentParser names as
    /// unexpected and the root as no command. Nil for any other arguments.
    static func strayValueError(for arguments: [String]) -> CLIError? {
        for index in arguments.indices.dropLast(2) where arguments[index].hasPrefix("--") && arguments[index + 1].isEmpty {
            let option = arguments[index], next = arguments[index + 2]
            guard !next.hasPrefix("-"), !arguments[..<index].contains("--") else { continue }
            let value = ShellWord.quotedText(next)
            return CLIError("\(option) is given empty and '\(TerminalText.singleLine(next))' follows it apart; "
                            + "write \(option)=\(value) or \(option) \(value)", exitCode: 64)
        }
        return nil
    }

    /// Misuses ArgumentParser answers in its own words, which point the wrong way: a kind of
    /// `list` mistyped (it listed the kinds, no nearest one), `--limit -1` ("Missing value"),
    /// `export --json` ("did you mean '--from'?"). Nil for any other arguments.
    static func argumentError(for arguments: [String]) -> CLIError? {
        let words = InterfaceArguments.positionalWords(arguments)
        if words.first == "list", let kind = listedKind(arguments), ListCommand.Kind(rawValue: kind) == nil {
            let kinds = ListCommand.Kind.allCases.map(\.rawValue)
            let near = IDSuggestion.nearest(to: kind, among: kinds)
            return CLIError("no kind '\(kind)' to list; " + (near.isEmpty ? "give one of " + kinds.joined(separator: ", ")
                : IDSuggestion.question(near)), exitCode: 64)
        }
        if words.first == "search", let index = arguments.firstIndex(of: "--limit"), index + 1 < arguments.count,
           arguments[index + 1].hasPrefix("-"), Int(arguments[index + 1]) != nil {
            return CLIError("--limit is a number of results, 1 or more (it was \(arguments[index + 1]))", exitCode: 64)
        }
        if words.first == "export", arguments.contains("--json") {
            return CLIError("export has no --json: '--format csl-json' gives the sources as JSON, and 'travaux note list --json' the notes", exitCode: 64)
        }
        return nil
    }

    /// The word `list` is given to list: the first after it that is neither an option nor the
    /// value of one (`list --domain space proposals` lists proposals, not `space`).
    private static func listedKind(_ arguments: [String]) -> String? {
        guard let start = arguments.firstIndex(of: "list") else { return nil }
        let takingValues: Set<String> = ["--domain", "--forum", "--actor", "--tag", "--record", "--store"]
        var index = start + 1
        while index < arguments.count {
            let argument = arguments[index]
            if takingValues.contains(argument) {
                index += 2
            } else if argument.hasPrefix("-") {
                index += 1
            } else {
                return argument
            }
        }
        return nil
    }

    /// The kind of the item `id` in the record these arguments name (`--record`, else the
    /// environment's or the shipped one), or nil when there is none or it does not load.
    static func kindOfItem(_ id: String, arguments: [String]) -> ItemKind? {
        var recordArguments: [String] = []
        for (index, argument) in arguments.enumerated() {
            if argument == "--record", index + 1 < arguments.count {
                recordArguments = [argument, arguments[index + 1]]
            } else if argument.hasPrefix("--record=") {
                recordArguments = [argument]
            }
        }
        guard let options = try? GlobalOptions.parse(recordArguments),
              let record = try? options.loadRecord() else { return nil }
        return record.item(id)?.kind
    }
}
