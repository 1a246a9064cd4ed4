import ArgumentParser
import TravauxCore

/// `travaux compare PROPOSAL`: what changed between two versions of a proposal, word by word.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare two versions of a proposal: fields, quoted texts and elements, word by word.",
        discussion: """
            By default the first and the last version, in the record's order (oldest first). Deleted words are written \
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
        try EmptyArgument.check(id, "give a proposal's id, as in 'travaux compare ppwt' (see 'travaux list proposals')")
        try EmptyArgument.check(from, "--from is empty; give a version's id, or leave --from out for the first (see 'travaux show \(id)')")
        try EmptyArgument.check(to, "--to is empty; give a version's id, or leave --to out for the last (see 'travaux show \(id)')")
        let record = try global.loadRecord()
        let id = record.resolvingTyped(id)
        guard let item = record.item(id) else {
            let near = IDSuggestion.nearest(to: id, among: record.proposals.map(\.id))
            throw CLIError("no proposal '\(id)'" + (near.isEmpty ? "; see 'travaux list proposals'"
                : "; " + IDSuggestion.question(near)))
        }
        guard case .proposal(let proposal) = item else {
            throw CLIError("'\(id)' is \(item.kind.withArticle), not a proposal; see 'travaux list proposals'")
        }
        let comparison: ProposalComparison
        do {
            comparison = try proposal.comparison(from: from, to: to)
        } catch .sameVersion(let version, _, let versions) {
            // Said as typed: one option alone meets the other's default.
            let both = switch (from, to) {
            case (.some, .some): "--from and --to are both '\(version)'"
            case (nil, .some): "--to '\(version)' is the first version, where --from starts when not given"
            default: "--from '\(version)' is the last version, where --to ends when not given"
            }
            throw CLIError(both + "; choose two of " + versions.joined(separator: ", "), exitCode: 64)
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
