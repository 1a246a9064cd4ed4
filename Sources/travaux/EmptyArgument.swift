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
