/// The store's one way of writing JSON: keys sorted, two-space indentation, `"key": value`,
/// empty arrays as `[]`, non-ASCII text as UTF-8, and a final newline. The same note always
/// gives the same bytes, so git diffs show only what changed.
enum CanonicalJSON {
    indirect enum Value {
        case string(String)
        case int(Int)
        case array([Value])
        case object([(String, Value)])
        /// JSON text written as it is: a field of a note's file that travaux does not know,
        /// kept as the file had it.
        case raw(String)
    }

    static func encode(_ value: Value) -> String {
        var out = ""
        write(value, indent: 0, into: &out)
        out += "\n"
        return out
    }

    private static func write(_ value: Value, indent: Int, into out: inout String) {
        switch value {
        case .string(let text): JSONString.write(text, into: &out)
        case .int(let number): out += String(number)
        case .raw(let text): out += text
        case .array(let items):
            guard !items.isEmpty else { out += "[]"; return }
            out += "[\n"
            for (i, item) in items.enumerated() {
                out += String(repeating: " ", count: indent + 2)
                write(item, indent: indent + 2, into: &out)
                out += i + 1 < items.count ? ",\n" : "\n"
            }
            out += String(repeating: " ", count: indent) + "]"
        case .object(let members):
            guard !members.isEmpty else { out += "{}"; return }
            out += "{\n"
            let sorted = members.sorted { Array($0.0.utf8).lexicographicallyPrecedes(Array($1.0.utf8)) }
            for (i, (key, item)) in sorted.enumerated() {
                out += String(repeating: " ", count: indent + 2)
                JSONString.write(key, into: &out)
                out += ": "
                write(item, indent: indent + 2, into: &out)
                out += i + 1 < sorted.count ? ",\n" : "\n"
            }
            out += String(repeating: " ", count: indent) + "}"
        }
    }
}
