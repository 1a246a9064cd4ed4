import TravauxCore

/// Text that begins with a dash (`- a point`, `-> see`, `-ish`) given where options are read.
/// ArgumentParser takes `-ish` for the short options i, s and h, and `h` is `-h`: the help was
/// printed, the exit was 0, and the note was not saved (a script took the help for the new
/// note's id). Refused before parsing, with the command written the way that works.
enum DashedText {
    /// The options that take no value; every other `--name` takes the word after it.
    static let flags: Set<String> = ["--json", "--force", "--all-sources", "--no-session", "--one-pane", "--fresh", "--help", "--version"]

    /// The error for the first such text before `--`, or nil when there is none. Where the
    /// command takes no text (`tags -j`, `note rm -f ID`) it is an option misspelt, and said
    /// as one, with the long options it may have meant; `-o=FILE` as `-o FILE`.
    static func error(in arguments: [String]) -> CLIError? {
        for (index, argument) in arguments.enumerated() {
            if argument == "--" { return nil }
            guard isText(argument) else { continue }
            let shown = TerminalText.singleLine(argument)
            let start = "'\(shown)' begins with '-' and would be read as options"
            if index > 0, isLongOption(arguments[index - 1]), !arguments[index - 1].contains("="), !flags.contains(arguments[index - 1]) {
                let option = arguments[index - 1]
                return CLIError("\(start); as the value of \(option), write \(option)=\(ShellWord.quotedText(argument))", exitCode: 64)
            }
            let command = CommandDefinition.of(TravauxCommand.self, path: InterfaceArguments.positionalWords(arguments))?.definition
            let help = "(see '\(CommandSuggestion.helpReference(for: arguments))')"
            let longNames = command?.longOptionNames ?? []
            if argument.hasPrefix("-o"), command?.arguments?.contains(where: { $0.names?.contains { $0.name == "o" } == true }) == true {
                let value = String(argument.dropFirst(2).drop { $0 == "=" })
                return CLIError("'\(shown)': -o takes its file after a space; write -o \(ShellWord.quoted(value))", exitCode: 64)
            }
            // `-j` for `--json`: the long options that begin with the letter.
            var meant: [String] = []
            if argument.count == 2, let letter = argument.dropFirst().first, letter.isLetter {
                meant = longNames.filter { $0.first == Character(letter.lowercased()) }.map { "'--" + $0 + "'" }
            }
            let guess = meant.isEmpty ? "" : "; did you mean " + meant.joined(separator: " or ") + "?"
            guard command?.takesText == true else {
                return CLIError("unknown option '\(shown)'\(guess) \(help)", exitCode: 64)
            }
            let written = suggestion(arguments, textAt: index)
            if !guess.isEmpty {
                return CLIError("unknown option '\(shown)'\(guess) If it is text, it goes after '--', every option before it: \(written)", exitCode: 64)
            }
            return CLIError("\(start); a text that begins with '-' goes after '--', every option before it: \(written)", exitCode: 64)
        }
        return nil
    }

    /// Whether an argument is text rather than an option travaux has: one dash and more than
    /// one letter after it (travaux's short options are `-h` and `-o`), or two dashes and
    /// anything but an option's name.
    static func isText(_ argument: String) -> Bool {
        guard argument.hasPrefix("-"), argument != "-", argument != "-h", argument != "-o" else { return false }
        // A negative number (`--limit -1`) has its own message.
        if Int(argument) != nil { return false }
        return argument.hasPrefix("--") ? !isLongOption(argument) : true
    }

    /// `--name` or `--name=value`, the name lower-case letters, digits and hyphens.
    static func isLongOption(_ argument: String) -> Bool {
        guard argument.hasPrefix("--") else { return false }
        let name = argument.dropFirst(2).prefix { $0 != "=" }
        guard let first = name.first, first.isASCII, first.isLetter else { return false }
        return name.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }
    }

    /// The same command with `--` before the text and every option, with its value, before
    /// the `--`: what the shell should be given.
    static func suggestion(_ arguments: [String], textAt index: Int) -> String {
        var head = Array(arguments[..<index])
        var tail: [String] = []
        var next = index
        while next < arguments.count {
            let argument = arguments[next]
            if next != index, isLongOption(argument) {
                head.append(argument)
                if !argument.contains("="), !flags.contains(argument), next + 1 < arguments.count {
                    next += 1
                    head.append(arguments[next])
                }
            } else {
                tail.append(argument)
            }
            next += 1
        }
        return (["travaux"] + head.map(ShellWord.quotedText) + ["--"] + tail.map(ShellWord.quotedText)).joined(separator: " ")
    }
}
