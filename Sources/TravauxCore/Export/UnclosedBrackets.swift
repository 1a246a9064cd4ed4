/// The brackets of a note's line that no bracket on the same line pairs with, which the
/// handout escapes.
///
/// Pandoc (2.17) looks past a blank line for the `]` of a bracket, and when it finds one it
/// drops every paragraph between: bracketed draft language (`[States shall…` in one
/// paragraph, `…deleted.]` two paragraphs on) showed only its first paragraph, with no
/// warning. A list or a quote on the next line is another block too, so brackets are paired
/// line by line: a `[` or `]` left over is escaped, and then no `[` Pandoc reads as a
/// bracket lacks its `]` on its own line. Brackets in code and math spans are not counted.
/// Where the code spans of a line are in doubt (`CodeSpans` found none, though it has a
/// backtick, since a `$` or a run left open makes the parsers differ), every bracket of
/// the line is escaped: a `]` in what Pandoc reads as code does not close.
///
/// Escaped, a bracket reads as itself in every parser. The cost: a link whose text goes on
/// to the next line (`[the 2013\nreport](…)`) shows as text.
enum UnclosedBrackets {
    /// For each line, the indices (of its `Character`s) of the brackets to escape, in order;
    /// none on the lines `skipping` marks (fenced code).
    static func find(in lines: [String], skipping: [Bool], code: [[Range<Int>]]?, math: [[Range<Int>]]?) -> [[Int]] {
        var marks = [[Int]](repeating: [], count: lines.count)
        for (lineIndex, text) in lines.enumerated() where !skipping[lineIndex] {
            guard text.utf8.contains(0x5B) || text.utf8.contains(0x5D) else { continue }
            let codeSpans = code?[lineIndex] ?? []
            let inDoubt = codeSpans.isEmpty && text.utf8.contains(0x60)
            let characters = Array(text)
            var passed = codeSpans + (math?[lineIndex] ?? [])
            passed.sort { $0.lowerBound < $1.lowerBound }
            var spans = passed[...]
            var open: [Int] = []
            var index = 0
            while index < characters.count {
                if let span = spans.first, span.lowerBound <= index {
                    index = max(index, span.upperBound)
                    spans.removeFirst()
                    continue
                }
                switch characters[index].lead {
                case "\\":
                    // The note's own escape (`\[`) is a bracket as text.
                    index += 1
                case "[":
                    if inDoubt { marks[lineIndex].append(index) } else { open.append(index) }
                case "]":
                    if inDoubt || open.isEmpty { marks[lineIndex].append(index) } else { open.removeLast() }
                default:
                    break
                }
                index += 1
            }
            marks[lineIndex] += open
            marks[lineIndex].sort()
        }
        return marks
    }
}
