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
            hint = near.isEmpty ? "" : "; did you mean \(near.map { "'\($0)'" }.joined(separator: ", "))?"
        }
        // 64, as ArgumentParser exits for any other misuse of the command line.
        return CLIError("no command '\(word)'\(hint) (see 'travaux --help')", exitCode: 64)
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
