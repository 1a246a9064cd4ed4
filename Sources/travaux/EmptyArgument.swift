import TravauxCore

/// An id, a tag or a value given empty (`"$ID"` with ID unset, `--tag '#'`): a usage error
/// (exit 64) saying what to give, never a look-up of "" that fails with odd suggestions.
enum EmptyArgument {
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
