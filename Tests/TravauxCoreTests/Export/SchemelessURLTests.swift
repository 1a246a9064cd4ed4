import Foundation
import Testing
@testable import TravauxCore

/// A footnote's URL written without a scheme (`www.thepoc.net/…`, in the remarks' footnotes)
/// is a link in the handout, as the docs promise every URL is, and still reads as written.
@Suite("URLs without a scheme become links that show them as written")
struct SchemelessURLTests {
    @Test("written as a link to http://, the text escaped only where a parser would change it")
    func written() {
        #expect(MarkdownText.citation("See www.icrc.org.", urls: ["www.icrc.org"]) == "See [www.icrc.org](http://www.icrc.org).")
        #expect(MarkdownText.schemelessLink("www.itu.int/md/.../S03-C-0006!!PDF-E.pdf")
                == "[www.itu.int/md/\\.\\.\\./S03-C-0006!!PDF-E.pdf](http://www.itu.int/md/.../S03-C-0006!!PDF-E.pdf)")
        #expect(MarkdownText.schemelessLink("www.a.org/it's_(x)--y") == "[www.a.org/it\\'s\\_(x)\\-\\-y](http://www.a.org/it's_%28x%29--y)")
        // Not a host name first, or a character a link cannot hold as it is: text, as before.
        #expect(MarkdownText.schemelessLink("S-GEN/WFS") == nil)
        #expect(MarkdownText.schemelessLink("www.a.org/{x}") == nil)
        #expect(MarkdownText.citation("www.a.org/{x}", urls: ["www.a.org/{x}"]) == "www.a.org/\\{x\\}")
    }

    /// Every source of the shipped record with such a URL.
    func schemeless() throws -> (Record, [(id: String, urls: [String])]) {
        let record = try ExportFixture.shippedRecord()
        let sources = record.sources.map { ($0.id, $0.urls.filter { !$0.isEmpty && !$0.contains("://") }) }.filter { !$0.1.isEmpty }
        return (record, sources)
    }

    @Test("Pandoc reads each as a link whose text is the URL as the record writes it")
    func pandoc() throws {
        let (record, sources) = try schemeless()
        #expect(sources.count >= 7)
        for (id, urls) in sources {
            let json = try MarkdownParsers.run("pandoc", ["-f", "markdown", "-t", "json"], input: FootnoteText.definition(of: id, in: record))
            let links = Self.links(in: try JSONSerialization.jsonObject(with: Data(json.utf8)))
            for url in urls {
                #expect(links.contains { $0.text == url && $0.target == "http://" + url.replacingOccurrences(of: "(", with: "%28").replacingOccurrences(of: ")", with: "%29") },
                        "\(id): \(url) in \(links)")
            }
        }
    }

    @Test("cmark-gfm reads each as the same link")
    func commonMark() throws {
        let (record, sources) = try schemeless()
        for (id, urls) in sources {
            let html = try MarkdownParsers.cmarkHTML(FootnoteText.definition(of: id, in: record))
            for url in urls {
                #expect(html.contains("<a href=\"http://\(url)\">\(url)</a>"), "\(id): \(html)")
            }
        }
    }

    /// Every Link in Pandoc's JSON, as its text and target.
    static func links(in value: Any) -> [(text: String, target: String)] {
        var found: [(String, String)] = []
        func walk(_ value: Any) {
            if let object = value as? [String: Any] {
                if object["t"] as? String == "Link", let content = object["c"] as? [Any], content.count == 3,
                   let target = (content[2] as? [Any])?.first as? String {
                    found.append((MarkdownParsers.PandocDocument.text(content[1]), target))
                }
                object.values.forEach(walk)
            } else if let array = value as? [Any] {
                array.forEach(walk)
            }
        }
        walk(value)
        return found
    }
}
