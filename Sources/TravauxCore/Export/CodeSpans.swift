/// Where a note's lines hold code spans that every reader sees as such, so that the handout
/// copies what is in them as written: a code span shows an entity or a backslash as typed,
/// so `` `a<b` `` escaped like text came out as `a&lt;b`.
///
/// CommonMark's rule (Pandoc's and GitHub's alike): a run of backticks opens a code span
/// closed by the next run of as many backticks in the paragraph, and only an HTML tag or an
/// autolink begun before it takes precedence. The handout leaves no HTML tag, but it keeps
/// plain autolinks, so as with `MathSpans` the guess is never bolder than the parsers: a
/// span is found only when it closes on the line it opens; and a run left open on a line
/// (it may close on a later one), a backtick after a backslash or at a line's escaped start,
/// a kept autolink or a bare URL (GitHub's autolinks take backticks into the link), a
/// table's pipe or math on the line end the finding for the rest of the paragraph, whose
/// characters are then escaped as text, as before. So does a `$` before a run of backticks
/// in the paragraph: Pandoc reads math first, and `$$`$$\sum$$`` is display math then the
/// raw TeX `\sum`, where cmark reads a code span.
enum CodeSpans {
    /// For each line, its code spans, from the opening run to after the closing one, as
    /// indices of its `Character`s; none on the lines `skipping` marks (fenced code).
    static func find(in lines: [String], skipping: [Bool], math: [[Range<Int>]]?) -> [[Range<Int>]] {
        var spans = [[Range<Int>]](repeating: [], count: lines.count)
        var paragraphKnown = true
        // A `$` earlier in the paragraph may open math that takes a later backtick in.
        var dollarBefore = false
        for (index, text) in lines.enumerated() {
            if skipping[index] || text.utf8.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
                paragraphKnown = true
                dollarBefore = false
                continue
            }
            defer { if text.utf8.contains(0x24) { dollarBefore = true } }
            guard paragraphKnown, text.utf8.contains(0x60) else { continue }
            let line = Array(text)
            if !dollarBefore, let found = spansClosedOnLine(line), math?[index].isEmpty ?? true {
                spans[index] = found
            } else {
                paragraphKnown = false
            }
        }
        return spans
    }

    /// The line's code spans, or nil when how its backticks pair is not certain. Characters
    /// are judged by their first scalar, as the escaping does; a backtick with a mark or a
    /// joiner after it, one `Character` that parsers read as a backtick and a mark, is not
    /// certain either.
    private static func spansClosedOnLine(_ line: [Character]) -> [Range<Int>]? {
        if line.contains(where: { $0.lead == "|" || ($0.lead == "`" && $0 != "`") }) { return nil }
        // GitHub's bare-URL autolinks are found before code spans, and take backticks in.
        let lowered = String(line).lowercased()
        if ["://", "www.", "mailto:", "xmpp:"].contains(where: { lowered.contains($0) }) { return nil }
        if let start = NoteBodyMarkdown.lineStartEscape(line), line[start].lead == "`" { return nil }
        var found: [Range<Int>] = []
        let lastBacktick = line.lastIndex(of: "`")
        var index = 0
        while index < line.count {
            switch line[index].lead {
            case "\\":
                if index + 1 < line.count, line[index + 1] == "`" { return nil }
                index += 1
            case "<":
                if NoteBodyMarkdown.autolinkEnd(line, from: index) != nil { return nil }
                index += 1
            case "$":
                // Math Pandoc may open here could take the next backtick in.
                if let lastBacktick, index < lastBacktick { return nil }
                index += 1
            case "`":
                let length = runLength(line, from: index)
                var search = index + length
                var closing: Int?
                while search < line.count {
                    guard line[search] == "`" else { search += 1; continue }
                    let run = runLength(line, from: search)
                    if run == length { closing = search; break }
                    search += run
                }
                guard let closing else { return nil }
                found.append(index..<(closing + length))
                index = closing + length
            default:
                index += 1
            }
        }
        return found
    }

    private static func runLength(_ line: [Character], from start: Int) -> Int {
        var end = start
        while end < line.count, line[end] == "`" { end += 1 }
        return end - start
    }
}
