import Testing
import TravauxTUI

@Suite("List state")
struct ListStateTests {
    @Test("A new state selects the first item, or nothing when empty")
    func initial() {
        #expect(ListState(itemCount: 3).selected == 0)
        #expect(ListState(itemCount: 0).selected == nil)
    }

    @Test("Moving down past the view scrolls just enough to keep the selection visible")
    func scrollsDown() {
        var state = ListState(itemCount: 10, viewportHeight: 3)
        for _ in 0..<4 { state.select(.next) }
        #expect(state.selected == 4)
        #expect(state.offset == 2)
        state.select(.previous)
        state.select(.previous)
        #expect(state.selected == 2 && state.offset == 2)
        state.select(.previous)
        #expect(state.selected == 1 && state.offset == 1)
    }

    @Test("next and previous stop at the ends")
    func ends() {
        var state = ListState(itemCount: 2, viewportHeight: 5)
        state.select(.previous)
        #expect(state.selected == 0)
        state.select(.next)
        state.select(.next)
        #expect(state.selected == 1)
    }

    @Test("Page down and up move the selection and the view by a page")
    func pages() {
        var state = ListState(itemCount: 20, viewportHeight: 5)
        state.select(.next)
        state.select(.pageDown)
        #expect(state.selected == 6 && state.offset == 5)
        state.select(.pageDown)
        state.select(.pageDown)
        state.select(.pageDown)
        #expect(state.selected == 19 && state.offset == 15)
        state.select(.pageUp)
        #expect(state.selected == 14 && state.offset == 10)
        state.select(.first)
        #expect(state.selected == 0 && state.offset == 0)
        state.select(.last)
        #expect(state.selected == 19 && state.offset == 15)
    }

    @Test("When items disappear the selection and the view are clamped")
    func clampOnCountChange() {
        var state = ListState(itemCount: 30, viewportHeight: 4)
        state.select(.last)
        state.setItemCount(6)
        #expect(state.selected == 5)
        #expect(state.offset == 2)
        state.setItemCount(0)
        #expect(state.selected == nil && state.offset == 0)
        state.select(.next)
        #expect(state.selected == nil)
        state.setItemCount(2)
        #expect(state.selected == 0)
    }

    @Test("A smaller viewport scrolls to keep the selection visible")
    func viewportShrinks() {
        var state = ListState(itemCount: 10, viewportHeight: 8)
        state.select(index: 7)
        #expect(state.offset == 0)
        state.setViewportHeight(3)
        #expect(state.offset == 5)
        #expect(state.visibleOffset(forHeight: 2) == 6)
    }

    @Test("The wheel scrolls the view and drags the selection along")
    func wheel() {
        var state = ListState(itemCount: 10, viewportHeight: 3)
        state.scroll(by: 3)
        #expect(state.offset == 3 && state.selected == 3)
        state.scroll(by: 100)
        #expect(state.offset == 7 && state.selected == 7)
        state.scroll(by: -1)
        #expect(state.offset == 6 && state.selected == 7)
        #expect(state.index(atRow: 2) == 8)
        #expect(state.index(atRow: 3) == nil)
    }
}

@Suite("List view")
struct ListViewTests {
    let items: [StyledText] = ["2007 ASAT test", "2008 PPWT draft", "2010 GGE report", "2013 GGE report", "2015 GGE report"]

    @Test("Rows show the items from the offset, the selected one highlighted")
    func rendering() {
        var state = ListState(itemCount: items.count, viewportHeight: 3)
        state.select(index: 3)
        var canvas = Canvas(width: 12, height: 3)
        ListView(items: items, highlightSymbol: "▸ ").render(into: &canvas, area: canvas.area, state: state)
        #expect(canvas.snapshot() == lines("  2008 PPWT…", "  2010 GGE …", "▸ 2013 GGE …"))
        #expect(canvas.cell(x: 0, y: 2)?.style.reverse == true)
        #expect(canvas.cell(x: 11, y: 2)?.style.reverse == true)
        #expect(canvas.cell(x: 0, y: 1)?.style.reverse == false)
    }

    @Test("A stale state still renders with its selection visible")
    func staleState() {
        var state = ListState(itemCount: items.count, viewportHeight: 10)
        state.select(.last)
        var canvas = Canvas(width: 20, height: 2)
        ListView(items: items).render(into: &canvas, area: canvas.area, state: state)
        #expect(canvas.snapshot() == lines("2013 GGE report", "2015 GGE report"))
    }

    @Test("An empty list shows its empty text")
    func empty() {
        var canvas = Canvas(width: 12, height: 2)
        ListView(items: [], emptyText: "No events").render(into: &canvas, area: canvas.area, state: ListState())
        #expect(canvas.snapshot() == lines("No events", ""))
    }

    @Test("Zero-sized areas and a one-column area are safe")
    func degenerate() {
        let state = ListState(itemCount: items.count, viewportHeight: 3)
        for area in [Rect(x: 0, y: 0, width: 0, height: 3), Rect(x: 0, y: 0, width: 5, height: 0), Rect(x: 9, y: 9, width: 3, height: 3)] {
            var canvas = Canvas(width: 5, height: 3)
            ListView(items: items).render(into: &canvas, area: area, state: state)
            #expect(canvas.snapshot() == lines("", "", ""))
        }
        var narrow = Canvas(width: 1, height: 2)
        ListView(items: items).render(into: &narrow, area: narrow.area, state: state)
        #expect(narrow.snapshot() == lines("…", "…"))
    }

    @Test("Rows with wide characters are cut without splitting a glyph")
    func wideRows() {
        var canvas = Canvas(width: 6, height: 1)
        ListView(items: ["外空安全条约"]).render(into: &canvas, area: canvas.area, state: ListState(itemCount: 1))
        #expect(canvas.snapshot() == "外空…")
    }
}
