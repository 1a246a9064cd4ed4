import Glibc
import TravauxCore

/// The process environment as a value, read from `environ` once, when first asked for:
/// nothing in travaux changes its own environment.
enum CLIEnvironment {
    static let variables: [String: String] = {
        var result: [String: String] = [:]
        var pointer = environ
        while let entry = pointer.pointee {
            let pair = String(cString: entry)
            if let equals = pair.firstIndex(of: "=") {
                result[String(pair[..<equals])] = String(pair[pair.index(after: equals)...])
            }
            pointer += 1
        }
        return result
    }()

    /// `$TMPDIR`, or /tmp when it is unset or empty.
    static var temporaryDirectory: String { variables["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp" }

    /// The zone days and times are shown in (`TZ`, else `/etc/localtime`), read now.
    static var zone: LocalZone { LocalZone.system(now: NoteClock.system.now()) }
}
