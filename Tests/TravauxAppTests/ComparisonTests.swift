import Testing
import TravauxCore
@testable import TravauxTUI

@Suite("Comparing versions in the interface")
struct ComparisonTests {
    func text(_ state: AppState) -> String { Screen.render(state).snapshot() }

    @Test("every comparison of the shipped record lays out within its width, side by side and stacked, from 30 columns: nothing is cut at the edge")
    func fitsItsWidth() throws {
        let record = try AppFixture.shippedRecord()
        var compared = 0
        for proposal in record.proposals where proposal.versions.count >= 2 {
            let ids = proposal.versions.map(\.id)
            for (from, to) in Array(zip(ids, ids.dropFirst())) + [(ids[0], ids[ids.count - 1])] {
                let comparison = try proposal.comparison(from: from, to: to)
                compared += 1
                for width in [30, 45, 60, 80, 120] {
                    for sideBySide in [true, false] {
                        let layout = ComparisonLayout(comparison: comparison, record: record, width: width, sideBySide: sideBySide, monochrome: false)
                        for (index, line) in (layout.header + layout.lines).enumerated() {
                            #expect(line.displayWidth <= width, "\(proposal.id) \(from)→\(to) at \(width), line \(index): \(line.plainText)")
                        }
                    }
                }
            }
        }
        #expect(compared >= 10)
    }

    @Test("c on a proposal compares its first and last versions in date order; Esc returns to the list")
    func openFromList() throws {
        var state = try AppFixture.state(record: try AppFixture.comparisonRecord())
        AppFixture.press(&state, "2", "c")
        let comparison = try #require(state.comparison)
        #expect(comparison.proposalID == "ppwt")
        #expect(comparison.versions == ["2008", "2014"])
        #expect((comparison.fromID, comparison.toID) == ("2008", "2014"))
        #expect(state.keyContext == .comparison)
        #expect(comparison.layout?.sideBySide == true)
        AppFixture.press(&state, "Esc")
        #expect(state.comparison == nil)
        #expect(state.pane == .proposals)
        #expect(state.focus == .list)
        #expect(state.selectedItemID == "ppwt")
    }

    @Test("c starts from the first version with something to compare: the cyber expert groups' 2010 report, not the first group, which had none; [ goes back to it")
    func startsWithSubstance() throws {
        var state = try AppFixture.state(record: try AppFixture.shippedRecord())
        Reducer.openItem(&state, "cyber-gge-reports")
        AppFixture.press(&state, "c")
        let comparison = try #require(state.comparison)
        #expect((comparison.fromID, comparison.toID) == ("2010", "2015"))
        AppFixture.press(&state, "[")
        #expect((state.comparison?.fromID, state.comparison?.toID) == ("first-group", "2015"))
        // One with something in its first version starts there, as before.
        AppFixture.press(&state, "Esc")
        Reducer.openItem(&state, "ppwt")
        AppFixture.press(&state, "c")
        #expect((state.comparison?.fromID, state.comparison?.toID) == ("2002-working-paper", "2014-revision"))
    }

    @Test("c in the reader compares the proposal it shows; Back returns to the reader as it was")
    func openFromReader() throws {
        var state = try AppFixture.state(width: 120, height: 12, record: try AppFixture.comparisonRecord())
        AppFixture.press(&state, "2", "Enter", "j", "j", "c")
        #expect(state.comparison?.proposalID == "ppwt")
        AppFixture.press(&state, "Backspace")
        #expect(state.comparison == nil)
        #expect(state.focus == .reader)
        #expect(state.reader?.itemID == "ppwt")
        #expect(state.reader?.scroll == 2)
    }

    @Test("a proposal with one version, or an item that is not a proposal, gets a clear message")
    func nothingToCompare() throws {
        var state = try AppFixture.state()
        AppFixture.press(&state, "2", "j", "c")
        #expect(state.selectedItemID == "osce-cbms")
        #expect(state.comparison == nil)
        #expect(state.message == "OSCE confidence-building measures for ICTs has only one version; nothing to compare")
        #expect(text(state).contains("has only one version; nothing to compare"))
        AppFixture.press(&state, "1", "c")
        #expect(state.comparison == nil)
        #expect(state.message == "c compares the versions of a proposal; select one first")
    }

    @Test("quotes of one version alone are set apart under their own heading, with what the record says each is, not as changes")
    func oneSidedQuotes() throws {
        let record = try AppFixture.shippedRecord()
        guard case .proposal(let code)? = record.item("sino-russian-code") else { Issue.record("no sino-russian-code"); return }
        let layout = ComparisonLayout(comparison: try code.comparison(), record: record, width: 120, sideBySide: true, monochrome: false)
        let lines = layout.lines.map(\.plainText)
        let paired = try #require(lines.firstIndex { $0.hasPrefix("Quoted texts") })
        let apart = try #require(lines.firstIndex { $0.hasPrefix(ProposalComparison.oneSidedTitle) })
        #expect(paired < apart)
        #expect(lines[paired..<apart].contains { $0.hasPrefix("commitment — reworded") })
        let after = lines[apart...].joined(separator: "\n")
        #expect(after.contains("wang-qun — 2011") && after.contains("content — 2015"))
        #expect(after.contains("— Ambassador Wang Qun presenting the proposal"))
        #expect(!lines.contains { $0.contains("only in 2011") || $0.contains("only in 2015") })
    }

    @Test("a side without a value says (none), plainly, not as text put in")
    func sideWithoutValue() throws {
        var state = try AppFixture.state(record: try AppFixture.shippedRecord())
        AppFixture.press(&state, "2")
        for _ in 0..<40 where state.selectedItemID != "canada-space-pledges" { AppFixture.press(&state, "j") }
        #expect(state.selectedItemID == "canada-space-pledges")
        AppFixture.press(&state, "c")
        let canvas = Screen.render(state)
        let rows = canvas.snapshot().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let y = try #require(rows.firstIndex { $0.contains("5 Jun 2009") && $0.contains("(none)") })
        // Drawn dim, as a remark: not in the style of text put in or taken out.
        let column = try #require(rows[y].range(of: "(none)").map { rows[y].distance(from: rows[y].startIndex, to: $0.lowerBound) })
        let styles = (column..<column + 6).compactMap { canvas.cell(x: $0, y: y)?.style }
        #expect(styles.count == 6 && styles.allSatisfy { $0 == Palette.dim }, "\(styles)")
        // An empty list (the symbols a side has none of) says so the same way.
        let symbols = try #require(rows.firstIndex { $0.hasPrefix("Symbols") })
        #expect(rows[symbols + 1].contains("(none)") && !rows[symbols + 1].contains(" none"), "\(rows[symbols + 1])")
    }

    @Test("Tab and Enter, which follow a footnote in the reader, say where that is done from a comparison")
    func footnoteKeys() throws {
        var state = try AppFixture.state(record: try AppFixture.shippedRecord())
        AppFixture.press(&state, "2", "c")
        for key in ["Tab", "Enter", "Shift-Tab"] {
            state.message = nil
            AppFixture.press(&state, key)
            #expect(state.message == "footnotes are followed from the reader: Esc closes the comparison, then Tab to a marker", "\(key)")
            #expect(state.comparison != nil)
        }
    }

    @Test("[ ] step the 'from' version and { } the 'to' version, which stay in order")
    func chooseVersions() throws {
        var state = try AppFixture.state(record: try AppFixture.shippedRecord())
        AppFixture.press(&state, "2")
        #expect(state.selectedItemID == "ppwt")
        AppFixture.press(&state, "c")
        #expect(state.comparison?.fromID == "2002-working-paper")
        #expect(state.comparison?.toID == "2014-revision")
        AppFixture.press(&state, "j", "]")
        #expect(state.comparison?.fromID == "2008-draft")
        #expect(state.comparison?.scroll == 0)
        #expect(state.comparison?.layout?.fromID == "2008-draft")
        AppFixture.press(&state, "]")
        #expect(state.comparison?.fromID == "2008-draft")
        #expect(state.message == "'from' is just before 'to', the last version", "no advice that cannot be taken")
        AppFixture.press(&state, "{")
        #expect(state.comparison?.toID == "2014-revision")
        #expect(state.message == "'to' is just after 'from'; move 'from' earlier with [")
        AppFixture.press(&state, "[", "{")
        #expect(state.comparison?.fromID == "2002-working-paper")
        #expect(state.comparison?.toID == "2008-draft")
        AppFixture.press(&state, "{")
        #expect(state.message == "'to' is just after 'from', the first version")
        AppFixture.press(&state, "]")
        #expect(state.message == "'from' is just before 'to'; move 'to' later with }")
        #expect(text(state).contains("− 28 Jun 2002 · Working paper on possible elements"))
        AppFixture.press(&state, "[")
        #expect(state.message == "'from' is the first version")
        AppFixture.press(&state, "}", "}")
        #expect(state.comparison?.toID == "2014-revision")
        #expect(state.message == "'to' is the last version")
    }

    @Test("a in a comparison annotates the version compared to, as y copies it first")
    func annotateComparedVersion() throws {
        var state = try AppFixture.state(width: 120, height: 40, record: try AppFixture.shippedRecord())
        AppFixture.press(&state, "2", "c", "{")
        let to = try #require(state.comparison?.toID)
        #expect(to == "2008-draft")
        AppFixture.press(&state, "a")
        #expect(state.editor?.target == NoteTarget(item: "ppwt", version: "2008-draft"))
        #expect(Screen.render(state).snapshot().contains("On: PPWT, Draft treaty (CD/1839)"))
    }

    @Test("a session label is cut, then only marked as set, before it pushes out ? help or the comparison's keys")
    func sessionGivesWay() throws {
        func status(width: Int, session: String, keys: String...) throws -> String {
            var state = try AppFixture.state(width: width, height: 20, record: try AppFixture.shippedRecord())
            state.session = session
            for key in keys { AppFixture.press(&state, key) }
            return try #require(Screen.render(state).snapshot().split(separator: "\n").last.map(String.init))
        }
        let long = "Geneva workshop on space security and cyber norms, day 2"
        for width in [80, 60, 40] {
            for session in ["Seminar 3", long] {
                let compare = try status(width: width, session: session, keys: "2", "c")
                #expect(compare.contains("[ ] from") && compare.contains("{ } to") && compare.contains("? help"), "\(width): [\(compare)]")
                #expect(compare.contains("session") == (width > 40), "\(width): [\(compare)]")
                let list = try status(width: width, session: session, keys: "2")
                #expect(list.contains("? help") && list.contains("session"), "\(width): [\(list)]")
            }
        }
        #expect(try status(width: 80, session: long, keys: "2").contains("session: Geneva workshop"))
        #expect(try status(width: 120, session: long, keys: "2").contains("session: " + long))
        // The comparison's ids give way to the label first (its first lines name the versions).
        #expect(try status(width: 60, session: "Seminar 3", keys: "2", "c").hasPrefix(" Compare  session: Seminar 3 "))
        #expect(try status(width: 80, session: "Seminar 3", keys: "2", "c").contains("2014-revision  session ✓ "))
        // As usage.md gives them: cut down to 65 columns, then the session in their place.
        #expect(try status(width: 70, session: "Seminar 3", keys: "2", "c").hasPrefix(" Compare  2002-wo… → 2014-re…  session ✓ "))
        #expect(try status(width: 65, session: "Seminar 3", keys: "2", "c").hasPrefix(" Compare  2002-… → 2014-…  session ✓ "))
        #expect(try status(width: 64, session: "Seminar 3", keys: "2", "c").hasPrefix(" Compare  session: Seminar 3 "))
        #expect(try status(width: 40, session: "Seminar 3", keys: "2").hasPrefix(" Proposals  1/25  session ✓ "))
        // An open menu or prompt keeps its own most needed key; the mark gives way to it.
        for (keys, hint) in [(["2", "f"], "Enter choose"), (["2", "/"], "Enter results"), (["2", "y"], "1–9 Enter copy"),
                             (["2", "S"], "Enter set"), (["2", "?"], "Esc close")] {
            for width in [40, 60] {
                let line = try status(width: width, session: "Seminar 3", keys: keys[0], keys[1])
                #expect(line.contains(hint), "\(width) \(keys): [\(line)]")
            }
        }
    }

    @Test("in the Notes pane, a session filtered on and set is named once, and a search after it still leaves ? help its room")
    func sessionFilterAndLabel() throws {
        let session = "OEWG on PAROS, Geneva – 1st session"
        var state = try AppFixture.state(width: 120, height: 30, record: try AppFixture.shippedRecord())
        let note = Note(id: "01M7ZRGDZTQY8XKGSREPC0PRA1", target: NoteTarget(item: "ppwt"), body: "negotiating phase now",
                        session: session, author: "ana", created: NoteTime(millisecondsSince1970: 1_795_288_316_654))
        _ = Reducer.reduce(&state, .notesReloaded(NoteCollection(notes: [note])))
        state.session = "oewg on paros, geneva – 1st session"
        AppFixture.press(&state, "/")
        AppFixture.type(&state, "\"negotiating phase\"")
        AppFixture.press(&state, "Enter", "5")
        state.noteFilter.session = session
        state.invalidateRows(.notes)
        let status = try #require(Screen.render(state).snapshot().split(separator: "\n").last.map(String.init))
        #expect(status.contains("[session: \(session)]  session ✓"), "\(status)")
        #expect(status.contains("? help"), "\(status)")
        // Filtered on another session, the label is said, cut before the search pushes out ? help.
        state.noteFilter.session = "Desk prep"
        state.invalidateRows(.notes)
        let other = try #require(Screen.render(state).snapshot().split(separator: "\n").last.map(String.init))
        #expect(other.contains("[session: Desk prep]  session: oewg") && other.contains("? help"), "\(other)")
    }

    @Test("the status line keeps the comparison's own keys and ? help: long version ids are cut first, and keys paired")
    func statusKeepsKeys() throws {
        var narrow = try AppFixture.state(width: 60, height: 20, record: try AppFixture.shippedRecord())
        AppFixture.press(&narrow, "2", "c")
        let status = try #require(Screen.render(narrow).snapshot().split(separator: "\n").last.map(String.init))
        #expect(status.contains("[ ] from") && status.contains("{ } to") && status.contains("? help"), "\(status)")
        #expect(status.contains("Compare  2002-") && status.contains("…"), "\(status)")
        // At 40 columns the ids give way: the comparison's first two lines name both versions.
        var least = try AppFixture.state(width: 40, height: 20, record: try AppFixture.shippedRecord())
        AppFixture.press(&least, "2", "c")
        let rows = Screen.render(least).snapshot().split(separator: "\n").map(String.init)
        let last = try #require(rows.last)
        #expect(last.hasPrefix(" Compare ") && !last.contains("2002"), "\(last)")
        #expect(last.contains("[ ] from") && last.contains("{ } to") && last.contains("? help"), "\(last)")
        #expect(rows[1].hasPrefix("− 28 Jun 2002") && rows[2].hasPrefix("+ 12 Jun 2014"))
        // Wide, with a session label taking room: paired keys rather than ? help dropped.
        var wide = try AppFixture.state(width: 120, height: 40, record: try AppFixture.shippedRecord())
        wide.session = "Seminar 3 on space"
        AppFixture.press(&wide, "2", "c")
        let line = try #require(Screen.render(wide).snapshot().split(separator: "\n").last.map(String.init))
        #expect(line.contains("2002-working-paper → 2014-revision"), "\(line)")
        #expect(line.contains("[") && line.contains("}") && line.contains("? help"), "[\(line)]")
    }

    @Test("the comparison scrolls below its fixed header without passing the end")
    func scrolling() throws {
        var state = try AppFixture.state(width: 60, height: 20, record: try AppFixture.shippedRecord())
        AppFixture.press(&state, "2", "c")
        let layout = try #require(state.comparison?.layout)
        let viewport = ComparisonHandling.viewport(state)
        // The last row shows how far down the lines are, never over them.
        #expect(layout.lines.count > state.bodyHeight)
        #expect(viewport == state.bodyHeight - layout.header.count - 1)
        AppFixture.press(&state, "j", "j")
        #expect(state.comparison?.scroll == 2)
        AppFixture.press(&state, "G")
        #expect(state.comparison?.scroll == layout.lines.count - viewport)
        AppFixture.press(&state, "j")
        #expect(state.comparison?.scroll == layout.lines.count - viewport)
        AppFixture.press(&state, "g", "Ctrl-d")
        #expect(state.comparison?.scroll == (viewport - 1) / 2)
        _ = Reducer.reduce(&state, .input(.mouse(MouseEvent(x: 5, y: 8, kind: .wheelDown))))
        #expect(state.comparison?.scroll == (viewport - 1) / 2 + MouseHandling.wheelLines)
        // The header stays on top however far down the lines are.
        #expect(text(state).split(separator: "\n")[1].hasPrefix("− 28 Jun 2002 · Working paper on possible elements"))
    }

    @Test("a resize lays the comparison out again: side by side when wide, stacked when narrow")
    func resize() throws {
        var state = try AppFixture.state(record: try AppFixture.comparisonRecord())
        AppFixture.press(&state, "2", "c", "G")
        _ = Reducer.reduce(&state, .input(.resize(width: 60, height: 20)))
        let narrow = try #require(state.comparison?.layout)
        #expect(!narrow.sideBySide)
        #expect(narrow.width == 60)
        #expect(narrow.header.count == 3)
        _ = Reducer.reduce(&state, .input(.resize(width: 120, height: 40)))
        #expect(state.comparison?.layout?.sideBySide == true)
        #expect((state.comparison?.scroll ?? -1) <= max(0, (state.comparison?.layout?.lines.count ?? 0) - ComparisonHandling.viewport(state)))
    }

    @Test("a pane key or / closes the comparison and does what it says; ? opens the help over it")
    func otherKeys() throws {
        var state = try AppFixture.state(record: try AppFixture.comparisonRecord())
        AppFixture.press(&state, "2", "c", "?")
        // At the comparison's own keys (`HelpOverlay.openingScroll`).
        #expect(state.overlay == .help(scroll: HelpOverlay.openingScroll(state)))
        #expect(state.overlay != .help(scroll: 0))
        #expect(state.comparison != nil)
        AppFixture.press(&state, "Esc", "n")
        #expect(state.message == "Esc closes the comparison")
        AppFixture.press(&state, "1")
        #expect(state.comparison == nil)
        #expect(state.pane == .timeline)
    }

    @Test("the status bar offers c only on a proposal with versions to compare, and the version keys while comparing")
    func hints() throws {
        var state = try AppFixture.state()
        #expect(!StatusLine.hints(state).contains("c compare"))
        AppFixture.press(&state, "2")
        #expect(StatusLine.hints(state).contains("c compare"))
        AppFixture.press(&state, "j")
        #expect(!StatusLine.hints(state).contains("c compare"))
        AppFixture.press(&state, "k", "c")
        #expect(StatusLine.hints(state).contains("[ from earlier  ] from later  { to earlier  } to later  Esc back"))
        #expect(text(state).split(separator: "\n").last?.hasPrefix(" Compare  2008 → 2014") == true)
    }

    @Test("changes are coloured, and marked [-…-] and {+…+} only without colour")
    func monochromeMarkers() throws {
        var state = try AppFixture.state(record: try AppFixture.comparisonRecord())
        AppFixture.press(&state, "2", "c")
        let coloured = text(state)
        #expect(!coloured.contains("[-") && !coloured.contains("{+"))
        let canvas = Screen.render(state)
        var deleted = "", inserted = ""
        for y in 0..<canvas.height {
            for x in 0..<canvas.width {
                guard let cell = canvas.cell(x: x, y: y), cell.style.reverse else { continue }
                if cell.style.foreground == Palette.deleted.foreground { deleted += cell.symbol }
                if cell.style.foreground == Palette.inserted.foreground { inserted += cell.symbol }
            }
        }
        #expect(deleted.contains("in orbit around the Earth any objects"))
        #expect(deleted.contains("tabled, not negotiated"))
        #expect(inserted.contains("such weapons on celestial bodies"))
        #expect(inserted.contains("revised; stalled"))
        state.monochrome = true
        _ = Reducer.reduce(&state, .input(.resize(width: 120, height: 40)))
        let marked = text(state)
        #expect(marked.contains("“not to place [-in orbit around the Earth any objects"))
        #expect(marked.contains("“not to place {+any weapons in outer space, nor to install"))
        #expect(marked.contains("[-tabled, not negotiated-]"))
    }

    @Test("the comparison at 120×40 and 60×20, and without colour")
    func snapshots() throws {
        for (width, height) in ScreenTests.sizes {
            var state = try AppFixture.state(width: width, height: height, record: try AppFixture.comparisonRecord())
            AppFixture.press(&state, "2", "c")
            let (ok, message) = try Snapshot.matches(Screen.render(state), named: "comparison-\(width)x\(height)")
            #expect(ok, "\(message)")
        }
        var state = try AppFixture.state(width: 60, height: 20, record: try AppFixture.comparisonRecord())
        state.monochrome = true
        AppFixture.press(&state, "2", "c", "Ctrl-d")
        let (ok, message) = try Snapshot.matches(Screen.render(state), named: "comparison-monochrome-60x20")
        #expect(ok, "\(message)")
    }

    @Test("each pane that lists one kind of item lists only that kind, and c is offered exactly where a proposal has versions to compare")
    func paneKindsAndCanCompare() throws {
        for record in [try AppFixture.shippedRecord(), try AppFixture.comparisonRecord()] {
            var state = try AppFixture.state(record: record)
            for pane in Pane.browsable {
                Reducer.switchPane(&state, to: pane)
                for (index, row) in state.currentRows.enumerated() {
                    guard let id = row.itemID else { continue }
                    if let kind = pane.itemKind, case .item = row { #expect(record.item(id)?.kind == kind, "\(pane) lists \(id)") }
                    var cursor = state.currentCursor
                    cursor.select(index, in: state.currentRows, viewport: state.listViewport)
                    state.cursors[pane] = cursor
                    #expect(state.selectedItemID == id)
                    #expect(ComparisonHandling.canCompare(state) == (record.versionCount(ofProposal: id) >= 2), "\(pane): \(id)")
                }
            }
        }
    }
}
