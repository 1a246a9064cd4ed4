/// Where a note's lines hold TeX math as Pandoc reads it (`tex_math_dollars`), so that the
/// handout leaves the backslashes there as written: doubled, `$n \geq 65$` became
/// `$n \\geq 65$`. Outside math they are still doubled, as Pandoc would read `\geq` as raw TeX.
///
/// Pandoc's rules: `$$…$$` is display math, anything up to the next `$$` (but not starting
/// with one); `$…$` is inline
/// math when the opening `$` has neither a blank nor a `$` after it, and the closing one
/// (the first `$` not escaped) has no blank before it and no digit after it, so a price
/// (`$5 and $6`) is text. `\` takes the character after it (`\$` closes nothing), and
/// `\text{…}` its balanced braces.
///
/// A backslash left single where Pandoc sees no math would be raw TeX, so the guess must
/// never be bolder than Pandoc: a span is found only on one line; a line where Pandoc could
/// pair the `$` otherwise (a code span, a citation `@`, a link's destination or
/// attributes, an autolink, a table's cell) has none; and when a `$` that opens nothing on
/// its line could be closed on the next, the next line has none either, nor any after it
/// in the paragraph if that is unclear. Where none is found, backslashes are doubled as
/// everywhere else (Pandoc then shows them doubled in math, never as raw TeX).
enum MathSpans {
    /// What a line leaves to the next: nothing, a `$` that may open math closed further on,
    /// or a pairing no longer known.
    private enum Carry { case none, dangling, unknown }

    /// How the content after an opening `$` ends on its line.
    private enum Content {
        case closed(at: Int)
        case failed
        case open(inBraces: Bool)
    }

    /// For each line, the spans of math in it (from the opening `$` to after the closing one),
    /// as indices of its `Character`s; none on the lines `skipping` marks (fenced code).
    static func find(in lines: [String], skipping: [Bool]) -> [[Range<Int>]] {
        spansAndOpenEnds(in: lines, skipping: skipping).spans
    }

    /// The spans, and for each line whether a `$` may be left open at its end (math Pandoc
    /// could close on a later line of the paragraph, so that the line break is inside it).
    static func spansAndOpenEnds(in lines: [String], skipping: [Bool]) -> (spans: [[Range<Int>]], leavesOpen: [Bool]) {
        var spans = [[Range<Int>]](repeating: [], count: lines.count)
        var leavesOpen = [Bool](repeating: false, count: lines.count)
        let tables = lines.indices.contains { !skipping[$0] && isTableRule(lines[$0]) }
        var carry = Carry.none
        for (index, text) in lines.enumerated() {
            defer { leavesOpen[index] = carry != .none }
            if skipping[index] || text.utf8.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
                carry = .none
                continue
            }
            guard carry != .unknown else { continue }
            guard text.utf8.contains(0x24) else {
                // No `$`: a `$` left open goes on, unless a `\text{` here may hold the next.
                if carry == .dangling, text.contains("\\text") { carry = .unknown }
                continue
            }
            let line = Array(text)
            if isUncertain(line, tables: tables) {
                // Its `$` may leave math open; display math (`$$`) closes on any later line.
                carry = carry == .none && !text.contains("$$") ? .dangling : .unknown
                continue
            }
            if carry == .dangling {
                switch continuation(line) {
                case .none: carry = .none
                case .dangling: continue
                case .unknown:
                    carry = .unknown
                    continue
                }
            }
            (spans[index], carry) = scan(line)
        }
        return (spans, leavesOpen)
    }

    /// The spans of a line read from its start, and what it leaves to the next.
    private static func scan(_ line: [Character]) -> ([Range<Int>], Carry) {
        var spans: [Range<Int>] = []
        var index = 0
        while index < line.count {
            let lead = line[index].lead
            if lead == "\\" {
                index += index + 1 < line.count && isASCIIPunctuation(line[index + 1]) ? 2 : 1
                continue
            }
            guard lead == "$" else {
                index += 1
                continue
            }
            guard index + 1 < line.count else { return (spans, .none) }
            if line[index + 1].lead == "$" {
                // Display math: at least one character, not starting with `$$`, then the first `$$`.
                if index + 3 < line.count, line[index + 2].lead == "$", line[index + 3].lead == "$" {
                    index += 1
                    continue
                }
                var close = index + 3
                while close + 1 < line.count, !(line[close].lead == "$" && line[close + 1].lead == "$") { close += 1 }
                guard close + 1 < line.count else { return (spans, .unknown) }
                spans.append(index..<(close + 2))
                index = close + 2
                continue
            }
            guard !line[index + 1].lead.properties.isWhitespace else {
                index += 1
                continue
            }
            switch content(line, from: index + 1) {
            case .closed(let close):
                if close + 1 < line.count, isDigit(line[close + 1]) {
                    // `$a$5` is no math; Pandoc tries again at the next `$`.
                    index += 1
                } else {
                    spans.append(index..<(close + 1))
                    index = close + 1
                }
            case .failed:
                index += 1
            case .open(let inBraces):
                return (spans, inBraces ? .unknown : .dangling)
            }
        }
        return (spans, .none)
    }

    /// Inline math's content from `start` to its closing `$`, by Pandoc's rules.
    private static func content(_ line: [Character], from start: Int) -> Content {
        var index = start
        while index < line.count {
            switch line[index].lead {
            case "$":
                return .closed(at: index)
            case "\\":
                guard index + 1 < line.count else { return .open(inBraces: false) }
                if line[(index + 1)...].starts(with: ["t", "e", "x", "t", "{"]) {
                    guard let close = closingBrace(line, from: index + 5) else { return .open(inBraces: true) }
                    index = close + 1
                } else {
                    index += 2
                }
            case " ", "\t":
                var end = index
                while end < line.count, line[end].lead == " " || line[end].lead == "\t" { end += 1 }
                guard end < line.count else { return .open(inBraces: false) }
                if line[end].lead == "$" { return .failed }
                index = end
            default:
                index += 1
            }
        }
        return .open(inBraces: false)
    }

    /// The `}` closing the `{` at `open`, counting nested braces and skipping escaped ones.
    private static func closingBrace(_ line: [Character], from open: Int) -> Int? {
        var depth = 0
        var index = open
        while index < line.count {
            switch line[index].lead {
            case "\\": index += 1
            case "{": depth += 1
            case "}":
                depth -= 1
                if depth == 0 { return index }
            default: break
            }
            index += 1
        }
        return nil
    }

    /// Whether a `$` left open on the line before is closed on this one (then which `$`
    /// open math here is unclear), or fails here (this line reads as if alone), or goes on.
    private static func continuation(_ line: [Character]) -> Carry {
        let start = NoteBodyMarkdown.contentStart(line)
        // A `$` first on the line is closed or not depending on what Pandoc strips before it.
        guard start < line.count, line[start].lead != "$" else { return .unknown }
        switch content(line, from: start) {
        case .closed(let close):
            return close + 1 < line.count && isDigit(line[close + 1]) ? .none : .unknown
        case .failed:
            return .none
        case .open(let inBraces):
            return inBraces ? .unknown : .dangling
        }
    }

    /// A line where Pandoc may pair its `$` otherwise than `scan` does: something that takes
    /// a `$` as its own (a code span, a citation key, a link's destination or attributes, an
    /// autolink, a table's cell), or a character whose marks hide a `$`, `\`, brace or blank.
    private static func isUncertain(_ line: [Character], tables: Bool) -> Bool {
        for (index, character) in line.enumerated() {
            let scalars = character.unicodeScalars
            if scalars.count > 1, scalars.contains(where: { "$\\{} \t".unicodeScalars.contains($0) }) { return true }
            let next = index + 1 < line.count ? line[index + 1].lead : nil
            switch character.lead {
            case "`", "@", "\u{2028}", "\u{2029}": return true
            case "<": if let next, ("a"..."z").contains(next) || ("A"..."Z").contains(next) { return true }
            case "]": if let next, next == "(" || next == "[" || next == "{" { return true }
            case "|": if tables { return true }
            default: break
            }
        }
        return false
    }

    /// A pipe or grid table's rule (`|---|:--|`, `+---+`), after which Pandoc splits lines
    /// with `|` into cells.
    private static func isTableRule(_ line: String) -> Bool {
        let marks = line.filter { $0 != " " && $0 != "\t" }
        return !marks.isEmpty && marks.allSatisfy { "|+-=:".contains($0) }
            && marks.contains { $0 == "-" || $0 == "=" } && marks.contains { $0 == "|" || $0 == "+" }
    }

    /// Judged by the first scalar, as Pandoc reads `5` then a combining mark as a digit.
    private static func isDigit(_ character: Character) -> Bool { ("0"..."9").contains(character.lead) }

    private static func isASCIIPunctuation(_ character: Character) -> Bool {
        character.isASCII && (character.isPunctuation || character.isSymbol)
    }
}
