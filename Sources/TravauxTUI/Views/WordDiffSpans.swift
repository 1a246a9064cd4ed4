import TravauxCore

extension TextDiff.Piece {
    /// A deleted or inserted piece as spans, for the comparison view and `travaux compare`
    /// alike: the change in `style`, between `open` and `close` (`[-`, `-]`) when given, and
    /// the blanks at its ends in `base`, outside the marks (`blanksApart`).
    public func changeSpans(style: Style, base: Style = .plain, open: String = "", close: String = "") -> [Span] {
        let (leading, changed, trailing) = blanksApart
        return [Span(String(leading), style: base), Span(open + changed + close, style: style), Span(String(trailing), style: base)]
            .filter { !$0.text.isEmpty }
    }
}
