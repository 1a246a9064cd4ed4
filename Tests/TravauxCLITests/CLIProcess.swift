import Foundation
import TravauxTestSupport

/// Runs the real `travaux` binary, built beside the test bundle, as a script would.
struct CLIProcess {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String

        func json() throws -> Any {
            try JSONSerialization.jsonObject(with: Data(stdout.utf8))
        }
    }

    static let binary: String = {
        let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var directory = URL(fileURLWithPath: exe).deletingLastPathComponent()
        // The bundle may sit inside a .xctest directory.
        while !FileManager.default.isExecutableFile(atPath: directory.appendingPathComponent("travaux").path),
              directory.path != "/" {
            directory.deleteLastPathComponent()
        }
        return directory.appendingPathComponent("travaux").path
    }()

    /// `XDG_CACHE_HOME` for every run of the binary in these tests.
    static let cacheHome: String = {
        (try? TestFiles.directory("cache")) ?? TestFiles.path("cache")
    }()

    /// `XDG_DATA_HOME` for every run of the binary: a note saved by a test, with no
    /// `--store`, lands here and never in the user's store.
    static let dataHome: String = {
        (try? TestFiles.directory("data")) ?? TestFiles.path("data")
    }()

    /// `XDG_STATE_HOME` for every run of the binary: never the user's last place.
    static let stateHome: String = TestFiles.path("state")

    static let fixtureRecord: String = {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/record").path
    }()

    static func run(_ arguments: [String], environment: [String: String] = [:], executable: String = binary,
                    directory: String? = nil) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "TRAVAUX_RECORD")
        env.removeValue(forKey: "TRAVAUX_STORE")
        // The record's snapshots go to a directory of the tests' own, never the user's cache.
        env["XDG_CACHE_HOME"] = cacheHome
        env["XDG_DATA_HOME"] = dataHome
        env["XDG_STATE_HOME"] = stateHome
        // Times are shown in the machine's zone: the tests' own is UTC, whatever the machine's.
        env["TZ"] = "UTC"
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Read before waiting so a large output cannot fill the pipe and stall the child.
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus,
                      stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Runs against the test fixture record.
    static func fixture(_ arguments: [String]) throws -> Result {
        try run(arguments + ["--record", fixtureRecord])
    }
}
