/// Which lines of a paragraph end inside a code span, so that no hard break goes there: in a
/// code span a backslash is code, and the line end a space (`NoteLineBreaks`).
///
/// A run of backticks opens a span closed by the next run of exactly as many, anywhere later
/// in the paragraph; a backslash before a run (outside code) takes its first backtick. A run
/// never closed is text in CommonMark; Pandoc takes only its first backtick as text and tries
/// again with the rest (`` ``a` `` is `` ` `` then the code `a`). A line end inside a span by
/// either reading counts. GitHub's autolinks take the backticks of some bare URLs into the
/// link (`http://a.org/`x`), which pairs the rest otherwise: from a bare URL with a backtick
/// in it on, every line end counts. Read by scalars, as the parsers do.
enum CodeSpanLineEnds {
    private enum Reading: CaseIterable { case commonMark, pandoc }

    static func find(in lines: ArraySlice<String>) -> [Bool] {
        var inside = [Bool](repeating: false, count: lines.count)
        guard lines.contains(where: { $0.utf8.contains(0x60) }) else { return inside }
        var scalars: [Unicode.Scalar] = []
        var lineOf: [Int] = []
        for (offset, line) in lines.enumerated() {
            for scalar in line.unicodeScalars {
                scalars.append(scalar)
                lineOf.append(offset)
            }
            scalars.append("\n")
            lineOf.append(offset)
        }
        let runs = Runs(scalars)
        if let url = firstBareURLWithBacktick(scalars) {
            for line in lineOf[url]..<lines.count { inside[line] = true }
        }
        for reading in Reading.allCases {
            var text = 0
            var run = 0
            while run < runs.all.count {
                var (start, length) = runs.all[run]
                // Backslashes since the last span: an odd number escapes the run's first backtick.
                var before = start - 1
                while before >= text, scalars[before] == "\\" { before -= 1 }
                if (start - 1 - before) % 2 == 1 {
                    start += 1
                    length -= 1
                }
                var close: Int?
                while length > 0 {
                    close = runs.first(after: run, length: length)
                    guard close == nil, reading == .pandoc else { break }
                    start += 1
                    length -= 1
                }
                guard let close else {
                    text = runs.all[run].start + runs.all[run].length
                    run += 1
                    continue
                }
                for line in lineOf[start]..<lineOf[runs.all[close].start] { inside[line] = true }
                text = runs.all[close].start + length
                run = close + 1
            }
        }
        return inside
    }

    /// The maximal runs of backticks, and for each length the runs that have it.
    private struct Runs {
        var all: [(start: Int, length: Int)] = []
        var byLength: [Int: [Int]] = [:]

        init(_ scalars: [Unicode.Scalar]) {
            var index = 0
            while index < scalars.count {
                guard scalars[index] == "`" else {
                    index += 1
                    continue
                }
                let start = index
                while index < scalars.count, scalars[index] == "`" { index += 1 }
                byLength[index - start, default: []].append(all.count)
                all.append((start, index - start))
            }
        }

        /// The first run of exactly `length` backticks after run `index`.
        func first(after index: Int, length: Int) -> Int? {
            guard let candidates = byLength[length] else { return nil }
            var low = 0, high = candidates.count
            while low < high {
                let middle = (low + high) / 2
                if candidates[middle] <= index { low = middle + 1 } else { high = middle }
            }
            return low < candidates.count ? candidates[low] : nil
        }
    }

    /// Where the first bare URL with a backtick in it starts (the scheme before `://`, or
    /// `www.`), a URL running to the next blank or `<`.
    private static func firstBareURLWithBacktick(_ scalars: [Unicode.Scalar]) -> Int? {
        var index = 0
        while index < scalars.count {
            let rest = scalars[index...]
            var start = index
            if rest.starts(with: [":", "/", "/"]) {
                while start > 0, scalars[start - 1].isASCII, scalars[start - 1].properties.isAlphabetic { start -= 1 }
            } else if !(rest.starts(with: ["w", "w", "w", "."]) || rest.starts(with: ["W", "W", "W", "."])) {
                index += 1
                continue
            }
            while index < scalars.count, !scalars[index].properties.isWhitespace, scalars[index] != "<" {
                if scalars[index] == "`" { return start }
                index += 1
            }
        }
        return nil
    }
}
