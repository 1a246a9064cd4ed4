import TravauxCore

/// The ids of a proposal's versions, quoted texts and elements, under `show`: what
/// `compare --from/--to` and `note add --version/--quote/--element` take. The interface
/// needs none of them (Ctrl-T cycles the parts), so they are the CLI's own section.
enum ProposalPartsText {
    static func render(_ proposal: Proposal, width: Int) -> [String] {
        var parts: [(kind: String, id: String, about: String)] = proposal.versions.map { ("version", $0.id, $0.label) }
        for version in proposal.versions {
            parts += version.quotes.map { ("quote", $0.id, "in " + version.id) }
        }
        parts += proposal.elements.map { ("element", $0.id, "number " + $0.number) }
        let idWidth = min(32, parts.map { TerminalText.columns($0.id) }.max() ?? 0)
        var lines = ["", "Parts", "-----"]
        lines += TerminalText.wrap("The ids that compare --from/--to and note add --version/--quote/--element take.", width: width)
        for part in parts {
            let head = "  " + part.kind + String(repeating: " ", count: 9 - part.kind.count) + part.id
            let pad = max(2, 11 + idWidth + 2 - TerminalText.columns(head))
            let indent = String(repeating: " ", count: 13 + idWidth)
            let about = TerminalText.wrap(part.about, width: width, indent: indent)
            lines.append(head + String(repeating: " ", count: pad) + (about.first?.dropFirst(indent.count) ?? ""))
            lines += about.dropFirst()
        }
        return lines
    }
}
