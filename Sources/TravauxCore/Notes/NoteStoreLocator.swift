#if canImport(Glibc)
import Glibc
#endif

/// Where the notes live: `--store DIR`, then `TRAVAUX_STORE`, then
/// `$XDG_DATA_HOME/travaux/notes` (`~/.local/share/travaux/notes`).
public enum NoteStoreLocator {
    public static func directory(explicit: String?, environment: [String: String]) -> String? {
        if let explicit, !explicit.isEmpty { return explicit }
        if let fromEnvironment = environment["TRAVAUX_STORE"], !fromEnvironment.isEmpty { return fromEnvironment }
        if let dataHome = environment["XDG_DATA_HOME"], dataHome.hasPrefix("/") { return dataHome + "/travaux/notes" }
        if let home = environment["HOME"], !home.isEmpty { return home + "/.local/share/travaux/notes" }
        return nil
    }

    /// Who is writing: `TRAVAUX_AUTHOR`, else the login name.
    public static func author(environment: [String: String]) -> String {
        // On one line, without escape sequences or control characters, and blanks alone
        // passed over: a colleague reads "· by NAME" under the note, on any list of them.
        for key in ["TRAVAUX_AUTHOR", "USER", "LOGNAME"] {
            guard let value = environment[key] else { continue }
            let cleaned = ControlSequences.oneLine(value)
            if !cleaned.isEmpty { return cleaned }
        }
        if let entry = getpwuid(getuid()), let name = entry.pointee.pw_name {
            return String(cString: name)
        }
        return "unknown"
    }
}
