#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// `$XDG_STATE_HOME/travaux/places.json` (`~/.local/state/travaux/places.json`): where the
/// interface was left on each record, most recent first. State, not data (the XDG split):
/// losing it costs a few keys, so it is written without fsync, and a file that cannot be read
/// is said once and written over at the next quit.
public struct LastPlaceFile: Sendable {
    public let path: String
    /// Records remembered; older ones are forgotten.
    public static let recordsKept = 20
    static let format = 1

    public init(path: String) { self.path = path }

    /// The file's path, or nil where neither XDG_STATE_HOME nor HOME says where state goes.
    public static func defaultPath(environment: [String: String]) -> String? {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") { return state + "/travaux/places.json" }
        if let home = environment["HOME"], !home.isEmpty { return home + "/.local/state/travaux/places.json" }
        return nil
    }

    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var writing: Bool
        /// Something stands in the way: a file where a folder on the way should be, or a
        /// folder where the file should be. Moving it is the way out, not permissions.
        var inTheWay = false
        /// The file is there and readable, but not a file of places: the next quit writes it over.
        var writtenOver = false

        public var description: String {
            if writing {
                return "could not keep your place for the next start (\(path): \(reason)); "
                    + (inTheWay ? "move it away, or set XDG_STATE_HOME to a folder of your own"
                                : "make that folder writable, or set XDG_STATE_HOME to one that is")
            }
            return "could not read where you left off (\(path): \(reason)); starting at the Timeline"
                + (writtenOver ? ", and the file is written again when you quit"
                   : inTheWay ? "; move it away, and your place is kept there from the next quit" : "")
        }
    }

    /// The place left on the record in `directory`, nil if none was kept (or a newer
    /// travaux wrote the file, in a form this one does not know).
    public func place(record directory: String) throws(Failure) -> LastPlace? {
        guard let file = try read(), file.version <= Self.format else { return nil }
        let key = Self.key(directory)
        return file.places.first { $0.record == key }?.place
    }

    /// Keeps `place` as the last on the record in `directory`, before the others.
    public func keep(_ place: LastPlace, record directory: String) throws(Failure) {
        // A file that cannot be read is written over: it holds nothing a quit cannot make again.
        let existing = (try? read()) ?? nil
        if let existing, existing.version > Self.format { return }
        let key = Self.key(directory)
        var places = existing?.places.filter { $0.record != key } ?? []
        places.insert(Entry(record: key, place: place), at: 0)
        let file = Contents(version: Self.format, places: Array(places.prefix(Self.recordsKept)))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let bytes: [UInt8]
        do {
            bytes = Array(try encoder.encode(file)) + [UInt8(ascii: "\n")]
        } catch {
            throw Failure(path: path, reason: "\(error)", writing: true)
        }
        do {
            try StoreFiles.makeDirectory(StoreFiles.parentPath(path))
            try StoreFiles.replaceUnsynced(bytes, at: path, temporaryTag: "places")
        } catch {
            let fileOnPath = error.code == ENOTDIR
            if error.code == EISDIR { throw Failure(path: path, reason: "a folder, not a file", writing: true, inTheWay: true) }
            throw Failure(path: StoreFiles.fileOnPath(path) ?? error.path, reason: fileOnPath ? "a file, not a folder" : error.reason,
                          writing: true, inTheWay: fileOnPath)
        }
    }

    /// Twenty places take a few kilobytes: a larger file is not one, and is not read whole on
    /// the way to the first frame.
    static let largest = 1 << 20

    private func read() throws(Failure) -> Contents? {
        if let size = StoreFiles.size(path), size > Self.largest {
            throw Failure(path: path, reason: "\(size) bytes, too large to be a file of places", writing: false, writtenOver: true)
        }
        let bytes: [UInt8]?
        do {
            bytes = try StoreFiles.read(path)
        } catch {
            // A folder where the file should be is not written over: it is the user's to move.
            let folder = error.code == EISDIR
            throw Failure(path: error.path, reason: folder ? "a folder, not a file" : error.reason, writing: false, inTheWay: folder)
        }
        guard let bytes else { return nil }
        do {
            // A newer travaux's file is known by its version alone, whatever else it holds.
            let version = try FastJSONDecoder.decode(Version.self, from: bytes).version
            if version > Self.format { return Contents(version: version, places: []) }
            // Entry by entry: one that cannot be read (a hand edit, a pane this travaux does not
            // know) is passed over, and the other records keep their places.
            let file = try FastJSONDecoder.decode(LenientContents.self, from: bytes)
            return Contents(version: file.version, places: file.places.compactMap(\.entry))
        } catch {
            throw Failure(path: path, reason: "not a file of places travaux can read", writing: false, writtenOver: true)
        }
    }

    /// The record's directory resolved, so that `Data/record` and `./Data/record/` are one record.
    static func key(_ directory: String) -> String {
        StoreFiles.resolved(directory) ?? directory
    }

    struct Version: Codable {
        var version: Int
    }

    struct Contents: Codable {
        var version: Int
        var places: [Entry]
    }

    struct Entry: Codable {
        var record: String
        var place: LastPlace
    }

    struct LenientContents: Decodable {
        var version: Int
        var places: [LenientEntry]
    }

    /// An entry, or nil where it cannot be read.
    struct LenientEntry: Decodable {
        var entry: Entry?
        init(from decoder: any Decoder) throws { entry = try? Entry(from: decoder) }
    }
}
