/// A mouse action at a cell of the screen: a click selects a row or a tab, the wheel
/// scrolls.
public struct MouseEvent: Sendable, Hashable {
    public enum Button: Sendable, Hashable {
        case left, middle, right
    }

    public enum Kind: Sendable, Hashable {
        case press(Button)
        case release
        case wheelUp
        case wheelDown
    }

    /// Column, from 0 at the left.
    public var x: Int
    /// Row, from 0 at the top.
    public var y: Int
    public var kind: Kind

    public init(x: Int, y: Int, kind: Kind) {
        self.x = x
        self.y = y
        self.kind = kind
    }
}
