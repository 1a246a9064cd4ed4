#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A note as its file holds it. Reading is strict, so that a damaged file is quarantined
/// with a reason instead of loading as a half-note.
enum NoteFile {
    /// The fields of a note's file that travaux writes; any other is someone else's.
    static let knownFields: Set<String> = ["id", "target", "body", "tags", "author", "created", "updated", "schema",
                                           "session", "conflictOf"]

    /// A field of the note, or of its target, that the file gives twice.
    static func noteFieldTwice(in bytes: [UInt8]) -> String? {
        guard let document = try? JSONDocument(bytes, membersAsWritten: true) else { return nil }
        func twice(_ object: Int) -> String? {
            var seen = Set<[UInt8]>()
            return document.members(of: object).first { !seen.insert(Array($0.key.utf8)).inserted }?.key
        }
        let root = document.members(of: 0)
        return twice(0) ?? root.last { $0.key == "target" }.flatMap { twice($0.value) }
    }

    /// The fields of a note's file travaux does not know (added by hand or by another tool),
    /// with their JSON text, so that a save keeps them; empty when there are none or the
    /// file is not plain JSON.
    static func otherFields(in bytes: [UInt8]) -> [(String, String)] {
        guard let document = try? JSONDocument(bytes, membersAsWritten: true) else { return [] }
        return document.members(of: 0).filter { !knownFields.contains($0.key) }.map { ($0.key, document.text(of: $0.value)) }
    }

    /// The bytes of a note's file, with `otherFields` (as `otherFields(in:)` gives them) kept.
    static func encode(_ note: Note, otherFields: [(String, String)] = []) -> String {
        var members: [(String, CanonicalJSON.Value)] = [
            ("id", .string(note.id)),
            ("target", targetValue(note.target)),
            ("body", .string(note.body)),
            ("tags", .array(note.tags.map { .string($0) })),
            ("author", .string(note.author)),
            ("created", .string(note.created.iso8601)),
            ("updated", .string(note.updated.iso8601)),
            ("schema", .int(note.schema)),
        ]
        if let session = note.session { members.append(("session", .string(session))) }
        if let conflictOf = note.conflictOf { members.append(("conflictOf", .string(conflictOf))) }
        members += otherFields.filter { !knownFields.contains($0.0) }.map { ($0.0, .raw($0.1)) }
        return CanonicalJSON.encode(.object(members))
    }

    /// A target as notes and drafts write it: the parts that are set, nothing for the rest.
    static func targetValue(_ target: NoteTarget) -> CanonicalJSON.Value {
        var members: [(String, CanonicalJSON.Value)] = [("item", .string(target.item))]
        if let version = target.version { members.append(("version", .string(version))) }
        if let element = target.element { members.append(("element", .string(element))) }
        if let quote = target.quote { members.append(("quote", .string(quote))) }
        return .object(members)
    }

    private struct Stored: Decodable {
        var id: String
        var target: NoteTarget
        var body: String
        var tags: [String]?
        var session: String?
        var author: String?
        var created: String
        var updated: String?
        var conflictOf: String?
        var schema: Int
    }

    /// Why a file is not a note, in words a user can act on.
    enum Failure: Error, Equatable {
        case unreadable(String)
        case newerSchema(Int)

        var reason: String {
            switch self {
            case .unreadable(let reason): return reason
            case .newerSchema(let version): return "written by a newer travaux (note schema \(version))"
            }
        }
    }

    static func decode(_ bytes: [UInt8], fileName: String) throws(Failure) -> Note {
        let stored: Stored
        do {
            if let fast = FastJSONDecoder.decodeIfSimple(Stored.self, from: bytes) {
                stored = fast
            } else {
                // Off the fast path only: a field of the note given twice, which JSONDecoder
                // would settle by taking one value and dropping the other without a word. A
                // key twice inside a field another tool wrote is that tool's, kept as written.
                do { _ = try JSONDocument(bytes) } catch {
                    if error.duplicateKey != nil, let key = Self.noteFieldTwice(in: bytes) {
                        throw Failure.unreadable("field '\(JSONString.escaped(key))' appears twice; keep one")
                    }
                }
                stored = try JSONDecoder().decode(Stored.self, from: Data(bytes))
            }
        } catch let failure as Failure {
            throw failure
        } catch let error as DecodingError {
            // Where the text stops being JSON, and why (a Latin-1 byte, a quote not closed),
            // as the record's files are told: "truncated or damaged" sent users looking for
            // a cut file.
            if case .dataCorrupted(let context) = error, context.codingPath.isEmpty,
               let syntax = JSONSyntaxCheck.firstError(in: bytes) {
                throw .unreadable("not valid JSON: line \(syntax.line), column \(syntax.column): \(syntax.message)")
            }
            throw .unreadable(describe(error))
        } catch {
            throw .unreadable("not valid JSON")
        }
        guard stored.schema <= Note.schemaVersion else { throw .newerSchema(stored.schema) }
        guard stored.schema >= 1 else { throw .unreadable("field 'schema' must be 1 or more") }
        guard stored.id + ".json" == fileName else {
            throw .unreadable("its id '\(stored.id)' does not match its file name")
        }
        guard !stored.target.item.isEmpty else { throw .unreadable("field 'target.item' is empty") }
        guard let created = NoteTime(iso8601: stored.created) else {
            throw .unreadable("field 'created' " + NoteTime.problem(with: stored.created))
        }
        let updated: NoteTime
        if let text = stored.updated {
            guard let time = NoteTime(iso8601: text) else {
                throw .unreadable("field 'updated' " + NoteTime.problem(with: text))
            }
            updated = time
        } else {
            updated = created
        }
        return Note(id: stored.id, target: stored.target, body: stored.body, tags: stored.tags ?? [],
                    session: stored.session, author: stored.author ?? "", created: created, updated: updated,
                    conflictOf: stored.conflictOf, schema: stored.schema)
    }

    private static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let keys = context.codingPath.map(\.stringValue).filter { !$0.isEmpty }
            return keys.isEmpty ? "the top level" : "field '" + keys.joined(separator: ".") + "'"
        }
        switch error {
        case .keyNotFound(let key, let context):
            let parent = context.codingPath.map(\.stringValue)
            return "field '" + (parent + [key.stringValue]).joined(separator: ".") + "' is missing"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "\(path(context)) has the wrong type"
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty ? "not valid JSON (truncated or damaged)" : "\(path(context)) is damaged"
        @unknown default:
            return "not a note"
        }
    }
}

extension Note {
    /// The note's file as a store holds it (canonical JSON). Public for tools that write many
    /// notes at once without `NoteStore.save`'s lock and fsync (the benchmarks' stores).
    public var storedForm: String { NoteFile.encode(self) }
}
