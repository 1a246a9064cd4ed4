#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif

/// A fresh directory under `$TMPDIR` (or /tmp) for one scale's record and store, removed after.
public struct ScratchDirectory: Sendable {
    public let path: String

    public init(label: String) throws {
        let base = ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array((base + "/travaux-bench-\(label)-XXXXXX").utf8CString)
        let created = template.withUnsafeMutableBufferPointer { buffer -> Bool in
            guard let base = buffer.baseAddress else { return false }
            return mkdtemp(base) != nil
        }
        guard created else { throw BenchError("cannot create a scratch directory in \(base): \(String(cString: strerror(errno)))") }
        path = template.withUnsafeBufferPointer { buffer in
            String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
    }

    public func subdirectory(_ name: String) throws -> String {
        let full = path + "/" + name
        try FileManager.default.createDirectory(atPath: full, withIntermediateDirectories: true)
        return full
    }

    public func remove() { try? FileManager.default.removeItem(atPath: path) }
}

/// A benchmark that could not run, with why.
public struct BenchError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
