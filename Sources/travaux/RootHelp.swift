/// `travaux --help`: ArgumentParser's help, with the interface's own options listed under
/// OPTIONS. They are read before ArgumentParser (a fast start, and `note add --session`
/// staying the command's), so it does not know them.
enum RootHelp {
    /// The arguments that ask for the root's help.
    static func isRequested(_ arguments: [String]) -> Bool {
        arguments == ["--help"] || arguments == ["-h"] || arguments == ["help"]
    }

    static let interfaceOptions = """
          --session <name>        Stamp this seminar label on every note taken in the
                                  interface (change it there with S).
          --one-pane              Start the interface with one pane at a time, at full
                                  width (z toggles it).
          --fresh                 Start at the Timeline, not where the interface was
                                  last left on this record.
          --version               Show the version, the record and notes directory in
                                  use, and the ncurses linked.

        """

    /// `message` with the interface's options first under OPTIONS (unchanged if it has none).
    static func withInterfaceOptions(_ message: String) -> String {
        guard let header = message.firstRange(of: "OPTIONS:\n") else { return message }
        var result = message
        result.replaceSubrange(header, with: "OPTIONS:\n" + interfaceOptions)
        return result
    }
}
