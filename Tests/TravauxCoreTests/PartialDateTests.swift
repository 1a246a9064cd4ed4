import Foundation
import Testing
@testable import TravauxCore

@Suite("Partial dates")
struct PartialDateTests {
    @Test("a year, a month and a day parse from their ISO forms")
    func parsesThreePrecisions() throws {
        let year = try #require(PartialDate(iso: "2008"))
        let month = try #require(PartialDate(iso: "2008-02"))
        let day = try #require(PartialDate(iso: "2013-12-03"))
        #expect(year.precision == .year && year.month == nil)
        #expect(month.precision == .month && month.month == 2)
        #expect(day.precision == .day && day.day == 3)
    }

    @Test("malformed and impossible dates are rejected", arguments: [
        "", "08", "2008-2", "2008-13", "2008-00", "2013-02-30", "2013-12-3", "2013/12/03", "2013-12-03T00", "abcd", "2014-02-29",
    ])
    func rejectsBadDates(_ text: String) {
        #expect(PartialDate(iso: text) == nil)
    }

    @Test("29 February parses in a leap year")
    func leapDay() throws {
        let day = try #require(PartialDate(iso: "2008-02-29"))
        #expect(day.year == 2008 && day.month == 2 && day.day == 29)
    }

    @Test("a year before 1000 keeps four digits, so that dates compare as text (export's --from and --to)")
    func earlyYears() throws {
        let early = try #require(PartialDate(iso: "0999"))
        #expect(early.year == 999 && early.iso == "0999")
        #expect(try #require(PartialDate(iso: "0999-03")).iso == "0999-03")
        #expect(early.iso < "2008")
    }

    @Test("a year sorts before its months, a month before its days")
    func ordering() throws {
        let dates = try ["2008-02-12", "2009", "2008-02", "2008", "2007-12-31"].map { try #require(PartialDate(iso: $0)) }
        #expect(dates.sorted().map(\.iso) == ["2007-12-31", "2008", "2008-02", "2008-02-12", "2009"])
    }

    @Test("a date is certainly before another only when no day it can mean overlaps the other's")
    func certainlyBefore() throws {
        func date(_ iso: String) throws -> PartialDate { try #require(PartialDate(iso: iso)) }
        #expect(try date("2012-04-26").isCertainlyBefore(date("2012-08")))
        #expect(try date("2011").isCertainlyBefore(date("2012-01-01")))
        #expect(try date("2012-04-26").isCertainlyBefore(date("2012-04-27")))
        #expect(try !date("2012").isCertainlyBefore(date("2012-08")))
        #expect(try !date("2012-08").isCertainlyBefore(date("2012-08-01")))
        #expect(try !date("2012-08").isCertainlyBefore(date("2012")))
        #expect(try !date("2012-08-02").isCertainlyBefore(date("2012-08-01")))
        #expect(try !date("2012-08-01").isCertainlyBefore(date("2012-08-01")))
    }

    @Test("dates print naturally")
    func naturalForm() throws {
        #expect(try #require(PartialDate(iso: "2008")).natural == "2008")
        #expect(try #require(PartialDate(iso: "2008-02")).natural == "Feb 2008")
        #expect(try #require(PartialDate(iso: "2013-12-03")).natural == "3 Dec 2013")
    }

    @Test("the ISO form round-trips through JSON")
    func codable() throws {
        let data = try JSONEncoder().encode(["2013-12", "2013"].compactMap(PartialDate.init(iso:)))
        #expect(String(decoding: data, as: UTF8.self) == #"["2013-12","2013"]"#)
        let decoded = try JSONDecoder().decode([PartialDate].self, from: data)
        #expect(decoded.map(\.iso) == ["2013-12", "2013"])
    }
}

@Suite("Why a date is not one")
struct PartialDateMessageTests {
    @Test("a date written another way gets the ISO date it was likely meant to be; an impossible one says why", arguments: [
        ("2014-13", "'2014-13': there is no month 13; write YYYY, YYYY-MM or YYYY-MM-DD"),
        ("2014-02-30", "'2014-02-30': February 2014 has 28 days; write YYYY, YYYY-MM or YYYY-MM-DD"),
        ("2016-02-30", "'2016-02-30': February 2016 has 29 days; write YYYY, YYYY-MM or YYYY-MM-DD"),
        ("14/03/2014", "'14/03/2014' is not a date; write '2014-03-14'"),
        ("03/14/2014", "'03/14/2014' is not a date; write '2014-03-14'"),
        ("03.04.2014", "'03.04.2014' is not a date; write YYYY-MM-DD ('2014-04-03' or '2014-03-04')"),
        ("2014-2-3", "'2014-2-3' is not a date; write '2014-02-03' (two digits for a month or a day)"),
        ("20140301", "'20140301' is not a date; write '2014-03-01'"),
        ("2014-03-01T10:00:00Z", "'2014-03-01T10:00:00Z' has a time; the record keeps the day: write '2014-03-01'"),
        ("", "is empty; leave the date out for an undated item (its wording can go in dateWording)"),
        (" 2014", "' 2014' has spaces around it; write '2014'"),
        ("spring 2014", "'spring 2014' is not a date; write YYYY, YYYY-MM or YYYY-MM-DD"),
        ("2014-01-00", "'2014-01-00': there is no day 0; write YYYY, YYYY-MM or YYYY-MM-DD"),
        ("2014-02-28 10:00", "'2014-02-28 10:00' has a time; the record keeps the day: write '2014-02-28'"),
        ("2014-02-28 9:30 UTC", "'2014-02-28 9:30 UTC' has a time; the record keeps the day: write '2014-02-28'"),
        ("2014-03-14 to 2014-03-16", "'2014-03-14 to 2014-03-16' says more than a day; write '2014-03-14' here, and the whole wording in dateWording"),
        ("2014-03-14 12:00 to 2014-03-15", "'2014-03-14 12:00 to 2014-03-15' says more than a day; write '2014-03-14' here, and the whole wording in dateWording"),
        ("2014-03-14 4 pm", "'2014-03-14 4 pm' has a time; the record keeps the day: write '2014-03-14'"),
        ("2014-03-14T09:30:15.250+02:00", "'2014-03-14T09:30:15.250+02:00' has a time; the record keeps the day: write '2014-03-14'"),
        ("2014-02-29 10:00", "'2014-02-29 10:00': February 2014 has 28 days; write YYYY, YYYY-MM or YYYY-MM-DD"),
        ("2014-03-14 (approx.)", "'2014-03-14 (approx.)' says more than a day; write '2014-03-14' here, and the whole wording in dateWording"),
        ("14-03-2014", "'14-03-2014' is not a date; write '2014-03-14'"),
        ("2014/03/14", "'2014/03/14' is not a date; write '2014-03-14'"),
        ("2014.3", "'2014.3' is not a date; write '2014-03'"),
        ("March 2014", "'March 2014' is not a date; write '2014-03'"),
        ("14 March 2014", "'14 March 2014' is not a date; write '2014-03-14'"),
        ("Sept. 9, 2014", "'Sept. 9, 2014' is not a date; write '2014-09-09'"),
        ("31 June 2014", "'31 June 2014': June 2014 has 30 days; write YYYY, YYYY-MM or YYYY-MM-DD"),
        ("February 29, 2014", "'February 29, 2014': February 2014 has 28 days; write YYYY, YYYY-MM or YYYY-MM-DD"),
        ("0 May 2014", "'0 May 2014': there is no day 0; write YYYY, YYYY-MM or YYYY-MM-DD"),
        ("2014/02/30", "'2014/02/30': February 2014 has 28 days; write YYYY, YYYY-MM or YYYY-MM-DD"),
        ("2014/13/01", "'2014/13/01': there is no month 13; write YYYY, YYYY-MM or YYYY-MM-DD"),
        ("31/02/2014", "'31/02/2014': February 2014 has 28 days; write YYYY, YYYY-MM or YYYY-MM-DD"),
        ("02/31/2014", "'02/31/2014': February 2014 has 28 days; write YYYY, YYYY-MM or YYYY-MM-DD"),
        ("13-13-2014", "'13-13-2014' is not a date; write YYYY, YYYY-MM or YYYY-MM-DD"),
        // Two digits of a year are not guessed at (1999? 2099?).
        ("01/02/99", "'01/02/99' is not a date; write YYYY, YYYY-MM or YYYY-MM-DD"),
    ])
    func message(text: String, expected: String) {
        #expect(PartialDate(iso: text) == nil)
        #expect(PartialDate.whyNot(text) == expected)
    }
}
