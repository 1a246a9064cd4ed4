import Foundation
import Testing
@testable import TravauxCore
import TravauxTestSupport

/// Notes with fixed ids and times on the fixture record and on the shipped record, so
/// that exports are the same bytes on every run.
enum ExportFixture {
    /// 2026-11-21T00:00:00Z.
    static let firstDay: Int64 = 1_795_219_200_000
    static let hour: Int64 = 3_600_000
    static let day: Int64 = 86_400_000
    /// The handouts say they were exported on 2026-11-30.
    static let exportDate = NoteTime(millisecondsSince1970: firstDay + 9 * day + 8 * hour)

    static func time(day: Int64, hour: Int64) -> NoteTime {
        NoteTime(millisecondsSince1970: firstDay + day * Self.day + hour * Self.hour)
    }

    /// A note whose id sorts by `sequence` and whose time is `day` days after 21 November.
    static func note(_ sequence: Int, _ target: NoteTarget, _ body: String, tags: [String] = [], session: String? = nil,
                     day: Int64 = 0, updatedDay: Int64? = nil, author: String = "ana") -> Note {
        let suffix = String(sequence)
        let id = "01M8000000" + String(repeating: "0", count: 16 - suffix.count) + suffix
        return Note(id: id, target: target, body: body, tags: tags, session: session, author: author,
                    created: time(day: day, hour: Int64(9 + sequence % 8)),
                    updated: updatedDay.map { time(day: $0, hour: 18) })
    }

    /// Ten notes on the fixture record: every kind of target, a hostile body, an item the
    /// record does not hold.
    static let fixtureNotes: [Note] = [
        note(1, NoteTarget(item: "ppwt"), "The **PPWT** bans weapons *in orbit*;\nno verification.", tags: ["verification", "PPWT"], session: "seminar-1"),
        note(2, NoteTarget(item: "ppwt", version: "2008", quote: "q-no-weapons"), "Compare with the 2014 text.", tags: ["verification"], session: "seminar-1"),
        note(3, NoteTarget(item: "ppwt", element: "e1"), "- a list\n- of points\n\n1. and a numbered one", session: "seminar-1"),
        note(4, NoteTarget(item: "osce-initial-cbms"), "# Heading in a note\n\n---\n[^1]: a fake footnote\n<div>raw html</div>\n```\nan unclosed fence",
             tags: ["cbms"], session: "seminar-2", day: 1),
        note(5, NoteTarget(item: "global-cyber-treaty-call"), "Touré's call; see `[^2]` and <https://example.org/a_b>.", tags: ["treaty"], day: 2),
        note(6, NoteTarget(item: "chapter-fn-3"), "Ibid. of what?", day: 2),
        note(7, NoteTarget(item: "russia"), "Sponsor of the PPWT.", day: 2, author: "ben"),
        note(8, NoteTarget(item: "gone-item"), "Orphan: the record lost this item.", day: 3),
        note(9, NoteTarget(item: "cbms-before-treaties"), "Quick wins first.", tags: ["cbms"], day: 3, updatedDay: 4),
        note(10, NoteTarget(item: "osce-cbms", version: "2013"), "Adopted by consensus.", tags: ["cbms", "osce"], session: "seminar-2", day: 1),
    ]

    static var fixtureCollection: NoteCollection { NoteCollection(notes: fixtureNotes) }

    /// A seminar's notes on the shipped record: the sample in docs/export.md.
    static let seminarNotes: [Note] = [
        note(1, NoteTarget(item: "ppwt", version: "2008-draft"),
             "Russia and China table a full draft.\n\nNo **verification** mechanism: the critics' main point.",
             tags: ["verification", "PPWT"], session: "seminar-3", author: "ana"),
        note(2, NoteTarget(item: "eu-space-code", quote: "brics-format"),
             "Why does the BRICS statement insist on *consensus-based* negotiations *within the UN*?",
             tags: ["venue"], session: "seminar-3", author: "ben"),
        note(3, NoteTarget(item: "canada-space-pledges", element: "no-weapons-in-space"),
             "Compare with the PPWT's ban: a pledge, not a treaty.", tags: ["PPWT"], session: "seminar-3", author: "ana"),
        note(4, NoteTarget(item: "osce-cbms-adopted-2013"),
             "First cyber CBMs adopted by a regional body.\n\n- voluntary\n- built on the 2012 mandate",
             tags: ["cbms"], session: "seminar-3", author: "chloé"),
        note(5, NoteTarget(item: "sino-russian-code", version: "2015", quote: "commitment-2015"),
             "What changed from the 2011 commitment? See the `compare` view.", tags: ["cbms", "venue"], session: "seminar-3", author: "ben"),
        note(6, NoteTarget(item: "pmp-provisos", element: "no-first-use"),
             "# A heading typed in a note\n\n[^1]: and a footnote of its own — both stay text.",
             tags: ["norms"], session: "seminar-3", author: "ana"),
    ]

    static var seminarCollection: NoteCollection { NoteCollection(notes: seminarNotes) }

    static func shippedRecord() throws -> Record { try RecordLoader.load(directory: Fixture.shippedRecordDirectory) }

    static func options(_ selection: ExportSelection = ExportSelection(), title: String? = nil, allSources: Bool = false,
                        zone: LocalZone = .utc) -> ExportOptions {
        ExportOptions(selection: selection, title: title, date: exportDate, zone: zone, allSources: allSources)
    }
}

/// Compares an export with a file in Golden/; `UPDATE_GOLDEN=1 swift test` rewrites them.
enum Golden {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Golden")

    static func check(_ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let path = directory.appendingPathComponent(name).path
        let update = ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1"
        if update || !FileManager.default.fileExists(atPath: path) {
            try TestFiles.replace(path, with: actual)
            if !update { Issue.record("recorded a new golden file \(name); review it and run again", sourceLocation: sourceLocation) }
            return
        }
        let expected = try String(contentsOfFile: path, encoding: .utf8)
        #expect(actual == expected, "export differs from Golden/\(name); UPDATE_GOLDEN=1 swift test rewrites it", sourceLocation: sourceLocation)
    }

    static func read(_ name: String) throws -> String {
        try String(contentsOfFile: directory.appendingPathComponent(name).path, encoding: .utf8)
    }
}
