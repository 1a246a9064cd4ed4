import ArgumentParser
import Testing
@testable import travaux

@Suite("Texts that begin with a dash")
struct DashedTextTests {
    /// Every command, its subcommands too.
    static func commands(_ command: any ParsableCommand.Type = TravauxCommand.self) -> [any ParsableCommand.Type] {
        [command] + command.configuration.subcommands.flatMap { commands($0) }
    }

    @Test("the options taken for flags are every command's flags, so that a dashed text after one is not called its value")
    func flagsKnown() {
        var flags: Set<String> = []
        for command in Self.commands() {
            for line in TravauxCommand.helpMessage(for: command).split(separator: "\n") {
                // `  --json   Print JSON…`: a flag; `  --tag <tag>`: an option that takes a value.
                // (Options are listed indented by two; a discussion's lines start further left.)
                guard line.hasPrefix("  --") else { continue }
                let words = line.split(separator: " ")
                guard let first = words.first else { continue }
                let name = first.split(separator: ",").first.map(String.init) ?? String(first)
                if words.count < 2 || !words[1].hasPrefix("<") { flags.insert(name) }
            }
        }
        #expect(flags.isSuperset(of: ["--json", "--force", "--all-sources", "--no-session"]), "\(flags)")
        #expect(flags.subtracting(DashedText.flags).isEmpty, "\(flags.subtracting(DashedText.flags))")
    }
}
