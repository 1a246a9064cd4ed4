/// `text` cut to at most `width` columns, ending in `…` when it had to be cut.
///
/// The text is sanitized first, so what is measured is what will be shown. A wide glyph
/// that would straddle the limit is dropped with the rest, so the result may be one
/// column narrower than `width`.
public func truncate(_ text: some StringProtocol, toWidth width: Int) -> String {
    StyledText(TextSanitizer.sanitize(text)).truncated(toWidth: width).plainText
}
