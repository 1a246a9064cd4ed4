import TravauxCore
import TravauxTUI

/// `show` as plain text: the detail document wrapped to the terminal.
enum DetailText {
    static func render(_ document: DetailDocument, width: Int) -> String {
        // The title wraps as the rest does, its rule as long as its longest line.
        var lines = TerminalText.wrap(document.title, width: width)
        lines.append(String(repeating: "=", count: min(width, lines.map(TerminalText.columns).max() ?? 0)))
        lines.append("\(document.kindName) · \(document.id)")
        let labelWidth = (document.fields.map { TerminalText.columns($0.label) }.max() ?? 0) + 2
        for field in document.fields {
            let label = field.label + ":" + String(repeating: " ", count: max(1, labelWidth - TerminalText.columns(field.label) - 1))
            let wrapped = TerminalText.wrap(plain(field.value), width: width - labelWidth)
            for (index, line) in wrapped.enumerated() {
                lines.append((index == 0 ? label : String(repeating: " ", count: labelWidth)) + line)
            }
        }
        for section in document.sections {
            lines.append("")
            lines.append(section.title)
            lines.append(String(repeating: "-", count: TerminalText.columns(section.title)))
            for block in section.blocks {
                switch block {
                case .paragraph(let spans):
                    lines += TerminalText.wrap(plain(spans), width: width)
                case .continuation(let spans):
                    lines += TerminalText.wrap(plain(spans), width: width, indent: "      ")
                case .quote(let spans):
                    lines += TerminalText.wrap(plain(spans), width: width, indent: "  > ")
                case .entry(let marker, let spans):
                    let prefix = marker.map { "  \($0) " } ?? "  • "
                    let indent = String(repeating: " ", count: TerminalText.columns(prefix))
                    var wrapped = TerminalText.wrap(plain(spans), width: width, indent: indent)
                    // An entry that leads to an item or a note ends with its id, which `show` and
                    // `note edit` take: the interface follows the link, the command line cannot.
                    // Whole, on a line of its own if need be: an id broken at its hyphen misleads.
                    // A line naming several (a vote's "No" states, a criticism by four) gives each.
                    let ids = targets(of: spans)
                    if !ids.isEmpty, let last = wrapped.last {
                        let named = "(" + ids.joined(separator: ", ") + ")"
                        if TerminalText.columns(last) + 2 + TerminalText.columns(named) <= width {
                            wrapped[wrapped.count - 1] = last + "  " + named
                        } else {
                            wrapped += TerminalText.wrap(named, width: width - TerminalText.columns(indent)).map { indent + $0 }
                        }
                    }
                    for (index, line) in wrapped.enumerated() {
                        lines.append(index == 0 ? prefix + line.dropFirst(TerminalText.columns(prefix)) : line)
                    }
                }
            }
        }
        return lines.joined(separator: "\n")
    }

    /// The ids of the items or notes an entry leads to, each once, in order.
    private static func targets(of spans: [DetailSpan]) -> [String] {
        var ids: [String] = []
        for span in spans {
            switch span {
            case .link(let id, _), .note(let id, _): if !ids.contains(id) { ids.append(id) }
            default: continue
            }
        }
        return ids
    }

    private static func plain(_ spans: [DetailSpan]) -> String {
        // Plain text keeps a citation's italics as the record writes them; a tab (a note's
        // indented line) is four spaces, as the interface shows it.
        TextSanitizer.sanitize(spans.map { span in
            if case .emphasis(let text) = span { return "*" + text + "*" }
            return span.plain
        }.joined(), preservingNewlines: false, tabWidth: 4)
    }
}
