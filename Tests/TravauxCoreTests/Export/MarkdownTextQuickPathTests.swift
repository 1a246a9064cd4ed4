import PropertyBased
import Testing
@testable import TravauxCore

/// The record's text is mostly plain: names, ids and titles with nothing to clean or escape
/// are returned as they are after a look at their bytes. Checked against the work done
/// character by character, on text made of what each look must notice.
@Suite("Record text kept as it is when there is nothing to escape")
struct MarkdownTextQuickPathTests {
    static let pieces: [String] = [
        "a", "Word", "CD/1679", " ", "  ", "\t", "\n", "\r\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}",
        "\u{7F}", "\u{80}", "\u{9F}", "\u{A0}", "\u{1B}[31m", "\u{0}", "é", "e\u{301}", " \u{301}", "中文", "🛰", "\u{2027}",
        "=", "==", "%", "%%", "*", "_", "#", "@", "$", "<", ">", "&", "~", "^", "|", "{", "}", "[", "]", "`", "\\", "-", ".",
        "\u{C2}", "Ă", "’", "—",
    ]
    static let texts = Gen<String?>.element(of: pieces).array(of: 0...10).map { $0.compactMap { $0 }.joined() }

    @Test("a single line and plain text come out as the work character by character makes them", .timeLimit(.minutes(5)))
    func quickPathsAgree() async {
        var unchanged = 0
        await propertyCheck(count: 4000, input: Self.texts) { text in
            let line = MarkdownText.splitAndJoined(text)
            #expect(MarkdownText.singleLine(text) == line, "\(text.unicodeScalars.map { $0.value })")
            #expect(MarkdownText.plain(text) == MarkdownText.escapeCharacterwise(line, keepItalics: false),
                    "\(text.unicodeScalars.map { $0.value })")
            if MarkdownText.isSingleLine(text), MarkdownText.needsNoEscape(text) { unchanged += 1 }
        }
        #expect(unchanged > 50, "the quick paths were taken \(unchanged) times")
    }

    @Test("the looks notice what they must")
    func looks() {
        #expect(MarkdownText.isSingleLine("Conference on Disarmament, CD/1679"))
        #expect(MarkdownText.isSingleLine(""))
        for text in [" a", "a ", "a  b", "a\tb", "a\u{85}b", "a\u{2028}b", "a\u{2029}", "a\u{9F}", "a\u{7F}"] {
            #expect(!MarkdownText.isSingleLine(text), "\(text.unicodeScalars.map { $0.value })")
        }
        #expect(MarkdownText.needsNoEscape("A/RES/69/31 = resolution, 50 % more"))
        for text in ["a==b", "100%%", "#tag", "x_y", "<b>"] { #expect(!MarkdownText.needsNoEscape(text), "\(text)") }
    }
}
