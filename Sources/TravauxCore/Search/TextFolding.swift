/// Folds text for matching: lower case, no diacritics, plain quotes and dashes.
///
/// Written against the standard library alone so that search does not pull ICU
/// (full Foundation) onto the start-up path.
public enum TextFolding {
    /// `"Résumé – Ürümqi"` → `"resume - urumqi"`.
    public static func fold(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            appendFolded(scalar, to: &result)
        }
        return String(result)
    }

    /// Folded words: runs of letters and digits. `"A/RES/69/31"` → `["a", "res", "69", "31"]`.
    public static func words(_ text: String) -> [Substring] {
        fold(text).split { !$0.isLetter && !$0.isNumber }
    }

    private static func appendFolded(_ scalar: Unicode.Scalar, to result: inout String.UnicodeScalarView) {
        let value = scalar.value
        if value < 0x80 {
            result.append(("A"..."Z").contains(scalar) ? Unicode.Scalar(UInt8(value + 32)) : scalar)
            return
        }
        // Combining marks left over from decomposed text carry no letter.
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .spacingMark: return
        default: break
        }
        if let base = latinBase[scalar] {
            result.append(contentsOf: base.unicodeScalars)
            return
        }
        switch value {
        case 0x2018, 0x2019, 0x201A, 0x201B, 0x2032: result.append("'")
        case 0x201C, 0x201D, 0x201E, 0x201F, 0x2033, 0x00AB, 0x00BB: result.append("\"")
        case 0x2010...0x2015, 0x2212: result.append("-")
        case 0x00A0, 0x2000...0x200A, 0x202F: result.append(" ")
        default:
            for lower in scalar.properties.lowercaseMapping.unicodeScalars { result.append(lower) }
        }
    }

    /// Precomposed Latin letters and their base letters (Latin-1 Supplement, Latin Extended-A,
    /// and the Romanian, Vietnamese-free common extras the record can contain).
    private static let latinBase: [Unicode.Scalar: String] = {
        let table: [(String, String)] = [
            ("ÀÁÂÃÄÅàáâãäåĀāĂăĄą", "a"), ("ÇçĆćĈĉĊċČč", "c"), ("ĎďĐđ", "d"),
            ("ÈÉÊËèéêëĒēĔĕĖėĘęĚě", "e"), ("ĜĝĞğĠġĢģ", "g"), ("ĤĥĦħ", "h"),
            ("ÌÍÎÏìíîïĨĩĪīĬĭĮįİı", "i"), ("Ĵĵ", "j"), ("Ķķ", "k"), ("ĹĺĻļĽľĿŀŁł", "l"),
            ("ÑñŃńŅņŇň", "n"), ("ÒÓÔÕÖØòóôõöøŌōŎŏŐő", "o"), ("ŔŕŖŗŘř", "r"),
            ("ŚśŜŝŞşŠšȘș", "s"), ("ŢţŤťŦŧȚț", "t"), ("ÙÚÛÜùúûüŨũŪūŬŭŮůŰűŲų", "u"),
            ("Ŵŵ", "w"), ("ÝýÿŶŷŸ", "y"), ("ŹźŻżŽž", "z"),
            ("Ææ", "ae"), ("Œœ", "oe"), ("ß", "ss"), ("Þþ", "th"), ("Ðð", "d"),
        ]
        var map: [Unicode.Scalar: String] = [:]
        for (letters, base) in table {
            for scalar in letters.unicodeScalars { map[scalar] = base }
        }
        return map
    }()
}
