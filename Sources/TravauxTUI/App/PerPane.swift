/// A value, or none, for each pane: what a dictionary keyed by pane would hold, found by the
/// pane's number. The state reads the shown pane's rows and cursor several times a key, and
/// hashing the pane each time brought the hasher's code into every key.
public struct PerPane<Value: Sendable>: Sendable {
    private var values = [Value?](repeating: nil, count: Pane.allCases.count)

    public init() {}

    public subscript(pane: Pane) -> Value? {
        get { values[pane.rawValue] }
        set { values[pane.rawValue] = newValue }
    }
}
