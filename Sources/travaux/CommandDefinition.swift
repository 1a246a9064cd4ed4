#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import ArgumentParser

/// A subcommand as ArgumentParser describes it (`_dumpHelp`): its options and arguments, so
/// that a message about them is worked out from the parser's own account and cannot drift
/// from it. Read only when a message needs it, never on a command's way to its work.
struct CommandDefinition: Decodable {
    var commandName: String
    var arguments: [Argument]?
    var subcommands: [CommandDefinition]?

    struct Argument: Decodable {
        var kind: String
        var isRepeating: Bool
        var names: [Name]?
        var valueName: String?
    }
    struct Name: Decodable { var name: String }
    private struct Tool: Decodable { var command: CommandDefinition }

    /// The subcommand the leading positional words name, and the words that name it.
    static func of(_ root: any ParsableCommand.Type, path words: [String]) -> (definition: CommandDefinition, path: [String])? {
        guard let tool = try? JSONDecoder().decode(Tool.self, from: Data(root._dumpHelp().utf8)) else { return nil }
        var command = tool.command
        var path = [command.commandName]
        for word in words {
            guard let next = command.subcommands?.first(where: { $0.commandName == word }) else { break }
            command = next
            path.append(word)
        }
        return (command, path)
    }

    /// The long names of its options and flags (`json`, `kind`), one-letter ones left out.
    var longOptionNames: [String] {
        (arguments ?? []).filter { $0.kind != "positional" }.flatMap { $0.names ?? [] }.map(\.name).filter { $0.count > 1 }
    }

    /// Whether a positional argument of it is free text, which may begin with a dash: a
    /// note's text, a search's words, a tag's or a session's name.
    var takesText: Bool {
        (arguments ?? []).contains { $0.kind == "positional" && ["text", "query", "old", "new"].contains($0.valueName ?? "") }
    }
}
