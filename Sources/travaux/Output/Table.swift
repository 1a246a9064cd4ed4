import TravauxCore

/// An aligned text table that fits the terminal: the flexible column shrinks
/// (ending in "…") so rows never wrap; piped output is never cut.
struct Table {
    struct Column {
        var header: String
        var flexible = false
        var rightAligned = false
    }

    var columns: [Column]
    var rows: [[String]] = []

    func render(width: Int?) -> String {
        let cells = rows.map { $0.map(TerminalText.singleLine) }
        var widths = columns.indices.map { index in
            max(TerminalText.columns(columns[index].header),
                cells.map { index < $0.count ? TerminalText.columns($0[index]) : 0 }.max() ?? 0)
        }
        if let width, let flexible = columns.firstIndex(where: \.flexible) {
            let others = widths.enumerated().filter { $0.offset != flexible }.map(\.element).reduce(0, +)
            let gaps = 2 * (columns.count - 1)
            widths[flexible] = max(12, min(widths[flexible], width - others - gaps))
        }
        var lines: [String] = []
        lines.append(format(columns.map(\.header), widths: widths))
        for row in cells { lines.append(format(row, widths: widths)) }
        return lines.joined(separator: "\n")
    }

    private func format(_ row: [String], widths: [Int]) -> String {
        var line = ""
        for (index, width) in widths.enumerated() {
            let text = TerminalText.truncate(index < row.count ? row[index] : "", to: width)
            let padding = String(repeating: " ", count: max(0, width - TerminalText.columns(text)))
            let isLast = index == widths.count - 1
            if columns[index].rightAligned { line += padding + text } else { line += text + (isLast ? "" : padding) }
            if !isLast { line += "  " }
        }
        return line
    }
}
