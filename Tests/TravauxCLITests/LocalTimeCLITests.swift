import Foundation
import Testing

/// Times and days as the machine's zone (`TZ`) gives them, in every command that shows them
/// to a person; the JSON keeps the store's UTC. The zones are POSIX rules, which the C
/// library reads without the tz database.
@Suite("Days and times in the machine's zone")
struct LocalTimeCLITests {
    static let centralEurope = "CET-1CEST,M3.5.0,M10.5.0/3"
    /// Late on 21 November (UTC): the 22nd in Geneva.
    static let lateID = "01M7ZS065PFCMRST86R6JDCEC0"
    /// Midday on 1 July (UTC): summer time in Geneva.
    static let summerID = "01M3ZS065PFCMRST86R6JDCEC1"

    let store: String

    init() throws {
        store = try StoreProcessTests.temporaryStore()
        try FileManager.default.createDirectory(atPath: store, withIntermediateDirectories: true)
        try "{\n  \"format\": \"travaux notes\",\n  \"schema\": 1\n}\n".write(toFile: store + "/store.json", atomically: false, encoding: .utf8)
        for (id, item, time) in [(Self.lateID, "ppwt", "2026-11-21T23:30:00.000Z"), (Self.summerID, "osce-cbms", "2026-07-01T12:00:00.000Z")] {
            let file = """
                {"author": "ana", "body": "a point on \(item)", "created": "\(time)", "id": "\(id)", "schema": 1,
                 "session": "seminar", "tags": [], "target": {"item": "\(item)"}, "updated": "\(time)"}
                """
            try file.write(toFile: store + "/\(id).json", atomically: false, encoding: .utf8)
        }
    }

    func run(_ arguments: [String], zone: String) throws -> CLIProcess.Result {
        try CLIProcess.run(arguments + ["--record", CLIProcess.fixtureRecord, "--store", store], environment: ["TZ": zone])
    }

    @Test("note show gives the local time with its offset, summer time included; note list and sessions the local days")
    func notesAndSessions() throws {
        let late = try run(["note", "show", Self.lateID], zone: Self.centralEurope)
        #expect(late.stdout.contains("\nCreated: 2026-11-22 00:30 UTC+01:00\n"), "\(late.stdout)\(late.stderr)")
        #expect(try run(["note", "show", Self.summerID], zone: Self.centralEurope).stdout.contains("\nCreated: 2026-07-01 14:00 UTC+02:00\n"))
        #expect(try run(["note", "show", Self.lateID], zone: "EST5").stdout.contains("\nCreated: 2026-11-21 18:30 UTC-05:00\n"))
        #expect(try run(["note", "show", Self.lateID], zone: "UTC").stdout.contains("\nCreated: 2026-11-21 23:30 UTC\n"))

        let listed = try run(["note", "list"], zone: Self.centralEurope).stdout
        #expect(listed.contains("2026-11-22") && !listed.contains("2026-11-21"), "\(listed)")
        let sessions = try run(["sessions"], zone: Self.centralEurope).stdout
        #expect(sessions.contains("2026-07-01") && sessions.contains("2026-11-22"), "\(sessions)")
        // What a program reads stays the store's UTC.
        let json = try #require(try run(["note", "list", "--json"], zone: Self.centralEurope).json() as? [[String: Any]])
        #expect(json.contains { $0["created"] as? String == "2026-11-21T23:30:00.000Z" })
        // The reader's page of the item dates the note by its local day.
        #expect(try run(["show", "ppwt"], zone: Self.centralEurope).stdout.contains("✎ 2026-11-22"))
    }

    @Test("export takes --from and --to as local days and writes the minutes in local time")
    func export() throws {
        let minutes = try run(["export", "--from", "2026-11-22", "--order", "time"], zone: Self.centralEurope)
        #expect(minutes.status == 0, "\(minutes.stderr)")
        #expect(minutes.stdout.contains("\n## 2026-11-22\n\n### Note 1 · 00:30 UTC+01:00\n"), "\(minutes.stdout)")
        #expect(minutes.stdout.contains("in the order they were taken (times in UTC+01:00)"))
        #expect(!minutes.stdout.contains("a point on osce-cbms"))
        // In UTC the same note was taken on the 21st: nothing from the 22nd.
        let utc = try run(["export", "--from", "2026-11-22"], zone: "UTC")
        #expect(utc.status != 0 && utc.stdout.isEmpty, "\(utc.stdout)")
        let both = try run(["export", "--to", "2026-11", "--order", "time"], zone: Self.centralEurope).stdout
        #expect(both.contains("(times in UTC+02:00 or UTC+01:00)"), "\(both)")
    }

    @Test("the interface, started in a zone, lists a note at its local time under its local day",
          .enabled(if: TerminalDriver.isAvailable, "needs tmux"))
    func interface() throws {
        let terminal = try TerminalDriver(command: "TZ=\(TerminalDriver.shellQuoted(Self.centralEurope)) exec \(CLIProcess.binary) "
                                          + "--fresh --record \(CLIProcess.fixtureRecord) --store \(store)")
        try terminal.waitFor(text: "1 Timeline")
        try terminal.send("5")
        let screen = try terminal.waitFor(text: "00:30 PPWT")
        #expect(screen.contains("2026-11-22") && screen.contains("2026-07-01") && screen.contains("14:00"), "\(screen)")
        #expect(!screen.contains("23:30"), "\(screen)")
    }
}
