import Foundation
import TravauxCore
@testable import TravauxTUI
import TravauxTestSupport

/// The fixture record in an interface state, and helpers to drive it with keys.
enum AppFixture {
    static let testsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()

    static func record() throws -> Record {
        try RecordLoader.load(directory: testsDirectory.deletingLastPathComponent().appendingPathComponent("Fixtures/record").path)
    }

    /// The fixture with a revised PPWT: the 2014 draft rewords the 2008 quote, adds an
    /// element, and each has a status of its own, so a comparison has words to show.
    static func comparisonRecord() throws -> Record {
        let source = testsDirectory.deletingLastPathComponent().appendingPathComponent("Fixtures/record")
        let copy = URL(fileURLWithPath: TestFiles.path("comparison"))
        try FileManager.default.copyItem(at: source, to: copy)
        let file = copy.appendingPathComponent("proposals.json")
        var text = try String(contentsOf: file, encoding: .utf8)
        for (old, new) in [
            (#""changes": "First full draft.","#, #""changes": "First full draft.", "status": "tabled, not negotiated","#),
            (#""changes": "Adds an article on verification.","#,
             #""changes": "Adds an article on verification.", "status": "revised; stalled", "quotes": [{ "id": "q-no-weapons-2014", "text": "not to place any weapons in outer space, nor to install such weapons on celestial bodies", "source": "chapter-fn-1", "context": "The revised undertaking." }],"#),
            (#"{ "id": "e1", "number": "1", "text": "No weapons in orbit.", "sources": ["chapter-fn-1"] }"#,
             #"{ "id": "e1", "number": "1", "text": "No weapons in orbit.", "sources": ["chapter-fn-1"] }, { "id": "e2", "number": "2", "text": "Verification left to a later protocol.", "versions": ["2014"], "sources": ["chapter-fn-1"] }"#),
        ] {
            precondition(text.contains(old), "the fixture no longer has \(old)")
            text = text.replacingOccurrences(of: old, with: new)
        }
        try TestFiles.replace(file.path, with: text)
        defer { try? FileManager.default.removeItem(at: copy) }
        return try RecordLoader.load(directory: copy.path)
    }

    /// The shipped record, whose PPWT has three versions.
    static func shippedRecord() throws -> Record {
        try RecordLoader.load(directory: TestFiles.shippedRecord)
    }

    static func state(width: Int = 120, height: Int = 40, record: Record? = nil) throws -> AppState {
        var state = AppState(record: try record ?? self.record(), width: width, height: height)
        _ = Reducer.reduce(&state, .searchIndexReady(SearchIndex(record: state.record)))
        return state
    }

    /// Feeds keys written as names ("j", "Enter", "Tab", "Ctrl-d") or plain text to type.
    @discardableResult
    static func press(_ state: inout AppState, _ names: String...) -> [Effect] {
        var effects: [Effect] = []
        for name in names {
            guard let key = KeyEvent(name: name) else { fatalError("no key named \(name)") }
            effects += Reducer.reduceAlone(&state, .key(key))
        }
        return effects
    }

    static func type(_ state: inout AppState, _ text: String) {
        for character in text { Reducer.reduceAlone(&state, .key(.character(character))) }
    }

    static func click(_ state: inout AppState, x: Int, y: Int) {
        _ = Reducer.reduce(&state, .input(.mouse(MouseEvent(x: x, y: y, kind: .press(.left)))))
    }
}

/// Compares a screen with a text file in Snapshots/; `UPDATE_SNAPSHOTS=1` rewrites the files.
enum Snapshot {
    static func matches(_ canvas: Canvas, named name: String) throws -> (Bool, String) {
        let path = AppFixture.testsDirectory.appendingPathComponent("Snapshots/\(name).txt").path
        let actual = canvas.snapshot() + "\n"
        if ProcessInfo.processInfo.environment["UPDATE_SNAPSHOTS"] == "1" || !FileManager.default.fileExists(atPath: path) {
            try TestFiles.replace(path, with: actual)
            if ProcessInfo.processInfo.environment["UPDATE_SNAPSHOTS"] == "1" { return (true, "") }
            return (false, "recorded a new snapshot \(name).txt; review it and run again")
        }
        let expected = try String(contentsOfFile: path, encoding: .utf8)
        return (expected == actual, "screen differs from Snapshots/\(name).txt:\n\(actual)")
    }
}
