import ArgumentParser
import TravauxCore

/// `travaux compare PROPOSAL`: what changed between two versions of a proposal, word by word.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare two versions of a proposal: fields, quoted texts and elements, word by word.",
        discussion: """
            By default the first and the last version in date order. Deleted words are written \
            [-like this-] and inserted ones {+like this+}, in colour on a terminal. 'travaux show \
            PROPOSAL' lists a proposal's versions.
            """)

    @Argument(help: "The proposal's id (see 'travaux list proposals').")
    var id: String

    @Option(help: ArgumentHelp("The version to compare from (default: the first).", valueName: "version"))
    var from: String?

    @Option(help: ArgumentHelp("The version to compare to (default: the last).", valueName: "version"))
    var to: String?

    @Flag(help: "Print the comparison as JSON for scripts.")
    var json = false

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let record = try global.loadRecord()
        guard let item = record.item(id) else {
            let near = IDSuggestion.nearest(to: id, among: record.proposals.map(\.id))
            throw CLIError("no proposal '\(id)'" + (near.isEmpty ? "; see 'travaux list proposals'"
                : "; did you mean \(near.map { "'\($0)'" }.joined(separator: ", "))?"))
        }
        guard case .proposal(let proposal) = item else {
            throw CLIError("'\(id)' is \(item.kind == .actor || item.kind == .event ? "an" : "a") \(item.kind.rawValue), not a proposal; see 'travaux list proposals'")
        }
        let comparison: ProposalComparison
        do {
            comparison = try proposal.comparison(from: from, to: to)
        } catch {
            throw CLIError(error.description)
        }
        if json {
            CLIOutput.write(try JSONOutput.string(comparison))
            return
        }
        var text = ComparisonText(comparison, record: record, width: min(CLIOutput.width ?? 100, 100), color: CLIOutput.usesColor)
        CLIOutput.write(text.render())
    }
}
