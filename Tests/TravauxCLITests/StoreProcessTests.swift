import Foundation
import Testing
import TravauxCore
import TravauxTestSupport

/// The store under real processes: killed mid-save, and two writing at once.
@Suite("The notes store across processes", .serialized)
struct StoreProcessTests {
    static let stress: String = {
        URL(fileURLWithPath: CLIProcess.binary).deletingLastPathComponent().appendingPathComponent("travaux-stress").path
    }()

    static func temporaryStore() throws -> String {
        try TestFiles.directory("store") + "/notes"
    }

    /// Starts the exerciser with its acknowledgements going to a file.
    static func startWriter(store: String, count: Int, tag: String, log: String) throws -> Process {
        _ = FileManager.default.createFile(atPath: log, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: stress)
        process.arguments = [store, String(count), tag]
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// "ID VERSION" lines: the highest version acknowledged for each note.
    static func acknowledged(_ log: String) throws -> [String: Int] {
        var result: [String: Int] = [:]
        for line in try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n") {
            let parts = line.split(separator: " ")
            guard parts.count == 2, let version = Int(parts[1]) else {
                Issue.record("unexpected line from the writer: \(line)")
                continue
            }
            result[String(parts[0])] = max(result[String(parts[0])] ?? 0, version)
        }
        return result
    }

    static func version(of note: Note) -> Int? {
        note.body.split(separator: " ").last.flatMap { Int($0) }
    }

    @Test("kill -9 at 50 random instants: the store loads with every acknowledged save")
    func killNine() throws {
        let store = try Self.temporaryStore()
        var expected: [String: Int] = [:]
        var generator = SystemRandomNumberGenerator()
        for round in 0..<50 {
            let log = store + "-log-\(round)"
            let writer = try Self.startWriter(store: store, count: 1_000_000, tag: "round\(round)", log: log)
            // Start-up time varies with load: the random instant is counted from the first
            // acknowledged save, so every kill lands while the writer is saving.
            var waited = 0
            while (try? FileManager.default.attributesOfItem(atPath: log)[.size] as? Int) ?? 0 == 0, waited < 5000 {
                usleep(1000)
                waited += 1
            }
            usleep(UInt32.random(in: 0...20_000, using: &generator))
            kill(writer.processIdentifier, SIGKILL)
            writer.waitUntilExit()
            #expect(writer.terminationReason == .uncaughtSignal)
            expected.merge(try Self.acknowledged(log)) { max($0, $1) }

            let notes = try NoteStore(directory: store).load()
            #expect(notes.problems.isEmpty, "round \(round): \(notes.problems)")
            for (id, version) in expected {
                guard let note = notes.note(id) else {
                    Issue.record("round \(round): acknowledged note \(id) is missing")
                    continue
                }
                // The save in flight when the process died may or may not have landed.
                let found = Self.version(of: note) ?? -1
                #expect(found == version || found == version + 1, "round \(round): \(id) has version \(found), acknowledged \(version)")
            }
        }
        #expect(expected.count >= 50, "the writer saves at least once before each kill")
    }

    @Test("two processes adding 1,000 notes each at once: all 2,000 are kept")
    func twoWriters() throws {
        let store = try Self.temporaryStore()
        let logs = [store + "-a.log", store + "-b.log"]
        let writers = try [Self.startWriter(store: store, count: 1000, tag: "alpha", log: logs[0]),
                           Self.startWriter(store: store, count: 1000, tag: "beta", log: logs[1])]
        for writer in writers { writer.waitUntilExit() }
        #expect(writers.allSatisfy { $0.terminationStatus == 0 })
        let notes = try NoteStore(directory: store).load()
        #expect(notes.problems.isEmpty)
        #expect(notes.all.filter { $0.tags.contains("alpha") }.count == 1000)
        #expect(notes.all.filter { $0.tags.contains("beta") }.count == 1000)
        for log in logs {
            for (id, version) in try Self.acknowledged(log) {
                #expect(notes.note(id).flatMap(Self.version) == version, "\(id)")
            }
        }
    }
}
