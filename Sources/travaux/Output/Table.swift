import TravauxCore

/// An aligned text table that fits the terminal: the flexible column shrinks (ending in
/// "…"), capped columns are cut to their cap, and, on a terminal too narrow for them all,
/// optional columns are left out, so rows never wrap; piped output is never cut.
struct Table {
    struct Column {
        var header: String
        var flexible = false
        var rightAligned = false
        /// At a terminal, the most columns this one takes (a forum's long name).
        var cap: Int? = nil
        /// Left out, last first, when the table would not fit the terminal otherwise.
        var optional = false
    }

    var columns: [Column]
    var rows: [[String]] = []

    /// The narrowest a flexible column is made before optional columns go.
    static let flexibleMinimum = 12

    func render(width: Int?) -> String {
        let cells = rows.map { $0.map(TerminalText.singleLine) }
        var widths = columns.indices.map { index in
            max(TerminalText.columns(columns[index].header),
                cells.map { index < $0.count ? TerminalText.columns($0[index]) : 0 }.max() ?? 0)
        }
        var shown = Array(columns.indices)
        if let width {
            for index in columns.indices { if let cap = columns[index].cap { widths[index] = min(widths[index], max(cap, TerminalText.columns(columns[index].header))) } }
            func needed(_ shown: [Int]) -> Int {
                shown.map { columns[$0].flexible ? min(widths[$0], Self.flexibleMinimum) : widths[$0] }.reduce(0, +) + 2 * (shown.count - 1)
            }
            for index in columns.indices.reversed() where columns[index].optional && needed(shown) > width {
                shown.removeAll { $0 == index }
            }
            if let flexible = shown.first(where: { columns[$0].flexible }) {
                let others = shown.filter { $0 != flexible }.map { widths[$0] }.reduce(0, +)
                widths[flexible] = max(Self.flexibleMinimum, min(widths[flexible], width - others - 2 * (shown.count - 1)))
            }
        }
        var lines: [String] = []
        lines.append(format(columns.map(\.header), widths: widths, shown: shown))
        for row in cells { lines.append(format(row, widths: widths, shown: shown)) }
        return lines.joined(separator: "\n")
    }

    private func format(_ row: [String], widths: [Int], shown: [Int]) -> String {
        var line = ""
        for index in shown {
            let width = widths[index]
            let text = TerminalText.truncate(index < row.count ? row[index] : "", to: width)
            let padding = String(repeating: " ", count: max(0, width - TerminalText.columns(text)))
            let isLast = index == shown.last
            if columns[index].rightAligned { line += padding + text } else { line += text + (isLast ? "" : padding) }
            if !isLast { line += "  " }
        }
        return line
    }
}
