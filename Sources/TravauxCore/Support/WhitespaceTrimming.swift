extension String {
    /// Without the spaces, tabs and line ends around it: an id or a name pasted from a table
    /// or a mail often brings one along.
    public func trimmingWhitespace() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
