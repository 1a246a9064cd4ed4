import Testing
import TravauxTUI

@Suite("Rect")
struct RectTests {
    let screenArea = Rect(x: 0, y: 0, width: 80, height: 24)

    @Test("A fixed split gives the first part its size and the rest to the second")
    func fixedSplits() {
        let (body, status) = screenArea.splitVertically(.last(1))
        #expect(body == Rect(x: 0, y: 0, width: 80, height: 23))
        #expect(status == Rect(x: 0, y: 23, width: 80, height: 1))
        let (list, detail) = body.splitHorizontally(.first(30))
        #expect(list == Rect(x: 0, y: 0, width: 30, height: 23))
        #expect(detail == Rect(x: 30, y: 0, width: 50, height: 23))
    }

    @Test("A ratio split rounds the first part down")
    func ratioSplit() {
        let (left, right) = Rect(x: 2, y: 0, width: 9, height: 1).splitHorizontally(.ratio(0.5))
        #expect(left.width == 4)
        #expect(right == Rect(x: 6, y: 0, width: 5, height: 1))
    }

    @Test("Splits larger than the rectangle, or of an empty one, give empty parts")
    func degenerateSplits() {
        let tiny = Rect(x: 0, y: 0, width: 3, height: 0)
        let (a, b) = tiny.splitHorizontally(.first(10))
        #expect(a.width == 3 && b.width == 0)
        let (c, d) = tiny.splitVertically(.ratio(2))
        #expect(c.isEmpty && d.isEmpty)
        #expect(Rect(x: 0, y: 0, width: 4, height: 4).splitVertically(.ratio(.nan)).top.height == 0)
        #expect(Rect(x: 0, y: 0, width: -3, height: 2).width == 0)
    }

    @Test("An inset never goes below empty")
    func inset() {
        #expect(screenArea.inset(by: 1) == Rect(x: 1, y: 1, width: 78, height: 22))
        #expect(Rect(x: 0, y: 0, width: 3, height: 1).inset(by: 2).isEmpty)
        #expect(screenArea.inset(horizontal: 2, vertical: 0) == Rect(x: 2, y: 0, width: 76, height: 24))
    }

    @Test("rows lists one-row rectangles top to bottom")
    func rows() {
        let rows = Rect(x: 1, y: 2, width: 5, height: 3).rows
        #expect(rows.map(\.y) == [2, 3, 4])
        #expect(rows.allSatisfy { $0.height == 1 && $0.width == 5 && $0.x == 1 })
        #expect(Rect.zero.rows.isEmpty)
    }

    @Test("centered and intersection stay inside the rectangle")
    func centeredAndIntersection() {
        #expect(screenArea.centered(width: 40, height: 10) == Rect(x: 20, y: 7, width: 40, height: 10))
        #expect(Rect(x: 0, y: 0, width: 10, height: 4).centered(width: 50, height: 50) == Rect(x: 0, y: 0, width: 10, height: 4))
        #expect(Rect(x: 0, y: 0, width: 5, height: 5).intersection(Rect(x: 3, y: 3, width: 5, height: 5)) == Rect(x: 3, y: 3, width: 2, height: 2))
        #expect(Rect(x: 0, y: 0, width: 2, height: 2).intersection(Rect(x: 5, y: 5, width: 1, height: 1)).isEmpty)
    }
}
