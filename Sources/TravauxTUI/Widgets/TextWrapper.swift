/// Word-wraps styled text to a number of columns: the layout of summaries, quoted texts
/// and notes.
///
/// Lines break at spaces, after a hyphen with two letters before it and three after, and around wide (CJK)
/// characters; a word longer than the width is cut (or, for a command's output, set on a
/// line of its own whole, so that an address stays one to copy); explicit line breaks are kept and
/// an empty line stays empty. Spaces at a break are dropped, but indentation at the
/// start of a paragraph is kept. Styles follow their characters across breaks. Widths
/// are display widths, and the text is sanitized on the way.
public enum TextWrapper {
    public static func wrap(_ text: StyledText, width: Int, cuttingLongWords: Bool = true) -> [WrappedLine] {
        wrap(text, width: width, settlingAtoms: settlingAtoms, cuttingLongWords: cuttingLongWords)
    }

    /// `settlingAtoms` is a parameter so that tests can settle every few words.
    static func wrap(_ text: StyledText, width: Int, settlingAtoms: Int, cuttingLongWords: Bool = true) -> [WrappedLine] {
        guard width > 0 else { return [] }
        var lines: [WrappedLine] = []
        var paragraph = Paragraph(start: 0, settleAt: settlingAtoms, cutsLongWords: cuttingLongWords)
        var source = 0
        for span in text.spans {
            for character in span.text {
                // Most text is printable ASCII: nothing to sanitize, one column.
                if let ascii = character.asciiValue, ascii >= 0x20, ascii < 0x7F {
                    add(Atom(character: character, width: 1, style: span.style, source: source), to: &paragraph,
                        width: width, settlingAtoms: settlingAtoms, lines: &lines)
                    source += 1
                    continue
                }
                for piece in TextSanitizer.sanitize(character, preservingNewlines: true) {
                    if piece == "\n" {
                        wrapParagraph(paragraph.atoms, start: paragraph.start, width: width, cutsLongWords: paragraph.cutsLongWords, into: &lines)
                        paragraph = Paragraph(start: source + 1, settleAt: settlingAtoms, cutsLongWords: cuttingLongWords)
                    } else {
                        add(Atom(character: piece, width: DisplayWidth.of(piece), style: span.style, source: source), to: &paragraph,
                            width: width, settlingAtoms: settlingAtoms, lines: &lines)
                    }
                }
                source += 1
            }
        }
        wrapParagraph(paragraph.atoms, start: paragraph.start, width: width, cutsLongWords: paragraph.cutsLongWords, into: &lines)
        return lines
    }

    @inline(__always)
    private static func add(_ atom: Atom, to paragraph: inout Paragraph, width: Int, settlingAtoms: Int, lines: inout [WrappedLine]) {
        if paragraph.atoms.count >= paragraph.settleAt, !atom.isSpace, paragraph.atoms.last?.isSpace == true {
            settleLines(of: &paragraph, width: width, into: &lines)
            paragraph.settleAt = paragraph.atoms.count + settlingAtoms
        }
        paragraph.atoms.append(atom)
    }

    /// How many characters of one paragraph are held before the lines they fill are settled:
    /// a note of 10 MB on one line held 560 MB of atoms, twice over while wrapped.
    static let settlingAtoms = 16_384

    /// Wraps a long paragraph held so far (cut before a word) and keeps its lines up to the
    /// last that starts a word after a space; the rest is held to be wrapped again with what
    /// follows. Greedy wrapping from a word's start depends on nothing before it, so the
    /// lines are those the whole paragraph would give.
    private static func settleLines(of paragraph: inout Paragraph, width: Int, into lines: inout [WrappedLine]) {
        var wrapped: [WrappedLine] = []
        wrapParagraph(paragraph.atoms, start: paragraph.start, width: width, cutsLongWords: paragraph.cutsLongWords, into: &wrapped)
        for index in wrapped.indices.dropFirst().reversed() {
            let first = wrapped[index].sourceRange.lowerBound
            guard let atom = paragraph.atoms.lastIndex(where: { $0.source < first }).map({ $0 + 1 }),
                  paragraph.atoms.indices.contains(atom), paragraph.atoms[atom - 1].isSpace,
                  paragraph.atoms[atom].character == wrapped[index].text.spans.first?.text.first else { continue }
            lines.append(contentsOf: wrapped[..<index])
            paragraph.atoms.removeFirst(atom)
            paragraph.start = first
            return
        }
    }

    /// A sanitized character with its style and the source character it comes from.
    struct Atom {
        let character: Character   // `let`: the flags below are worked out from it
        var width: Int
        var style: Style
        var source: Int
        // Worked out once: comparing `Character`s goes through string comparison (and
        // normalization for any non-ASCII character), and a wrap asks about each atom
        // several times. A single scalar compared is the same test: nothing else is
        // canonically equivalent to a space, an ideographic space or a hyphen-minus.
        let isSpace: Bool
        let isHyphen: Bool

        init(character: Character, width: Int, style: Style, source: Int) {
            self.character = character
            self.width = width
            self.style = style
            self.source = source
            var scalars = character.unicodeScalars.makeIterator()
            let first = scalars.next()
            let single = scalars.next() == nil ? first?.value : nil
            isSpace = single == 0x20 || single == 0x3000
            isHyphen = single == 0x2D
        }
    }

    private struct Paragraph {
        var atoms: [Atom] = []
        var start: Int
        /// The count of atoms at which the lines so far are settled (`settleLines`).
        var settleAt: Int
        var cutsLongWords: Bool
    }

    /// Groups a paragraph into tokens: runs of spaces, and word pieces that may be
    /// broken between (a word is cut after a hyphen and around wide characters).
    private static func tokens(of atoms: [Atom]) -> [[Atom]] {
        var tokens: [[Atom]] = []
        var current: [Atom] = []
        let inAddress = addressAtoms(atoms)
        func flush() {
            if !current.isEmpty { tokens.append(current) }
            current = []
        }
        for (index, atom) in atoms.enumerated() {
            if atom.width == 0, !current.isEmpty {
                current.append(atom)  // a combining mark stays with its base
                continue
            }
            let previous = current.last
            let kindChanges = previous.map { $0.isSpace != atom.isSpace } ?? false
            let wideBoundary = previous.map { ($0.width == 2 || atom.width == 2) && !isClosingPunctuation(atom.character) } ?? false
            if kindChanges || (!atom.isSpace && wideBoundary) {
                flush()
            }
            current.append(atom)
            if atom.isHyphen, !inAddress[index], letters(in: atoms, from: index - 1, step: -1) >= 2, letters(in: atoms, from: index + 1, step: 1) >= 3 {
                flush()
            }
        }
        flush()
        return tokens
    }

    /// The atoms of words that are web addresses (`://` in them, or `www.` first): an
    /// address is cut only where the width runs out, never at a hyphen of its own, which
    /// would read as the end of a line's word (`daccess-` / `dds-ny.un.org`).
    private static func addressAtoms(_ atoms: [Atom]) -> [Bool] {
        var marks = [Bool](repeating: false, count: atoms.count)
        var start = 0
        while start < atoms.count {
            guard !atoms[start].isSpace else { start += 1; continue }
            var end = start
            while end < atoms.count, !atoms[end].isSpace { end += 1 }
            if isAddress(atoms[start..<end]) {
                for index in start..<end { marks[index] = true }
            }
            start = end
        }
        return marks
    }

    /// Whether a word holds `://` or begins with `www.`, or is a file's path (begins with
    /// `/`, `~/`, `./` or `../`: a message naming `/tmp/travaux-tests/…` broken after
    /// `travaux-` gave a wrong path to copy), read in place: every word of every paragraph
    /// laid out is asked.
    private static func isAddress(_ word: ArraySlice<Atom>) -> Bool {
        let start = word.startIndex
        if let first = word.first?.character, first == "/" || first == "~" || first == "." {
            var index = start
            while index < word.endIndex, word[index].character == ".", index - start < 2 { index += 1 }
            if first == "~" { index += 1 }
            if index < word.endIndex, word[index].character == "/" { return true }
        }
        if word.count >= 4, (start..<start + 3).allSatisfy({ word[$0].character == "w" || word[$0].character == "W" }),
           word[start + 3].character == "." { return true }
        guard word.count >= 3 else { return false }
        for index in start..<(word.endIndex - 2) where word[index].character == ":" {
            if word[index + 1].character == "/" && word[index + 2].character == "/" { return true }
        }
        return false
    }

    /// How many letters run from `start` on, going by `step`: a word is broken after its
    /// hyphen only with two letters before and three after (`space-` `weapons`), as
    /// typesetters do, so that `Alt-b/f` or `Ctrl-W` is never split from its key.
    private static func letters(in atoms: [Atom], from start: Int, step: Int) -> Int {
        var count = 0
        var index = start
        while atoms.indices.contains(index), atoms[index].character.isLetter, count < 3 {
            count += 1
            index += step
        }
        return count
    }

    private static func isClosingPunctuation(_ character: Character) -> Bool {
        "、。，．：；！？）」』】〕〉》，".contains(character)
    }

    private static func wrapParagraph(_ atoms: [Atom], start: Int, width: Int, cutsLongWords: Bool, into lines: inout [WrappedLine]) {
        var line: [Atom] = []
        var lineWidth = 0
        var wrapped = false
        var emittedAny = false

        func emit() {
            while let last = line.last, last.isSpace {
                line.removeLast()
                lineWidth -= last.width
            }
            lines.append(makeLine(line, fallbackStart: start))
            line = []
            lineWidth = 0
            wrapped = true
            emittedAny = true
        }

        for token in tokens(of: atoms) {
            let tokenWidth = token.reduce(0) { $0 + $1.width }
            if token[0].isSpace {
                if line.isEmpty, wrapped { continue }
                line.append(contentsOf: token)
                lineWidth += tokenWidth
                continue
            }
            if lineWidth + tokenWidth <= width {
                line.append(contentsOf: token)
                lineWidth += tokenWidth
                continue
            }
            if line.contains(where: { !$0.isSpace }) {
                emit()
            } else {
                line = []
                lineWidth = 0
            }
            if tokenWidth <= width || !cutsLongWords {
                line = token
                lineWidth = tokenWidth
                continue
            }
            // A word longer than the line: cut it wherever the line is full.
            for atom in token {
                if lineWidth + atom.width > width, lineWidth > 0 {
                    emit()
                }
                line.append(atom)
                lineWidth += atom.width
            }
        }
        if !line.isEmpty || !emittedAny {
            emit()
        }
    }

    private static func makeLine(_ atoms: [Atom], fallbackStart: Int) -> WrappedLine {
        guard let first = atoms.first, let last = atoms.last else {
            return WrappedLine(text: StyledText(), sourceRange: fallbackStart..<fallbackStart)
        }
        var spans: [Span] = []
        for atom in atoms {
            if let lastSpan = spans.last, lastSpan.style == atom.style {
                spans[spans.count - 1].text.append(atom.character)
            } else {
                spans.append(Span(String(atom.character), style: atom.style))
            }
        }
        return WrappedLine(text: StyledText(spans), sourceRange: first.source..<(last.source + 1))
    }
}
