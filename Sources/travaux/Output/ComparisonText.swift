import TravauxCore
import TravauxTUI

/// `compare` as text: the record's account of the change, the fields that differ, and
/// each quoted text and element as one word diff in `[-deleted-]{+inserted+}` form (as
/// `git diff --word-diff=plain` writes it), coloured on a terminal, wrapped to a width.
struct ComparisonText {
    let comparison: ProposalComparison
    let record: Record
    let width: Int
    let color: Bool

    static let deleted = Style(foreground: .red)
    static let inserted = Style(foreground: .green)
    static let heading = Style(bold: true)

    private var lines: [String] = []

    init(_ comparison: ProposalComparison, record: Record, width: Int, color: Bool) {
        self.comparison = comparison
        self.record = record
        self.width = max(20, width)
        self.color = color
    }

    mutating func render() -> String {
        line(StyledText(comparison.title, style: Self.heading))
        lines.append(String(repeating: "=", count: min(width, DisplayWidth.of(comparison.title))))
        lines.append("proposal · \(comparison.proposalID)")
        line(StyledText("From: ", style: Self.heading) + StyledText(side(comparison.from)), indent: "      ")
        line(StyledText("To:   ", style: Self.heading) + StyledText(side(comparison.to)), indent: "      ")

        section("What changed")
        for change in comparison.changes {
            line(StyledText("\(change.version) · \(change.label)" + (change.date.map { " · " + $0.natural } ?? ""), style: Self.heading))
            line(StyledText(change.text), indent: "  ", first: "  ")
        }

        if !comparison.fields.isEmpty {
            section("Fields")
            let labelWidth = (comparison.fields.map { DisplayWidth.of($0.field.label) }.max() ?? 0) + 2
            for change in comparison.fields {
                let label = change.field.label + ":" + String(repeating: " ", count: max(1, labelWidth - DisplayWidth.of(change.field.label) - 1))
                line(value(change), indent: String(repeating: " ", count: labelWidth), first: label)
            }
        }

        let paired = comparison.pairedQuotes
        if !paired.isEmpty {
            section("Quoted texts")
            for quote in paired {
                var title = "\(quote.key) (\(describe(quote.change)))"
                if let from = quote.from, let to = quote.to {
                    title += ": \(from.id) \(footnote(from.source)) → \(to.id) \(footnote(to.source))"
                }
                line(StyledText(title, style: Self.heading))
                let text = quote.diff.map { diffText($0) } ?? StyledText(quote.from?.text ?? quote.to?.text ?? "")
                line(StyledText("“") + text + StyledText("”"), indent: "  ", first: "  ")
            }
        }

        let oneSided = comparison.oneSidedQuotes
        if !oneSided.isEmpty {
            section(ProposalComparison.oneSidedTitle)
            line(StyledText(ProposalComparison.oneSidedExplanation))
            for quote in oneSided {
                guard let only = quote.from ?? quote.to else { continue }
                let version = quote.from != nil ? comparison.from.id : comparison.to.id
                line(StyledText("\(only.id) (\(version)) \(footnote(only.source))", style: Self.heading))
                line(StyledText("“\(only.text)”"), indent: "  ", first: "  ")
                if let context = only.context { line(StyledText("— " + context), indent: "    ", first: "  ") }
            }
        }

        if !comparison.elements.isEmpty || !comparison.unchangedElements.isEmpty {
            section("Elements")
            for element in comparison.elements {
                line(StyledText("\(element.number) (\(describe(element.change)))", style: Self.heading))
                let text = element.textDiff.map { diffText($0) } ?? StyledText(element.from?.text ?? element.to?.text ?? "")
                line(text, indent: "  ", first: "  ")
                if let quote = element.quoteDiff.map({ diffText($0) }) ?? onlyQuote(element) {
                    line(StyledText("“") + quote + StyledText("”"), indent: "  ", first: "  ")
                }
            }
            let count = comparison.unchangedElements.count
            if count > 0 { lines.append("\(count) element\(count == 1 ? "" : "s") held by both versions, unchanged.") }
        }
        if comparison.isEmpty {
            lines.append("")
            lines.append("No field, quoted text or element differs between these versions.")
        }
        return lines.joined(separator: "\n")
    }

    // MARK: pieces

    private func side(_ side: ProposalComparison.Side) -> String {
        "\(side.id) · \(side.label) · " + (side.date?.natural ?? "undated")
    }

    private func describe(_ change: ComparisonChange) -> String {
        switch change {
        case .reworded: return "reworded"
        case .unchanged: return "unchanged"
        case .removed, .fromOnly: return "only in \(comparison.from.id)"
        case .added, .toOnly: return "only in \(comparison.to.id)"
        }
    }

    private var qualifiedFootnotes: Bool {
        let ids = comparison.quotes.flatMap { [$0.from?.source, $0.to?.source].compactMap { $0 } }
            + comparison.fields.filter { $0.field == .sources }.flatMap { $0.from + $0.to }
        let works = Set(ids.compactMap { id -> String? in if case .source(let s)? = record.item(id) { s.work } else { nil } })
        return works.count > 1
    }

    private func footnote(_ id: String) -> String { record.footnoteLabel(id, qualified: qualifiedFootnotes) }

    /// The diff with its changes marked, the blanks at a change's ends outside the marks.
    /// The wording only one side of an element gives: marked as gone or come when the element
    /// is in both versions (else it would read as unchanged), plain when only one holds it.
    private func onlyQuote(_ element: ElementComparison) -> StyledText? {
        switch (element.from?.quote, element.to?.quote, element.from != nil && element.to != nil) {
        case (let old?, nil, true): return StyledText([Span("[-" + old + "-]", style: Self.deleted)])
        case (nil, let new?, true): return StyledText([Span("{+" + new + "+}", style: Self.inserted)])
        case (let only?, _, _), (_, let only?, _): return StyledText(only)
        default: return nil
        }
    }

    private func diffText(_ diff: TextDiff) -> StyledText {
        StyledText(diff.pieces.flatMap { piece -> [Span] in
            switch piece.operation {
            case .equal: return [Span(piece.text)]
            case .delete: return piece.changeSpans(style: Self.deleted, open: "[-", close: "-]")
            case .insert: return piece.changeSpans(style: Self.inserted, open: "{+", close: "+}")
            }
        })
    }

    /// A field as one line: a changed value as a word diff; a list with what left and what came.
    private func value(_ change: FieldChange) -> StyledText {
        var text = change.field.isList ? listValue(change) : diffText(TextDiff(from: change.readableFrom, to: change.readableTo))
        // A side with none at all says so, a list's as a single value's, as the interface's
        // columns do: `[-CD/1865-] (none)` is every symbol gone, not one of several.
        if change.from.isEmpty { text = StyledText("(none) ") + text }
        if change.to.isEmpty { text = text + StyledText(" (none)") }
        return text
    }

    /// A list field: what left and what came.
    private func listValue(_ change: FieldChange) -> StyledText {
        let name: (String) -> String = { id in
            switch change.field {
            case .sponsors: return record.name(of: id)
            case .sources: return footnote(id)
            default: return id
            }
        }
        var spans: [Span] = []
        for value in change.from {
            spans.append(change.removed.contains(value) ? Span("[-" + name(value) + "-]", style: Self.deleted) : Span(name(value)))
        }
        for value in change.added { spans.append(Span("{+" + name(value) + "+}", style: Self.inserted)) }
        var text = StyledText()
        for (index, span) in spans.enumerated() {
            if index > 0 { text.append(Span(change.field == .sources ? " " : ", ")) }
            text.append(span)
        }
        return text
    }

    // MARK: lines

    private mutating func section(_ title: String) {
        lines.append("")
        line(StyledText(title, style: Self.heading))
        lines.append(String(repeating: "-", count: DisplayWidth.of(title)))
    }

    /// Wraps styled text after a first-line prefix, later lines indented.
    private mutating func line(_ text: StyledText, indent: String = "", first: String = "") {
        let available = max(10, width - max(DisplayWidth.of(first), DisplayWidth.of(indent)))
        let wrapped = TextWrapper.wrap(text, width: available)
        for (index, piece) in wrapped.enumerated() {
            lines.append((index == 0 ? first : indent) + ANSIText.render(piece.text, color: color))
        }
    }
}
