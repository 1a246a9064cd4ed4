import Testing
@testable import TravauxCore

@Suite("Times shown where they were taken")
struct LocalZoneTests {
    static func time(_ text: String) throws -> NoteTime { try #require(NoteTime(iso8601: text)) }

    /// Central European time in 2026: UTC+1, UTC+2 from 29 March 01:00 UTC to 25 October 01:00 UTC.
    static func centralEurope() throws -> LocalZone {
        LocalZone(offsetSeconds: 3600, changes: [(try time("2026-03-29T01:00:00Z"), 7200),
                                                 (try time("2026-10-25T01:00:00Z"), 3600)])
    }

    @Test("a fixed offset moves the day and the time of day, and labels itself; UTC says UTC")
    func fixedOffsets() throws {
        let late = try Self.time("2026-11-24T23:30:00.000Z")
        let newYork = LocalZone(offsetSeconds: -5 * 3600), kolkata = LocalZone(offsetSeconds: 19_800)
        #expect(LocalZone.utc.day(of: late) == "2026-11-24")
        #expect(LocalZone.utc.dayAndTime(of: late) == "2026-11-24 23:30 UTC")
        #expect(newYork.dayAndTime(of: late) == "2026-11-24 18:30 UTC-05:00")
        #expect(kolkata.day(of: late) == "2026-11-25")
        #expect(kolkata.minuteOfDay(of: late) == "05:00")
        #expect(kolkata.label(at: late) == "UTC+05:30")
        #expect(kolkata.dayNumber(of: late) == LocalZone.utc.dayNumber(of: late) + 1)
        // A historical offset of seconds (Amsterdam's until 1937) keeps them.
        #expect(LocalZone(offsetSeconds: 1172).label(at: late) == "UTC+00:19:32")
        // Before 1970 the days still count down the right way.
        let early = try Self.time("1969-12-31T23:30:00.000Z")
        #expect(LocalZone(offsetSeconds: 3600).day(of: early) == "1970-01-01")
        #expect(LocalZone(offsetSeconds: -3600).dayAndTime(of: early) == "1969-12-31 22:30 UTC-01:00")
    }

    @Test("a change to summer time applies from its very moment, and back again")
    func summerTime() throws {
        let zone = try Self.centralEurope()
        #expect(zone.dayAndTime(of: try Self.time("2026-03-29T00:59:59.999Z")) == "2026-03-29 01:59 UTC+01:00")
        #expect(zone.dayAndTime(of: try Self.time("2026-03-29T01:00:00.000Z")) == "2026-03-29 03:00 UTC+02:00")
        #expect(zone.dayAndTime(of: try Self.time("2026-10-25T00:59:00.000Z")) == "2026-10-25 02:59 UTC+02:00")
        #expect(zone.dayAndTime(of: try Self.time("2026-10-25T01:00:00.000Z")) == "2026-10-25 02:00 UTC+01:00")
        #expect(zone.label(at: try Self.time("2027-06-01T12:00:00Z")) == "UTC+01:00")
        // Changes given out of order are put in order.
        let reversed = LocalZone(offsetSeconds: 3600, changes: [(try Self.time("2026-10-25T01:00:00Z"), 3600),
                                                                (try Self.time("2026-03-29T01:00:00Z"), 7200)])
        #expect(reversed == zone)
    }

    @Test("the machine's zone is tabled to the second: each change found where the rule puts it, none invented",
          arguments: [0, 3, 9])
    func tabling(seed: UInt64) throws {
        // A rule with a summer time each year, a standard offset changed for good in 2014 (as
        // Moscow's was), then an offset kept two days and another six: two changes inside one
        // week of the search.
        let summer = (try Self.time("2012-03-25T01:00:00Z").millisecondsSince1970 / 1000,
                      try Self.time("2012-10-28T01:00:00Z").millisecondsSince1970 / 1000)
        let year: Int64 = 365 * 86_400 + 86_400 / 4
        let moved = try Self.time("2014-10-26T00:00:00Z").millisecondsSince1970 / 1000
        let lower = try Self.time("2010-01-01T00:00:00Z").millisecondsSince1970 / 1000
        let upper = try Self.time("2022-01-01T00:00:00Z").millisecondsSince1970 / 1000
        // An hour into a week of the search (in May 2019), so that its first two changes fall in that week.
        let brief = lower + 491 * 7 * 86_400 + 3600
        func rule(_ second: Int64) -> Int32 {
            if second >= brief && second < brief + 2 * 86_400 { return 4 * 3600 }
            if second >= brief + 2 * 86_400 && second < brief + 8 * 86_400 { return 5 * 3600 + 1800 }
            let standard: Int32 = second < moved ? 4 * 3600 : 3 * 3600
            let sinceStart = (second - summer.0) % year, length = summer.1 - summer.0
            let inSummer = second >= summer.0 && sinceStart >= 0 && sinceStart < length
            return standard + (inSummer && second < moved ? 3600 : 0)
        }
        let zone = LocalZone.tabled(from: lower, to: upper, offsetAt: rule)
        var generator = SplitMix(seed: seed)
        for _ in 0..<2_000 {
            let second = Int64.random(in: lower...upper, using: &generator)
            #expect(zone.offsetSeconds(at: NoteTime(millisecondsSince1970: second * 1000)) == Int(rule(second)))
        }
        for change in [summer.0, summer.1, moved, brief, brief + 2 * 86_400, brief + 8 * 86_400] {
            #expect(zone.offsetSeconds(at: NoteTime(millisecondsSince1970: change * 1000)) == Int(rule(change)))
            #expect(zone.offsetSeconds(at: NoteTime(millisecondsSince1970: change * 1000 - 1)) == Int(rule(change - 1)))
        }
        // The starts and ends of the summers of 2012 and 2013, the start of 2014's, the move
        // (which ends that summer), and the three changes of the brief offsets.
        #expect(Self.changes(in: zone, from: lower, to: upper) == 9)
    }

    /// How many times the offset changes between two seconds, counted hour by hour.
    static func changes(in zone: LocalZone, from lower: Int64, to upper: Int64) -> Int {
        var count = 0, second = lower
        var offset = zone.offsetSeconds(at: NoteTime(millisecondsSince1970: lower * 1000))
        while second < upper {
            second += 3600
            let now = zone.offsetSeconds(at: NoteTime(millisecondsSince1970: second * 1000))
            if now != offset { count += 1; offset = now }
        }
        return count
    }

    @Test("the machine's zone agrees with the C library inside its table and outside it")
    func machineZone() throws {
        let now = try Self.time("2026-11-24T12:00:00Z")
        let zone = LocalZone.system(now: now)
        var generator = SplitMix(seed: 4)
        for _ in 0..<500 {
            // From 1900 to 2100: the table's twenty-two years and both sides of it.
            let ms = Int64.random(in: -2_208_988_800_000...4_102_444_800_000, using: &generator)
            let second = ms >= 0 ? ms / 1000 : (ms - 999) / 1000
            #expect(zone.offsetSeconds(at: NoteTime(millisecondsSince1970: ms)) == Int(LocalZone.libraryOffset(atSecond: second)))
        }
    }
}


@Suite("Local days of moments read in order")
struct LocalDaysTests {
    @Test("each moment's day is the zone's, read forwards, backwards or at random, across days and changes of offset",
          arguments: [0, 1, 2])
    func sameDaysAsTheZone(order: Int) throws {
        let zone = try LocalZoneTests.centralEurope()
        let start = try LocalZoneTests.time("2026-03-27T00:00:00Z").millisecondsSince1970
        var moments = (0..<3_000).map { start + Int64($0) * 1_700_000 }   // every 28 minutes, past both changes
        moments += [try LocalZoneTests.time("2026-03-29T01:00:00Z").millisecondsSince1970,
                    try LocalZoneTests.time("2026-10-25T01:00:00Z").millisecondsSince1970 - 1,
                    try LocalZoneTests.time("2026-10-24T22:00:00Z").millisecondsSince1970,
                    try LocalZoneTests.time("2026-10-24T21:59:59.999Z").millisecondsSince1970]
        var generator = SplitMix(seed: UInt64(order))
        switch order {
        case 0: moments.sort()
        case 1: moments.sort(by: >)
        default: moments.shuffle(using: &generator)
        }
        for base in [zone, LocalZone.utc, LocalZone(offsetSeconds: -9 * 3600 - 1800)] {
            var days = LocalDays(zone: base)
            for ms in moments {
                let time = NoteTime(millisecondsSince1970: ms)
                #expect(days.dayNumber(of: time) == base.dayNumber(of: time), "\(time)")
            }
        }
    }
}
