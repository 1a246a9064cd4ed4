/// The record's text (titles, names, citations, quoted texts) written into Markdown as
/// text: whatever CommonMark, GitHub's extensions, Pandoc or Obsidian could read as markup
/// is escaped with a backslash, which all of them honour before ASCII punctuation.
enum MarkdownText {
    /// Characters escaped wherever they stand. `#` because Obsidian reads `#word` as a tag
    /// and a heading drops a trailing `#`; `@` for Pandoc citations; `$` for Pandoc maths;
    /// `{` for Pandoc attributes; `~` and `^` for sub- and superscripts.
    static let significant: Set<Character> = ["\\", "`", "*", "_", "[", "]", "<", ">", "#", "&", "~", "^", "$", "|", "@", "{", "}"]

    /// A value for the front matter that Pandoc, which reads metadata strings as Markdown,
    /// shows as written (`@UNIDIR` is no citation, `*draft*` no emphasis, `1. x` no list),
    /// with backslashes only, since Obsidian and other readers of YAML show them as they are.
    static func metadata(_ text: String) -> String {
        let line = singleLine(text)
        guard let first = line.first?.leadCharacter else { return line }
        // What could open a block: punctuation first (`- x`, `: x`, `(a) x`), or `.` or `)`
        // after a first word short enough to be a list number (`1.`, `a)`, `iv.`).
        let opensWithPunctuation = first.isASCII && (first.isPunctuation || first.isSymbol)
        guard !needsNoEscape(line) || opensWithPunctuation || first.isASCII && (first.isNumber || first.isLetter) else { return line }
        var out = ""
        out.reserveCapacity(line.utf8.count + 4)
        var previous: Character?
        var leadingWord = 0
        var leading = ""
        let characters = Array(line)
        for (index, whole) in characters.enumerated() {
            let character = whole.leadCharacter
            let next = index + 1 < characters.count ? characters[index + 1].leadCharacter : nil
            let listNumber = leading.allSatisfy(\.isNumber) || leading.count == 1 || leading.allSatisfy { "ivxlcdmIVXLCDM".contains($0) }
            let opensBlock = index == 0 && opensWithPunctuation
                || leadingWord == index && (1...9).contains(index) && listNumber && (character == "." || character == ")")
            if significant.contains(character) || opensBlock || (character == "=" || character == "%") && previous == character
                || isInDashRun(character, previous: previous, next: next) {
                out.append("\\")
            }
            if leadingWord == index, character.isASCII, character.isLetter || character.isNumber {
                leadingWord += 1
                leading.append(character)
            }
            out.append(whole)
            previous = character
        }
        return out
    }

    /// One line of text: line breaks and tabs become spaces, control characters go.
    static func plain(_ text: String) -> String {
        escape(singleLine(text), keepItalics: false)
    }

    /// A citation as the record keeps it: `*…*` marks italics there, so balanced asterisks
    /// stay emphasis; URLs the source lists become links, `<…>` or, without a scheme,
    /// `[www.…](http://www.…)`, where Markdown allows one.
    static func citation(_ text: String, urls: [String]) -> String {
        let line = singleLine(text)
        let keepItalics = line.filter { $0 == "*" }.count % 2 == 0
        var out = ""
        var rest = Substring(line)
        while !rest.isEmpty {
            // The earliest, then longest, listed URL in what is left.
            let found = urls.filter { !$0.isEmpty }.compactMap { url in rest.firstRange(of: url).map { (url, $0) } }
                .min { ($0.1.lowerBound, -$0.0.count) < ($1.1.lowerBound, -$1.0.count) }
            guard let (url, range) = found else {
                out += escape(String(rest), keepItalics: keepItalics)
                break
            }
            var before = rest[..<range.lowerBound]
            var after = rest[range.upperBound...]
            let link = autolink(url)
            // A URL the citation already wrote as `<…>` keeps one pair of brackets.
            if link != nil, before.hasSuffix("<"), after.hasPrefix(">") {
                before = before.dropLast()
                after = after.dropFirst()
            }
            out += escape(String(before), keepItalics: keepItalics)
            out += link ?? schemelessLink(url) ?? escape(url, keepItalics: false)
            rest = after
        }
        return out
    }

    /// `<url>` when the URL can be a Markdown autolink (a scheme, nothing a link cannot
    /// hold); nil otherwise, and the URL is written as text.
    static func autolink(_ url: String) -> String? {
        let lower = url.lowercased()
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("ftp://") else { return nil }
        guard url.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value != 0x7F && !"<>`\\\"{}|^[]".unicodeScalars.contains($0) }) else {
            return nil
        }
        return "<" + url + ">"
    }

    /// `#tag`, written so Obsidian still sees a tag when the tag is made of letters,
    /// digits, `-`, `_` and `/`; any other tag is escaped as text.
    static func tag(_ tag: String) -> String {
        let plainTag = tag.allSatisfy { $0.isLetter || $0.isNumber || "-_/".contains($0) }
            && !tag.hasPrefix("_") && !tag.hasSuffix("_") && !tag.isEmpty
        return "#" + (plainTag ? tag : plain(tag))
    }

    /// A URL without a scheme (`www.itu.int/…`) as a link showing it as written,
    /// `[www.itu.int/…](http://www.itu.int/…)`: Pandoc links no bare URL, and as text it would
    /// be no link there. `http`, as GitHub's own bare `www.` links have it, since the record
    /// does not say; a server that wants `https` redirects. Nil when the URL does not start
    /// with a host name (`a.b`), or holds characters a link's text or destination would have
    /// to change.
    static func schemelessLink(_ url: String) -> String? {
        let safe = url.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
                || "-._:/?=%+,;!'()".unicodeScalars.contains(scalar))
        }
        let host = url.prefix { $0 != "/" && $0 != "?" }
        let isHost = host.contains(".") && !host.hasPrefix(".") && !host.hasSuffix(".")
            && host.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "-") }
        guard safe, isHost, !url.contains("://") else { return nil }
        // The text, shown as written: `_` would be emphasis, `'` a curly quote and `...` or `--`
        // an ellipsis or a dash to Pandoc.
        var text = ""
        let characters = Array(url)
        for (index, character) in characters.enumerated() {
            let run = (character == "." || character == "-")
                && (index > 0 && characters[index - 1] == character || index + 1 < characters.count && characters[index + 1] == character)
            if run || character == "_" || character == "'" || character == "%" && index > 0 && characters[index - 1] == "%" { text += "\\" }
            text.append(character)
        }
        // The destination: parentheses would end it early in CommonMark.
        var destination = "http://"
        for character in url {
            switch character {
            case "(": destination += "%28"
            case ")": destination += "%29"
            default: destination.append(character)
            }
        }
        return "[" + text + "](" + destination + ")"
    }

    /// Inline code whose fence is longer than any run of backticks inside it.
    static func code(_ text: String) -> String {
        let line = singleLine(text)
        var longest = 0, run = 0
        for character in line {
            run = character.leadCharacter == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: longest + 1)
        let padded = line.hasPrefix("`") || line.hasSuffix("`") || line.isEmpty ? " " + line + " " : line
        return fence + padded + fence
    }

    /// One line of a block of record text (a quoted official text): also escapes what
    /// would open a list, a definition or a heading at the start of a line.
    static func blockLine(_ line: String) -> String {
        var text = escape(cleaned(line).trimmingWhitespace(), keepItalics: false)
        guard let first = text.first?.leadCharacter else { return text }
        if "-+=:".contains(first) {
            text.insert("\\", at: text.startIndex)
        } else if first.isASCII, first.isNumber {
            // "1. " or "1) " would start an ordered list: escape the delimiter.
            let digits = text.prefix { $0.isASCII && $0.isNumber }
            let next = text.index(text.startIndex, offsetBy: digits.count)
            if next < text.endIndex, text[next].leadCharacter == "." || text[next].leadCharacter == ")" { text.insert("\\", at: next) }
        }
        return text
    }

    /// Text on one line: any line break or tab becomes a space, runs of spaces one space.
    static func singleLine(_ text: String) -> String {
        isSingleLine(text) ? text : splitAndJoined(text)
    }

    static func splitAndJoined(_ text: String) -> String {
        cleaned(text).split(whereSeparator: { $0 == " " || $0.isNewline || $0 == "\t" }).joined(separator: " ")
    }

    /// True when `singleLine` would return the text as it is, by a look at its bytes (most
    /// names, ids and titles): no control character, no line or paragraph separator, and
    /// spaces only single and between words.
    static func isSingleLine(_ text: String) -> Bool {
        var previous: UInt8 = 0x20
        var beforePrevious: UInt8 = 0
        for byte in text.utf8 {
            if byte < 0x20 || byte == 0x7F || (byte == 0x20 && previous == 0x20) { return false }
            // C1 controls (C2 80–9F) and U+2028, U+2029 (E2 80 A8–A9).
            if previous == 0xC2, byte >= 0x80, byte <= 0x9F { return false }
            if beforePrevious == 0xE2, previous == 0x80, byte == 0xA8 || byte == 0xA9 { return false }
            beforePrevious = previous
            previous = byte
        }
        return previous != 0x20 || text.isEmpty
    }

    /// Control characters other than line breaks and tabs dropped, and escape sequences whole
    /// (a NUL or a colour has no place in a handout, nor in the terminal it may be printed to).
    static func cleaned(_ text: String) -> String {
        guard hasControls(text) else { return text }
        return ControlSequences.removing(from: text)
    }

    /// Whether `cleaned` would drop anything, by a look at the bytes.
    private static func hasControls(_ text: String) -> Bool {
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if (byte < 0x20 && byte != 0x0A && byte != 0x0D && byte != 0x09) || byte == 0x7F { return true }
            if previous == 0xC2, byte >= 0x80, byte <= 0x9F { return true }
            previous = byte
        }
        return false
    }

    private static func escape(_ text: String, keepItalics: Bool) -> String {
        needsNoEscape(text) ? text : escapeCharacterwise(text, keepItalics: keepItalics)
    }

    /// A hyphen next to another: Pandoc reads `--` and `---` as dashes, so each is escaped
    /// for the text to show as written.
    private static func isInDashRun(_ character: Character, previous: Character?, next: Character?) -> Bool {
        character == "-" && (previous == "-" || next == "-")
    }

    /// True when no character of the text is escaped, by a look at its bytes: none of the
    /// significant characters, and no `==`, `%%`, `--` or `...`.
    static func needsNoEscape(_ text: String) -> Bool {
        var previous: UInt8 = 0
        var dots = 0
        for byte in text.utf8 {
            switch byte {
            case 0x5C, 0x60, 0x2A, 0x5F, 0x5B, 0x5D, 0x3C, 0x3E, 0x23, 0x26, 0x7E, 0x5E, 0x24, 0x7C, 0x40, 0x7B, 0x7D:
                return false
            case 0x3D, 0x25, 0x2D:
                if previous == byte { return false }
            default:
                break
            }
            dots = byte == 0x2E ? dots + 1 : 0
            if dots == 3 { return false }
            previous = byte
        }
        return true
    }

    /// For each character, whether it is a dot of a run of three or more, which Pandoc shows
    /// as an ellipsis (`…`): a quoted official text is verbatim, its `...` included.
    private static func ellipsisDots(_ characters: [Character]) -> [Bool] {
        var marked = [Bool](repeating: false, count: characters.count)
        var start = 0
        while start < characters.count {
            guard characters[start] == "." else { start += 1; continue }
            var end = start
            while end < characters.count, characters[end] == "." { end += 1 }
            if end - start >= 3 { for index in start..<end { marked[index] = true } }
            start = end
        }
        return marked
    }

    static func escapeCharacterwise(_ text: String, keepItalics: Bool) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var previous: Character?
        let characters = Array(text)
        let dots = text.utf8.contains(0x2E) ? ellipsisDots(characters) : []
        for (index, whole) in characters.enumerated() {
            // Judged by its first scalar: `[` with a combining mark is one Character, and
            // still a `[` to every parser.
            let character = whole.leadCharacter
            let next = index + 1 < characters.count ? characters[index + 1].leadCharacter : nil
            if character == "<" {
                // Not `\<`: GitHub's bare-URL autolinks take the backslash into the link.
                out += "&lt;"
                out.unicodeScalars.append(contentsOf: whole.unicodeScalars.dropFirst())
                previous = character
                continue
            }
            if significant.contains(character), !(keepItalics && character == "*") {
                out.append("\\")
            } else if (character == "=" || character == "%"), previous == character {
                // `==highlight==` and `%%comment%%` are Obsidian's.
                out.append("\\")
            } else if isInDashRun(character, previous: previous, next: next) || !dots.isEmpty && dots[index] {
                out.append("\\")
            }
            out.append(whole)
            previous = character
        }
        return out
    }
}

extension Character {
    /// The first scalar, which is what a Markdown parser looks at: `[` then a combining mark
    /// is one Character, and still opens a link for the parser.
    var lead: Unicode.Scalar { unicodeScalars.first ?? "\u{0}" }

    /// The first scalar alone, as a Character.
    var leadCharacter: Character { Character(lead) }
}
