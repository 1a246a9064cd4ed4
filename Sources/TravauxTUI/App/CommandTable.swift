/// Each context's commands, worked out once from the bindings: per key, the first layer that
/// binds it, and the first binding there that has it.
///
/// A key is looked up without hashing: contexts by position and printable ASCII characters in
/// an array. After a pause between keys, hashing a `Character` (and a `KeyContext`, which
/// hashes its name) ran through code no longer in the processor's caches, and was a sixth of
/// what a key took to draw.
struct CommandTable: Sendable {
    /// Per context (`KeyContext.allCases` order), a command per ASCII code.
    private var ascii: [[Command?]]
    /// Per context, the other keys.
    private var others: [[KeyEvent: Command]]

    init(_ bindings: [KeyBinding]) {
        ascii = []
        others = []
        for context in KeyContext.allCases {
            var byCode = [Command?](repeating: nil, count: 128)
            var byKey: [KeyEvent: Command] = [:]
            for layer in context.layers {
                for binding in bindings where binding.context == layer {
                    for key in binding.keys {
                        if let code = Self.asciiCode(key) {
                            if byCode[code] == nil { byCode[code] = binding.command }
                        } else if byKey[key] == nil {
                            byKey[key] = binding.command
                        }
                    }
                }
            }
            ascii.append(byCode)
            others.append(byKey)
        }
    }

    func command(for key: KeyEvent, in context: KeyContext) -> Command? {
        let position = context.position
        if let code = Self.asciiCode(key) { return ascii[position][code] }
        return others[position][key]
    }

    /// The code of a one-byte (ASCII) character. Read from its UTF-8, which the compiler inlines:
    /// `asciiValue` also compares the character with "\r\n" and checks its scalars, in calls
    /// into the standard library that a key after a pause found out of the caches.
    private static func asciiCode(_ key: KeyEvent) -> Int? {
        guard case .character(let character) = key else { return nil }
        let utf8 = character.utf8
        guard utf8.count == 1, let byte = utf8.first else { return nil }
        return Int(byte)
    }
}

extension KeyContext {
    /// Where the context is in `allCases`, without hashing its name.
    var position: Int {
        switch self {
        case .global: return 0
        case .list: return 1
        case .reader: return 2
        case .comparison: return 3
        case .notes: return 4
        case .editor: return 5
        }
    }
}
