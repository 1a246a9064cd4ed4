#if canImport(Glibc)
import Glibc
#endif

/// Notes written in place in the store (an editor that saves over the file, a script's
/// `open(…, "w")`, a conflict mended by hand): such a write leaves the directory's stamp as it
/// was, which is all the interface looks at each second, so without this the note would stay
/// as first read until another file came or went. Told by inotify, read without waiting.
/// travaux itself never writes a note in place (it renames a temporary file over it), so its
/// own saves are not counted here; they change the directory's stamp instead.
final class InPlaceWrites {
    private let descriptor: Int32

    /// Watches `directory`, or nil where inotify cannot (another system, no watches left):
    /// in-place writes are then seen as before, when the directory next changes.
    init?(directory: String) {
        let fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard fd >= 0 else { return nil }
        guard inotify_add_watch(fd, directory, UInt32(IN_CLOSE_WRITE)) >= 0 else {
            close(fd)
            return nil
        }
        descriptor = fd
    }

    deinit { close(descriptor) }

    /// Whether a note file (`*.json`, not a temporary `.tmp-…`) was written in place since
    /// the last call. Reads every event waiting, never blocks.
    func noteWritten() -> Bool {
        var written = false
        var buffer = [UInt8](repeating: 0, count: 16 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }
            var offset = 0
            let header = MemoryLayout<inotify_event>.size
            while offset + header <= count {
                let length = buffer.withUnsafeBytes { Int($0.load(fromByteOffset: offset + 12, as: UInt32.self)) }
                let name = buffer[(offset + header)..<min(count, offset + header + length)].prefix { $0 != 0 }
                if name.starts(with: ".tmp-".utf8) == false, name.count > 5, name.suffix(5).elementsEqual(".json".utf8) {
                    written = true
                }
                offset += header + length
            }
        }
        return written
    }
}
