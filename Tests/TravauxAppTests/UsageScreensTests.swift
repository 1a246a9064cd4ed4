import Foundation
import Testing

/// docs/usage.md shows the interface through its own snapshots; a snapshot updated without
/// the doc would leave the doc showing a screen the program no longer draws.
@Suite("The screens in docs/usage.md")
struct UsageScreensTests {
    static let repository = AppFixture.testsDirectory.deletingLastPathComponent().deletingLastPathComponent()

    /// The fenced blocks of usage.md that show a screen (they start with the tab bar).
    static func screens() throws -> [(line: Int, lines: [String])] {
        let doc = try String(contentsOf: repository.appendingPathComponent("docs/usage.md"), encoding: .utf8)
            .components(separatedBy: "\n")
        var screens: [(Int, [String])] = []
        var index = 0
        while index < doc.count {
            guard doc[index].hasPrefix("```") else { index += 1; continue }
            let start = index + 1
            var end = start
            while end < doc.count, !doc[end].hasPrefix("```") { end += 1 }
            let block = Array(doc[start..<min(end, doc.count)])
            if block.first?.hasPrefix(" 1 Timeline") == true { screens.append((start + 1, block)) }
            index = end + 1
        }
        return screens
    }

    @Test("each screen is a snapshot the tests draw, in order, with elided rows marked …")
    func screensAreSnapshots() throws {
        let screens = try Self.screens()
        #expect(screens.count >= 5)
        let directory = AppFixture.testsDirectory.appendingPathComponent("Snapshots").path
        let snapshots = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".txt") }
            .map { try String(contentsOfFile: directory + "/" + $0, encoding: .utf8).components(separatedBy: "\n") }
        for screen in screens {
            let shown = screen.lines.filter { $0.trimmingCharacters(in: .whitespaces) != "…" }
            let found = snapshots.contains { snapshot in
                // Every shown row appears in the snapshot, each after the one before.
                var position = snapshot.startIndex
                for row in shown {
                    guard let at = snapshot[position...].firstIndex(of: row) else { return false }
                    position = at + 1
                }
                return true
            }
            #expect(found, "the screen at docs/usage.md:\(screen.line) matches no snapshot; copy the rows from Tests/TravauxAppTests/Snapshots")
        }
    }
}
