#if canImport(Glibc)
import Glibc
#endif

/// Writing the synthetic data. `Data.write` syncs every file, which for 100,000 notes takes
/// minutes on a busy disk; nothing here needs to survive a crash.
enum BenchFiles {
    static func write(_ bytes: [UInt8], to path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw BenchError("cannot write \(path): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            guard written > 0 else { throw BenchError("cannot write \(path): \(String(cString: strerror(errno)))") }
            offset += written
        }
    }
}
