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
    /// `show --json` adds the user's notes on the item.
    var notes: [NoteJSON]? = nil

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
        if let notes { try container.encode(notes, forKey: Key("notes")) }
    }
}

enum JSONOutput {
    static func string<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(value)
        // Foundation prints an empty array as "[", a blank line and "]".
        let text = String(decoding: data, as: UTF8.self)
        return text == "[\n\n]" ? "[]" : text
    }
}
