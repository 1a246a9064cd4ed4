/// What changed between two texts, word by word: runs of text kept, deleted or inserted.
///
/// The old text is the kept and deleted pieces in order, the new text the kept and
/// inserted pieces, byte for byte (`apply(to:)` checks it). Within a change the
/// deletion comes before the insertion, and spaces alone between two changes join
/// them, so "hostile activities" → "activities which run" reads as whole phrases.
public struct TextDiff: Sendable, Hashable, Codable {
    public enum Operation: String, Sendable, Hashable, Codable {
        case equal, delete, insert
    }

    public struct Piece: Sendable, Hashable, Codable {
        public var operation: Operation
        public var text: String

        public init(_ operation: Operation, _ text: String) {
            self.operation = operation
            self.text = text
        }

        /// The text with the blanks at its ends apart from what is marked, as
        /// `git diff --word-diff` leaves them outside its marks: "hostile " is marked
        /// "[-hostile-] ", and in reverse video a marked blank is a block of colour past the
        /// word. A piece of blanks alone is marked whole, or the change would not show.
        public var blanksApart: (leading: Substring, marked: Substring, trailing: Substring) {
            guard let first = text.firstIndex(where: { !$0.isWhitespace }),
                  let last = text.lastIndex(where: { !$0.isWhitespace }) else {
                return ("", text[...], "")
            }
            let end = text.index(after: last)
            return (text[..<first], text[first..<end], text[end...])
        }

        private enum CodingKeys: String, CodingKey {
            case operation = "op"
            case text
        }
    }

    public var pieces: [Piece]

    public init(pieces: [Piece]) { self.pieces = pieces }

    public init(from old: String, to new: String) {
        let oldTokens = WordTokenizer.tokens(old)
        let newTokens = WordTokenizer.tokens(new)
        // Tokens compare by their bytes: "é" and "e\u{301}" are different texts to a diff.
        var numbers: [[UInt8]: Int] = [:]
        func number(_ token: WordTokenizer.Token) -> Int {
            let bytes = Array(token.text.utf8)
            if let known = numbers[bytes] { return known }
            numbers[bytes] = numbers.count
            return numbers.count - 1
        }
        let edits = MyersDiff.edits(from: oldTokens.map(number), to: newTokens.map(number))
        self.pieces = Self.pieces(edits, old: oldTokens, new: newTokens)
    }

    /// Groups the edits into runs: kept runs, and changes (deletion then insertion) between them.
    private static func pieces(_ edits: [MyersDiff.Edit], old: [WordTokenizer.Token], new: [WordTokenizer.Token]) -> [Piece] {
        // First the kept runs, each with the tokens it keeps.
        struct Run {
            var kept: Bool
            var deleted: [WordTokenizer.Token] = []
            var inserted: [WordTokenizer.Token] = []
        }
        var runs: [Run] = []
        var i = 0, j = 0
        for edit in edits {
            let kept = edit == .keep
            if runs.last?.kept != kept { runs.append(Run(kept: kept)) }
            switch edit {
            case .keep:
                runs[runs.count - 1].deleted.append(old[i])  // a kept run holds its tokens as "deleted" and "inserted" alike
                runs[runs.count - 1].inserted.append(new[j])
                i += 1
                j += 1
            case .delete:
                runs[runs.count - 1].deleted.append(old[i])
                i += 1
            case .insert:
                runs[runs.count - 1].inserted.append(new[j])
                j += 1
            }
        }
        // Spaces alone between two changes belong to the change: one phrase replaced by another.
        var merged: [Run] = []
        for (index, run) in runs.enumerated() {
            // Runs alternate, so a kept run that is neither first nor last sits between two changes.
            let joinsChanges = run.kept && index > 0 && index + 1 < runs.count && run.deleted.allSatisfy { $0.kind == .whitespace }
            if let last = merged.last, !last.kept, !run.kept || joinsChanges {
                merged[merged.count - 1].deleted += run.deleted
                merged[merged.count - 1].inserted += run.inserted
            } else {
                merged.append(run)
            }
        }
        // Words both sides of a change share at its ends are kept, not changed: "[-including -]{+and +}networks"
        // becomes "[-including-]{+and+} networks".
        var trimmed: [Run] = []
        func keep(_ tokens: [WordTokenizer.Token]) {
            guard !tokens.isEmpty else { return }
            if trimmed.last?.kept == true {
                trimmed[trimmed.count - 1].deleted += tokens
                trimmed[trimmed.count - 1].inserted += tokens
            } else {
                trimmed.append(Run(kept: true, deleted: tokens, inserted: tokens))
            }
        }
        func same(_ a: WordTokenizer.Token, _ b: WordTokenizer.Token) -> Bool { a.text.utf8.elementsEqual(b.text.utf8) }
        for run in merged {
            guard !run.kept else { keep(run.deleted); continue }
            var deleted = run.deleted[...], inserted = run.inserted[...]
            var head: [WordTokenizer.Token] = []
            while let a = deleted.first, let b = inserted.first, same(a, b) {
                head.append(a)
                deleted.removeFirst()
                inserted.removeFirst()
            }
            var tail: [WordTokenizer.Token] = []
            while let a = deleted.last, let b = inserted.last, same(a, b) {
                tail.insert(a, at: 0)
                deleted.removeLast()
                inserted.removeLast()
            }
            keep(head)
            if !deleted.isEmpty || !inserted.isEmpty { trimmed.append(Run(kept: false, deleted: Array(deleted), inserted: Array(inserted))) }
            keep(tail)
        }
        var result: [Piece] = []
        for run in trimmed {
            let deleted = run.deleted.map(\.text).joined()
            let inserted = run.inserted.map(\.text).joined()
            if run.kept {
                result.append(Piece(.equal, deleted))
            } else {
                if !deleted.isEmpty { result.append(Piece(.delete, deleted)) }
                if !inserted.isEmpty { result.append(Piece(.insert, inserted)) }
            }
        }
        return result
    }

    /// The text the diff starts from: kept and deleted pieces.
    public var oldText: String { pieces.filter { $0.operation != .insert }.map(\.text).joined() }

    /// The text the diff leads to: kept and inserted pieces.
    public var newText: String { pieces.filter { $0.operation != .delete }.map(\.text).joined() }

    /// Whether anything was deleted or inserted.
    public var hasChanges: Bool { pieces.contains { $0.operation != .equal } }

    /// The diff from the new text back to the old one.
    public var reversed: TextDiff {
        TextDiff(pieces: pieces.map { piece in
            switch piece.operation {
            case .equal: return piece
            case .delete: return Piece(.insert, piece.text)
            case .insert: return Piece(.delete, piece.text)
            }
        })
    }

    /// The new text, made from `text` as a patch: nil when `text` is not, byte for byte,
    /// the text this diff starts from.
    public func apply(to text: String) -> String? {
        let source = Array(text.utf8)
        var position = 0
        var output: [UInt8] = []
        output.reserveCapacity(source.count)
        for piece in pieces {
            let bytes = Array(piece.text.utf8)
            if piece.operation != .insert {
                guard position + bytes.count <= source.count,
                      source[position..<(position + bytes.count)].elementsEqual(bytes) else { return nil }
                position += bytes.count
            }
            if piece.operation != .delete { output += bytes }
        }
        guard position == source.count else { return nil }
        return String(decoding: output, as: UTF8.self)
    }
}
