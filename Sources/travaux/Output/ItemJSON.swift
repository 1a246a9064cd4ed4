#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import TravauxCore

/// An item as scripts see it: the record's own fields plus `id`, `kind`, `title`,
/// and for events and sources the keys the CLI contract promises, null when empty.
struct ItemJSON: Encodable {
    var item: RecordItem
    /// `show --json` adds the resolved footnotes and the items pointing here.
    var resolvedSources: [ItemJSON]? = nil
    var backlinks: [String]? = nil
    /// A work's footnotes in full, in their order (`show` on a work).
    var footnotes: [ItemJSON]? = nil
    /// `show --json` adds the user's notes on the item.
    var notes: [NoteJSON]? = nil
    /// False when the store could not be read: `notes` is then `null`, which a script tells
    /// from `[]`, no note on the item.
    var notesRead = true

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ string: String) { stringValue = string }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    func encode(to encoder: any Encoder) throws {
        switch item {
        case .work(let w): try w.encode(to: encoder)
        case .source(let s): try s.encode(to: encoder)
        case .event(let e): try e.encode(to: encoder)
        case .proposal(let p): try p.encode(to: encoder)
        case .actor(let a): try a.encode(to: encoder)
        case .forum(let f): try f.encode(to: encoder)
        case .theme(let t): try t.encode(to: encoder)
        }
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(item.kind.rawValue, forKey: Key("kind"))
        try container.encode(item.title, forKey: Key("title"))
        switch item {
        case .event(let event):
            try container.encode(event.date?.iso, forKey: Key("date"))
            try container.encode(event.date?.natural, forKey: Key("dateText"))
        case .source(let source):
            try container.encode(source.symbol, forKey: Key("symbol"))
            try container.encode(source.url, forKey: Key("url"))
        case .proposal(let proposal):
            try container.encode(proposal.firstDate?.iso, forKey: Key("date"))
        case .actor(let actor):
            // The record's `kind` of an actor gives way to the item's kind, so it gets a key of its own.
            try container.encode(actor.kind.rawValue, forKey: Key("actorKind"))
        default:
            break
        }
        if let resolvedSources { try container.encode(resolvedSources, forKey: Key("sources")) }
        if let backlinks { try container.encode(backlinks, forKey: Key("backlinks")) }
        if let footnotes { try container.encode(footnotes, forKey: Key("footnotes")) }
        if !notesRead {
            try container.encodeNil(forKey: Key("notes"))
        } else if let notes {
            try container.encode(notes, forKey: Key("notes"))
        }
    }
}

enum JSONOutput {
    static func string<T: Encodable>(_ value: T) throws -> String {
        let data = try encoder().encode(value)
        // Foundation prints an empty array or object as "[", a blank line and "]", at any depth.
        // A line break inside a string is escaped, so a raw one is always the layout's.
        return closingEmpty(String(decoding: data, as: UTF8.self))
    }

    private static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// The JSON `string` gives for an array of `elements`, handed to `write` a part at a
    /// time as each element is encoded: `note list --json` of 100,000 notes held the whole
    /// text five times over (640 MB at its peak).
    static func writeArray<Elements: Sequence>(_ elements: Elements, to write: (ArraySlice<UInt8>) -> Void) throws
    where Elements.Element: Encodable {
        let encoder = encoder()
        let partSize = 1 << 20
        var part: [UInt8] = [UInt8(ascii: "[")]
        part.reserveCapacity(partSize + 4_096)
        var isFirst = true
        for element in elements {
            part += isFirst ? [UInt8(ascii: "\n")] : [UInt8(ascii: ","), UInt8(ascii: "\n")]
            isFirst = false
            // Each element one level in, as Foundation lays out an array's: two spaces more
            // at the start of every line (a raw line break is always the layout's).
            part += [UInt8(ascii: " "), UInt8(ascii: " ")]
            for byte in closingEmpty(String(decoding: try encoder.encode(element), as: UTF8.self)).utf8 {
                part.append(byte)
                if byte == UInt8(ascii: "\n") { part += [UInt8(ascii: " "), UInt8(ascii: " ")] }
            }
            if part.count >= partSize {
                write(part[...])
                part.removeAll(keepingCapacity: true)
            }
        }
        part += isFirst ? [UInt8(ascii: "]"), UInt8(ascii: "\n")] : [UInt8(ascii: "\n"), UInt8(ascii: "]"), UInt8(ascii: "\n")]
        write(part[...])
    }

    /// `writeArray` to standard output.
    static func writeArray<Elements: Sequence>(_ elements: Elements) throws where Elements.Element: Encodable {
        try writeArray(elements) { CLIOutput.write(bytes: $0) }
    }

    /// `text` with every "[" or "{" followed by only white space, a line break among it, up to
    /// its "]" or "}" closed up.
    static func closingEmpty(_ text: String) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count)
        let bytes = Array(text.utf8)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            output.append(byte)
            index += 1
            guard byte == UInt8(ascii: "[") || byte == UInt8(ascii: "{") else { continue }
            var next = index
            while next < bytes.count, bytes[next] == UInt8(ascii: "\n") || bytes[next] == UInt8(ascii: " ") { next += 1 }
            let close = byte == UInt8(ascii: "[") ? UInt8(ascii: "]") : UInt8(ascii: "}")
            // A raw line break inside: the layout's (a string's "[  ]" has none and stays).
            if next < bytes.count, bytes[next] == close, bytes[index..<next].contains(UInt8(ascii: "\n")) { index = next }
        }
        return String(decoding: output, as: UTF8.self)
    }
}
