extension Optional {
    /// Whether there is a value, read from the optional's tag alone. `value != nil` on an
    /// optional of an Equatable type calls that type's `!=`: for the interface's state (the
    /// editor, the search, the comparison) that copied hundreds of bytes and retained what
    /// they held, several times a keystroke.
    @inlinable public var isPresent: Bool {
        if case .some = self { return true }
        return false
    }
}
