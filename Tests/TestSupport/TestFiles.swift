import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Where tests write files: one directory per test process, under the system's temporary
/// directory, removed when the process exits. A directory left by a test process that
/// died (a crash, a kill) is removed by the next one, so a test run never leaves more
/// than its own files behind.
public enum TestFiles {
    static let prefix = "travaux-tests-"

    /// The shipped record, `Data/record`, found from this file's place in the repository.
    public static let shippedRecord: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Data/record").path

    /// This process's directory, made on first use.
    public static let root: String = {
        let temporary = NSTemporaryDirectory()
        removeLeftovers(in: temporary)
        let path = temporary + prefix + String(getpid())
        try? FileManager.default.removeItem(atPath: path)   // a dead process with the same number
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(atPath: TestFiles.root) }
        return path
    }()

    /// A path under `root` that nothing uses yet; nothing is made there.
    public static func path(_ label: String) -> String {
        root + "/" + label + "-" + UUID().uuidString
    }

    /// A new empty directory under `root`.
    public static func directory(_ label: String) throws -> String {
        let path = path(label)
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Removes the directories of test processes that are no longer running.
    private static func removeLeftovers(in temporary: String) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: temporary) else { return }
        for name in names where name.hasPrefix(prefix) {
            guard let pid = Int32(name.dropFirst(prefix.count)), pid != getpid() else { continue }
            if kill(pid, 0) == -1, errno == ESRCH {
                try? FileManager.default.removeItem(atPath: temporary + name)
            }
        }
    }
}

extension TestFiles {
    /// Replaces the file at `path` with `text` as an editor does: written beside it, then
    /// renamed over it (a new file, never half written). Foundation's `atomically: true`
    /// does the same on Linux but leaves an empty directory in /tmp each time.
    public static func replace(_ path: String, with text: String) throws {
        let sibling = path + ".replacing-" + UUID().uuidString
        try Data(text.utf8).write(to: URL(fileURLWithPath: sibling))
        guard rename(sibling, path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(atPath: sibling)
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path, NSLocalizedDescriptionKey: "cannot rename over \(path): \(reason)"])
        }
    }
}
