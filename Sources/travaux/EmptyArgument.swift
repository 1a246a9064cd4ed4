import TravauxCore

/// An id, a tag or a value given empty (`"$ID"` with ID unset, `--tag '#'`): a usage error
/// (exit 64) saying what to give, never a look-up of "" that fails with odd suggestions.
enum EmptyArgument {
    /// `--session=` (`--session="$SEMINAR"` with the variable unset) as `--session ""`:
    /// ArgumentParser took the next word for its value (a note went on the wrong item, with
    /// its id for a session); given apart, the empty value gets the option's own usage error.
    /// Only before `--`, after which every word is text.
    static func separatingAttachedEmptyValues(_ arguments: [String]) -> [String] {
        var separated: [String] = []
        separated.reserveCapacity(arguments.count)
        var isText = false
        for argument in arguments {
            if argument == "--" { isText = true }
            if !isText, argument.count > 3, argument.hasPrefix("--"), argument.hasSuffix("="), argument.dropFirst(2).first != "=" {
                separated += [String(argument.dropLast()), ""]
            } else {
                separated.append(argument)
            }
        }
        return separated
    }

    /// Throws when `value` is given and holds only white space.
    static func check(_ value: String?, _ message: @autoclosure () -> String) throws {
        if let value, value.allSatisfy(\.isWhitespace) { throw CLIError(message(), exitCode: 64) }
    }

    /// Throws when a `--session` given names no session once saved: blank (unless
    /// `removing`, as `note edit --session ''` does), or control characters alone, which a
    /// label drops (`SessionLabel`), so that the note would be saved outside any session.
    static func checkSession(_ value: String?, removing: Bool = false) throws {
        guard let value, SessionLabel.normalise(value).isEmpty else { return }
        if !value.allSatisfy(\.isWhitespace) {
            throw CLIError("--session holds only control characters (an escape sequence pasted with it?), which a label drops; "
                           + "give the session's label" + (removing ? ", or '' to remove it" : ", or leave --session out"), exitCode: 64)
        }
        if !removing { throw CLIError("--session is empty; give the session's label, or leave --session out", exitCode: 64) }
    }

    static func check(_ values: [String], _ message: @autoclosure () -> String) throws {
        for value in values { try check(value, message()) }
    }

    /// Throws when a tag is nothing once normalised (`''`, `'#'`, `'  '`).
    static func checkTags(_ tags: [String], option: String) throws {
        if tags.contains(where: { Tag.normalise($0).isEmpty }) {
            throw CLIError("\(option) is empty; give a tag's name, as in '\(option) verification'", exitCode: 64)
        }
    }
}
