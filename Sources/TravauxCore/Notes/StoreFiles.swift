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

    /// The first file along `path` that stands where a directory should (what `ENOTDIR` means).
    static func fileOnPath(_ path: String) -> String? {
        var current = parentPath(path)
        while current != "/" && current != "." && !current.isEmpty {
            var isDirectory = false
            if exists(current, isDirectory: &isDirectory) { return isDirectory ? nil : current }
            let parent = parentPath(current)
            if parent == current { return nil }
            current = parent
        }
        return nil
    }

    /// Creates a directory and its parents with mode 0700 (existing ones are left as they are).
    static func makeDirectory(_ path: String) throws(Failure) {
        var isDirectory = false
        if exists(path, isDirectory: &isDirectory) {
            guard isDirectory else { throw Failure(path: path, reason: "exists and is not a directory", code: ENOTDIR) }
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
        let fd = try writeTemporary(bytes, at: temporary, for: path, mode: mode)
        if fsync(fd) != 0 {
            let code = errno
            close(fd)
            unlink(temporary)
            throw Failure(path: path, reason: errorText(code), code: code)
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

    /// Creates `temporary` holding `bytes` and returns it still open; on failure nothing is
    /// left behind.
    /// Failures name what the user knows, not the temporary file: the folder that refused
    /// it, or the file being written (a full disk).
    private static func writeTemporary(_ bytes: [UInt8], at temporary: String, for target: String, mode: mode_t) throws(Failure) -> Int32 {
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode)
        guard fd >= 0 else { throw Failure(path: parentPath(temporary), reason: errorText(errno), code: errno) }
        var written = 0
        while written < bytes.count {
            let result = bytes.withUnsafeBytes { write(fd, $0.baseAddress.map { $0 + written }, bytes.count - written) }
            if result < 0 {
                if errno == EINTR { continue }
                let code = errno
                close(fd)
                unlink(temporary)
                throw Failure(path: target, reason: errorText(code), code: code)
            }
            written += result
        }
        return fd
    }

    static func syncDirectory(_ directory: String) throws(Failure) {
        let fd = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw Failure(path: directory, reason: errorText(errno)) }
        defer { close(fd) }
        if fsync(fd) != 0 { throw Failure(path: directory, reason: errorText(errno)) }
    }

    /// The whole file, or nil if it does not exist; other failures throw.
    /// Only regular files are read: a pipe would block the read (and its open) for ever,
    /// a device such as /dev/zero never end, a directory fail; each is refused at once.
    static func read(_ path: String) throws(Failure) -> [UInt8]? {
        // O_NONBLOCK: opening a pipe with no writer would wait; on a regular file it changes nothing.
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else {
            if errno == ENOENT { return nil }
            throw Failure(path: path, reason: errorText(errno), code: errno)
        }
        defer { close(fd) }
        // Sized from fstat so that a note is one read into one buffer; a file that grows
        // meanwhile is still read to its end.
        var info = stat()
        let known = fstat(fd, &info) == 0
        if known, info.st_mode & S_IFMT != S_IFREG {
            let isDirectory = info.st_mode & S_IFMT == S_IFDIR
            throw Failure(path: path, reason: isDirectory ? "a directory" : "a pipe, a socket or a device, not a file",
                          code: isDirectory ? EISDIR : EINVAL)
        }
        var bytes = [UInt8](repeating: 0, count: known ? max(0, Int(info.st_size)) + 1 : 16_384)
        var filled = 0
        while true {
            if filled == bytes.count { bytes.append(contentsOf: repeatElement(0, count: max(16_384, bytes.count))) }
            let count = bytes.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress.map { $0 + filled }, $0.count - filled) }
            if count < 0 {
                if errno == EINTR { continue }
                throw Failure(path: path, reason: errorText(errno))
            }
            if count == 0 { break }
            filled += count
        }
        bytes.removeSubrange(filled...)
        return bytes
    }

    /// What tells that a file is the one read before: a replaced file has a new inode, a
    /// rewritten one a new size or new times.
    struct Stamp: Hashable, Sendable {
        var inode: UInt64
        var size: Int64
        var modified: Int64
        var changed: Int64
    }

    /// A file mapped read-only, unmapped when released; nil if it cannot be opened or is empty.
    final class Mapping {
        let bytes: UnsafeRawBufferPointer

        init?(_ path: String) {
            let fd = open(path, O_RDONLY | O_CLOEXEC)
            guard fd >= 0 else { return nil }
            defer { close(fd) }
            var info = stat()
            guard fstat(fd, &info) == 0, info.st_size > 0,
                  let address = mmap(nil, Int(info.st_size), PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0),
                  address != MAP_FAILED else { return nil }
            bytes = UnsafeRawBufferPointer(start: address, count: Int(info.st_size))
        }

        deinit { munmap(UnsafeMutableRawPointer(mutating: bytes.baseAddress), bytes.count) }
    }

    /// Replaces a file by rename without syncing it: for caches, which can always be rebuilt
    /// and check themselves when read.
    static func replaceUnsynced(_ bytes: [UInt8], at path: String, temporaryTag: String) throws(Failure) {
        let temporary = parentPath(path) + "/.tmp-" + temporaryTag + "-" + String(getpid())
        close(try writeTemporary(bytes, at: temporary, for: path, mode: 0o600))
        if rename(temporary, path) != 0 {
            let code = errno
            unlink(temporary)
            throw Failure(path: path, reason: errorText(code), code: code)
        }
    }

    /// `path` with every link and `.` or `..` resolved, or nil where it does not exist.
    static func resolved(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// A process killed mid-write leaves `.tmp-…-PID`; once that process is gone, the file is
    /// an unfinished copy of a file whose previous version is still in place.
    static func removeAbandonedTemporaries(_ listing: DirectoryListing, in directory: String) {
        let now = wallClockNanoseconds()
        for index in 0..<listing.count where listing.hasPrefix(index, ".tmp-") {
            let name = listing.name(index)
            guard let pid = name.split(separator: "-").last.flatMap({ Int32($0) }), !isRunning(pid) else { continue }
            // A writer this process cannot see (another PID namespace: a container sharing the
            // store's volume, another machine over NFS) looks dead while it writes: only a file
            // untouched for a minute is taken as abandoned.
            guard let modified = modificationTime(directory + "/" + name), now - modified > abandonedAfterNanoseconds else { continue }
            try? remove(directory + "/" + name)
        }
    }

    /// How long a temporary file stays untouched before it counts as abandoned: writing a
    /// note, even one of 100 MB, takes seconds.
    static let abandonedAfterNanoseconds: Int64 = 60 * 1_000_000_000

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

    /// When a process started, in clock ticks since boot (`/proc/PID/stat`, field 22): with its
    /// id, what tells one process from a later one given the same id (a container's PID 1).
    static func processStart(_ pid: Int32) -> Int64? {
        guard pid > 0, let stat = try? read("/proc/\(pid)/stat"),
              let close = stat.lastIndex(of: UInt8(ascii: ")")), close + 2 < stat.count else { return nil }
        // After the command's closing parenthesis: state is field 3, starttime field 22.
        let fields = stat[(close + 2)...].split(separator: UInt8(ascii: " "))
        guard fields.count > 19 else { return nil }
        return Int64(String(decoding: fields[19], as: UTF8.self))
    }

    static func remove(_ path: String) throws(Failure) {
        if unlink(path) != 0, errno != ENOENT { throw Failure(path: path, reason: errorText(errno)) }
    }

    /// Renames a file, as one step no other process can come between: false when there is
    /// no file to rename (another took it first).
    static func renameIfPresent(_ path: String, to destination: String) throws(Failure) -> Bool {
        if rename(path, destination) == 0 { return true }
        if errno == ENOENT { return false }
        throw Failure(path: path, reason: errorText(errno), code: errno)
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

    /// A file's or directory's stamp, or nil if it does not exist.
    static func stamp(_ path: String) -> Stamp? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return Stamp(info)
    }

    /// How long before a stamp was taken a file must have last changed for the stamp to stand
    /// for its contents: file times come from a coarse clock, so a change made in the same tick
    /// as the one before it can leave the time as it was (git's "racy" entries). The notes
    /// cache and the record's snapshot both wait this long.
    static let settleNanoseconds: Int64 = 2_000_000_000

    /// The wall clock, which file times are taken from, in ns since 1970.
    static func wallClockNanoseconds() -> Int64 {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return Int64(now.tv_sec) * 1_000_000_000 + Int64(now.tv_nsec)
    }

    /// A file's size in bytes, or nil if it does not exist.
    static func size(_ path: String) -> Int? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return Int(info.st_size)
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

extension StoreFiles.Stamp {
    init(_ info: stat) {
        self.init(inode: UInt64(info.st_ino), size: Int64(info.st_size),
                  modified: Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec),
                  changed: Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec))
    }
}
