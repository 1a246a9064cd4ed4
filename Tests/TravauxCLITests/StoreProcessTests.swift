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

    /// Runs the commands at once, each a `travaux` process on `store`, and waits for all;
    /// what they said on stderr, together.
    static func atOnce(_ commands: [[String]], store: String) throws -> String {
        var processes: [(Process, Pipe)] = []
        for arguments in commands {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: CLIProcess.binary)
            process.arguments = arguments + ["--record", CLIProcess.fixtureRecord, "--store", store]
            var environment = ProcessInfo.processInfo.environment
            environment["XDG_CACHE_HOME"] = CLIProcess.cacheHome
            environment["XDG_DATA_HOME"] = CLIProcess.dataHome
            process.environment = environment
            let errors = Pipe()
            process.standardOutput = FileHandle.nullDevice
            process.standardError = errors
            process.standardInput = FileHandle.nullDevice
            processes.append((process, errors))
        }
        for (process, _) in processes { try process.run() }
        var said = ""
        for (process, errors) in processes {
            said += String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
        }
        return said
    }

    @Test("processes making a new store together with their first notes all save: none takes another's first note for a folder that is not a store")
    func firstSavesAtOnce() throws {
        for round in 0..<6 {
            let store = try Self.temporaryStore() + "-new-\(round)"
            let said = try Self.atOnce((0..<8).map { ["note", "add", "ppwt", "note \($0)", "--tag", "t\($0)"] }, store: store)
            #expect(said.isEmpty, "\(said)")
            #expect(try NoteStore(directory: store).load().count == 8)
        }
    }

    @Test("edits of one note from processes running at once each apply to the note as it is: every tag kept, no conflict copy")
    func editsAtOnce() throws {
        let store = try Self.temporaryStore()
        let added = try CLIProcess.run(["note", "add", "ppwt", "one note", "--tag", "old", "--record", CLIProcess.fixtureRecord, "--store", store])
        let id = added.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let tags = (1...8).map { "t\($0)" }
        let said = try Self.atOnce(tags.map { ["note", "edit", id, "--add-tag", $0] }
                                   + [["note", "edit", id, "--text", "new text"], ["note", "edit", id, "--session", "s1"]], store: store)
        #expect(said.isEmpty, "\(said)")
        let notes = try NoteStore(directory: store).load()
        #expect(notes.count == 1, "conflict copies: \(notes.all.filter { $0.conflictOf != nil }.map(\.tags))")
        let note = try #require(notes.note(id))
        #expect(Set(note.tags) == Set(tags + ["old"]))
        #expect(note.body == "new text")
        #expect(note.session == "s1")
    }

    @Test("a tag renamed while other processes edit the notes carrying it is renamed on every one, their edits kept")
    func renameWhileEditing() throws {
        let store = try Self.temporaryStore()
        var ids: [String] = []
        for number in 0..<12 {
            let added = try CLIProcess.run(["note", "add", "ppwt", "note \(number)", "--tag", "p",
                                            "--record", CLIProcess.fixtureRecord, "--store", store])
            ids.append(added.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        let said = try Self.atOnce([["tag", "rename", "p", "pp"]] + ids.enumerated().map { ["note", "edit", $1, "--add-tag", "q\($0)"] },
                                   store: store)
        #expect(said.isEmpty, "\(said)")
        let notes = try NoteStore(directory: store).load()
        #expect(notes.count == 12)
        for (number, id) in ids.enumerated() {
            #expect(notes.note(id)?.tags == ["pp", "q\(number)"], "\(id)")
        }
    }

    @Test("a session renamed while other processes edit its notes is renamed on every one, their edits kept")
    func renameSessionWhileEditing() throws {
        let store = try Self.temporaryStore()
        var ids: [String] = []
        for number in 0..<12 {
            let added = try CLIProcess.run(["note", "add", "ppwt", "note \(number)", "--session", number % 2 == 0 ? "seminar 3" : "Seminar 3",
                                            "--record", CLIProcess.fixtureRecord, "--store", store])
            ids.append(added.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        let said = try Self.atOnce([["session", "rename", "seminar 3", "OEWG 1"]] + ids.enumerated().map { ["note", "edit", $1, "--text", "edited \($0)"] },
                                   store: store)
        #expect(said.isEmpty, "\(said)")
        let notes = try NoteStore(directory: store).load()
        #expect(notes.count == 12)
        for (number, id) in ids.enumerated() {
            #expect(notes.note(id)?.session == "OEWG 1", "\(id)")
            #expect(notes.note(id)?.body == "edited \(number)", "\(id)")
        }
    }
}
