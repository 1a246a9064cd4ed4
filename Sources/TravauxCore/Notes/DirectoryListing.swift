#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// A directory's entries as `readdir` gives them, with their inode numbers (which change
/// whenever a file is replaced by rename). The names stay bytes in one buffer: listing a
/// store of 100,000 notes makes no strings until a name is asked for.
struct DirectoryListing {
    private var bytes: [UInt8] = []
    /// Where each name starts in `bytes`; each ends with a NUL.
    private var starts: [Int] = []
    private(set) var inodes: [UInt64] = []

    var count: Int { starts.count }

    init(_ directory: String) throws(StoreFiles.Failure) {
        guard let handle = opendir(directory) else {
            if errno == ENOENT { return }
            throw StoreFiles.Failure(path: directory, reason: StoreFiles.errorText(errno))
        }
        defer { closedir(handle) }
        while let entry = readdir(handle) {
            withUnsafeBytes(of: entry.pointee.d_name) { raw in
                let name = raw.prefix { $0 != 0 }
                guard !(name.count == 1 && name[0] == UInt8(ascii: ".")),
                      !(name.count == 2 && name[0] == UInt8(ascii: ".") && name[1] == UInt8(ascii: ".")) else { return }
                starts.append(bytes.count)
                bytes.append(contentsOf: name)
                bytes.append(0)
                inodes.append(UInt64(entry.pointee.d_ino))
            }
        }
    }

    /// The name's bytes, without the NUL.
    func withName<R>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let end = index + 1 < starts.count ? starts[index + 1] - 1 : bytes.count - 1
        return bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[starts[index]..<end])) }
    }

    func name(_ index: Int) -> String {
        withName(index) { String(decoding: $0, as: UTF8.self) }
    }

    func hasSuffix(_ index: Int, _ suffix: StaticString) -> Bool {
        withName(index) { name in
            let tail = UnsafeBufferPointer(start: suffix.utf8Start, count: suffix.utf8CodeUnitCount)
            return name.count >= tail.count && UnsafeBufferPointer(rebasing: name[(name.count - tail.count)...]).elementsEqual(tail)
        }
    }

    func hasPrefix(_ index: Int, _ prefix: StaticString) -> Bool {
        withName(index) { name in
            name.starts(with: UnsafeBufferPointer(start: prefix.utf8Start, count: prefix.utf8CodeUnitCount))
        }
    }

    func isNamed(_ index: Int, _ name: String) -> Bool {
        withName(index) { $0.elementsEqual(name.utf8) }
    }

    /// Whether the entry is one of the files `git mergetool` writes beside a file it merges
    /// (`ID_LOCAL_1234.json`, `_REMOTE_`, `_BASE_`, `_BACKUP_`): the tool's, read by it a moment
    /// later, never a note, and left alone.
    func isMergeToolFile(_ index: Int) -> Bool {
        withName(index) { name in
            // A note's id has no `_`: one scan of the name, and nothing made, for each note.
            guard name.count > 12, name.contains(UInt8(ascii: "_")) else { return false }
            for marker in ["_LOCAL_", "_REMOTE_", "_BASE_", "_BACKUP_"] {
                let marker = Array(marker.utf8)
                var start = 0
                while start + marker.count <= name.count {
                    if name[start] == UInt8(ascii: "_"), UnsafeBufferPointer(rebasing: name[start..<(start + marker.count)]).elementsEqual(marker) {
                        // Followed by the process id, then `.json`.
                        let rest = name[(start + marker.count)...]
                        let digits = rest.prefix { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
                        if !digits.isEmpty, rest.dropFirst(digits.count).elementsEqual(".json".utf8) { return true }
                    }
                    start += 1
                }
            }
            return false
        }
    }

    /// Whether the entry is the file of the note with this id (`ID.json`).
    func isFile(_ index: Int, ofNote id: String) -> Bool {
        withName(index) { name in
            name.count == id.utf8.count + 5 && name.starts(with: id.utf8) && hasSuffix(index, ".json")
        }
    }

    /// The stamps (`fstatat`, following links as reading does) of the entries at `indices`,
    /// nil for those that vanished, spread over the processors: a syscall per note is most of
    /// opening a large store.
    func stamps(of indices: [Int], in directory: String) -> [StoreFiles.Stamp?] {
        var stamps = [StoreFiles.Stamp?](repeating: nil, count: indices.count)
        guard let handle = opendir(directory) else { return stamps }
        defer { closedir(handle) }
        let fd = dirfd(handle)
        let parts = ParallelWork.parts(forNotes: indices.count)
        bytes.withUnsafeBufferPointer { names in
            stamps.withUnsafeMutableBufferPointer { output in
                ParallelWork.run(parts: parts) { part in
                    var info = stat()
                    for slot in stride(from: part, to: indices.count, by: parts) {
                        let start = starts[indices[slot]]
                        let found = names.baseAddress.map { base in
                            (base + start).withMemoryRebound(to: CChar.self, capacity: 1) { fstatat(fd, $0, &info, 0) == 0 }
                        } ?? false
                        if found { output[slot] = StoreFiles.Stamp(info) }
                    }
                }
            }
        }
        return stamps
    }
}
