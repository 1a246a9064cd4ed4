/// Where a text copied with `y` went, and where it could not go, said in one line.
public struct ClipboardReport: Sendable, Hashable {
    /// What was copied, as the copy menu names it ("Citation").
    public var label: String
    public var characters: Int
    /// The routes that took the text (the terminal's is only known to have been sent).
    public var delivered: [ClipboardRoute]
    /// Why a route did not take it ("xclip exited with status 1").
    public var failures: [String]

    public init(label: String, characters: Int, delivered: [ClipboardRoute], failures: [String]) {
        self.label = label
        self.characters = characters
        self.delivered = delivered
        self.failures = failures
    }

    public var message: String {
        let what = "\(label) (\(characters) character\(characters == 1 ? "" : "s"))"
        guard !delivered.isEmpty else {
            let why = failures.isEmpty ? "no clipboard here (no tmux, no wl-copy, xclip or xsel with a display; a text console, "
                + "or a text over \(ClipboardRoute.terminalLimit / 1000) KB, too long for the terminal's)"
                : failures.joined(separator: "; ")
            return "\(what) not copied: \(why); see 'Copying' in docs/usage.md"
        }
        var line = "\(what) copied to " + Self.list(delivered.map(\.destination))
        if delivered == [.terminal] { line += "; if it does not paste, your terminal ignores OSC 52: see docs/usage.md" }
        if !failures.isEmpty { line += " (" + failures.joined(separator: "; ") + ")" }
        return line
    }

    private static func list(_ items: [String]) -> String {
        guard let last = items.last else { return "" }
        return items.count == 1 ? last : items.dropLast().joined(separator: ", ") + " and " + last
    }
}
