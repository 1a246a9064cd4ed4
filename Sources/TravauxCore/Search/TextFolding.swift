/// Folds text for matching: lower case, no diacritics, plain quotes and dashes.
///
/// Written against the standard library alone so that search does not pull ICU
/// (full Foundation) onto the start-up path. It works on UTF-8 bytes: the index folds
/// every text of the record, and appending scalar by scalar to a `String` cost most of it.
public enum TextFolding {
    /// `"Résumé – Ürümqi"` → `"resume - urumqi"`.
    public static func fold(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if scalar.value < 0x80 {
                let byte = UInt8(scalar.value)
                bytes.append(lowered(byte))
            } else {
                appendFolded(scalar, to: &bytes)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// An ASCII byte in lower case (`A`–`Z` lowered, every other byte as it is).
    @inlinable @inline(__always)
    public static func lowered(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte + 32 : byte
    }

    /// Folded words: runs of letters and digits, each character of a script written without
    /// spaces (`UnspacedScript`) a word of its own.
    /// `"A/RES/69/31 外空"` → `["a", "res", "69", "31", "外", "空"]`.
    public static func words(_ text: String) -> [Substring] {
        words(folded: fold(text))
    }

    /// The words of text that is already folded.
    public static func words(folded: String) -> [Substring] {
        var words: [Substring] = []
        forEachWord(folded: folded) { words.append($0) }
        return words
    }

    /// Calls `body` with each word of text that is already folded, in order.
    ///
    /// Scalar by scalar, unless the text holds a scalar that could join its neighbours in one
    /// grapheme cluster (a joiner, an extending mark, a prepended sign): only then can words
    /// split by `Character` differ, and the text is split by `Character` instead.
    public static func forEachWord(folded text: String, _ body: (Substring) -> Void) {
        let scalars = text.unicodeScalars
        guard splitsByScalar(text) else {
            for word in text.split(whereSeparator: { !$0.isLetter && !$0.isNumber }) {
                forEachPiece(of: word, body)
            }
            return
        }
        var start: String.Index?
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index]
            let next = scalars.index(after: index)
            let isWordScalar: Bool
            if scalar.value < 0x80 {
                let v = scalar.value
                isWordScalar = (v >= 0x61 && v <= 0x7A) || (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A)
            } else if foldsToItself(scalar) {
                isWordScalar = true
            } else {
                let character = Character(scalar)
                isWordScalar = character.isLetter || character.isNumber
            }
            if isWordScalar, scalar.value >= 0x0E00, UnspacedScript.contains(scalar) {
                if let first = start { body(text[first..<index]) }
                body(text[index..<next])
                start = nil
            } else if isWordScalar {
                if start == nil { start = index }
            } else if let first = start {
                body(text[first..<index])
                start = nil
            }
            index = next
        }
        if let first = start { body(text[first..<scalars.endIndex]) }
    }

    /// A word split by `Character`, with each character of an unspaced script apart.
    private static func forEachPiece(of word: Substring, _ body: (Substring) -> Void) {
        var start = word.startIndex
        var index = word.startIndex
        while index < word.endIndex {
            let next = word.index(after: index)
            if UnspacedScript.contains(word[index]) {
                if start < index { body(word[start..<index]) }
                body(word[index..<next])
                start = next
            }
            index = next
        }
        if start < word.endIndex { body(word[start..<word.endIndex]) }
    }

    /// Runs of two or more characters of an unspaced script in folded text, as written: what
    /// a query's words `外`, `层` must also be found as, `外层`.
    public static func unspacedRuns(folded text: String) -> [String] {
        var runs: [String] = []
        var current = ""
        var count = 0
        for character in text {
            if UnspacedScript.contains(character), character.isLetter || character.isNumber {
                current.append(character)
                count += 1
            } else {
                if count >= 2 { runs.append(current) }
                current = ""
                count = 0
            }
        }
        if count >= 2 { runs.append(current) }
        return runs
    }

    /// Whether every scalar of the text is its own grapheme cluster, whatever its neighbours,
    /// but for CR LF, one cluster of two ASCII scalars (neither is a letter, so splitting
    /// words does not mind; a caller that counts characters must).
    static func splitsByScalar(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { $0.value < 0x80 || standsAlone($0) }
    }

    /// Blocks whose scalars are always a grapheme cluster of their own once marks are
    /// folded away: Latin, Greek, Cyrillic, punctuation, symbols, kana, CJK, Hangul syllables.
    private static func standsAlone(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00A0...0x02FF, 0x0370...0x0482, 0x048A...0x052F, 0x1E00...0x1FFF,
             0x2010...0x2027, 0x2030...0x205E, 0x20A0...0x20C0, 0x2100...0x2BFF,
             0x3000...0x3029, 0x3030...0x3098, 0x309B...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFF01...0xFF9D, 0xFFA0...0xFFEF:
            return true
        default:
            return false
        }
    }

    private static func appendFolded(_ scalar: Unicode.Scalar, to result: inout [UInt8]) {
        if foldsToItself(scalar) {
            result.append(contentsOf: UTF8.encode(scalar).map(Array.init) ?? [])
            return
        }
        // Combining marks left over from decomposed text carry no letter.
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .spacingMark: return
        default: break
        }
        if let base = latinBase[scalar] {
            result.append(contentsOf: base.utf8)
            return
        }
        switch scalar.value {
        case 0x2018, 0x2019, 0x201A, 0x201B, 0x2032: result.append(UInt8(ascii: "'"))
        case 0x201C, 0x201D, 0x201E, 0x201F, 0x2033, 0x00AB, 0x00BB: result.append(UInt8(ascii: "\""))
        case 0x2010...0x2015, 0x2212: result.append(UInt8(ascii: "-"))
        case 0x00A0, 0x2000...0x200A, 0x202F: result.append(UInt8(ascii: " "))
        default:
            for lower in scalar.properties.lowercaseMapping.unicodeScalars {
                result.append(contentsOf: UTF8.encode(lower).map(Array.init) ?? [])
            }
        }
    }

    /// CJK ideographs, Hangul syllables and kana: letters with no case and no mark, nothing
    /// to fold, so the Unicode tables (most of the cost of such text) are not asked (tested).
    static func foldsToItself(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3041...0x3096, 0x30A1...0x30FA, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7A3,
             0xF900...0xFA6D, 0xFA70...0xFAD9:
            return true
        default:
            return false
        }
    }

    /// Precomposed letters and their base letters: Latin-1 Supplement, Latin Extended-A and
    /// Additional (Vietnamese), Romanian's comma letters, and Greek's accented vowels.
    private static let latinBase: [Unicode.Scalar: String] = {
        let table: [(String, String)] = [
            ("ÀÁÂÃÄÅàáâãäåĀāĂăĄą", "a"), ("ÇçĆćĈĉĊċČč", "c"), ("ĎďĐđ", "d"),
            ("ÈÉÊËèéêëĒēĔĕĖėĘęĚě", "e"), ("ĜĝĞğĠġĢģ", "g"), ("ĤĥĦħ", "h"),
            ("ÌÍÎÏìíîïĨĩĪīĬĭĮįİı", "i"), ("Ĵĵ", "j"), ("Ķķ", "k"), ("ĹĺĻļĽľĿŀŁł", "l"),
            ("ÑñŃńŅņŇň", "n"), ("ÒÓÔÕÖØòóôõöøŌōŎŏŐő", "o"), ("ŔŕŖŗŘř", "r"),
            ("ŚśŜŝŞşŠšȘș", "s"), ("ŢţŤťŦŧȚț", "t"), ("ÙÚÛÜùúûüŨũŪūŬŭŮůŰűŲų", "u"),
            ("Ŵŵ", "w"), ("ÝýÿŶŷŸ", "y"), ("ŹźŻżŽž", "z"),
            ("Ææ", "ae"), ("Œœ", "oe"), ("ß", "ss"), ("Þþ", "th"), ("Ðð", "d"),
            // Latin Extended Additional and Vietnamese's horned letters; Greek with tonos,
            // dialytika and the polytonic marks (generated from Unicode's decompositions).
            ("ḀḁẠạẢảẤấẦầẨẩẪẫẬậẮắẰằẲẳẴẵẶặ", "a"), ("ḂḃḄḅḆḇ", "b"), ("Ḉḉ", "c"), ("ḊḋḌḍḎḏḐḑḒḓ", "d"),
            ("ḔḕḖḗḘḙḚḛḜḝẸẹẺẻẼẽẾếỀềỂểỄễỆệ", "e"), ("Ḟḟ", "f"), ("Ḡḡ", "g"), ("ḢḣḤḥḦḧḨḩḪḫẖ", "h"), ("ḬḭḮḯỈỉỊị", "i"),
            ("ḰḱḲḳḴḵ", "k"), ("ḶḷḸḹḺḻḼḽ", "l"), ("ḾḿṀṁṂṃ", "m"), ("ṄṅṆṇṈṉṊṋ", "n"),
            ("ƠơṌṍṎṏṐṑṒṓỌọỎỏỐốỒồỔổỖỗỘộỚớỜờỞởỠỡỢợ", "o"), ("ṔṕṖṗ", "p"), ("ṘṙṚṛṜṝṞṟ", "r"), ("ṠṡṢṣṤṥṦṧṨṩ", "s"),
            ("ṪṫṬṭṮṯṰṱẗ", "t"), ("ƯưṲṳṴṵṶṷṸṹṺṻỤụỦủỨứỪừỬửỮữỰự", "u"), ("ṼṽṾṿ", "v"), ("ẀẁẂẃẄẅẆẇẈẉẘ", "w"),
            ("ẊẋẌẍ", "x"), ("ẎẏẙỲỳỴỵỶỷỸỹ", "y"), ("ẐẑẒẓẔẕ", "z"),
            ("ΆάἀἁἂἃἄἅἆἇἈἉἊἋἌἍἎἏὰάᾀᾁᾂᾃᾄᾅᾆᾇᾈᾉᾊᾋᾌᾍᾎᾏᾰᾱᾲᾳᾴᾶᾷᾸᾹᾺΆᾼ", "α"), ("ΈέἐἑἒἓἔἕἘἙἚἛἜἝὲέῈΈ", "ε"),
            ("ΉήἠἡἢἣἤἥἦἧἨἩἪἫἬἭἮἯὴήᾐᾑᾒᾓᾔᾕᾖᾗᾘᾙᾚᾛᾜᾝᾞᾟῂῃῄῆῇῊΉῌ", "η"), ("ΊΐΪίϊἰἱἲἳἴἵἶἷἸἹἺἻἼἽἾἿὶίιῐῑῒΐῖῗῘῙῚΊ", "ι"),
            ("ΌόὀὁὂὃὄὅὈὉὊὋὌὍὸόῸΌ", "ο"), ("ῤῥῬ", "ρ"), ("ΎΫΰϋύὐὑὒὓὔὕὖὗὙὛὝὟὺύῠῡῢΰῦῧῨῩῪΎ", "υ"),
            ("ΏώὠὡὢὣὤὥὦὧὨὩὪὫὬὭὮὯὼώᾠᾡᾢᾣᾤᾥᾦᾧᾨᾩᾪᾫᾬᾭᾮᾯῲῳῴῶῷῺΏῼ", "ω"),
        ]
        var map: [Unicode.Scalar: String] = [:]
        for (letters, base) in table {
            for scalar in letters.unicodeScalars { map[scalar] = base }
        }
        return map
    }()
}
