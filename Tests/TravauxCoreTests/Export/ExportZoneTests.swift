import Testing
@testable import TravauxCore

@Suite("A handout tells days and times where the notes were taken")
struct ExportZoneTests {
    let record: Record

    init() throws { record = try Fixture.record() }

    /// Two notes either side of midnight UTC: at 23:30 on 21 November and at 01:00 on 22 November.
    static let lateAndEarly: [Note] = [
        Note(id: "01M8000000000000000000000A", target: NoteTarget(item: "ppwt"), body: "Late in the evening.", tags: [],
             session: "seminar-1", author: "ana", created: NoteTime(millisecondsSince1970: 1_795_303_800_000)),
        Note(id: "01M8000000000000000000000B", target: NoteTarget(item: "osce-cbms"), body: "After midnight.", tags: [],
             session: "seminar-1", author: "ana", created: NoteTime(millisecondsSince1970: 1_795_309_200_000)),
    ]

    func export(_ notes: [Note], zone: LocalZone, selection: ExportSelection = ExportSelection(),
                order: ExportOrder = .time) throws -> String {
        var options = ExportFixture.options(selection, zone: zone)
        options.order = order
        return try MarkdownExport.render(notes: NoteCollection(notes: notes), record: record, options: options)
    }

    @Test("the minutes put each note under its local day, with its local time and offset")
    func minutes() throws {
        let utc = try export(Self.lateAndEarly, zone: .utc)
        #expect(utc.contains("\n## 2026-11-21\n\n### Note 1 · 23:30 UTC\n"))
        #expect(utc.contains("\n## 2026-11-22\n\n### Note 2 · 01:00 UTC\n"))
        #expect(utc.contains("in the order they were taken (times in UTC)."))

        let geneva = try export(Self.lateAndEarly, zone: LocalZone(offsetSeconds: 3600))
        #expect(!geneva.contains("## 2026-11-21"))
        #expect(geneva.contains("\n## 2026-11-22\n\n### Note 1 · 00:30 UTC+01:00\n"))
        #expect(geneva.contains("\n### Note 2 · 02:00 UTC+01:00\n"))
        #expect(geneva.contains("in the order they were taken (times in UTC+01:00)."))
    }

    @Test("notes either side of the end of summer time name both offsets, each heading its own")
    func acrossSummerTime() throws {
        let zone = try LocalZoneTests.centralEurope()
        var notes = Self.lateAndEarly
        notes[0].created = try #require(NoteTime(iso8601: "2026-10-24T08:00:00.000Z"))
        notes[1].created = try #require(NoteTime(iso8601: "2026-10-26T08:00:00.000Z"))
        let text = try export(notes, zone: zone)
        #expect(text.contains("(times in UTC+02:00 or UTC+01:00)"))
        #expect(text.contains("\n## 2026-10-24\n\n### Note 1 · 10:00 UTC+02:00\n"))
        #expect(text.contains("\n## 2026-10-26\n\n### Note 2 · 09:00 UTC+01:00\n"))
    }

    @Test("--from and --to take the days where the notes were taken, and the count agrees")
    func days() throws {
        let notes = NoteCollection(notes: Self.lateAndEarly)
        let onThe22nd = ExportSelection(from: PartialDate(iso: "2026-11-22"), to: PartialDate(iso: "2026-11-22"))
        let onThe21st = ExportSelection(from: PartialDate(iso: "2026-11-21"), to: PartialDate(iso: "2026-11-21"))
        let newYork = LocalZone(offsetSeconds: -5 * 3600), geneva = LocalZone(offsetSeconds: 3600)
        func ids(_ selection: ExportSelection, _ zone: LocalZone) -> [String] {
            let picked = selection.apply(to: notes, record: record, zone: zone).map { String($0.id.suffix(1)) }
            #expect(selection.count(in: notes, record: record, zone: zone) == picked.count)
            return picked
        }
        #expect(ids(onThe21st, .utc) == ["A"])
        #expect(ids(onThe22nd, .utc) == ["B"])
        #expect(ids(onThe21st, newYork) == ["A", "B"])
        #expect(ids(onThe22nd, newYork) == [])
        #expect(ids(onThe22nd, geneva) == ["A", "B"])
        #expect(ids(ExportSelection(to: PartialDate(iso: "2026-11")), newYork) == ["A", "B"])
    }

    @Test("the day of the export and of each note, in the digest and in BibTeX, are local days")
    func exportDay() throws {
        // The handouts are made at 08:00 UTC on 30 November: still the 29th in Honolulu.
        let honolulu = LocalZone(offsetSeconds: -10 * 3600)
        let text = try export(Self.lateAndEarly, zone: honolulu, order: .item)
        #expect(text.contains("\ndate: 2026-11-29\n"))
        #expect(text.contains("Exported from travaux on 2026-11-29:"))
        #expect(text.contains("#### Note 1 · 2026-11-21"))
        #expect(text.contains("Created 2026-11-21 · id `01M8000000000000000000000A`"))
        #expect(text.contains("Created 2026-11-21 · id `01M8000000000000000000000B`"))
        var edited = Self.lateAndEarly
        edited[0].updated = try #require(NoteTime(iso8601: "2026-11-22T09:00:00.000Z"))
        #expect(try export(edited, zone: honolulu, order: .item).contains("Created 2026-11-21 · updated 2026-11-21 · id") == false)
        #expect(try export(edited, zone: .utc, order: .item).contains("Created 2026-11-21 · updated 2026-11-22 · id"))
        let bibtex = try BibTeXExport.render(notes: NoteCollection(notes: Self.lateAndEarly), record: record,
                                             options: ExportFixture.options(zone: honolulu))
        #expect(bibtex.contains("exported by travaux on 2026-11-29."))
    }
}
