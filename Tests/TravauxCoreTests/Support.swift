import Foundation
@testable import TravauxCore
import TravauxTestSupport

/// The repository's test fixture record, found from this file's path.
enum Fixture {
    static let recordDirectory: String = {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/record").path
    }()

    static let shippedRecordDirectory = TestFiles.shippedRecord

    static func record() throws -> Record {
        try RecordLoader.load(directory: recordDirectory)
    }

    /// A copy of the fixture record in a fresh temporary directory, with `edit` applied to one file.
    static func brokenCopy(_ file: String, edit: (String) -> String) throws -> String {
        let directory = try temporaryDirectory()
        for name in try FileManager.default.contentsOfDirectory(atPath: recordDirectory) {
            try FileManager.default.copyItem(atPath: recordDirectory + "/" + name, toPath: directory + "/" + name)
        }
        let path = directory + "/" + file
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let edited = edit(text)
        precondition(edited != text, "the edit changed nothing in \(file)")
        try TestFiles.replace(path, with: edited)
        return directory
    }

    static func temporaryDirectory() throws -> String {
        try TestFiles.directory("test")
    }

    static func problems(in directory: String) -> [RecordProblem] {
        RecordLoader.read(directory: directory).problems
    }
}
