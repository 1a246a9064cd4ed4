import Testing
import TravauxBench
import TravauxCore
@testable import TravauxTUI

/// The status line's "n/N", counted from headings found once per revision of the rows.
@Suite("The list position kept between frames")
struct ListPositionTests {
    /// The definition: the selected row's place among the rows that are not headings.
    static func counted(_ selected: Int?, _ rows: [PaneRow]) -> (Int?, Int) {
        let items = rows.indices.filter { !rows[$0].isHeading }
        return (selected.flatMap { items.firstIndex(of: $0) }, items.count)
    }

    @Test("every selection of random rows, and rows changed or replaced between frames", arguments: [3, 14, 2015])
    func matchesCounting(seed: UInt64) {
        var generator = SeededGenerator(seed: seed)
        var kept = ListPosition()
        var rows: [PaneRow] = []
        var revision = Revision()
        for round in 0..<60 {
            switch generator.next() % 3 {
            case 0:   // a new array
                rows = (0..<Int(generator.next() % 40)).map { index in
                    generator.next() % 4 == 0 ? .heading("h\(index)") : .item("i\(index)")
                }
                revision = Revision()
            case 1:   // the same array, changed in place
                if !rows.isEmpty { rows[Int(generator.next() % UInt64(rows.count))] = generator.next() % 2 == 0 ? .heading("x") : .item("y") }
                revision = Revision()
            default:  // the very same rows
                break
            }
            for selected in [nil] + Array(-1...rows.count) {
                let (position, count) = kept.position(of: selected, in: rows, revision: revision)
                let (expected, expectedCount) = Self.counted(selected, rows)
                #expect(position == expected && count == expectedCount, "round \(round), row \(String(describing: selected))")
            }
        }
    }
}
