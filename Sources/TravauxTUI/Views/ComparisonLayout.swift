import TravauxCore

/// Two versions of a proposal laid out for a width: header lines naming the two sides,
/// which stay put, and the lines that scroll below them.
///
/// Side by side when wide (the `from` version on the left, `to` on the right), stacked
/// when narrow (`−` lines for `from` above `+` lines for `to`). Dropped words are drawn
/// in `Palette.deleted`, new ones in `Palette.inserted`; without colour they are also
/// wrapped in `[-…-]` and `{+…+}`, so the difference never rests on colour alone.
public struct ComparisonLayout: Sendable, Hashable {
    public let proposalID: String
    public let fromID: String
    public let toID: String
    public let width: Int
    public let sideBySide: Bool
    public let monochrome: Bool
    public private(set) var header: [StyledText] = []
    public private(set) var lines: [StyledText] = []

    /// The two sides' texts of one block; either may be missing (a quote only one version has).
    private struct Pair {
        var from: StyledText?
        var to: StyledText?
    }

    private static let gutter = 2
    private static let separator = StyledText(" │ ", style: Palette.border)

    public init(comparison: ProposalComparison, record: Record, width: Int, sideBySide: Bool, monochrome: Bool) {
        self.proposalID = comparison.proposalID
        self.fromID = comparison.from.id
        self.toID = comparison.to.id
        self.width = max(1, width)
        self.sideBySide = sideBySide
        self.monochrome = monochrome
        build(comparison, record: record)
    }

    /// Whether this layout still fits the state it was made for.
    func fits(_ comparison: ComparisonState, width: Int, sideBySide: Bool, monochrome: Bool) -> Bool {
        proposalID == comparison.proposalID && fromID == comparison.fromID && toID == comparison.toID
            && self.width == max(1, width) && self.sideBySide == sideBySide && self.monochrome == monochrome
    }

    // MARK: the parts

    private var leftWidth: Int { max(1, (width - Self.separator.displayWidth) / 2) }
    private var rightWidth: Int { max(1, width - Self.separator.displayWidth - leftWidth) }

    private mutating func build(_ comparison: ProposalComparison, record: Record) {
        let footnotes = FootnoteLabels(record: record, comparison: comparison)
        let fromTitle = StyledText("− ", style: Palette.fromSide) + StyledText(sideTitle(comparison.from), style: Palette.title)
        let toTitle = StyledText("+ ", style: Palette.toSide) + StyledText(sideTitle(comparison.to), style: Palette.title)
        if sideBySide {
            header = [pad(fromTitle.truncated(toWidth: leftWidth), to: leftWidth) + Self.separator + toTitle.truncated(toWidth: rightWidth)]
        } else {
            header = [fromTitle.truncated(toWidth: width), toTitle.truncated(toWidth: width)]
        }
        header.append(StyledText(String(repeating: "─", count: width), style: Palette.border))

        appendWrapped(StyledText(comparison.title, style: Palette.title))
        appendWrapped(StyledText("proposal · \(comparison.proposalID)", style: Palette.dim))

        section("What changed")
        for change in comparison.changes {
            appendWrapped(StyledText(change.label, style: Palette.strong) + StyledText(" · " + (change.date?.natural ?? "undated"), style: Palette.dim))
            appendWrapped(StyledText(change.text))
        }

        if !comparison.fields.isEmpty {
            section("Fields")
            for change in comparison.fields {
                appendWrapped(StyledText(change.field.label, style: Palette.label))
                append(fieldPair(change, record: record, footnotes: footnotes))
            }
        }

        let paired = comparison.pairedQuotes
        if !paired.isEmpty {
            section("Quoted texts")
            for quote in paired { appendQuote(quote, title: blockTitle(quote.key, quote.change, comparison), footnotes: footnotes) }
        }
        let oneSided = comparison.oneSidedQuotes
        if !oneSided.isEmpty {
            section(ProposalComparison.oneSidedTitle)
            appendWrapped(StyledText(ProposalComparison.oneSidedExplanation, style: Palette.dim))
            for quote in oneSided {
                let version = quote.from != nil ? comparison.from.id : comparison.to.id
                let title = StyledText((quote.from ?? quote.to)?.id ?? quote.key, style: Palette.label) + StyledText(" — " + version, style: Palette.dim)
                appendQuote(quote, title: title, footnotes: footnotes)
            }
        }

        if !comparison.elements.isEmpty || !comparison.unchangedElements.isEmpty {
            section("Elements")
            for element in comparison.elements {
                appendWrapped(blockTitle(element.number, element.change, comparison))
                let summary = element.textDiff.map { sides(of: $0, base: .plain) } ?? Pair(
                    from: element.from.map { StyledText($0.text) }, to: element.to.map { StyledText($0.text) })
                let wording = element.quoteDiff.map { sides(of: $0, base: Palette.quote, open: "“", close: "”") } ?? Pair(
                    from: element.from?.quote.map { StyledText("“\($0)”", style: Palette.quote) },
                    to: element.to?.quote.map { StyledText("“\($0)”", style: Palette.quote) })
                append([summary, wording])
            }
            let count = comparison.unchangedElements.count
            if count > 0 {
                appendWrapped(StyledText("\(count) element\(count == 1 ? "" : "s") held by both versions, unchanged", style: Palette.dim))
            }
        }

        if comparison.isEmpty {
            lines.append(StyledText())
            appendWrapped(StyledText("No field, quoted text or element differs between these versions.", style: Palette.dim))
        }
    }

    /// A quote's block: its title, the texts side by side (a diff where both hold it), and
    /// the record's word on what each is.
    private mutating func appendQuote(_ quote: QuoteComparison, title: StyledText, footnotes: FootnoteLabels) {
        appendWrapped(title)
        var pair = Pair()
        if let diff = quote.diff {
            pair = sides(of: diff, base: Palette.quote, open: "“", close: "”")
        } else {
            pair.from = quote.from.map { StyledText("“\($0.text)”", style: Palette.quote) }
            pair.to = quote.to.map { StyledText("“\($0.text)”", style: Palette.quote) }
        }
        pair.from = pair.from.map { $0 + footnotes.marker(quote.from?.source) }
        pair.to = pair.to.map { $0 + footnotes.marker(quote.to?.source) }
        let contexts = Pair(from: quote.from?.context.map { StyledText("— " + $0, style: Palette.dim) },
                            to: quote.to?.context.map { StyledText("— " + $0, style: Palette.dim) })
        append([pair, contexts])
    }

    /// The date first, so that it survives when a long label is cut.
    private func sideTitle(_ side: ProposalComparison.Side) -> String {
        (side.date?.natural ?? "undated") + " · " + side.label
    }

    private mutating func section(_ title: String) {
        lines.append(StyledText())
        lines.append(StyledText(title, style: Palette.sectionTitle))
    }

    private func blockTitle(_ name: String, _ change: ComparisonChange, _ comparison: ProposalComparison) -> StyledText {
        let what: String
        switch change {
        case .reworded: what = "reworded"
        case .unchanged: what = "unchanged"
        case .removed, .fromOnly: what = "only in " + comparison.from.id
        case .added, .toOnly: what = "only in " + comparison.to.id
        }
        return StyledText(name, style: Palette.label) + StyledText(" — " + what, style: Palette.dim)
    }

    // MARK: texts of the two sides

    /// The `from` side shows what was kept and deleted, the `to` side what was kept and inserted.
    private func sides(of diff: TextDiff, base: Style, open: String = "", close: String = "") -> Pair {
        var from = StyledText(open, style: base), to = StyledText(open, style: base)
        for piece in diff.pieces {
            switch piece.operation {
            case .equal:
                from.append(Span(piece.text, style: base))
                to.append(Span(piece.text, style: base))
            case .delete:
                appendChanged(piece, to: &from, base: base, style: base.patched(with: Palette.deleted), "[-", "-]")
            case .insert:
                appendChanged(piece, to: &to, base: base, style: base.patched(with: Palette.inserted), "{+", "+}")
            }
        }
        from.append(Span(close, style: base))
        to.append(Span(close, style: base))
        return Pair(from: from, to: to)
    }

    /// A changed piece, marked only without colour, the blanks at its ends in the base style.
    private func appendChanged(_ piece: TextDiff.Piece, to side: inout StyledText, base: Style, style: Style,
                               _ open: String, _ close: String) {
        for span in piece.changeSpans(style: style, base: base, open: monochrome ? open : "", close: monochrome ? close : "") {
            side.append(span)
        }
    }

    private func marked(_ text: String, _ open: String, _ close: String) -> String {
        monochrome ? open + text + close : text
    }

    private func fieldPair(_ change: FieldChange, record: Record, footnotes: FootnoteLabels) -> Pair {
        guard change.field.isList else {
            var pair = sides(of: TextDiff(from: change.readableFrom, to: change.readableTo), base: .plain)
            // A side without a value says so, plainly: not a "none" drawn as text put in.
            if change.from.isEmpty { pair.from = StyledText("(none)", style: Palette.dim) }
            if change.to.isEmpty { pair.to = StyledText("(none)", style: Palette.dim) }
            return pair
        }
        let name: (String) -> String = { id in
            switch change.field {
            case .sponsors: return record.name(of: id)
            case .sources: return footnotes.label(id)
            default: return id
            }
        }
        func list(_ values: [String], changed: [String], style: Style, _ open: String, _ close: String) -> StyledText {
            guard !values.isEmpty else { return StyledText("(none)", style: Palette.dim) }
            var text = StyledText()
            for (index, value) in values.enumerated() {
                if index > 0 { text.append(Span(change.field == .sources ? " " : ", ")) }
                text.append(changed.contains(value) ? Span(marked(name(value), open, close), style: style) : Span(name(value)))
            }
            return text
        }
        return Pair(from: list(change.from, changed: change.removed, style: Palette.deleted, "[-", "-]"),
                    to: list(change.to, changed: change.added, style: Palette.inserted, "{+", "+}"))
    }

    // MARK: lines

    private mutating func appendWrapped(_ text: StyledText) {
        lines += TextWrapper.wrap(text, width: width).map(\.text)
    }

    private mutating func append(_ pair: Pair) { append([pair]) }

    /// Side by side, each pair's two texts in aligned rows; stacked, every `from` text of
    /// the block under one `−`, then every `to` text under one `+`.
    private mutating func append(_ pairs: [Pair]) {
        if sideBySide {
            for pair in pairs {
                let left = pair.from.map { TextWrapper.wrap($0, width: leftWidth).map(\.text) } ?? []
                let right = pair.to.map { TextWrapper.wrap($0, width: rightWidth).map(\.text) } ?? []
                for row in 0..<max(left.count, right.count) {
                    let l = left.indices.contains(row) ? left[row] : StyledText()
                    let r = right.indices.contains(row) ? right[row] : StyledText()
                    lines.append(pad(l, to: leftWidth) + Self.separator + r)
                }
            }
            return
        }
        for (texts, mark, style) in [(pairs.compactMap(\.from), "−", Palette.fromSide), (pairs.compactMap(\.to), "+", Palette.toSide)] {
            let wrapped = texts.flatMap { TextWrapper.wrap($0, width: max(1, width - Self.gutter)) }
            for (row, line) in wrapped.enumerated() {
                lines.append((row == 0 ? StyledText(mark + " ", style: style) : StyledText("  ")) + line.text)
            }
        }
    }

    private func pad(_ text: StyledText, to width: Int) -> StyledText {
        let missing = width - text.displayWidth
        return missing > 0 ? text + StyledText(String(repeating: " ", count: missing)) : text
    }
}

/// Footnote markers as the reader writes them: `[26]`, or `[Meyer 26]` when the
/// comparison cites footnotes of both works.
private struct FootnoteLabels {
    let record: Record
    let qualified: Bool

    init(record: Record, comparison: ProposalComparison) {
        self.record = record
        var ids = comparison.quotes.flatMap { [$0.from?.source, $0.to?.source].compactMap { $0 } }
        ids += comparison.fields.filter { $0.field == .sources }.flatMap { $0.from + $0.to }
        let works = Set(ids.compactMap { id -> String? in
            if case .source(let source)? = record.item(id) { return source.work } else { return nil }
        })
        self.qualified = works.count > 1
    }

    func label(_ id: String) -> String { record.footnoteLabel(id, qualified: qualified) }

    func marker(_ id: String?) -> StyledText {
        guard let id else { return StyledText() }
        // The blank before the number is not underlined: an underline shows on a blank.
        return StyledText([Span(" "), Span(label(id), style: Palette.footnote)])
    }
}
