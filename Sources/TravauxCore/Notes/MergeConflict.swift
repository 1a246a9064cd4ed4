/// A note file git could not merge, read back as its two sides: the lines both share, with
/// each conflicted hunk's own side (`<<<<<<<` to `=======` is ours, `=======` to `>>>>>>>`
/// theirs; a `|||||||` base section, as `merge.conflictStyle diff3` or `zdiff3` writes, is
/// left out). Every line keeps its own line end, so a CRLF checkout stays one.
struct MergeConflict: Equatable {
    var ours: [UInt8]
    var theirs: [UInt8]

    /// The two sides, or nil when the file holds no whole conflict (a marker missing, or one
    /// conflict inside another).
    init?(_ bytes: [UInt8]) {
        enum Part { case both, ours, base, theirs }
        var part = Part.both
        var ours: [UInt8] = [], theirs: [UInt8] = []
        var sawConflict = false
        var start = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
            let next = end < bytes.count ? end + 1 : end
            let line = bytes[start..<next]
            var content = bytes[start..<end]
            if content.last == UInt8(ascii: "\r") { content = content.dropLast() }
            let opens = Self.isMarker(content, "<<<<<<<")
            switch part {
            case .both:
                if opens {
                    part = .ours
                    sawConflict = true
                } else {
                    ours += line
                    theirs += line
                }
            case .ours where opens, .base where opens, .theirs where opens:
                return nil
            case .ours where Self.isMarker(content, "|||||||"):
                part = .base
            case .ours where content.elementsEqual("=======".utf8), .base where content.elementsEqual("=======".utf8):
                part = .theirs
            case .ours:
                ours += line
            case .base:
                break
            case .theirs where Self.isMarker(content, ">>>>>>>"):
                part = .both
            case .theirs:
                theirs += line
            }
            start = next
        }
        guard sawConflict, part == .both else { return nil }
        self.ours = ours
        self.theirs = theirs
    }

    /// `<<<<<<<` alone or followed by a space and a label, as git writes its markers.
    private static func isMarker(_ line: ArraySlice<UInt8>, _ marker: String) -> Bool {
        line.elementsEqual(marker.utf8) || line.starts(with: (marker + " ").utf8)
    }
}
