#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The offsets from UTC a place keeps, to show the store's moments as the clock on the wall
/// read them: a note taken at 10:41 in Geneva is listed at 10:41, under that day, as tig,
/// lazygit and Zotero show times. The store keeps UTC, so that notes written in Geneva and
/// New York sort and merge as one store; only what a person reads is local.
///
/// A value: the machine's zone is read once (`system`) into a table of its changes, which
/// the interface then consults for every note it lists without a call into the C library
/// (40 ns to a third of a microsecond each, under a lock: up to 33 ms for 100,000 notes).
public struct LocalZone: Sendable, Hashable {
    /// Seconds east of UTC: `offsets[0]` before `starts[0]`, `offsets[i + 1]` from `starts[i]` (ms).
    private var starts: [Int64]
    private var offsets: [Int32]
    /// For the machine's zone, the moments its table was made for: outside them the C
    /// library is asked, which answers the same for the life of the process.
    private var covered: ClosedRange<Int64>?

    /// A zone that keeps one offset for ever; `utc` shows the store's own times.
    public init(offsetSeconds: Int) {
        starts = []
        offsets = [Int32(clamping: offsetSeconds)]
        covered = nil
    }

    /// A zone whose offset becomes each change's at its moment (in order): a summer time.
    public init(offsetSeconds initial: Int, changes: [(at: NoteTime, offsetSeconds: Int)]) {
        let sorted = changes.sorted { $0.at < $1.at }
        starts = sorted.map(\.at.millisecondsSince1970)
        offsets = [Int32(clamping: initial)] + sorted.map { Int32(clamping: $0.offsetSeconds) }
        covered = nil
    }

    public static let utc = LocalZone(offsetSeconds: 0)

    /// The machine's zone (`TZ`, else `/etc/localtime`, as `date` reads it), tabled from
    /// twenty years before `now` to two years after; outside that span the C library is
    /// asked. Changes are looked for a week at a time, so an offset kept for less than a week
    /// would be missed: in the tz database since 2005 the shortest lasted 20 days (Cairo, 2010).
    public static func system(now: NoteTime) -> LocalZone {
        tzset()
        let nowSeconds = now.millisecondsSince1970 / 1000
        return tabled(from: nowSeconds - 20 * 365 * 86_400, to: nowSeconds + 2 * 365 * 86_400, offsetAt: libraryOffset)
    }

    /// The changes of `offsetAt` (seconds east of UTC at a second since 1970) between two
    /// seconds, each found to the second by halving the week it fell in.
    static func tabled(from lower: Int64, to upper: Int64, offsetAt: (Int64) -> Int32) -> LocalZone {
        let week: Int64 = 7 * 86_400
        var zone = LocalZone(offsetSeconds: Int(offsetAt(lower)))
        zone.covered = lower * 1000...upper * 1000
        var at = lower, offset = zone.offsets[0]
        while at < upper {
            let next = min(at + week, upper)
            let offsetThen = offsetAt(next)
            // Every change between `at` and `next`: the first second that leaves the offset
            // held, then from there on, until the offset is the one `next` has.
            var from = at, fromOffset = offset
            while fromOffset != offsetThen {
                var low = from, high = next
                while high - low > 1 {
                    let middle = low + (high - low) / 2
                    if offsetAt(middle) == fromOffset { low = middle } else { high = middle }
                }
                fromOffset = offsetAt(high)
                zone.starts.append(high * 1000)
                zone.offsets.append(fromOffset)
                from = high
            }
            at = next
            offset = offsetThen
        }
        return zone
    }

    /// The offset the C library gives at a second since 1970, in seconds east of UTC; 0 where
    /// it gives none (a moment outside its calendar).
    static func libraryOffset(atSecond second: Int64) -> Int32 {
        var time = time_t(second)
        var parts = tm()
        guard localtime_r(&time, &parts) != nil else { return 0 }
        return Int32(clamping: parts.tm_gmtoff)
    }

    /// Seconds east of UTC at `time`.
    public func offsetSeconds(at time: NoteTime) -> Int {
        Int(offsetSpan(at: time.millisecondsSince1970).offsetSeconds)
    }

    private static func floorSeconds(_ ms: Int64) -> Int64 { ms >= 0 ? ms / 1000 : (ms - 999) / 1000 }

    /// The offset at `ms` and the moments (ms, UTC) it holds for: between the changes around
    /// it, and within the table for the machine's zone (outside it, that moment alone).
    func offsetSpan(at ms: Int64) -> (offsetSeconds: Int64, holds: Range<Int64>) {
        if let covered, !covered.contains(ms) {
            return (Int64(Self.libraryOffset(atSecond: Self.floorSeconds(ms))), ms..<ms + 1)
        }
        var low = 0, high = starts.count
        while low < high {
            let middle = (low + high) / 2
            if starts[middle] <= ms { low = middle + 1 } else { high = middle }
        }
        var from = low > 0 ? starts[low - 1] : Int64.min, until = low < starts.count ? starts[low] : Int64.max
        if let covered {
            from = max(from, covered.lowerBound)
            until = min(until, covered.upperBound + 1)
        }
        return (Int64(offsets[low]), from..<until)
    }

    /// The moment whose UTC fields read as the local clock did at `time`.
    func wallClock(_ time: NoteTime) -> NoteTime {
        NoteTime(millisecondsSince1970: time.millisecondsSince1970 + Int64(offsetSeconds(at: time)) * 1000)
    }

    /// `YYYY-MM-DD`, the local day of `time`.
    public func day(of time: NoteTime) -> String { wallClock(time).day }

    /// The local day as a number, to compare days without formatting them.
    public func dayNumber(of time: NoteTime) -> Int64 { wallClock(time).daysSince1970 }

    /// `HH:MM`, the local time of day of `time`.
    public func minuteOfDay(of time: NoteTime) -> String { wallClock(time).minuteOfDay }

    /// `2026-11-24 10:41 UTC+01:00`: a moment for a person to read, with its offset, so
    /// that a handout or a note shown to someone elsewhere still says when it was.
    public func dayAndTime(of time: NoteTime) -> String {
        let local = wallClock(time)
        return local.day + " " + local.minuteOfDay + " " + label(at: time)
    }

    /// `UTC` where the offset is none, else `UTC+01:00`, `UTC-05:00` (`UTC+00:34:08` for a
    /// historical offset of seconds).
    public func label(at time: NoteTime) -> String {
        let offset = offsetSeconds(at: time)
        guard offset != 0 else { return "UTC" }
        let magnitude = abs(offset)
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        var text = "UTC" + (offset < 0 ? "-" : "+") + two(magnitude / 3600) + ":" + two(magnitude / 60 % 60)
        if magnitude % 60 != 0 { text += ":" + two(magnitude % 60) }
        return text
    }
}

/// The local days of moments read one after another, as a list sorted by time reads them:
/// while a moment stays within the day and the offset of the one before, its day is that
/// day, found by two comparisons rather than a search of the zone's changes (100,000 notes
/// listed under their days took 5 ms more in a zone with summer time).
public struct LocalDays {
    public let zone: LocalZone
    /// The moments (ms, UTC) that fall on `day` at the offset last found.
    private var holds: Range<Int64> = 0..<0
    private var day: Int64 = 0

    public init(zone: LocalZone) { self.zone = zone }

    /// The local day of `time`, as `LocalZone.dayNumber` gives it.
    public mutating func dayNumber(of time: NoteTime) -> Int64 {
        let ms = time.millisecondsSince1970
        if holds.contains(ms) { return day }
        let (offset, offsetHolds) = zone.offsetSpan(at: ms)
        let local = ms + offset * 1000
        day = local >= 0 ? local / 86_400_000 : (local - 86_399_999) / 86_400_000
        let dayStart = day * 86_400_000 - offset * 1000
        holds = max(dayStart, offsetHolds.lowerBound)..<min(dayStart + 86_400_000, offsetHolds.upperBound)
        return day
    }
}

