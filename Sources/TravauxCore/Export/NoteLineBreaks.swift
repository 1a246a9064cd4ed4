/// Where a note's line breaks go in the handout, so that a note typed line by line shows line
/// by line in Pandoc, GitHub (cmark-gfm) and Obsidian alike, as in the editor.
///
/// Markdown runs the lines of a paragraph together ("Russia: supports treaty US: opposes…"),
/// so each line of a paragraph but its last ends with a backslash, CommonMark's and Pandoc's
/// hard break, which Obsidian's reading view follows as well. Not two trailing spaces: they
/// are invisible in the file, and editors and git hooks that trim trailing blanks take them
/// away; a backslash is also what the handout's quoted official texts already break with.
///
/// The plan is made on the escaped lines, as the parsers will read them (CommonMark's block
/// rules for quotes, list items, indented code and GitHub's tables). A break goes only between
/// two lines of one paragraph that both parsers continue:
/// - never after a paragraph's last line (CommonMark would show the backslash, Pandoc keep a
///   break before nothing), nor on a heading's, table's or code's line;
/// - not before a line Pandoc may read as a block where CommonMark continues the paragraph (a
///   definition `: …`, or any list marker inside a list item, which Pandoc nests without a
///   blank line), since Pandoc would show the backslash there;
/// - not where a code span, or math Pandoc could close on a later line, runs on past the
///   line's end: the backslash would be code or TeX there;
/// - not after a callout's first line (`> [!NOTE]`), which Obsidian and GitHub read whole;
/// - not from a line Pandoc may read as a block of its own to the paragraph's end: a marker
///   alone (`#.`, an empty list item), a line block's `| `, or the lines above; nor in a
///   paragraph with a table's rule (`|---|`), which a lazy line made text in CommonMark.
///
/// Where CommonMark lets a list item, a block quote or a table interrupt a paragraph and Pandoc
/// does not (Pandoc reads `- item` right after a line of text as more text), a blank line goes
/// before it, inside the same quotes and items, so Pandoc sees the list too. A list item right
/// after the text of another item needs none: Pandoc nests it as CommonMark does.
enum NoteLineBreaks {
    struct Plan {
        /// The lines that end with a hard break.
        var breaks: [Bool]
        /// For each line, the blank line (its quotes' `>`) to put before it, or nil.
        var blankBefore: [String?]
        /// The last lines of paragraphs, which a list, quote or table may end without a blank
        /// line: a backslash ending one is shown as itself by CommonMark, so the note's own is
        /// doubled, for Pandoc to show it too.
        var endsParagraph: [Bool]
    }

    /// `lines`: the note's lines, escaped; `fenced`: the lines of kept fenced code;
    /// `mathOpen`: the lines after which a `$` may be open (`MathSpans`).
    static func plan(_ lines: [String], fenced: [Bool], mathOpen: [Bool]?) -> Plan {
        let count = lines.count
        var plan = Plan(breaks: .init(repeating: false, count: count), blankBefore: .init(repeating: nil, count: count),
                        endsParagraph: .init(repeating: false, count: count))
        guard count > 1 else { return plan }
        let blocks = NoteBlockReader.read(lines, fenced: fenced)
        // After a paragraph, or after a quote's marker alone, which Pandoc would go on with.
        for index in blocks.indices { plan.blankBefore[index] = blocks[index].blankBefore }
        let unsure = linesRunningOn(lines, blocks: blocks, fenced: fenced, mathOpen: mathOpen)
        var start = 0
        while start < count {
            guard blocks[start].inParagraph else {
                start += 1
                continue
            }
            var end = start
            while end + 1 < count, blocks[end + 1].continues { end += 1 }
            // One paragraph, lines start...end: its code spans as CommonMark pairs them in it.
            let inCode = blocks[start...end].contains(where: \.backtick) ? CodeSpanLineEnds.find(in: lines[start...end]) : []
            // From a line Pandoc may read as a block of its own on, how it reads the rest is
            // not known: no break there.
            var uncertain = false
            for index in start...end {
                if index > start && blocks[index].pandocMayStartBlock || blocks[index].pandocOwnBlock { uncertain = true }
                guard index < end else {
                    plan.endsParagraph[index] = true
                    break
                }
                let next = blocks[index + 1]
                let spanRunsOn = !inCode.isEmpty && inCode[index - start]
                plan.breaks[index] = !uncertain && !unsure[index] && !spanRunsOn && !blocks[index].callout
                    && !next.pandocMayStartBlock && !next.pandocOwnBlock
            }
            start = end + 1
        }
        return plan
    }

    /// The lines whose end a code span or math may run on past, or that are in a run of lines
    /// with a table's rule (`|---|`), which a lazy line may have made text in CommonMark.
    /// Judged over each run of lines no blank line parts, before or after the handout's: where
    /// CommonMark ends a paragraph with a list nested without one, Pandoc may go on with it.
    private static func linesRunningOn(_ lines: [String], blocks: [NoteBlockReader.Line], fenced: [Bool],
                                       mathOpen: [Bool]?) -> [Bool] {
        var unsure = [Bool](repeating: false, count: lines.count)
        var start = 0
        while start < lines.count {
            guard !fenced[start], !blocks[start].blank else {
                start += 1
                continue
            }
            var end = start
            while end + 1 < lines.count, !fenced[end + 1], !blocks[end + 1].blank, blocks[end + 1].blankBefore == nil { end += 1 }
            if (start...end).contains(where: { blocks[$0].pipe && isTableRule(lines[$0]) }) {
                for index in start...end { unsure[index] = true }
            } else {
                if blocks[start...end].contains(where: \.backtick) {
                    for (offset, inside) in CodeSpanLineEnds.find(in: lines[start...end]).enumerated() where inside {
                        unsure[start + offset] = true
                    }
                }
                // Math left open runs on only if a later line may close it.
                if let mathOpen {
                    var closer = false
                    for index in stride(from: end, through: start, by: -1) {
                        if closer && mathOpen[index] { unsure[index] = true }
                        closer = closer || blocks[index].dollar && mayCloseMath(lines[index])
                    }
                }
            }
            start = end + 1
        }
        return unsure
    }

    /// A table's delimiter row: `|`, `-`, `:` and blanks only, with a `|` and a `-`.
    static func isTableRule(_ line: String) -> Bool { isTableRule(line.utf8) }

    static func isTableRule<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> Bool {
        var pipe = false, dash = false
        for byte in bytes {
            switch byte {
            case 0x7C: pipe = true
            case 0x2D: dash = true
            case 0x3A, 0x20, 0x09: continue
            default: return false
            }
        }
        return pipe && dash
    }

    /// A `$` Pandoc may read as closing math: `$$`, or a `$` after a blank-free character and
    /// before no digit (`a$`, not ` $` or `$5`). A `$` first on the line too: the line before's
    /// hard break, a backslash then the line's end, is an escaped pair inside math, after which
    /// Pandoc closes it (`$\begin{x}\` then `$math`).
    static func mayCloseMath(_ line: String) -> Bool {
        let bytes = Array(line.utf8)
        for index in bytes.indices where bytes[index] == 0x24 {
            let next = index + 1 < bytes.count ? bytes[index + 1] : nil
            if next == 0x24 { return true }
            guard index == 0 || bytes[index - 1] != 0x20 && bytes[index - 1] != 0x09 else { continue }
            if !(next.map { (0x30...0x39).contains($0) } ?? false) { return true }
        }
        return false
    }

    /// The line with a hard break at its end: its trailing blanks (a break of their own, and
    /// invisible) give way to a backslash, unless it already ends with one that is a break.
    /// A blank stays before the backslash where the line's end was read as one: after a mark
    /// whose reading depends on a blank following it (`*\` would open emphasis, `$\` math,
    /// `"\` an opening quote in Pandoc), and after a bare URL, which GitHub's autolinks would
    /// extend over the backslash.
    static func breaking(_ line: String) -> String {
        var trimmed = Substring(line)
        while let last = trimmed.unicodeScalars.last, last == " " || last == "\t" { trimmed = trimmed.dropLast() }
        let backslashes = trimmed.utf8.reversed().prefix { $0 == 0x5C }.count
        if backslashes % 2 == 1 { return String(trimmed) }
        guard let last = trimmed.unicodeScalars.last else { return "\\" }
        return trimmed + (flanking.contains(last) || endsWithBareURL(trimmed) ? " \\" : "\\")
    }

    /// Emphasis, strikethrough, math, superscript, highlight and smart quotes' marks.
    private static let flanking: Set<Unicode.Scalar> = ["*", "_", "~", "$", "^", "=", "\"", "'"]

    /// The line's last word is one GitHub links as it stands: a `:` inside it (`https://`,
    /// `mailto:`), or `www.` first.
    private static func endsWithBareURL(_ line: Substring) -> Bool {
        let utf8 = line.utf8
        var start = utf8.endIndex
        while start > utf8.startIndex {
            let before = utf8.index(before: start)
            let byte = utf8[before]
            if byte == 0x20 || byte == 0x09 { break }
            if byte == 0x3A, start != utf8.endIndex { return true }
            start = before
        }
        return utf8[start...].prefix(4).map { $0 | 0x20 }.elementsEqual("www.".utf8.map { $0 | 0x20 })
    }
}
