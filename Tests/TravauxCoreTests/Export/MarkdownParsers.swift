import Foundation
import Testing

/// Real parsers as oracles: cmark-gfm (CommonMark with GitHub's footnotes, as Obsidian
/// reads them) and Pandoc. `.ci/run` installs both.
enum MarkdownParsers {
    struct ToolMissing: Error, CustomStringConvertible {
        var tool: String
        var description: String { "\(tool) is not installed; apt-get install cmark-gfm pandoc (as .ci/run does)" }
    }

    static func run(_ tool: String, _ arguments: [String], input: String) throws -> String {
        let path = "/usr/bin/" + tool
        guard FileManager.default.isExecutableFile(atPath: path) else { throw ToolMissing(tool: tool) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        // Write from another thread: a large input and a large output would otherwise stall.
        let data = Data(input.utf8)
        let writer = Thread {
            stdin.fileHandleForWriting.write(data)
            try? stdin.fileHandleForWriting.close()
        }
        writer.start()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        _ = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw ToolFailed(tool: tool, status: process.terminationStatus)
        }
        return String(decoding: output, as: UTF8.self)
    }

    struct ToolFailed: Error { var tool: String; var status: Int32 }

    /// The document without its YAML front matter, as Obsidian shows it (cmark-gfm would
    /// read the closing `---` as a heading underline).
    static func body(of markdown: String) -> String {
        guard markdown.hasPrefix("---\n"), let end = markdown.range(of: "\n---\n", range: markdown.index(markdown.startIndex, offsetBy: 3)..<markdown.endIndex) else {
            return markdown
        }
        return String(markdown[end.upperBound...])
    }

    static func cmarkHTML(_ markdown: String) throws -> String {
        try run("cmark-gfm", ["--extension", "footnotes", "--extension", "table", "--extension", "strikethrough",
                              "--extension", "autolink", "--extension", "tagfilter", "-t", "html"], input: body(of: markdown))
    }

    /// What a reader sees as the document's structure, from cmark-gfm's HTML.
    struct Structure: Equatable, CustomStringConvertible {
        /// Every heading anywhere, as `h3 Title`.
        var headings: [String] = []
        /// Top-level blocks in order (`h2`, `p`, `blockquote`, `section`…).
        var topLevel: [String] = []
        /// The footnote each reference points to, in order.
        var references: [String] = []
        /// The footnotes defined (and referenced: cmark-gfm drops the others).
        var definitions: [String] = []
        var rawHTML = 0
        var rules = 0

        var description: String {
            "headings \(headings)\ntop level \(topLevel)\nreferences \(references)\ndefinitions \(definitions)\nraw HTML \(rawHTML), rules \(rules)"
        }
    }

    static func structure(ofHTML html: String) throws -> Structure {
        var structure = Structure()
        structure.rawHTML = html.components(separatedBy: "<!-- raw HTML omitted -->").count - 1
        structure.rules = html.components(separatedBy: "<hr />").count - 1
        structure.references = try matches(of: ##"<sup class="footnote-ref"><a href="#(fn-[^"]+)""##, in: html)
        structure.definitions = try matches(of: #"<li id="(fn-[^"]+)">"#, in: html)
        let headingPattern = try NSRegularExpression(pattern: #"<(h[1-6])>(.*?)</h[1-6]>"#)
        for match in headingPattern.matches(in: html, range: NSRange(html.startIndex..., in: html)) {
            guard let level = Range(match.range(at: 1), in: html), let text = Range(match.range(at: 2), in: html) else { continue }
            structure.headings.append(String(html[level]) + " " + String(html[text]))
        }
        // Top-level blocks: opening tags seen while no block is open.
        let tagPattern = try NSRegularExpression(pattern: #"<(/?)(h[1-6]|p|blockquote|section|ul|ol|pre|table|hr|div)\b[^>]*?(/?)>"#)
        var depth = 0
        for match in tagPattern.matches(in: html, range: NSRange(html.startIndex..., in: html)) {
            guard let close = Range(match.range(at: 1), in: html), let name = Range(match.range(at: 2), in: html),
                  let selfClosing = Range(match.range(at: 3), in: html) else { continue }
            if !html[close].isEmpty { depth -= 1; continue }
            if depth == 0 { structure.topLevel.append(String(html[name])) }
            if html[selfClosing].isEmpty, html[name] != "hr" { depth += 1 }
        }
        return structure
    }

    private static func matches(of pattern: String, in text: String) throws -> [String] {
        let expression = try NSRegularExpression(pattern: pattern)
        return expression.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap {
            Range($0.range(at: 1), in: text).map { String(text[$0]) }
        }
    }

    // MARK: Pandoc

    /// Pandoc's reading of the whole file (front matter included), as its JSON AST.
    static func pandoc(_ markdown: String) throws -> PandocDocument {
        let json = try run("pandoc", ["-f", "markdown", "-t", "json"], input: markdown)
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8))
        guard let document = object as? [String: Any] else { throw ToolFailed(tool: "pandoc", status: -1) }
        return PandocDocument(json: document)
    }

    struct PandocDocument {
        var json: [String: Any]

        var meta: [String: Any] { json["meta"] as? [String: Any] ?? [:] }
        var blocks: [Any] { json["blocks"] as? [Any] ?? [] }

        /// Every element type anywhere in the body, with its count.
        var elementCounts: [String: Int] {
            var counts: [String: Int] = [:]
            func walk(_ value: Any) {
                if let object = value as? [String: Any] {
                    if let type = object["t"] as? String { counts[type, default: 0] += 1 }
                    if let content = object["c"] { walk(content) }
                } else if let array = value as? [Any] {
                    array.forEach(walk)
                }
            }
            walk(blocks)
            return counts
        }

        /// Headings anywhere, as `2 Space`.
        var headings: [String] {
            var result: [String] = []
            func walk(_ value: Any) {
                if let object = value as? [String: Any] {
                    if object["t"] as? String == "Header", let content = object["c"] as? [Any], let level = content.first as? Int,
                       content.count == 3 {
                        result.append("\(level) " + PandocDocument.text(content[2]))
                    }
                    if let content = object["c"] { walk(content) }
                } else if let array = value as? [Any] {
                    array.forEach(walk)
                }
            }
            walk(blocks)
            return result
        }

        var topLevel: [String] { blocks.compactMap { ($0 as? [String: Any])?["t"] as? String } }

        static func text(_ inlines: Any) -> String {
            var out = ""
            func walk(_ value: Any) {
                if let object = value as? [String: Any] {
                    switch object["t"] as? String {
                    case "Str": out += object["c"] as? String ?? ""
                    case "Space", "SoftBreak": out += " "
                    case "LineBreak": out += "\n"
                    case "Note": return
                    case "Quoted":
                        let content = object["c"] as? [Any] ?? []
                        let mark = (content.first as? [String: Any])?["t"] as? String == "SingleQuote" ? "'" : "\""
                        out += mark
                        if content.count > 1 { walk(content[1]) }
                        out += mark
                    default: if let content = object["c"] { walk(content) }
                    }
                } else if let array = value as? [Any] {
                    array.forEach(walk)
                }
            }
            walk(inlines)
            return out
        }

        /// A metadata value as text (MetaInlines or MetaString).
        func metaText(_ key: String) -> String? {
            guard let value = meta[key] as? [String: Any] else { return nil }
            if value["t"] as? String == "MetaString" { return value["c"] as? String }
            return PandocDocument.text(value["c"] ?? [])
        }

        func metaList(_ key: String) -> [String]? {
            guard let value = meta[key] as? [String: Any], value["t"] as? String == "MetaList", let items = value["c"] as? [Any] else { return nil }
            return items.map { item in
                guard let object = item as? [String: Any] else { return "" }
                if object["t"] as? String == "MetaString" { return object["c"] as? String ?? "" }
                return PandocDocument.text(object["c"] ?? [])
            }
        }
    }
}
