#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// The POSIX calls the store needs, with errors as words. Kept low-level on purpose:
/// atomicity and durability depend on exactly which calls are made in which order.
enum StoreFiles {
    struct Failure: Error {
        var path: String
        var reason: String
        /// The `errno` behind it, so a caller can tell "already exists" from the rest.
        var code: Int32 = 0
    }

    static func errorText(_ code: Int32) -> String { String(cString: strerror(code)) }

    /// Creates a directory and its parents with mode 0700 (existing ones are left as they are).
    static func makeDirectory(_ path: String) throws(Failure) {
        var isDirectory = false
        if exists(path, isDirectory: &isDirectory) {
            guard isDirectory else { throw Failure(path: path, reason: "exists and is not a directory") }
            return
        }
        let parent = parentPath(path)
        if parent != path, !parent.isEmpty { try makeDirectory(parent) }
        if mkdir(path, 0o700) != 0, errno != EEXIST {
            throw Failure(path: path, reason: errorText(errno))
        }
    }

    static func exists(_ path: String, isDirectory: inout Bool) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0 else { return false }
        isDirectory = (info.st_mode & S_IFMT) == S_IFDIR
        return true
    }

    static func exists(_ path: String) -> Bool {
        var isDirectory = false
        return exists(path, isDirectory: &isDirectory)
    }

    static func parentPath(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// Writes `bytes` to `path` so that a crash at any instant leaves either the old file or
    /// the new one: a temporary file in the same directory, fsync, rename over, fsync of the
    /// directory (without which the rename itself may be lost on power failure).
    /// With `replace: false` the new file is linked into place instead, which fails
    /// (code EEXIST) rather than replace a file that exists, with no window between a
    /// check and the write.
    static func writeAtomically(_ bytes: [UInt8], to path: String, temporaryTag: String,
                                mode: mode_t = 0o600, replace: Bool = true) throws(Failure) {
        let directory = parentPath(path)
        let temporary = directory + "/.tmp-" + temporaryTag + "-" + String(getpid())
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode)
        guard fd >= 0 else { throw Failure(path: temporary, reason: errorText(errno)) }
        var written = 0
        while written < bytes.count {
            let result = bytes.withUnsafeBytes { buffer in
                write(fd, buffer.baseAddress.map { $0 + written }, bytes.count - written)
            }
            if result < 0 {
                if errno == EINTR { continue }
                let reason = errorText(errno)
                close(fd)
                unlink(temporary)
                throw Failure(path: temporary, reason: reason)
            }
            written += result
        }
        if fsync(fd) != 0 {
            let reason = errorText(errno)
            close(fd)
            unlink(temporary)
            throw Failure(path: temporary, reason: reason)
        }
        close(fd)
        if !replace {
            if link(temporary, path) == 0 {
                unlink(temporary)
                try syncDirectory(directory)
                return
            }
            let code = errno
            // A file system without hard links: check, then rename (a narrow race, but no worse).
            if code == EEXIST || exists(path) {
                unlink(temporary)
                throw Failure(path: path, reason: errorText(EEXIST), code: EEXIST)
            }
        }
        if rename(temporary, path) != 0 {
            let code = errno
            unlink(temporary)
            throw Failure(path: path, reason: errorText(code), code: code)
        }
        try syncDirectory(directory)
    }

    static func syncDirectory(_ directory: String) throws(Failure) {
        let fd = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw Failure(path: directory, reason: errorText(errno)) }
        defer { close(fd) }
        if fsync(fd) != 0 { throw Failure(path: directory, reason: errorText(errno)) }
    }

    /// The whole file, or nil if it does not exist; other failures throw.
    static func read(_ path: String) throws(Failure) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            if errno == ENOENT { return nil }
            throw Failure(path: path, reason: errorText(errno))
        }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 16_384)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw Failure(path: path, reason: errorText(errno))
            }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
        }
        return bytes
    }

    /// A directory's entries with their inode numbers (which change whenever a file is
    /// replaced by rename, so they tell what changed without reading or even stat-ing).
    static func entries(_ directory: String) throws(Failure) -> [(name: String, inode: UInt64)] {
        guard let handle = opendir(directory) else {
            if errno == ENOENT { return [] }
            throw Failure(path: directory, reason: errorText(errno))
        }
        defer { closedir(handle) }
        var result: [(String, UInt64)] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            result.append((name, UInt64(entry.pointee.d_ino)))
        }
        return result
    }

    /// Whether a process exists (it may belong to another user: EPERM still means alive).
    /// A zombie — exited, not yet reaped by its parent — is not running: its drafts and
    /// temporary files are abandoned.
    static func isRunning(_ pid: Int32) -> Bool {
        guard pid > 0, kill(pid, 0) == 0 || errno == EPERM else { return false }
        guard let stat = try? read("/proc/\(pid)/stat"),
              let close = stat.lastIndex(of: UInt8(ascii: ")")), close + 2 < stat.count else { return true }
        let state = stat[close + 2]
        return state != UInt8(ascii: "Z") && state != UInt8(ascii: "X")
    }

    static func remove(_ path: String) throws(Failure) {
        if unlink(path) != 0, errno != ENOENT { throw Failure(path: path, reason: errorText(errno)) }
    }

    /// Moves a file aside without overwriting anything already there.
    static func moveAside(_ path: String, into directory: String) throws(Failure) -> String {
        try makeDirectory(directory)
        let name = path.split(separator: "/").last.map(String.init) ?? path
        var destination = directory + "/" + name
        var attempt = 1
        while exists(destination) {
            attempt += 1
            destination = directory + "/" + name + "." + String(attempt)
        }
        if rename(path, destination) != 0 {
            throw Failure(path: path, reason: errorText(errno))
        }
        return destination
    }

    /// Modification time in nanoseconds, or nil if the path does not exist.
    static func modificationTime(_ path: String) -> Int64? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
    }

    static func permissions(_ path: String) -> Int? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return Int(info.st_mode & 0o777)
    }

    /// An exclusive lock on the store across processes, held while `body` runs. Readers do
    /// not take it: files only ever appear whole, by rename.
    static func withLock<T>(_ lockPath: String, _ body: () throws(Failure) -> T) throws(Failure) -> T {
        let fd = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw Failure(path: lockPath, reason: errorText(errno)) }
        defer { close(fd) }
        while flock(fd, LOCK_EX) != 0 {
            if errno != EINTR { throw Failure(path: lockPath, reason: errorText(errno)) }
        }
        defer { flock(fd, LOCK_UN) }
        return try body()
    }
}
