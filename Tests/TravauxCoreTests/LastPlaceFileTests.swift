import Foundation
import Testing
@testable import TravauxCore
import TravauxTestSupport

@Suite("The file of last places")
struct LastPlaceFileTests {
    static let place = LastPlace(pane: "proposals", items: ["proposals": "ppwt", "timeline": "unclos-1982"], note: "01M7ZRGDZTQY8XKGSREPC0PRA1",
                                 reader: .init(item: "ppwt", scroll: 12), comparison: .init(proposal: "ppwt", from: "2008-draft", to: "2014-revision"),
                                 search: "debris")

    @Test("XDG_STATE_HOME when it is absolute, else ~/.local/state; nowhere without either")
    func location() {
        #expect(LastPlaceFile.defaultPath(environment: ["XDG_STATE_HOME": "/s", "HOME": "/h"]) == "/s/travaux/places.json")
        #expect(LastPlaceFile.defaultPath(environment: ["XDG_STATE_HOME": "relative", "HOME": "/h"]) == "/h/.local/state/travaux/places.json")
        #expect(LastPlaceFile.defaultPath(environment: ["HOME": "/h"]) == "/h/.local/state/travaux/places.json")
        #expect(LastPlaceFile.defaultPath(environment: ["HOME": ""]) == nil)
        #expect(LastPlaceFile.defaultPath(environment: [:]) == nil)
    }

    @Test("a place kept is read back for its record, by the record's resolved directory, and for no other; its folders are made")
    func perRecord() throws {
        let root = try TestFiles.directory("places")
        let file = LastPlaceFile(path: root + "/state/travaux/places.json")
        #expect(try file.place(record: Fixture.recordDirectory) == nil)
        try file.keep(Self.place, record: Fixture.recordDirectory)
        #expect(try file.place(record: Fixture.recordDirectory) == Self.place)
        #expect(try file.place(record: Fixture.recordDirectory + "/../record/") == Self.place)
        #expect(try file.place(record: Fixture.shippedRecordDirectory) == nil)
        // Another record's place is kept beside it; the latest of one record replaces its own.
        let other = LastPlace(pane: "notes")
        try file.keep(other, record: Fixture.shippedRecordDirectory)
        let moved = LastPlace(pane: "sources")
        try file.keep(moved, record: Fixture.recordDirectory)
        #expect(try file.place(record: Fixture.shippedRecordDirectory) == other)
        #expect(try file.place(record: Fixture.recordDirectory) == moved)
        // Only a person's own account reads where they were.
        var info = stat()
        #expect(stat(file.path, &info) == 0 && info.st_mode & 0o777 == 0o600)
    }

    @Test("the records used last are kept, twenty of them; the oldest is forgotten")
    func keepsTheLatest() throws {
        let root = try TestFiles.directory("places")
        let file = LastPlaceFile(path: root + "/places.json")
        var records: [String] = []
        for number in 0...LastPlaceFile.recordsKept {
            let record = root + "/record-\(number)"
            try FileManager.default.createDirectory(atPath: record, withIntermediateDirectories: true)
            try file.keep(LastPlace(pane: "timeline", items: ["timeline": "event-\(number)"]), record: record)
            records.append(record)
        }
        #expect(try file.place(record: records[0]) == nil)
        for number in 1...LastPlaceFile.recordsKept {
            #expect(try file.place(record: records[number])?.items["timeline"] == "event-\(number)")
        }
    }

    @Test("a file that cannot be read is said, naming it, and written over at the next quit")
    func unreadable() throws {
        let root = try TestFiles.directory("places")
        let path = root + "/places.json"
        try "{\"version\": 1, \"places\": [".write(toFile: path, atomically: false, encoding: .utf8)
        let file = LastPlaceFile(path: path)
        #expect {
            try file.place(record: Fixture.recordDirectory)
        } throws: { error in
            "\(error)" == "could not read where you left off (\(path): not a file of places travaux can read); "
                + "starting at the Timeline, and the file is written again when you quit"
        }
        try file.keep(Self.place, record: Fixture.recordDirectory)
        #expect(try file.place(record: Fixture.recordDirectory) == Self.place)

        // A file far larger than places take is not read on the way to the first frame.
        try String(repeating: " ", count: LastPlaceFile.largest + 1).write(toFile: path, atomically: false, encoding: .utf8)
        #expect {
            try file.place(record: Fixture.recordDirectory)
        } throws: { error in "\(error)".contains("\(LastPlaceFile.largest + 1) bytes, too large to be a file of places") }
        // A folder where the file should be is said as such.
        let folder = try TestFiles.directory("places-folder")
        #expect(throws: LastPlaceFile.Failure.self) { try LastPlaceFile(path: folder).place(record: Fixture.recordDirectory) }
    }

    @Test("an entry that cannot be read is passed over, and the other records keep their places; fields left out are taken as none")
    func lenientEntries() throws {
        let root = try TestFiles.directory("places")
        let path = root + "/places.json"
        let other = try TestFiles.directory("other-record")
        let key = LastPlaceFile.key(Fixture.recordDirectory)
        let text = """
            {"version": 1, "places": [
              {"record": "\(key)", "place": {"pane": "themes"}},
              {"record": "/somewhere/else", "place": {"pane": "notes", "items": {"timeline": 7}}},
              {"record": "\(LastPlaceFile.key(other))", "place": {"pane": "sources", "items": {"sources": "meyer-fn-1"}, "future": [1, 2]}}
            ]}
            """
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        let file = LastPlaceFile(path: path)
        #expect(try file.place(record: Fixture.recordDirectory) == LastPlace(pane: "themes"))
        #expect(try file.place(record: other)?.items == ["sources": "meyer-fn-1"])
        // Kept again at the next quit, the readable ones stay.
        try file.keep(LastPlace(pane: "notes"), record: Fixture.recordDirectory)
        #expect(try file.place(record: other)?.pane == "sources")
    }

    @Test("a file a newer travaux wrote is neither read nor written over")
    func newerVersion() throws {
        let root = try TestFiles.directory("places")
        let path = root + "/places.json"
        let newer = "{\"version\": 2, \"workspaces\": {\"anything\": [1, 2]}}\n"
        try newer.write(toFile: path, atomically: false, encoding: .utf8)
        let file = LastPlaceFile(path: path)
        #expect(try file.place(record: Fixture.recordDirectory) == nil)
        try file.keep(Self.place, record: Fixture.recordDirectory)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == newer)
    }

    @Test("a place that cannot be kept says where, and what to do")
    func cannotWrite() throws {
        let root = try TestFiles.directory("places")
        let blocker = root + "/state"
        try "not a folder".write(toFile: blocker, atomically: false, encoding: .utf8)
        let file = LastPlaceFile(path: blocker + "/travaux/places.json")
        #expect {
            try file.keep(Self.place, record: Fixture.recordDirectory)
        } throws: { error in
            "\(error)" == "could not keep your place for the next start (\(blocker): a file, not a folder); "
                + "move it away, or set XDG_STATE_HOME to a folder of your own"
        }
        // A folder where the file should be: said at the start and at the end, to be moved away.
        let folder = try TestFiles.directory("places-folder-in-the-way")
        let inTheWay = LastPlaceFile(path: folder)
        #expect {
            try inTheWay.place(record: Fixture.recordDirectory)
        } throws: { error in
            "\(error)" == "could not read where you left off (\(folder): a folder, not a file); starting at the Timeline; "
                + "move it away, and your place is kept there from the next quit"
        }
        #expect {
            try inTheWay.keep(Self.place, record: Fixture.recordDirectory)
        } throws: { error in
            "\(error)" == "could not keep your place for the next start (\(folder): a folder, not a file); "
                + "move it away, or set XDG_STATE_HOME to a folder of your own"
        }
        // A folder that refuses the file is said as one.
        let locked = try TestFiles.directory("places-locked")
        chmod(locked, 0o500)
        defer { chmod(locked, 0o700) }
        if access(locked, W_OK) != 0 {   // root writes anywhere: nothing to see there
            #expect {
                try LastPlaceFile(path: locked + "/places.json").keep(Self.place, record: Fixture.recordDirectory)
            } throws: { error in
                "\(error)" == "could not keep your place for the next start (\(locked): Permission denied); "
                    + "make that folder writable, or set XDG_STATE_HOME to one that is"
            }
        }
    }
}
