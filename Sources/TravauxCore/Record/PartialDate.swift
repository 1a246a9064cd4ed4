/// A date as precise as the texts allow: a year, a month of a year, or a day.
///
/// A year sorts before its months and a month before its days, so "2008" comes
/// before "2008-02", which comes before "2008-02-12".
public struct PartialDate: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int?
    public let day: Int?

    public init?(year: Int, month: Int? = nil, day: Int? = nil) {
        guard (1...9999).contains(year) else { return nil }
        if let month, !(1...12).contains(month) { return nil }
        if day != nil && month == nil { return nil }
        if let day, let month, !(1...PartialDate.daysIn(month: month, year: year)).contains(day) { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; anything else is nil.
    public init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count) else { return nil }
        let widths = [4, 2, 2]
        var numbers: [Int] = []
        for (index, part) in parts.enumerated() {
            guard part.count == widths[index], part.allSatisfy({ $0.isASCII && $0.isNumber }),
                  let number = Int(part) else { return nil }
            numbers.append(number)
        }
        self.init(year: numbers[0], month: numbers.count > 1 ? numbers[1] : nil, day: numbers.count > 2 ? numbers[2] : nil)
    }

    /// Why `text` is not a date, with the date it was likely meant to be where one can tell
    /// (`14/03/2014`: `2014-03-14`; `2014-02-30`: February has 28 days that year).
    /// `forOption`: the text was given to an option (`export --from`), where the advice
    /// about the record's `dateWording` does not apply.
    public static func whyNot(_ text: String, forOption: Bool = false) -> String {
        let forms = "write YYYY, YYYY-MM or YYYY-MM-DD"
        let trimmed = text.trimmingWhitespace()
        if trimmed.isEmpty { return "is empty; leave the date out for an undated item (its wording can go in dateWording)" }
        if trimmed != text, PartialDate(iso: trimmed) != nil { return "'\(text)' has spaces around it; write '\(trimmed)'" }
        func numbers(_ separator: Character) -> [Int]? {
            let parts = trimmed.split(separator: separator, omittingEmptySubsequences: false)
            guard parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }) else { return nil }
            return parts.compactMap { Int($0) }
        }
        // A time after the day (`2014-03-01T10:00Z`, `2014-03-01 10:00`): the day alone. Other
        // words after it (`to 2014-03-16`, `(approx.)`) say more than a day, and belong in
        // the wording, not dropped.
        if let t = trimmed.firstIndex(where: { $0 == "T" || $0 == " " }) {
            let head = trimmed[..<t].split(separator: "-", omittingEmptySubsequences: false)
            if head.count == 3, head[0].count == 4, let year = Int(head[0]), let month = Int(head[1]), let day = Int(head[2]),
               let why = impossibility(year: year, month: month, day: day) {
                return "'\(text)': \(why); \(forms)"
            }
            if let day = PartialDate(iso: String(trimmed[..<t])), day.day != nil {
                let rest = trimmed[trimmed.index(after: t)...].drop { $0 == " " }
                if (trimmed[t] == "T" && rest.isEmpty) || isTimeOfDay(rest) {
                    return "'\(text)' has a time; " + (forOption ? "give the day: '\(day.iso)'" : "the record keeps the day: write '\(day.iso)'")
                }
                return "'\(text)' says more than a day; " + (forOption ? "give one day (for a span, --from its first and --to its last)"
                                                                        : "write '\(day.iso)' here, and the whole wording in dateWording")
            }
        }
        if let (year, month, day) = withMonthName(trimmed) {
            if let why = impossibility(year: year, month: month, day: day) { return "'\(text)': \(why); \(forms)" }
            if let named = PartialDate(year: year, month: month, day: day) { return "'\(text)' is not a date; write '\(named.iso)'" }
        }
        if trimmed.count == 8, let whole = numbers("-"), whole.count == 1,
           let date = PartialDate(iso: "\(trimmed.prefix(4))-\(trimmed.dropFirst(4).prefix(2))-\(trimmed.suffix(2))") {
            return "'\(text)' is not a date; write '\(date.iso)'"
        }
        for separator: Character in ["/", "."] {
            // The year first, with another separator (`2014/03/14`).
            if let parts = numbers(separator), (2...3).contains(parts.count), (1000...9999).contains(parts[0]) {
                let (year, month, day) = (parts[0], parts[1], parts.count > 2 ? parts[2] : nil)
                if let why = impossibility(year: year, month: month, day: day) { return "'\(text)': \(why); \(forms)" }
                if let date = PartialDate(year: year, month: month, day: day) { return "'\(text)' is not a date; write '\(date.iso)'" }
            }
        }
        for separator: Character in ["/", ".", "-"] {
            if let parts = numbers(separator), parts.count == 3, (1000...9999).contains(parts[2]) {
                let (first, second, year) = (parts[0], parts[1], parts[2])
                let dayFirst = PartialDate(year: year, month: second, day: first)
                let monthFirst = PartialDate(year: year, month: first, day: second)
                switch (dayFirst, monthFirst) {
                case (let date?, nil), (nil, let date?): return "'\(text)' is not a date; write '\(date.iso)'"
                case (let one?, let other?) where one != other: return "'\(text)' is not a date; write YYYY-MM-DD ('\(one.iso)' or '\(other.iso)')"
                case (let one?, _): return "'\(text)' is not a date; write '\(one.iso)'"
                default:
                    // Neither reading is a day: said of the one whose month there is (`31/02/2014`).
                    let (month, day) = (1...12).contains(second) ? (second, first) : (first, second)
                    if (1...12).contains(month), let why = impossibility(year: year, month: month, day: day) {
                        return "'\(text)': \(why); \(forms)"
                    }
                }
            }
        }
        if let parts = numbers("-"), (1...3).contains(parts.count), parts[0] >= 1000, parts[0] <= 9999 {
            let year = parts[0]
            if let why = impossibility(year: year, month: parts.count > 1 ? parts[1] : nil, day: parts.count > 2 ? parts[2] : nil) {
                return "'\(text)': \(why); \(forms)"
            }
            if let date = PartialDate(year: year, month: parts.count > 1 ? parts[1] : nil, day: parts.count > 2 ? parts[2] : nil) {
                return "'\(text)' is not a date; write '\(date.iso)' (two digits for a month or a day)"
            }
        }
        return "'\(text)' is not a date; \(forms)"
    }

    /// A time of day as written after a date: `10:00`, `09:30:15.250Z`, `10:00+02:00`,
    /// `9:30 UTC`, `4 pm`.
    static func isTimeOfDay(_ text: Substring) -> Bool {
        text.wholeMatch(of: /(?i)([0-9]{1,2}:[0-9]{2}(:[0-9]{2}(\.[0-9]+)?)? *(z|[+-][0-9]{2}:?[0-9]{2}|utc|gmt|[ap]\.?m\.?)?|[0-9]{1,2} *[ap]\.?m\.?)/) != nil
    }

    /// Why a year, month and day are no date (`there is no month 13`, `February 2014 has 28
    /// days`); nil when they are one.
    static func impossibility(year: Int, month: Int?, day: Int?) -> String? {
        if let month, !(1...12).contains(month) { return "there is no month \(month)" }
        if day == 0 { return "there is no day 0" }
        if let month, let day, !(1...daysIn(month: month, year: year)).contains(day) {
            return "\(monthNames[month - 1]) \(year) has \(daysIn(month: month, year: year)) days"
        }
        return nil
    }

    /// A date written with its month's name in English (`March 2014`, `14 March 2014`,
    /// `Mar. 14, 2014`), as the texts print them: its year, month and day, which may be
    /// no date (`June 31, 2014`).
    static func withMonthName(_ text: String) -> (year: Int, month: Int, day: Int?)? {
        let words = text.split { $0 == " " || $0 == "," || $0 == "." }.map(String.init)
        guard (2...3).contains(words.count) else { return nil }
        var month: Int?, year: Int?, day: Int?
        for word in words {
            let lower = word.lowercased()
            if let index = monthNames.firstIndex(where: { $0.lowercased() == lower || $0.lowercased().prefix(3) == lower || (lower == "sept" && $0 == "September") }) {
                guard month == nil else { return nil }
                month = index + 1
            } else if word.count == 4, word.allSatisfy({ $0.isASCII && $0.isNumber }), let number = Int(word) {
                guard year == nil else { return nil }
                year = number
            } else if (1...2).contains(word.count), word.allSatisfy({ $0.isASCII && $0.isNumber }), let number = Int(word) {
                guard day == nil else { return nil }
                day = number
            } else {
                return nil
            }
        }
        guard let month, let year, words.count == (day == nil ? 2 : 3) else { return nil }
        return (year, month, day)
    }

    static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]

    public enum Precision: Int, Sendable { case year, month, day }

    public var precision: Precision {
        day != nil ? .day : (month != nil ? .month : .year)
    }

    /// The ISO form the record stores: `2008`, `2008-02`, `2013-12-03`.
    public var iso: String {
        // Four digits at least, so that ISO dates compare as text (`0999` before `2008`).
        let digits = String(year)
        var text = year >= 0 && digits.count < 4 ? String(repeating: "0", count: 4 - digits.count) + digits : digits
        if let month { text += "-" + PartialDate.twoDigits(month) }
        if let day { text += "-" + PartialDate.twoDigits(day) }
        return text
    }

    /// The form a reader expects: `2008`, `Feb 2008`, `3 Dec 2013`.
    public var natural: String {
        guard let month else { return String(year) }
        let name = PartialDate.monthAbbreviations[month - 1]
        guard let day else { return "\(name) \(year)" }
        return "\(day) \(name) \(year)"
    }

    public var description: String { natural }

    /// A date as lists show it: natural, with `~` after one inferred rather than stated
    /// (`2001~`), and `undated` for none, so that every list marks an inference alike.
    public static func listed(_ date: PartialDate?, inferred: Bool) -> String {
        guard let date else { return "undated" }
        return date.natural + (inferred ? "~" : "")
    }

    public static func < (lhs: PartialDate, rhs: PartialDate) -> Bool {
        if lhs.year != rhs.year { return lhs.year < rhs.year }
        if lhs.month != rhs.month { return (lhs.month ?? 0) < (rhs.month ?? 0) }
        return (lhs.day ?? 0) < (rhs.day ?? 0)
    }

    /// Whether every day this date can mean comes before every day `other` can: "2012-04-26"
    /// is certainly before "2012-08", while "2012" and "2012-04" overlap.
    func isCertainlyBefore(_ other: PartialDate) -> Bool {
        if year != other.year { return year < other.year }
        guard let month, let otherMonth = other.month else { return false }
        if month != otherMonth { return month < otherMonth }
        guard let day, let otherDay = other.day else { return false }
        return day < otherDay
    }

    static let monthAbbreviations = ["Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                     "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    private static func twoDigits(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

extension PartialDate: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let date = PartialDate(iso: text) else {
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription: PartialDate.whyNot(text))
        }
        self = date
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }
}

extension PartialDate {
    /// Sorts after every real date.
    static let distant = PartialDate(year: 9999)!
}
