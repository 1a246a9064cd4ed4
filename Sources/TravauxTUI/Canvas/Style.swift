/// How a cell looks: foreground and background colours and text attributes.
///
/// A `nil` colour means "unset": the cell keeps whatever colour is beneath when the
/// style is patched onto it, and shows the terminal default when drawn. `Color.default`
/// by contrast explicitly resets to the terminal default.
public struct Style: Sendable, Hashable {
    /// Text attributes a terminal can combine.
    public struct Attributes: OptionSet, Sendable, Hashable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }

        public static let bold = Attributes(rawValue: 1 << 0)
        public static let dim = Attributes(rawValue: 1 << 1)
        public static let reverse = Attributes(rawValue: 1 << 2)
        public static let underline = Attributes(rawValue: 1 << 3)
        /// Drawn only where the terminal can (`sitm`); elsewhere the text is plain.
        public static let italic = Attributes(rawValue: 1 << 4)
    }

    public var foreground: Color?
    public var background: Color?
    public var attributes: Attributes

    public init(
        foreground: Color? = nil,
        background: Color? = nil,
        bold: Bool = false,
        dim: Bool = false,
        reverse: Bool = false,
        underline: Bool = false,
        italic: Bool = false
    ) {
        self.foreground = foreground
        self.background = background
        var attributes: Attributes = []
        if bold { attributes.insert(.bold) }
        if dim { attributes.insert(.dim) }
        if reverse { attributes.insert(.reverse) }
        if underline { attributes.insert(.underline) }
        if italic { attributes.insert(.italic) }
        self.attributes = attributes
    }

    /// No colour, no attribute.
    public static let plain = Style()

    public var bold: Bool {
        get { attributes.contains(.bold) }
        set { set(.bold, newValue) }
    }
    public var dim: Bool {
        get { attributes.contains(.dim) }
        set { set(.dim, newValue) }
    }
    public var reverse: Bool {
        get { attributes.contains(.reverse) }
        set { set(.reverse, newValue) }
    }
    public var underline: Bool {
        get { attributes.contains(.underline) }
        set { set(.underline, newValue) }
    }
    public var italic: Bool {
        get { attributes.contains(.italic) }
        set { set(.italic, newValue) }
    }

    private mutating func set(_ attribute: Attributes, _ on: Bool) {
        if on { attributes.insert(attribute) } else { attributes.remove(attribute) }
    }

    /// This style with `other` laid over it: the colours `other` sets replace these,
    /// and its attributes are added (a highlight adds `reverse` to bold text).
    public func patched(with other: Style) -> Style {
        var result = self
        if let fg = other.foreground { result.foreground = fg }
        if let bg = other.background { result.background = bg }
        result.attributes.formUnion(other.attributes)
        return result
    }
}
