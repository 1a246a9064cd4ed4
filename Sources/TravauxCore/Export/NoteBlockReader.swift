/// How CommonMark (and GitHub's tables) split a note's escaped lines into blocks, as far as
/// `NoteLineBreaks` needs it: which lines are a paragraph's text, which continue the one
/// before, and where a list, quote or table ends a paragraph without the blank line Pandoc
/// would need to see it.
///
/// The escaping leaves no heading, thematic break, setext underline, HTML or unkept fence:
/// the blocks left are block quotes and list items (the containers), indented code, tables
/// and paragraphs. Lines are read by bytes: their indentation and markers are ASCII, and
/// the tabs in them are already spaces (`NoteBodyMarkdown.expandingIndentationTabs`).
enum NoteBlockReader {
    struct Line: Equatable {
        /// The line is blank, but for the markers of the quotes it is in.
        var blank = false
        /// The line has a backtick, a `|`, a `$`: what may pair across lines or make a table.
        var backtick = false, pipe = false, dollar = false
        /// The line is text of a paragraph, its first line or a later one.
        var inParagraph = false
        /// The line goes on with the paragraph of the line before, lazily too (`> a` then `b`).
        var continues = false
        /// A line that goes on with a paragraph in CommonMark, but that Pandoc may read as a
        /// block of its own: a definition (`: …`, `~ …`), or a list marker in a list item.
        var pandocMayStartBlock = false
        /// A paragraph's first line that opens an Obsidian callout or a GitHub alert
        /// (`> [!NOTE] Title`): readers know it only as the whole line, a break ending it aside.
        var callout = false
        /// A line of text Pandoc may read as a block of its own: only a list or definition
        /// marker (an empty item: `#.`, `a)`, `:`), or a line block's `| `; or as more of a
        /// block before it with no blank line between (a table, which Pandoc ends at a line
        /// without `|` where GitHub goes on; an empty item, whose list Pandoc goes on with).
        var pandocOwnBlock = false
        /// For a line that ends a paragraph with a list, quote or table (which CommonMark
        /// allows and Pandoc does not), the blank line to put before it: the markers of the
        /// quotes it stays in.
        var blankBefore: String?
    }

    private enum Container: Equatable {
        case quote
        /// A list item whose content starts `width` columns in.
        case item(width: Int)
    }

    private enum Leaf { case none, paragraph, code, table }

    static func read(_ text: [String], fenced: [Bool]) -> [Line] {
        let lines = text.map { Array($0.utf8) }
        var result = [Line](repeating: Line(), count: lines.count)
        for (index, line) in lines.enumerated() {
            for byte in line {
                switch byte {
                case 0x60: result[index].backtick = true
                case 0x7C: result[index].pipe = true
                case 0x24: result[index].dollar = true
                default: break
                }
            }
        }
        var containers: [Container] = []
        var leaf = Leaf.none
        // The paragraph's own container is a list item (for CommonMark; for Pandoc, which also
        // has its own markers); how many quotes it is in.
        var paragraphInItem = false
        var paragraphInPandocItem = false
        var paragraphQuotes = 0
        // Since the last blank line, a table or a line of no text (`1.` alone, `>`): Pandoc may
        // read what follows as more of them (its list goes on lazily, its table does not).
        var pandocUnsure = false
        // The last line opened an empty list item, which a blank line closes.
        var openedEmptyItem = false
        // The last line was a quote's marker alone (`>`), in this many containers: CommonMark
        // ends that quote at a line without its marker, where Pandoc takes the line into it
        // (`> a`, `>`, `b`: GitHub's `b` is outside the quote, Pandoc's inside).
        var emptyQuoteDepth: Int?
        for index in lines.indices {
            // Kept fenced code stands at the note's top level, after a blank line.
            if fenced[index] {
                containers = []
                leaf = .none
                pandocUnsure = false
                openedEmptyItem = false
                emptyQuoteDepth = nil
                continue
            }
            let line = lines[index]
            var (matched, position) = match(line, containers)
            if isBlank(line, from: position) {
                result[index].blank = true
                containers.removeLast(containers.count - matched)
                // CommonMark: an item begun with a blank line ends at a second one.
                if openedEmptyItem, case .item? = containers.last { containers.removeLast() }
                leaf = .none
                pandocUnsure = false
                openedEmptyItem = false
                // A quote's marker on a blank line (`> a`, `>`): the quote goes on to a line without it for Pandoc.
                emptyQuoteDepth = containers.last == .quote ? containers.count : nil
                continue
            }
            openedEmptyItem = false
            let leftEmptyQuote = emptyQuoteDepth.map { matched < $0 } ?? false
            emptyQuoteDepth = nil
            if matched < containers.count, leaf == .paragraph, opening(line, from: position, interrupting: false) == nil {
                // Lazy continuation: not in all the paragraph's containers, but nothing opens
                // (out of them, any list item may: `> a` then `2. b` is a list, as `- ` alone).
                result[index].inParagraph = true
                result[index].continues = true
                result[index].pandocMayStartBlock = pandocMayStartBlock(line, from: position, inItem: paragraphInPandocItem)
                result[index].pandocOwnBlock = pandocOwnBlock(line, from: position)
                continue
            }
            let afterParagraph = leaf == .paragraph
            let quotesKept = quotes(in: containers[..<matched])
            var blank = line[..<position]
            while blank.last == 0x20 { blank = blank.dropLast() }
            if matched < containers.count {
                containers.removeLast(containers.count - matched)
                leaf = .none
            }
            var opened: [Container] = []
            while let (container, next) = opening(line, from: position, interrupting: leaf == .paragraph && opened.isEmpty) {
                opened.append(container)
                containers.append(container)
                position = next
            }
            if !opened.isEmpty { leaf = .none }
            let table = result[index].pipe && !isBlank(line, from: position)
                && isTableHeader(line, from: position, next: index + 1, in: lines, fenced: fenced, containers: containers)
            if leaf == .paragraph, !table {
                result[index].inParagraph = true
                result[index].continues = true
                result[index].pandocMayStartBlock = pandocMayStartBlock(line, from: position, inItem: paragraphInPandocItem)
                result[index].pandocOwnBlock = pandocOwnBlock(line, from: position)
                continue
            }
            if leftEmptyQuote {
                // A blank line ends the quote for Pandoc too.
                result[index].blankBefore = String(decoding: blank, as: UTF8.self)
            } else if afterParagraph {
                // Pandoc nests a list in an item's text without a blank line, as CommonMark does,
                // but needs one before any other list, a quote or a table.
                let nested = opened.first.map { if case .item = $0 { true } else { false } } ?? false
                if !(nested && paragraphInItem && quotesKept == paragraphQuotes) {
                    result[index].blankBefore = String(decoding: blank, as: UTF8.self)
                }
            }
            if isBlank(line, from: position) {
                // A marker alone: an empty item or quote line.
                leaf = .none
                pandocUnsure = true
                if case .item? = opened.last { openedEmptyItem = true }
                if containers.last == .quote { emptyQuoteDepth = containers.count }
            } else if table {
                leaf = .table
                pandocUnsure = true
            } else if leaf == .table {
                // GitHub's table goes on to the next blank line or block.
            } else if indentation(line, from: position) >= 4 {
                leaf = .code
                pandocUnsure = true
            } else {
                leaf = .paragraph
                result[index].inParagraph = true
                result[index].callout = line[position...].starts(with: [0x5B, 0x21]) && line[position...].contains(0x5D)
                // Pandoc's link definitions may nest brackets (`[[a]]: b`), CommonMark's not.
                let definition = line[position] == 0x5B
                    && zip(line[position...], line[(position + 1)...]).contains { $0 == (0x5D, 0x3A) }
                result[index].pandocOwnBlock = pandocUnsure || definition || pandocOwnBlock(line, from: position)
                paragraphInItem = containers.last.map { $0 != .quote } ?? false
                // Pandoc's own markers (`a)`, `(1)`, `#.`) open a list item where CommonMark's do.
                // In any item, Pandoc's list goes on at a marker (`- > a` then `b)`).
                paragraphInPandocItem = containers.contains { $0 != .quote } || startsWithListMarker(line, from: position)
                paragraphQuotes = quotes(in: containers[...])
            }
        }
        return result
    }

    /// How many of the open containers the line continues, and where its content starts.
    private static func match(_ line: [UInt8], _ containers: [Container]) -> (matched: Int, position: Int) {
        var position = 0
        for (matched, container) in containers.enumerated() {
            switch container {
            case .quote:
                var next = position
                while next < line.count, line[next] == 0x20, next - position < 3 { next += 1 }
                guard next < line.count, line[next] == 0x3E else { return (matched, position) }
                next += 1
                if next < line.count, line[next] == 0x20 { next += 1 }
                position = next
            case .item(let width):
                // A blank line stays in the item.
                if isBlank(line, from: position) { continue }
                guard indentation(line, from: position) >= width else { return (matched, position) }
                position += width
            }
        }
        return (containers.count, position)
    }

    /// The quote or list item the line opens at `start`, and where its content starts. A list
    /// item `interrupting` a paragraph has content and, ordered, starts at 1.
    private static func opening(_ line: [UInt8], from start: Int, interrupting: Bool) -> (Container, Int)? {
        let marker = start + indentation(line, from: start)
        guard marker - start < 4, marker < line.count else { return nil }
        if line[marker] == 0x3E {
            let next = marker + 1
            return (.quote, next < line.count && line[next] == 0x20 ? next + 1 : next)
        }
        var end = marker
        var startsAtOne = true
        switch line[marker] {
        case 0x2D, 0x2B, 0x2A:
            end += 1
        case 0x30...0x39:
            while end < line.count, end - marker < 9, (0x30...0x39).contains(line[end]) { end += 1 }
            startsAtOne = line[marker..<end].drop(while: { $0 == 0x30 }).elementsEqual([0x31])
            guard end < line.count, line[end] == 0x2E || line[end] == 0x29 else { return nil }
            end += 1
        default:
            return nil
        }
        guard end == line.count || line[end] == 0x20 || line[end] == 0x09 else { return nil }
        let padding = indentation(line, from: end)
        let empty = isBlank(line, from: end)
        if interrupting, empty || !startsAtOne { return nil }
        // Five blanks or more after the marker: the content is indented code, one blank in.
        if empty || padding > 4 { return (.item(width: end + 1 - start), min(end + 1, line.count)) }
        return (.item(width: end + padding - start), end + padding)
    }

    /// A table's header row: a `|` on it, and the next line, in the same containers, a
    /// delimiter row (`|---|:--|`).
    private static func isTableHeader(_ line: [UInt8], from start: Int, next: Int, in lines: [[UInt8]], fenced: [Bool],
                                      containers: [Container]) -> Bool {
        guard line[start...].contains(0x7C), next < lines.count, !fenced[next] else { return false }
        let (matched, position) = match(lines[next], containers)
        guard matched == containers.count else { return false }
        return NoteLineBreaks.isTableRule(lines[next][position...])
    }

    /// A definition (`: …`, `~ …`) anywhere, and in a list item any list marker, CommonMark's
    /// or Pandoc's (`2.`, `a)`, `(1)`, `#.`), which Pandoc nests there without a blank line.
    /// A `>` too: here it is indented four blanks or more (else CommonMark would open a quote),
    /// which CommonMark takes as more of a quote's paragraph and Pandoc as indented code.
    private static func pandocMayStartBlock(_ line: [UInt8], from start: Int, inItem: Bool) -> Bool {
        let marker = start + indentation(line, from: start)
        guard marker < line.count else { return false }
        if line[marker] == 0x3E { return true }
        if line[marker] == 0x3A || line[marker] == 0x7E {
            return marker + 1 == line.count || line[marker + 1] == 0x20 || line[marker + 1] == 0x09
        }
        return inItem && startsWithListMarker(line, from: marker)
    }

    /// A list marker, CommonMark's or Pandoc's, then a blank or the line's end.
    private static func startsWithListMarker(_ line: [UInt8], from start: Int) -> Bool {
        listMarkerEnd(line, from: start) != nil
    }

    /// Where a list marker, CommonMark's or Pandoc's, ends, when a blank or the line's end
    /// follows it (judged by scalars, as the parsers do).
    private static func listMarkerEnd(_ line: [UInt8], from start: Int) -> Int? {
        let marker = start + indentation(line, from: start)
        guard marker < line.count else { return nil }
        let end: Int
        switch line[marker] {
        case 0x2D, 0x2B, 0x2A:
            end = marker + 1
        case 0x28, 0x23, 0x30...0x39, 0x41...0x5A, 0x61...0x7A:
            // `(`, `#`, a digit or a letter may begin an ordered marker, which a `.` or `)` ends
            // soon after (most lines of prose begin with a word and none).
            let close = line[marker...].prefix(66).firstIndex { $0 == 0x2E || $0 == 0x29 || $0 == 0x20 }
            guard let close, line[close] != 0x20 else { return nil }
            let characters = Array(String(decoding: line[marker...].prefix(64), as: UTF8.self))
            guard let count = NoteBodyMarkdown.orderedListMarkerEnd(characters, from: 0) else { return nil }
            end = marker + characters[..<count].reduce(0) { $0 + $1.utf8.count }
        default:
            return nil
        }
        return end >= line.count || line[end] == 0x20 || line[end] == 0x09 ? end : nil
    }

    /// Only a list or definition marker and blanks, or a `|` then a blank (a line block); or a
    /// list marker Pandoc reads as such before a quote, indented code (`a)     x`) or another
    /// of these (`(@) >`, `#. |`).
    private static func pandocOwnBlock(_ line: [UInt8], from start: Int) -> Bool {
        let marker = start + indentation(line, from: start)
        guard marker < line.count else { return false }
        let blankAfter = { (end: Int) in end >= line.count || line[end] == 0x20 || line[end] == 0x09 }
        switch line[marker] {
        case 0x7C:
            return blankAfter(marker + 1)
        case 0x3A, 0x7E:
            return isBlank(line, from: marker + 1)
        default:
            guard let end = listMarkerEnd(line, from: marker) else { return false }
            let content = end + indentation(line, from: end)
            // Five blanks or more after the marker: Pandoc's item holds indented code.
            return isBlank(line, from: content) || content - end > 4 || line[content] == 0x3E || pandocOwnBlock(line, from: content)
        }
    }

    private static func quotes(in containers: ArraySlice<Container>) -> Int {
        var count = 0
        for container in containers where container == .quote { count += 1 }
        return count
    }

    private static func indentation(_ line: [UInt8], from start: Int) -> Int {
        var end = start
        while end < line.count, line[end] == 0x20 { end += 1 }
        return end - start
    }

    private static func isBlank(_ line: [UInt8], from start: Int) -> Bool {
        start >= line.count || line[start...].allSatisfy { $0 == 0x20 || $0 == 0x09 }
    }
}
