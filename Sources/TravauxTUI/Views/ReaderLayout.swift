import TravauxCore

/// An item's detail document wrapped to a width: styled lines, and where every link and
/// footnote marker landed, so they can be selected, highlighted and clicked.
public struct ReaderLayout: Sendable, Hashable {
    public struct Link: Sendable, Hashable {
        public var target: String
        /// The pieces of the link, one per line it spans.
        public var segments: [Segment]
    }

    public struct Segment: Sendable, Hashable {
        public var line: Int
        public var columns: Range<Int>
    }

    public let itemID: String
    public let width: Int
    public private(set) var lines: [StyledText] = []
    public private(set) var links: [Link] = []
    /// The first line of each part a note can be attached to, in order; the item itself
    /// at the start of every section.
    public private(set) var anchors: [Anchor] = []

    /// The first lines as cells, `width` wide, as they are drawn on a blank reader: made with
    /// the layout (often while no key is waiting), so the key that shows the item copies
    /// them instead of writing each character, which was most of drawing the reader.
    public private(set) var keptLines: [CellRun] = []

    public struct Anchor: Sendable, Hashable {
        public var line: Int
        public var target: NoteTarget
    }

    public init(document: DetailDocument, width: Int) {
        self.itemID = document.id
        self.width = max(1, width)
        build(document)
    }

    /// Keeps the first `count` lines as cells (`keptLines`).
    public mutating func keepLines(_ count: Int) {
        keptLines = lines.prefix(max(0, count)).map { line in
            var row = Canvas(width: width, height: 1)
            row.put(line, x: 0, y: 0, maxWidth: width)
            return CellRun(row.cells)
        }
    }

    /// The part of the item shown at a line: what a note taken there is about.
    public func noteTarget(atLine line: Int) -> NoteTarget {
        anchors.last { $0.line <= line }?.target ?? NoteTarget(item: itemID)
    }

    /// The link whose text covers a column of a line (for a mouse click).
    public func link(atLine line: Int, column: Int) -> Int? {
        links.firstIndex { $0.segments.contains { $0.line == line && $0.columns.contains(column) } }
    }

    private mutating func build(_ document: DetailDocument) {
        appendWrapped([.strong(document.title)], base: Palette.title)
        // Wrapped like any text: an id cut at the reader's edge would be copied wrong.
        appendWrapped([.text(document.kindName + " · " + document.id)], base: Palette.dim)
        let labelWidth = min(20, (document.fields.map { DisplayWidth.of($0.label) }.max() ?? 0) + 2)
        if !document.fields.isEmpty { append(StyledText()) }
        for field in document.fields { appendField(field, labelWidth: labelWidth) }
        for (sectionIndex, section) in document.sections.enumerated() {
            append(StyledText())
            anchors.append(Anchor(line: lines.count, target: NoteTarget(item: document.id)))
            append(StyledText(section.title, style: Palette.sectionTitle))
            for (blockIndex, block) in section.blocks.enumerated() {
                if let anchor = document.anchors.first(where: { $0.section == sectionIndex && $0.block == blockIndex }) {
                    anchors.append(Anchor(line: lines.count, target: anchor.target))
                }
                switch block {
                case .paragraph(let spans):
                    appendWrapped(spans, base: .plain)
                case .continuation(let spans):
                    appendWrapped(spans, base: .plain, first: "    ", rest: "    ")
                case .quote(let spans):
                    let bar = StyledText("  │ ", style: Palette.quote)
                    appendWrapped(spans, base: Palette.quote, first: bar, rest: bar)
                case .entry(let marker, let spans):
                    let prefix = "  " + (marker ?? "•") + " "
                    let hang = String(repeating: " ", count: min(DisplayWidth.of(prefix), 14))
                    appendWrapped(spans, base: .plain, first: StyledText(prefix, style: Palette.dim), rest: StyledText(hang))
                }
            }
        }
    }

    private mutating func append(_ line: StyledText) { lines.append(line) }

    /// A field beside its label in the labels' column; when the label is too long for the
    /// column or the reader too narrow for a column of values, on the label's line if it
    /// fits there whole, and otherwise under the label, indented, as a narrow `man` page
    /// sets a definition list.
    private mutating func appendField(_ field: DetailField, labelWidth: Int) {
        let labelText = field.label + ":"
        let label = StyledText(labelText, style: Palette.label)
        let labelColumns = DisplayWidth.of(labelText)
        if labelColumns + 1 <= labelWidth, width - labelWidth >= Self.narrowestValues {
            let pad = String(repeating: " ", count: labelWidth - labelColumns)
            appendWrapped(field.value, base: .plain, first: label + StyledText(pad),
                          rest: StyledText(String(repeating: " ", count: labelWidth)))
        } else if labelColumns + 1 + field.value.reduce(0, { $0 + DisplayWidth.of($1.plain) }) <= width {
            appendWrapped(field.value, base: .plain, first: label + StyledText(" "))
        } else {
            appendWrapped([.text(labelText)], base: Palette.label)
            appendWrapped(field.value, base: .plain, first: "  ", rest: "  ")
        }
    }

    /// Fewer columns than this for the values, and they go under their labels.
    static let narrowestValues = 16

    private mutating func appendWrapped(_ spans: [DetailSpan], base: Style,
                                        first: StyledText = StyledText(), rest: StyledText = StyledText()) {
        var text = StyledText()
        var linkRanges: [(target: String, range: Range<Int>)] = []
        var offset = 0
        for span in spans {
            let content = span.plain
            let count = content.count
            switch span {
            case .text(let t): text.append(Span(t, style: base))
            case .strong(let t): text.append(Span(t, style: base.patched(with: Palette.strong)))
            case .emphasis(let t): text.append(Span(t, style: base.patched(with: Palette.emphasis)))
            case .link(let id, let label):
                text.append(Span(label, style: Palette.link))
                linkRanges.append((id, offset..<offset + count))
            case .footnote(let id, let label):
                text.append(Span(label, style: Palette.footnote))
                linkRanges.append((id, offset..<offset + count))
            case .note(let id, let label):
                text.append(Span(label, style: Palette.noteMarker))
                linkRanges.append((id, offset..<offset + count))
            }
            offset += count
        }
        let firstWidth = first.displayWidth
        let restWidth = rest.displayWidth
        // Wrap to the narrower of the two indents so every line fits.
        let available = max(1, width - max(firstWidth, restWidth))
        let wrapped = TextWrapper.wrap(text, width: available)
        var segments: [Int: [Segment]] = [:]
        for (index, line) in wrapped.enumerated() {
            let prefix = index == 0 ? first : rest
            let lineNumber = lines.count
            lines.append(prefix + line.text)
            let characters = Array(line.text.plainText)
            for (linkIndex, link) in linkRanges.enumerated() {
                let lower = max(link.range.lowerBound, line.sourceRange.lowerBound)
                let upper = min(link.range.upperBound, line.sourceRange.upperBound)
                guard lower < upper else { continue }
                let startChar = max(0, min(characters.count, lower - line.sourceRange.lowerBound))
                let endChar = max(startChar, min(characters.count, upper - line.sourceRange.lowerBound))
                let startColumn = prefix.displayWidth + DisplayWidth.of(String(characters[0..<startChar]))
                let endColumn = startColumn + DisplayWidth.of(String(characters[startChar..<endChar]))
                segments[linkIndex, default: []].append(Segment(line: lineNumber, columns: startColumn..<endColumn))
            }
        }
        if wrapped.isEmpty { lines.append(first) }
        for (linkIndex, link) in linkRanges.enumerated() {
            if let found = segments[linkIndex] { links.append(Link(target: link.target, segments: found)) }
        }
    }
}
