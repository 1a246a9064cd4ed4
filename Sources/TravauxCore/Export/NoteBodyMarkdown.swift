/// How a note's own Markdown goes into a handout so that it renders as that note's
/// content and never as the handout's structure.
///
/// The rule (docs/export.md, "Notes cannot break the handout"):
/// 0. Control characters other than line breaks and tabs are dropped, escape sequences whole;
///    a form feed, a vertical tab, NEL and U+2028/U+2029 are line breaks.
/// 1. The body is a block quote: every line is prefixed with `> `, and a blank line ends it.
///    Whatever a note leaves open (a list, an indented block, an unbalanced backtick or
///    emphasis) closes with the quote, in CommonMark and in Pandoc alike.
///    Tabs in a line's indentation become spaces at the note's own tab stops, so that it
///    nests as it did without the `> ` before it.
/// 2. At the start of each line, after the note's own quote and list markers (Pandoc's
///    too: `a)`, `(1)`, `#.`, `(@)`, and the definition markers `:` and `~`), what would
///    open a heading (`#`), a setext underline (`===`, `---`), a thematic break, a code
///    fence or a link reference definition (`[label]:`, `[[label]]:` to Pandoc) is escaped
///    with a backslash.
///    Characters are judged by their first scalar: a mark after a space or `[` hides nothing.
///    A line of hyphens has each hyphen of a run escaped (`\-\-\-`), so Pandoc's smart dashes
///    do not turn what is left into `–`.
///    `---` is also Pandoc's metadata block, so it never reaches Pandoc as one.
/// 3. Anywhere in a line: `<` before a letter, `/`, `!` or `?` (what can open HTML) becomes
///    `&lt;` unless it opens a plain autolink of a scheme
///    Pandoc links too (so no raw
///    HTML, no HTML block, no comment; an entity because GitHub's bare-URL autolinks
///    swallow a backslash); `[^`, `[\^` and `^[` are escaped (footnote references
///    and definitions, Pandoc's inline notes), and so is a bracket nothing on its line
///    pairs with (`UnclosedBrackets`); `{=` (Pandoc raw attributes), a backslash
///    before anything but ASCII punctuation (Pandoc reads `\section` or `\é` as raw TeX)
///    outside TeX math (`MathSpans`), and `%%` (Obsidian comments).
/// 4. A fenced code block stays code when it stands at the note's top level after a blank
///    line (or first), its info string is a plain word (`python`, not `{=html}`), and it
///    is closed at the start of a line: its lines are copied as they are, but for the tabs
///    they begin with, which become spaces (`expandingLeadingTabs`). Any other fence
///    is escaped and its lines are text.
/// 5. Each line of a paragraph but its last ends with a hard break (`\`), so the note shows
///    line by line, as typed, in Pandoc and GitHub too; a list, quote or table right after a
///    line of text gets the blank line Pandoc needs to see it (`NoteLineBreaks`).
///
/// Emphasis, links, lists, quotes, tables, code spans and line breaks are kept. A code span
/// that opens and closes on one line is copied as written (`CodeSpans`). The cost: inside
/// other code spans and indented code blocks the escapes of rules 2 and 3 show as
/// backslashes.
enum NoteBodyMarkdown {
    /// The body as block-quote lines, without line ends; empty for a blank body.
    /// `hardBreaks: false` leaves out the backslashes that break a paragraph's lines, and
    /// only those: what the tests compare the handout with.
    static func blockQuote(_ body: String, hardBreaks: Bool = true) -> [String] {
        var lines = splitLines(MarkdownText.cleaned(lineBreaksUnified(body)))
        while let first = lines.first, isBlank(first) { lines.removeFirst() }
        while let last = lines.last, isBlank(last) { lines.removeLast() }
        // The lines of fenced code kept as code, copied as they are (leading tabs aside).
        var fenced = [Bool](repeating: false, count: lines.count)
        var index = 0
        while index < lines.count {
            if index == 0 || isBlank(lines[index - 1]), let end = closedFence(openingAt: index, in: lines) {
                for line in index...end { fenced[line] = true }
                index = end + 1
            } else {
                index += 1
            }
        }
        for index in lines.indices where !fenced[index] { lines[index] = expandingIndentationTabs(lines[index]) }
        let math = body.utf8.contains(0x24) ? MathSpans.spansAndOpenEnds(in: lines, skipping: fenced) : nil
        let code = body.utf8.contains(0x60) ? CodeSpans.find(in: lines, skipping: fenced, math: math?.spans) : nil
        let brackets = body.utf8.contains(0x5B) ? UnclosedBrackets.find(in: lines, skipping: fenced, code: code, math: math?.spans) : nil
        func escaped(_ index: Int, endsParagraph: Bool) -> String {
            escape(lines[index], endsParagraph: endsParagraph, math: math?.spans[index] ?? [], code: code?[index] ?? [],
                   unclosed: brackets?[index] ?? [])
        }
        var escapedLines = lines.indices.map { index in
            guard !fenced[index] else { return expandingLeadingTabs(lines[index]) }
            return escaped(index, endsParagraph: index + 1 == lines.count || isBlank(lines[index + 1]))
        }
        // Each line of a paragraph on a line of its own in every reader (`NoteLineBreaks`).
        let plan = NoteLineBreaks.plan(escapedLines, fenced: fenced, mathOpen: math?.leavesOpen)
        var out: [String] = []
        out.reserveCapacity(lines.count)
        for index in lines.indices {
            if let blank = plan.blankBefore[index] { out.append(quoted(blank)) }
            // A paragraph a list or quote ends: the note's own break there is shown as itself.
            if plan.endsParagraph[index], lines[index].last?.lead == "\\" {
                escapedLines[index] = escaped(index, endsParagraph: true)
            }
            out.append(quoted(hardBreaks && plan.breaks[index] ? NoteLineBreaks.breaking(escapedLines[index]) : escapedLines[index]))
        }
        return out
    }

    private static func quoted(_ line: String) -> String { line.isEmpty ? ">" : "> " + line }

    /// The other line breaks a note may hold as line feeds: a form feed (`pdftotext`'s page
    /// break), a vertical tab (Word's manual line break), NEL, and the Unicode line and
    /// paragraph separators. `note show` and the reader break lines there; dropped as
    /// control characters, they joined the words on either side (`here.Page`).
    static func lineBreaksUnified(_ text: String) -> String {
        var found = false
        var previous: UInt8 = 0, beforePrevious: UInt8 = 0
        for byte in text.utf8 {
            if byte == 0x0B || byte == 0x0C || (previous == 0xC2 && byte == 0x85)
                || (beforePrevious == 0xE2 && previous == 0x80 && (byte == 0xA8 || byte == 0xA9)) {
                found = true
                break
            }
            beforePrevious = previous
            previous = byte
        }
        guard found else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0B, 0x0C, 0x85, 0x2028, 0x2029: out.append("\n")
            default: out.append(scalar)
            }
        }
        return String(out)
    }

    /// CommonMark's line endings: LF, CR LF and a lone CR (which Swift's string splitting
    /// would not all treat alike, and a lone CR left in a line would end the quote). Split
    /// by bytes: a line end is one byte that is never part of another scalar.
    static func splitLines(_ text: String) -> [String] {
        var lines: [String] = []
        let utf8 = text.utf8
        var start = utf8.startIndex
        var index = start
        while index < utf8.endIndex {
            let byte = utf8[index]
            guard byte == 0x0A || byte == 0x0D else {
                index = utf8.index(after: index)
                continue
            }
            lines.append(Self.line(utf8[start..<index]))
            index = utf8.index(after: index)
            if byte == 0x0D, index < utf8.endIndex, utf8[index] == 0x0A { index = utf8.index(after: index) }
            start = index
        }
        lines.append(Self.line(utf8[start..<utf8.endIndex]))
        return lines
    }

    /// The line with the tabs of its indentation (its leading blanks, and the blanks after its
    /// own quote and list markers) turned into spaces at the note's own 4-column tab stops.
    /// After the `> ` put before it, a tab would reach only the next stop of the handout's
    /// columns, two fewer: a list nested with a tab would no longer be nested, an indented
    /// code block would be a paragraph. Tabs further in the line are the note's text.
    static func expandingIndentationTabs(_ line: String) -> String {
        guard line.utf8.contains(0x09) else { return line }
        let characters = Array(line)
        var out = ""
        var index = 0
        // Indentation holds only ASCII blanks and markers, one column each.
        var column = 0
        while index < characters.count {
            let character = characters[index]
            if character == "\t" {
                let width = 4 - column % 4
                out += String(repeating: " ", count: width)
                column += width
                index += 1
            } else if character == " " {
                out.append(" ")
                column += 1
                index += 1
            } else if let end = indentationMarkerEnd(characters, from: index) {
                out += String(characters[index..<end])
                column += end - index
                index = end
            } else {
                break
            }
        }
        out += String(characters[index...])
        return out
    }

    /// A line of kept fenced code with the tabs it begins with made spaces at the note's own
    /// 4-column stops. Behind `> ` a tab reaches only two columns on: a tab-indented line of
    /// backticks inside the fence (code in the note, four columns deep) became a fence two
    /// columns deep that closed the code, and the rest of the note reached the handout as
    /// its structure; tab-indented code lost two columns of its indentation.
    static func expandingLeadingTabs(_ line: String) -> String {
        guard line.utf8.first == 0x09 || line.utf8.first == 0x20 && line.utf8.contains(0x09) else { return line }
        var out = ""
        var column = 0
        var rest = Substring(line)
        while let first = rest.first, first == " " || first == "\t" {
            let width = first == "\t" ? 4 - column % 4 : 1
            out += String(repeating: " ", count: width)
            column += width
            rest = rest.dropFirst()
        }
        return out + rest
    }

    /// The end of a quote marker, or of a list or definition marker followed by a blank or
    /// ending the line, starting at `start`.
    private static func indentationMarkerEnd(_ line: [Character], from start: Int) -> Int? {
        let character = line[start]
        if character == ">" { return start + 1 }
        let end: Int
        if character == "-" || character == "+" || character == "*" || character == ":" || character == "~" {
            end = start + 1
        } else if let marker = orderedListMarkerEnd(line, from: start) {
            end = marker
        } else {
            return nil
        }
        return end == line.count || line[end] == " " || line[end] == "\t" ? end : nil
    }

    /// A line's bytes, which start and end on scalar boundaries, as a string of its own.
    private static func line(_ bytes: Substring.UTF8View) -> String {
        String(bytes) ?? String(decoding: bytes, as: UTF8.self)
    }

    private static func isBlank(_ line: String) -> Bool { line.utf8.allSatisfy { $0 == 0x20 || $0 == 0x09 } }

    /// The line with rules 2 and 3 applied. Most lines of prose have nothing to escape: they
    /// are returned as they are, without the work by `Character` (most of an export's time).
    static func escape(_ line: String, endsParagraph: Bool = false, math: [Range<Int>] = [], code: [Range<Int>] = [],
                       unclosed: [Int] = []) -> String {
        needsNoEscape(line) ? line : escapeLine(Array(line), endsParagraph: endsParagraph, math: math, code: code, unclosed: unclosed)
    }

    /// True when `escapeLine` would return the line unchanged, by a look at its bytes: none of
    /// the characters rules 3 escapes or checks (`\ < [ ^ { % @`), and its content begins with
    /// a letter, or a character beyond ASCII, which opens nothing at a line's start (rule 2).
    static func needsNoEscape(_ line: String) -> Bool {
        var inContent = false
        // Letters at the start of the content, which `.` or `)` after them would make a
        // Pandoc list marker (`a)`, `iv.`).
        var leadingLetters = false
        for byte in line.utf8 {
            let lowered = byte | 0x20
            let isLetter = lowered >= 0x61 && lowered <= 0x7A
            if leadingLetters {
                if byte == 0x2E || byte == 0x29 { return false }
                leadingLetters = isLetter
            }
            switch byte {
            case 0x5C, 0x3C, 0x5B, 0x5E, 0x7B, 0x25, 0x40:
                return false
            case 0x20, 0x09:
                continue
            default:
                guard !inContent else { continue }
                inContent = true
                guard isLetter || byte >= 0x80 else { return false }
                leadingLetters = isLetter
            }
        }
        return true
    }

    // MARK: fenced code kept as code

    /// The index of the line closing a fenced code block opened on line `start`, when the
    /// block can be kept as code (rule 4).
    private static func closedFence(openingAt start: Int, in lines: [String]) -> Int? {
        let line = lines[start]
        guard let fenceCharacter = line.first, fenceCharacter == "`" || fenceCharacter == "~" else { return nil }
        let length = line.prefix { $0 == fenceCharacter }.count
        guard length >= 3 else { return nil }
        let info = String(line.dropFirst(length)).trimmingWhitespace()
        guard info.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "_+.#-".contains($0)) }) else { return nil }
        for index in (start + 1)..<lines.count {
            let candidate = lines[index]
            let indent = candidate.prefix { $0 == " " }.count
            let body = candidate.dropFirst(indent)
            let run = body.prefix { $0 == fenceCharacter }.count
            guard indent <= 3, run >= length, body.dropFirst(run).allSatisfy({ $0 == " " || $0 == "\t" }) else { continue }
            // The first closing fence is the one every parser sees; keep it only at column 0.
            return indent == 0 ? index : nil
        }
        return nil
    }

    // MARK: escaping

    /// `endsParagraph`: the line is the note's last, or a blank line follows; a backslash
    /// ending it would be Pandoc's line break before nothing, so it is shown as itself.
    /// `math`: the spans Pandoc reads as TeX math (`MathSpans`), whose backslashes are the
    /// note's TeX and stay as written.
    /// `code`: the code spans every parser sees (`CodeSpans`), copied as written.
    /// `unclosed`: the brackets nothing on the line pairs with (`UnclosedBrackets`), escaped.
    static func escapeLine(_ line: [Character], endsParagraph: Bool = false, math: [Range<Int>] = [], code: [Range<Int>] = [],
                           unclosed: [Int] = []) -> String {
        var unclosed = unclosed[...]
        /// Whether the bracket at `index` is one to escape; asked in order along the line.
        func isUnclosed(_ index: Int) -> Bool {
            while let first = unclosed.first, first < index { unclosed.removeFirst() }
            return unclosed.first == index
        }
        let startEscape = lineStartEscape(line)
        var codeSpans = code[...]
        var spans = math[...]
        var mathEnd = 0
        // A rule or underline of hyphens is escaped hyphen by hyphen: after `\-`, Pandoc would
        // still read the `--` left as an en dash (`---` would show as `-–`).
        let dashLine = startEscape.map { line[$0].lead == "-" } ?? false
        var out = ""
        out.reserveCapacity(line.count + 8)
        var index = 0
        while index < line.count {
            let character = line[index]
            // Compared by their first scalar: a combining mark or a joiner after `[` or a space
            // makes one Character of the two, which parsers still read as `[` or a space.
            let lead = character.lead
            let next: Character? = index + 1 < line.count ? line[index + 1] : nil
            if let span = codeSpans.first, span.lowerBound == index {
                out += String(line[span])
                index = span.upperBound
                codeSpans.removeFirst()
                continue
            }
            if let span = spans.first, span.lowerBound == index {
                mathEnd = span.upperBound
                spans.removeFirst()
            }
            if index < mathEnd, lead == "\\" || lead == "<" {
                appendMath(character, next: next, to: &out, index: &index)
                continue
            }
            if index == startEscape {
                // Only ever `#`, a fence, `[` or a break's character: plain punctuation.
                out.append("\\")
                out.append(character)
                index += 1
                continue
            }
            switch lead {
            case "\\":
                // `\<` is not kept as a pair: after a bare URL GitHub's autolinks take the
                // backslash into the link and the `<` would open HTML; the backslash is
                // doubled (shown as itself) and the `<` becomes an entity below.
                if character == "\\", let next, next != "<", next.isASCII, next.isPunctuation || next.isSymbol {
                    // The note's own escape: copy the pair, so the escaped character is not
                    // read as opening anything.
                    out.append(character)
                    out.append(next)
                    index += 2
                    continue
                }
                // Doubled unless it ends the line (a hard break): Pandoc reads `\word` (any
                // letter, `\é` too) as raw TeX and `\ ` as a non-breaking space.
                out += next == nil && !endsParagraph ? "\\" : "\\\\"
                out.unicodeScalars.append(contentsOf: character.unicodeScalars.dropFirst())
                index += 1
                continue
            case "<":
                if let end = autolinkEnd(line, from: index) {
                    out += String(line[index...end])
                    index = end + 1
                    continue
                }
                // Only a `<` before a letter, `/`, `!` or `?` can open HTML (a tag, a comment, a
                // declaration; Pandoc takes `<é>` for a tag too, any letter); any other (`<--`,
                // `< 5`) is text in every parser and stays as typed: after a bare URL, GitHub's
                // autolink stops at it, where it takes an entity or a backslash into the link.
                let after = character.unicodeScalars.dropFirst().first ?? next?.unicodeScalars.first
                guard let after, after.properties.isAlphabetic || "/!?".unicodeScalars.contains(after) else {
                    out.append(character)
                    break
                }
                // An entity, not `\<`: GitHub's autolinks take a backslash after a bare URL
                // into the link, and the `<` after it would open HTML again.
                out += "&lt;"
                out.unicodeScalars.append(contentsOf: character.unicodeScalars.dropFirst())
            case "[":
                // `[\^` too: cmark-gfm (0.29) reads it as a footnote's start and then loses
                // the text up to a later escaped `\[^1]`.
                let escapedCaret = next?.lead == "\\" && line.indices.contains(index + 2) && line[index + 2].lead == "^"
                if next?.lead == "^" || escapedCaret || isUnclosed(index) { out += "\\" }
                out.append(character)
            case "]":
                if isUnclosed(index) { out += "\\" }
                out.append(character)
            case "^":
                if let next, next.lead == "[" {
                    out.append(character)
                    out += "\\"
                    out.append(next)
                    index += 2
                    continue
                }
                out.append(character)
            case "{":
                if next?.lead == "=" { out += "\\" }
                out.append(character)
            case "%":
                out.append(character)
                if next?.lead == "%" { out += "\\" }
            case "@":
                // Pandoc's citation (`@ben`, `[@key]`, the example list's `(@good)`): with
                // `--citeproc` it replaced the note's words ("Ask (ben?)"). Not after a letter
                // or digit (an e-mail address) or a `/` (a URL's path), which Pandoc reads as text.
                let before = index > 0 ? line[index - 1] : nil
                let afterWord = before.map { $0.isLetter || $0.isNumber || $0.lead == "/" } ?? false
                if !afterWord, let next, next.isLetter || next.isNumber || next.lead == "_" || next.lead == "{" { out += "\\" }
                out.append(character)
            case "-":
                if dashLine, next?.lead == "-" || index > 0 && line[index - 1].lead == "-" { out += "\\" }
                out.append(character)
            default:
                out.append(character)
            }
            index += 1
        }
        return out
    }

    /// A backslash or `<` inside math. The backslash is TeX's and stays single (with the
    /// character it escapes, so `\$` closes nothing and `\[` is no link); a `<` stays too, but
    /// where it could open HTML or an autolink for a reader without math (before a letter,
    /// `/`, `!` or `?`), which is an entity as elsewhere.
    private static func appendMath(_ character: Character, next: Character?, to out: inout String, index: inout Int) {
        if character.lead == "<" {
            let opensMarkup = next.map { $0.isLetter || "/!?".contains($0) } ?? false
            out += opensMarkup ? "&lt;" : "<"
            out.unicodeScalars.append(contentsOf: character.unicodeScalars.dropFirst())
            index += 1
            return
        }
        out.append(character)
        index += 1
        if character == "\\", let next, next.isASCII, next.isPunctuation || next.isSymbol, next != "<" {
            out.append(next)
            index += 1
        }
    }

    /// Where the content of a line starts, after its blanks and its own quote, list and
    /// definition markers.
    static func contentStart(_ line: [Character]) -> Int {
        var index = 0
        while index < line.count {
            if line[index] == " " || line[index] == "\t" {
                index += 1
            } else if let end = indentationMarkerEnd(line, from: index) {
                index = end
            } else {
                break
            }
        }
        return index
    }

    /// Where, if anywhere, the line's first character of content must be escaped (rule 2).
    static func lineStartEscape(_ line: [Character]) -> Int? {
        var position = 0
        func isSpace(_ c: Character) -> Bool { c.lead == " " || c.lead == "\t" }
        while true {
            // Only blanks alone: a blank carrying a mark is content to a parser.
            while position < line.count, line[position] == " " || line[position] == "\t" { position += 1 }
            guard position < line.count else { return nil }
            let rest = line[position...]
            if isThematicBreak(rest) || isSetextUnderline(rest) { return position }
            let character = line[position]
            // Quote and list markers, and Pandoc's definition markers (`:` and `~` then a
            // space): what follows them starts a block too.
            if character.lead == ">" {
                position += 1
                continue
            }
            if "-+*:~".unicodeScalars.contains(character.lead), position + 1 == line.count || isSpace(line[position + 1]) {
                position += 1
                continue
            }
            if let end = orderedListMarkerEnd(line, from: position), end == line.count || isSpace(line[end]) {
                position = end
                continue
            }
            break
        }
        let rest = line[position...]
        switch line[position].lead {
        case "#":
            let hashes = rest.prefix { $0.lead == "#" }.count
            let after = position + hashes
            // Any number: Pandoc reads seven or more as a heading too.
            return after == line.count || isSpace(line[after]) ? position : nil
        case "`", "~":
            return rest.prefix { $0.lead == line[position].lead }.count >= 3 ? position : nil
        case "[":
            // `[label]: …` defines a link for the whole document, and its label may go on to
            // the next line; Pandoc's label may hold brackets (`[[PPWT]]: …`, a wiki link
            // first). Links, task boxes (`[ ]`), callouts (`[!NOTE]`) and wiki links, closed
            // on their line and not followed by `:`, stay as the note wrote them.
            var index = position + 1
            var depth = 1
            var firstClose: Int?
            while index < line.count {
                switch line[index].lead {
                case "\\": index += 1
                case "[": depth += 1
                case "]":
                    if firstClose == nil { firstClose = index }
                    depth -= 1
                default: break
                }
                if depth == 0 { break }
                index += 1
            }
            guard index < line.count else { return position }
            let colonAfter = { (close: Int) in close + 1 < line.count && line[close + 1].lead == ":" }
            return colonAfter(index) || firstClose.map(colonAfter) == true ? position : nil
        default:
            return nil
        }
    }

    /// The end of an ordered list marker starting at `start`, as CommonMark (`1.`, `1)`) or
    /// Pandoc (`a.`, `iv)`, `(b)`, `#.`, `(@)`, `(@label)`) reads one; nil when there is none.
    /// A word that only looks like one (`ii.` in prose) costs at most a backslash.
    static func orderedListMarkerEnd(_ line: [Character], from start: Int) -> Int? {
        var index = start
        let parenthesised = line[index].lead == "("
        if parenthesised { index += 1 }
        guard index < line.count else { return nil }
        let first = line[index]
        if first.isASCII, first.isNumber {
            let digits = line[index...].prefix { $0.isASCII && $0.isNumber }.count
            guard digits <= 9 else { return nil }
            index += digits
        } else if first.lead == "#" {
            index += 1
        } else if first.lead == "@" {
            index += 1
            index += line[index...].prefix { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }.count
        } else if first.isASCII, first.isLetter {
            // One letter, or a Roman numeral of any length.
            let letters = line[index...].prefix { $0.isASCII && $0.isLetter }.count
            let roman = line[index..<(index + letters)].allSatisfy { "ivxlcdmIVXLCDM".contains($0) }
            guard letters == 1 || roman else { return nil }
            index += letters
        } else {
            return nil
        }
        guard index < line.count else { return nil }
        let delimiter = line[index].lead
        if parenthesised { return delimiter == ")" ? index + 1 : nil }
        return delimiter == "." || delimiter == ")" ? index + 1 : nil
    }

    private static func isThematicBreak(_ rest: ArraySlice<Character>) -> Bool {
        guard let marker = rest.first?.lead, "-*_".unicodeScalars.contains(marker) else { return false }
        var count = 0
        for character in rest {
            if character.lead == marker { count += 1 } else if character.lead != " " && character.lead != "\t" { return false }
        }
        return count >= 3
    }

    private static func isSetextUnderline(_ rest: ArraySlice<Character>) -> Bool {
        guard let marker = rest.first?.lead, marker == "=" || marker == "-" else { return false }
        let run = rest.prefix { $0.lead == marker }.count
        return rest.dropFirst(run).allSatisfy { $0.lead == " " || $0.lead == "\t" }
    }

    /// The index of the `>` closing an autolink that starts at `start`, for links made of
    /// characters no parser reads as anything else (so no `[`, `^`, `{`, `\` or `` ` ``).
    static let autolinkSchemes: Set<String> = ["http", "https", "ftp", "mailto", "doi", "urn", "tel", "irc", "news",
                                               "ssh", "git", "sftp"]

    static func autolinkEnd(_ line: [Character], from start: Int) -> Int? {
        guard let close = line[(start + 1)...].firstIndex(of: ">") else { return nil }
        let inner = String(line[(start + 1)..<close])
        let allowed = inner.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
                || "-._~:/?#@!$&'()*+,;=%".unicodeScalars.contains(scalar))
        }
        guard allowed, !inner.contains("%%") else { return nil }
        if let colon = inner.firstIndex(of: ":") {
            // Only schemes Pandoc links too: for any other (`<todo:ana>`) it reads raw HTML,
            // which a PDF or DOCX drops.
            guard autolinkSchemes.contains(inner[..<colon].lowercased()) else { return nil }
            return close
        }
        let parts = inner.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."), !parts[1].hasSuffix(".") else { return nil }
        return close
    }
}
