extension DetailSpan {
    /// A citation as spans: the parts between `*` pairs are italics (titles, as the
    /// footnotes print them), without the asterisks. A citation with an odd number of
    /// asterisks has no pairs to trust and stays text whole, as in the Markdown export
    /// (`MarkdownText.citation`).
    public static func citation(_ text: String) -> [DetailSpan] {
        let parts = text.split(separator: "*", omittingEmptySubsequences: false)
        guard parts.count > 1, parts.count % 2 == 1 else { return text.isEmpty ? [] : [.text(text)] }
        var spans: [DetailSpan] = []
        for (index, part) in parts.enumerated() where !part.isEmpty {
            spans.append(index % 2 == 0 ? .text(String(part)) : .emphasis(String(part)))
        }
        return spans
    }
}
