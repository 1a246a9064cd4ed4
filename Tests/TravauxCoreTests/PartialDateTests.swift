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
