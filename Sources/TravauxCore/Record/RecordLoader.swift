#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Reads `Data/record/*.json`, decodes every item it can and validates the whole.
///
/// Each item is decoded on its own so that one bad item does not hide the problems
/// of the others: a user fixing their record sees everything at once.
public enum RecordLoader {
    /// The manifest's file; the only file a record directory must have.
    public static let manifestFile = "record.json"

    /// Loads and validates; throws every problem if there is any error.
    /// Warnings (such as a footnote nothing cites) do not stop loading.
    public static func load(directory: String) throws(RecordLoadError) -> Record {
        let (record, problems) = read(directory: directory)
        guard let record, !problems.contains(where: { $0.severity == .error }) else {
            throw RecordLoadError(directory: directory, problems: problems)
        }
        return record
    }

    /// Everything wrong with the record in `directory`, and the record if it could be built.
    public static func read(directory: String) -> (record: Record?, problems: [RecordProblem]) {
        let decoded = decode(directory: directory)
        return (decoded.record, decoded.problems + validate(decoded))
    }

    /// The first step of `read`: the files decoded and the record built, without the checks
    /// across items. Apart so that the two steps can be timed separately.
    public static func decode(directory: String) -> DecodedRecord {
        var problems: [RecordProblem] = []
        guard FileManager.default.fileExists(atPath: path(directory, manifestFile)) || FileManager.default.fileExists(atPath: directory) else {
            let problem = RecordProblem(file: directory, location: "-",
                                        message: "no such directory; check the path given to --record or in TRAVAUX_RECORD")
            return DecodedRecord(record: nil, problems: [problem], damage: RecordDamage())
        }
        var isDirectory = false
        if StoreFiles.exists(directory, isDirectory: &isDirectory), !isDirectory {
            // A file given for the record (`--record record/events.json`): one problem, not one per file.
            let parent = StoreFiles.parentPath(directory)
            // The folder the file is in, when that is a record (`--record record/events.json`).
            let perhaps = StoreFiles.exists(path(parent, manifestFile)) ? " (here, perhaps \(parent))" : ""
            let problem = RecordProblem(file: directory, location: "-",
                                        message: "a file, not a record directory; pass --record the directory that holds "
                                            + "record.json" + perhaps)
            return DecodedRecord(record: nil, problems: [problem], damage: RecordDamage())
        }
        // The folder above a record given for it (`~/.local/share/travaux` for `…/travaux/record`,
        // a checkout for its `Data/record`): said with where the record is.
        if let below = recordBelow(directory) {
            let problem = RecordProblem(file: directory, location: "-",
                                        message: "no record.json here, but \(below) is a record; pass --record \(below)")
            return DecodedRecord(record: nil, problems: [problem], damage: RecordDamage())
        }
        // A folder with none of a record's files (empty, or a handout's) is no record, not a
        // record with its manifest missing.
        if !StoreFiles.exists(path(directory, manifestFile)),
           !ItemKind.allCases.contains(where: { StoreFiles.exists(path(directory, $0.fileName)) }) {
            let problem = RecordProblem(file: directory, location: "-",
                                        message: "no record.json nor any item file (events.json, proposals.json…) here; "
                                            + "pass --record the directory that holds record.json")
            return DecodedRecord(record: nil, problems: [problem], damage: RecordDamage())
        }
        let manifest: RecordManifest? = decodeObject(RecordManifest.self, file: manifestFile, in: directory, problems: &problems)
        // Each kind's file decodes on its own, so the files are dealt out among the processors,
        // largest first. Problems and damage are merged in kind order, as if read one by one.
        var works: [Work] = [], sources: [Source] = [], events: [Event] = [], proposals: [Proposal] = []
        var actors: [Actor] = [], forums: [Forum] = [], themes: [Theme] = []
        typealias Job = (inout [RecordProblem], inout RecordDamage) -> Void
        let jobs: [(kind: ItemKind, run: Job)] = [
            (.work, { works = decodeList(Work.self, kind: .work, in: directory, problems: &$0, damage: &$1) }),
            (.source, { sources = decodeList(Source.self, kind: .source, in: directory, problems: &$0, damage: &$1) }),
            (.event, { events = decodeList(Event.self, kind: .event, in: directory, problems: &$0, damage: &$1) }),
            (.proposal, { proposals = decodeList(Proposal.self, kind: .proposal, in: directory, problems: &$0, damage: &$1) }),
            (.actor, { actors = decodeList(Actor.self, kind: .actor, in: directory, problems: &$0, damage: &$1) }),
            (.forum, { forums = decodeList(Forum.self, kind: .forum, in: directory, problems: &$0, damage: &$1) }),
            (.theme, { themes = decodeList(Theme.self, kind: .theme, in: directory, problems: &$0, damage: &$1) }),
        ]
        let sizes = jobs.map { StoreFiles.size(path(directory, $0.kind.fileName)) ?? 0 }
        let parts = sizes.reduce(0, +) < 64 * 1024 ? 1 : min(jobs.count, ParallelWork.processorCount)
        let shares = ParallelWork.deal(sizes: sizes, parts: parts)
        var outcomes = [(problems: [RecordProblem], damage: RecordDamage)](repeating: ([], RecordDamage()), count: jobs.count)
        outcomes.withUnsafeMutableBufferPointer { outcomes in
            ParallelWork.run(parts: shares.count) { part in
                for job in shares[part] {
                    jobs[job].run(&outcomes[job].problems, &outcomes[job].damage)
                }
            }
        }
        var damage = RecordDamage()
        for outcome in outcomes {
            problems += outcome.problems
            damage.brokenIDs.merge(outcome.damage.brokenIDs) { _, later in later }
            damage.unreadableKinds.formUnion(outcome.damage.unreadableKinds)
            damage.missingKinds.formUnion(outcome.damage.missingKinds)
            damage.filePositions.merge(outcome.damage.filePositions) { _, later in later }
        }
        guard let manifest else { return DecodedRecord(record: nil, problems: problems, damage: damage) }
        let record = Record(manifest: manifest, works: works, sources: sources, events: events,
                            proposals: proposals, actors: actors, forums: forums, themes: themes,
                            directory: directory)
        return DecodedRecord(record: record, problems: problems, damage: damage)
    }

    /// The record in a folder below `directory` when it has none itself (`record`, `Data/record`:
    /// the folder above a record given for it, `~/.local/share/travaux` or a checkout).
    public static func recordBelow(_ directory: String) -> String? {
        guard !StoreFiles.exists(path(directory, manifestFile)) else { return nil }
        return ["record", "Data/record"].map { path(directory, $0) }.first { StoreFiles.exists(path($0, manifestFile)) }
    }

    /// The manifest alone (title and version), or nil when `record.json` is missing or
    /// unreadable: enough to name the record in use without decoding the rest.
    public static func manifest(directory: String) -> RecordManifest? {
        var problems: [RecordProblem] = []
        return decodeObject(RecordManifest.self, file: manifestFile, in: directory, problems: &problems)
    }

    /// The second step of `read`: the checks across items (ids, references, footnotes).
    public static func validate(_ decoded: DecodedRecord) -> [RecordProblem] {
        guard let record = decoded.record else { return [] }
        return RecordValidator(record: record, damage: decoded.damage).problems()
    }

    private static func path(_ directory: String, _ file: String) -> String {
        directory.hasSuffix("/") ? directory + file : directory + "/" + file
    }

    /// The file's bytes, read straight into the buffer the scan reads (through `Data` they
    /// were copied once more: 23 MB at 100×).
    private static func readFile(_ file: String, in directory: String, required: Bool,
                                 problems: inout [RecordProblem]) -> [UInt8]? {
        do {
            guard let bytes = try StoreFiles.read(path(directory, file)) else {
                if required {
                    problems.append(RecordProblem(file: file, location: "-",
                        message: "missing; a record directory needs \(file) with its title and version"))
                }
                return nil
            }
            return bytes
        } catch {
            problems.append(RecordProblem(file: file, location: "-",
                                          message: "cannot be read (\(error.reason)); it must be a file you may read"))
            return nil
        }
    }

    private static func decodeObject<T: Decodable>(_ type: T.Type, file: String, in directory: String,
                                                   problems: inout [RecordProblem]) -> T? {
        guard let bytes = readFile(file, in: directory, required: true, problems: &problems) else { return nil }
        if let (value, unknown) = FastJSONDecoder.decodeNotingUnknownMembers(T.self, from: bytes) {
            problems += unknown.map { unknownFieldProblem($0, file: file) }
            return value
        }
        if let problem = syntaxProblem(file: file, bytes: bytes) {
            problems.append(problem)
            return nil
        }
        do {
            return try JSONDecoder().decode(T.self, from: Data(bytes))
        } catch let error as DecodingError {
            problems.append(problem(for: error, file: file, bytes: bytes))
        } catch {
            problems.append(RecordProblem(file: file, location: "$", message: "\(error)"))
        }
        return nil
    }

    private static func decodeList<T: Decodable>(_ type: T.Type, kind: ItemKind, in directory: String,
                                                 problems: inout [RecordProblem], damage: inout RecordDamage) -> [T] {
        let file = kind.fileName
        let problemsBefore = problems.count
        guard let bytes = readFile(file, in: directory, required: false, problems: &problems) else {
            // A file that is there but cannot be read hides its ids: what names them is not
            // reported as unknown on top of it.
            if problems.count > problemsBefore { damage.unreadableKinds.insert(kind) } else { damage.missingKinds.insert(kind) }
            return []
        }
        // The fast path serves a file whose every item decodes, straight into the items
        // (each item wrapped, then unwrapped into a new array, was a copy of each); any
        // problem is reported by JSONDecoder below, item by item, with its paths.
        if let (items, unknown) = FastJSONDecoder.decodeNotingUnknownMembers([T].self, from: bytes) {
            problems += unknown.map { unknownFieldProblem($0, file: file) }
            return items
        }
        // Off the fast path: what is not JSON is said here, with its line, before JSONDecoder,
        // which takes trailing commas and a key given twice, and names a stray tab or a
        // Latin-1 byte only in its own terms.
        if let problem = syntaxProblem(file: file, bytes: bytes) {
            damage.unreadableKinds.insert(kind)
            problems.append(problem)
            return []
        }
        do {
            let items = try JSONDecoder().decode([IndependentlyDecoded<T>].self, from: Data(bytes))
            var decoded: [T] = []
            var positions: [Int] = []
            var missing: [Int: String] = [:]
            for (position, item) in items.enumerated() {
                switch item.result {
                case .success(let value):
                    decoded.append(value)
                    positions.append(position)
                case .failure(let error):
                    problems.append(problem(for: error, file: file, bytes: bytes))
                    if let id = item.id { damage.brokenIDs[id] = kind }
                    if case .keyNotFound(let key, let context) = error, context.codingPath.count == 1 { missing[position] = key.stringValue }
                }
            }
            if decoded.count < items.count { damage.filePositions[kind] = positions }
            problems += FastJSONDecoder.unknownMembers(ofItems: T.self, from: bytes, missing: missing).map { unknownFieldProblem($0, file: file) }
            return decoded
        } catch let error as DecodingError {
            damage.unreadableKinds.insert(kind)
            if case .typeMismatch(_, let context) = error, context.codingPath.isEmpty {
                problems.append(RecordProblem(file: file, location: "$",
                    message: "must be a JSON array of \(kind.plural) ([ {...}, {...} ])"))
            } else {
                problems.append(problem(for: error, file: file, bytes: bytes))
            }
        } catch {
            damage.unreadableKinds.insert(kind)
            problems.append(RecordProblem(file: file, location: "$", message: "\(error)"))
        }
        return []
    }

    /// A key no item of its kind has: what it holds would be dropped from every view without a
    /// word (`quote` for `quotes`, and a version's quoted text is gone).
    static func unknownFieldProblem(_ member: UnknownMember, file: String) -> RecordProblem {
        let guess = member.nearest.isEmpty ? "" : "; " + IDSuggestion.question(member.nearest)
        return RecordProblem(file: file, location: member.path,
                             message: "unknown field '\(JSONString.escaped(member.key))'\(guess) (a remark of your own goes in a key beginning with _)")
    }

    /// A file beside the record's that looks like `file` renamed (`work.json`, `Works.json`,
    /// `works.json.bak`): said with the missing file, which is then a rename away.
    static func renamedFile(for file: String, in directory: String) -> String? {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return nil }
        let known = Set(ItemKind.allCases.map(\.fileName) + [manifestFile])
        let stem = String(file.dropLast(5))   // `works`
        let candidates = names.filter { name in
            var isDirectory = false
            return !known.contains(name) && name.lowercased().contains(String(stem.dropLast()))
                && StoreFiles.exists(path(directory, name), isDirectory: &isDirectory) && !isDirectory
        }
        let scored = candidates.map { ($0, IDSuggestion.editDistance(Array($0.lowercased().unicodeScalars), Array(file.unicodeScalars))) }
        return scored.filter { $0.1 <= 6 }.min { ($0.1, $0.0) < ($1.1, $1.0) }?.0
    }

    /// Where a file stops being strict JSON (RFC 8259, UTF-8, no key twice), as a problem.
    static func syntaxProblem(file: String, bytes: [UInt8]) -> RecordProblem? {
        JSONSyntaxCheck.firstError(in: bytes).map { failure in
            RecordProblem(file: file, location: "line \(failure.line), column \(failure.column)", message: "malformed JSON: \(failure.message)")
        }
    }

    /// Turns a decoding error into a problem naming the JSON path (or line and column).
    static func problem(for error: DecodingError, file: String, bytes: [UInt8]) -> RecordProblem {
        switch error {
        case .keyNotFound(let key, let context):
            return RecordProblem(file: file, location: jsonPath(context.codingPath + [key]),
                                 message: "missing required field '\(key.stringValue)'")
        case .valueNotFound(_, let context):
            return RecordProblem(file: file, location: jsonPath(context.codingPath),
                                 message: "is null but needs a value")
        case .typeMismatch(let type, let context):
            return RecordProblem(file: file, location: jsonPath(context.codingPath),
                                 message: "has the wrong type: expected \(typeName(type))")
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty, let failure = JSONSyntaxCheck.firstError(in: bytes) {
                return RecordProblem(file: file, location: "line \(failure.line), column \(failure.column)",
                                     message: "malformed JSON: \(failure.message)")
            }
            let location = numberOutOfRange(context.debugDescription).flatMap {
                pathOfNumber(written: $0, under: context.codingPath, in: bytes)
            } ?? jsonPath(context.codingPath)
            return RecordProblem(file: file, location: location, message: readable(context.debugDescription))
        @unknown default:
            return RecordProblem(file: file, location: "$", message: "\(error)")
        }
    }

    /// Foundation's wording of a value it cannot take, in ours where it names a Swift case
    /// (`numberIsNotRepresentableInSwift(parsed: "2.5")`).
    static func readable(_ description: String) -> String {
        if let number = numberOutOfRange(description) {
            return "\(number) is not a whole number this field can hold; write one such as 3"
        }
        return description
    }

    /// The number as written, when Foundation's error is one it cannot hold.
    private static func numberOutOfRange(_ description: String) -> Substring? {
        guard description.hasPrefix("numberIsNotRepresentableInSwift"), let open = description.firstIndex(of: "\""),
              let close = description.lastIndex(of: "\""), open < close else { return nil }
        return description[description.index(after: open)..<close]
    }

    /// The path of the first number written `text` inside the value at `codingPath`:
    /// Foundation's error for such a number carries no path of its own, and the item's
    /// alone (`$[27]`) leaves the user to find the field (`$[27].vote.yes`).
    static func pathOfNumber(written text: Substring, under codingPath: [any CodingKey], in bytes: [UInt8]) -> String? {
        guard let document = try? JSONDocument(bytes) else { return nil }
        var node = 0
        for key in codingPath {
            if let index = key.intValue {
                let elements = document.elements(of: node)
                guard elements.indices.contains(index) else { return nil }
                node = elements[index]
            } else {
                guard document.nodes[node].kind == .object,
                      let member = document.member(of: node, named: key.stringValue) else { return nil }
                node = member
            }
        }
        let end = Int(document.nodes[node].next)
        guard let number = (node..<end).first(where: { document.nodes[$0].kind == .number && document.text(of: $0) == text }),
              let path = document.paths(of: [number])[number] else { return nil }
        return path
    }

    static func jsonPath(_ codingPath: [any CodingKey]) -> String {
        var path = "$"
        for key in codingPath {
            if let index = key.intValue { path += "[\(index)]" } else { path += "." + key.stringValue }
        }
        return path
    }

    private static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "a string"
        case is Int.Type: return "a whole number"
        case is Bool.Type: return "true or false"
        case is [Any].Type: return "a list"
        default:
            let name = String(describing: type)
            return name.hasPrefix("Array") ? "a list" : (name.hasPrefix("Dictionary") ? "an object" : "\(name)")
        }
    }
}

/// Decodes one item of a list, keeping its error instead of failing the whole list.
struct IndependentlyDecoded<T: Decodable>: Decodable {
    let result: Result<T, DecodingError>
    /// The item's id, when the item could not be decoded but its id could; nil otherwise.
    let id: String?

    private struct IDOnly: Decodable { var id: String }

    // The id is looked for only when the item fails; it is needed for nothing else.
    init(from decoder: any Decoder) throws {
        do {
            result = .success(try T(from: decoder))
            id = nil
        } catch let error as DecodingError {
            result = .failure(error)
            id = try? IDOnly(from: decoder).id
        } catch {
            result = .failure(.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "\(error)")))
            id = try? IDOnly(from: decoder).id
        }
    }
}

/// A record read from its files but not yet validated (`RecordLoader.decode`).
public struct DecodedRecord: Sendable {
    /// Nil when the manifest could not be read.
    public let record: Record?
    /// Problems found while reading and decoding the files.
    public let problems: [RecordProblem]
    let damage: RecordDamage
}

/// What could not be decoded: items whose id is known, and whole files that were unreadable.
struct RecordDamage: Sendable {
    var brokenIDs: [String: ItemKind] = [:]
    var unreadableKinds: Set<ItemKind> = []
    /// Kinds whose file is not there at all: a record may leave one out, but a reference into
    /// it then fails, and a renamed `works.json` gave 107 errors none of which named it.
    var missingKinds: Set<ItemKind> = []
    /// Where each decoded item stands in its file, for the kinds where an item failed to
    /// decode (so the items after it moved up): problems name the place in the file.
    var filePositions: [ItemKind: [Int]] = [:]

    /// `$[N]`, N the place in its file of the decoded item at `index`.
    func path(_ kind: ItemKind, _ index: Int) -> String {
        let positions = filePositions[kind]
        return "$[\(positions.map { $0.indices.contains(index) ? $0[index] : index } ?? index)]"
    }
}
