/// A moment to the millisecond, in UTC, written as ISO 8601 (`2026-11-21T19:11:56.654Z`).
///
/// Whole milliseconds so that a time read back from a file is exactly the one written:
/// conflict detection compares them.
public struct NoteTime: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var millisecondsSince1970: Int64

    public init(millisecondsSince1970: Int64) { self.millisecondsSince1970 = millisecondsSince1970 }

    /// The milliseconds a note file can hold: its times have four-digit years. The cache is
    /// checked against it, since the calendar arithmetic would overflow far outside it.
    static let written: ClosedRange<Int64> =
        days(fromCivil: 0, 1, 1) * 86_400_000...(days(fromCivil: 9999, 12, 31) + 1) * 86_400_000 - 1

    public static func < (a: NoteTime, b: NoteTime) -> Bool { a.millisecondsSince1970 < b.millisecondsSince1970 }

    public var description: String { iso8601 }

    /// Whole days since 1970-01-01 (UTC): the same number for the same `day`, without formatting.
    public var daysSince1970: Int64 {
        let ms = millisecondsSince1970
        return ms >= 0 ? ms / 86_400_000 : (ms - 86_399_999) / 86_400_000
    }

    public var iso8601: String {
        let ms = millisecondsSince1970
        let days = daysSince1970
        let msOfDay = ms - days * 86_400_000
        let (year, month, day) = Self.civil(fromDays: days)
        let hour = msOfDay / 3_600_000, minute = msOfDay / 60_000 % 60, second = msOfDay / 1000 % 60, milli = msOfDay % 1000
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T\(pad(hour, 2)):\(pad(minute, 2)):\(pad(second, 2)).\(pad(milli, 3))Z"
    }

    /// `YYYY-MM-DD`, the UTC day: what a person reads goes through `LocalZone.day(of:)`.
    public var day: String { String(iso8601.prefix(10)) }

    /// `HH:MM` in UTC; what a person reads goes through `LocalZone.minuteOfDay(of:)`.
    public var minuteOfDay: String { String(iso8601.dropFirst(11).prefix(5)) }

    /// Reads `YYYY-MM-DDTHH:MM:SS[.fff]` then `Z` or an offset (`+01:00`); nil for anything else.
    public init?(iso8601 text: String) {
        let bytes = Array(text.utf8)
        func number(_ range: Range<Int>) -> Int64? {
            guard range.upperBound <= bytes.count else { return nil }
            var value: Int64 = 0
            for i in range {
                let b = bytes[i]
                guard b >= 48, b <= 57 else { return nil }
                value = value * 10 + Int64(b - 48)
            }
            return value
        }
        func byte(_ i: Int, is c: UInt8) -> Bool { i < bytes.count && bytes[i] == c }
        guard bytes.count >= 20, let year = number(0..<4), byte(4, is: 45), let month = number(5..<7), byte(7, is: 45),
              let day = number(8..<10), byte(10, is: 84), let hour = number(11..<13), byte(13, is: 58),
              let minute = number(14..<16), byte(16, is: 58), let second = number(17..<19),
              (1...12).contains(month), (1...Int64(PartialDate.daysIn(month: Int(month), year: Int(year)))).contains(day),
              hour < 24, minute < 60, second < 60 else { return nil }
        var milli: Int64 = 0
        var index = 19
        if byte(index, is: 46) {
            index += 1
            var digits = 0
            while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 {
                if digits < 3 { milli = milli * 10 + Int64(bytes[index] - 48) }
                digits += 1
                index += 1
            }
            guard digits > 0 else { return nil }
            // Past milliseconds (Python's isoformat writes microseconds) the digits are dropped;
            // a range `digits..<3` would not even be made when there are more than three.
            if digits < 3 { for _ in digits..<3 { milli *= 10 } }
        }
        // `Z` (or `z`), or an offset as Python's `isoformat` writes one (`+00:00`, `-05:00`;
        // `+0100` and `+01` as other tools do): the moment is kept, in UTC.
        var offsetMinutes: Int64 = 0
        if index == bytes.count - 1, bytes[index] == 90 || bytes[index] == 122 {
            // UTC
        } else if index < bytes.count, bytes[index] == 43 || bytes[index] == 45 {
            let sign: Int64 = bytes[index] == 45 ? -1 : 1
            let rest = bytes.count - index - 1
            guard let hours = number((index + 1)..<(index + 3)), hours < 24 else { return nil }
            var minutes: Int64 = 0
            switch rest {
            case 2: break
            case 4: guard let value = number((index + 3)..<(index + 5)) else { return nil }; minutes = value
            case 5: guard byte(index + 3, is: 58), let value = number((index + 4)..<(index + 6)) else { return nil }; minutes = value
            default: return nil
            }
            guard minutes < 60 else { return nil }
            offsetMinutes = sign * (hours * 60 + minutes)
        } else {
            return nil
        }
        let days = Self.days(fromCivil: year, month, day)
        let local = ((days * 24 + hour) * 60 + minute) * 60_000 + second * 1000 + milli
        let moment = local - offsetMinutes * 60_000
        // A year-0000 morning east of Greenwich, or a year-9999 evening west, leaves what a
        // note file can hold.
        guard Self.written.contains(moment) else { return nil }
        millisecondsSince1970 = moment
    }

    /// Why `text` is not a time `init?(iso8601:)` reads, in words a person editing the file
    /// can act on.
    public static func problem(with text: String) -> String {
        let hasZone = text.hasSuffix("Z") || text.hasSuffix("z") || text.dropFirst(19).contains { $0 == "+" || $0 == "-" }
        if text.count >= 19, !hasZone {
            return "has no time zone; end it with Z for UTC (2026-11-21T19:11:56.654Z) or with its offset (+01:00)"
        }
        return "is not an ISO 8601 time such as 2026-11-21T19:11:56.654Z or 2026-11-21T20:11:56.654+01:00"
    }

    // Howard Hinnant's civil-calendar algorithms: exact for the proleptic Gregorian calendar.
    static func days(fromCivil year: Int64, _ month: Int64, _ day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civil(fromDays days: Int64) -> (Int64, Int64, Int64) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (month <= 2 ? yoe + era * 400 + 1 : yoe + era * 400, month, day)
    }

    private func pad(_ value: Int64, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}
