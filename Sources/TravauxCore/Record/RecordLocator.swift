#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Finds the record directory: `--record DIR`, then `TRAVAUX_RECORD`, then the record
/// shipped with travaux — beside the checkout under `swift run`, or in `share/travaux/record`
/// next to an installed binary.
public struct RecordLocator: Sendable {
    public var explicit: String?
    public var environment: [String: String]
    public var executablePath: String?

    public init(explicit: String?, environment: [String: String], executablePath: String?) {
        self.explicit = explicit
        self.environment = environment
        self.executablePath = executablePath
    }

    public enum Failure: Error, CustomStringConvertible {
        case notFound(searched: [String])

        public var description: String {
            switch self {
            case .notFound(let searched):
                return "cannot find the record (looked in \(searched.joined(separator: ", "))); pass --record DIR or set TRAVAUX_RECORD"
            }
        }
    }

    /// The directory to load. An explicit choice is returned as given, even if it does not
    /// exist, so the loader can say what is wrong with it.
    public func locate() throws(Failure) -> String {
        if let explicit, !explicit.isEmpty { return explicit }
        if let fromEnvironment = environment["TRAVAUX_RECORD"], !fromEnvironment.isEmpty { return fromEnvironment }
        let candidates = shippedCandidates()
        for candidate in candidates where FileManager.default.fileExists(atPath: candidate + "/" + RecordLoader.manifestFile) {
            return candidate
        }
        throw .notFound(searched: candidates)
    }

    /// Where a shipped record may be, nearest first.
    func shippedCandidates() -> [String] {
        var candidates: [String] = []
        if let executablePath {
            let binDirectory = Self.parent(of: executablePath)
            // Installed: PREFIX/bin/travaux and PREFIX/share/travaux/record.
            candidates.append(Self.parent(of: binDirectory) + "/share/travaux/record")
            // A checkout: .build/<triple>/<config>/travaux, with Data/record at the top.
            var directory = binDirectory
            for _ in 0..<6 {
                candidates.append((directory == "/" ? "" : directory) + "/Data/record")
                let up = Self.parent(of: directory)
                if up == directory { break }
                directory = up
            }
        }
        let dataHome = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? environment["HOME"].map { $0 + "/.local/share" }
        if let dataHome { candidates.append(dataHome + "/travaux/record") }
        let dataDirs = environment["XDG_DATA_DIRS"].flatMap { $0.isEmpty ? nil : $0 } ?? "/usr/local/share:/usr/share"
        candidates += dataDirs.split(separator: ":").map { $0 + "/travaux/record" }
        return candidates.uniqued()
    }

    static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// The running binary's path, with symbolic links resolved (Linux: /proc/self/exe).
    public static func currentExecutablePath() -> String? {
        if let resolved = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            return resolved
        }
        return CommandLine.arguments.first
    }
}
