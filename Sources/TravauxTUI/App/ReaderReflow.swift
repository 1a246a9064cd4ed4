/// Where the reader scrolls to when its item is laid out again at another width (a resize,
/// `z`): the place being read stays on screen, rather than the old line number, which at
/// the new width is some other part of the item, or past its end.
enum ReaderReflow {
    /// The scroll for `new` that shows what `scroll` showed in `old`.
    ///
    /// A selected link keeps its row on screen, so Enter still acts on what the user sees;
    /// otherwise the part of the item at the top (its section, or the note's anchor) stays
    /// at the top, as far into it as before.
    static func scroll(from old: ReaderLayout, scroll: Int, selectedLink: Int?,
                       to new: ReaderLayout, viewport: Int) -> Int {
        let maxScroll = max(0, new.lines.count - viewport)
        let wanted: Int
        if let link = selectedLink, old.links.indices.contains(link), new.links.indices.contains(link),
           old.links[link].target == new.links[link].target,
           let oldLine = old.links[link].segments.first?.line, let newLine = new.links[link].segments.first?.line {
            let row = min(max(0, oldLine - scroll), max(0, viewport - 1))
            wanted = newLine - row
        } else if old.anchors.count == new.anchors.count, !old.anchors.isEmpty {
            let part = old.anchors.lastIndex { $0.line <= scroll } ?? 0
            let oldSpan = span(of: part, in: old)
            let into = min(max(0, scroll - old.anchors[part].line), oldSpan)
            wanted = new.anchors[part].line + (oldSpan == 0 ? 0 : into * span(of: part, in: new) / oldSpan)
        } else {
            wanted = old.lines.isEmpty ? 0 : scroll * new.lines.count / old.lines.count
        }
        return max(0, min(maxScroll, wanted))
    }

    /// Lines from an anchor to the next one (or the end).
    private static func span(of part: Int, in layout: ReaderLayout) -> Int {
        let end = layout.anchors.indices.contains(part + 1) ? layout.anchors[part + 1].line : layout.lines.count
        return max(0, end - layout.anchors[part].line)
    }
}
