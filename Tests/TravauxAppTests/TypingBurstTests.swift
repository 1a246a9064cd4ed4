import Testing
import TravauxCore
@testable import TravauxTUI

@Suite("Text typed in a burst searches once, when the keys stop")
struct TypingBurstTests {
    /// The fixture with three notes: "zanzibar" in two bodies and a tag (as search's own tests have it).
    func stateWithNotes() throws -> (AppState, [Note]) {
        let (_, state, saved) = try SearchNotesTests().stateWithNotes()
        return (state, saved)
    }

    /// Keys as the run loop reads them when each is already waiting as the last is reduced.
    func burst(_ state: inout AppState, _ text: String) {
        for character in text { _ = Reducer.reduce(&state, .input(.key(.character(character)))) }
    }

    @Test("keys typed at the / prompt while more wait edit the prompt only; the pause runs the search, as typed key by key")
    func searchOnPause() throws {
        var (state, saved) = try stateWithNotes()
        AppFixture.press(&state, "/")
        var oneByOne = state
        burst(&state, "zanzi")
        #expect(state.search?.field.text == "zanzi")
        #expect(state.search?.query == "", "no search ran for the keys of the burst")
        #expect(state.owesTypedSearch)
        #expect(state.currentRows.compactMap(\.noteID).isEmpty)

        _ = Reducer.reduce(&state, .typingPaused)
        #expect(!state.owesTypedSearch)
        #expect(state.search?.query == "zanzi")
        #expect(state.currentRows.compactMap(\.noteID) == [saved[2].id, saved[1].id, saved[0].id])

        AppFixture.type(&oneByOne, "zanzi")
        #expect(Screen.render(state).snapshot() == Screen.render(oneByOne).snapshot())
        // A pause with nothing owed changes nothing.
        let before = Screen.render(state).snapshot()
        _ = Reducer.reduce(&state, .typingPaused)
        #expect(Screen.render(state).snapshot() == before)
    }

    @Test("any key that is not more typing, a click or a resize first runs the search owed", arguments: [
        "Enter", "↓", "Esc", "click", "resize", "Ctrl-u",
    ])
    func otherInputSeesResults(_ input: String) throws {
        var (state, saved) = try stateWithNotes()
        AppFixture.press(&state, "/")
        burst(&state, "zanzi")
        switch input {
        case "click":
            _ = Reducer.reduce(&state, .input(.mouse(MouseEvent(x: 5, y: 4, kind: .press(.left)))))
        case "resize":
            _ = Reducer.reduce(&state, .input(.resize(width: 110, height: 38)))
        default:
            let key = try #require(KeyEvent(name: input))
            _ = Reducer.reduce(&state, .input(.key(key)))
        }
        switch input {
        case "Esc":
            // Closed, and what was typed is what `/` offers next.
            #expect(state.search == nil)
            #expect(state.lastSearchQuery == "zanzi")
        case "Ctrl-u":
            // The line cleared after the search for what it held ran; a search is owed for it.
            #expect(state.search?.query == "zanzi")
            #expect(state.search?.field.text == "")
            #expect(state.owesTypedSearch)
        default:
            #expect(state.search?.query == "zanzi")
            #expect(state.currentRows.compactMap(\.noteID) == [saved[2].id, saved[1].id, saved[0].id])
        }
        if input == "Enter" { #expect(state.focus == .list && state.search?.editing == false) }
    }

    @Test("Backspace and pasted text go on with the burst")
    func backspaceAndPaste() throws {
        var (state, _) = try stateWithNotes()
        AppFixture.press(&state, "/")
        burst(&state, "zanzx")
        _ = Reducer.reduce(&state, .input(.key(.backspace)))
        _ = Reducer.reduce(&state, .input(.key(.paste("ibar"))))
        #expect(state.search?.query == "")
        _ = Reducer.reduce(&state, .typingPaused)
        #expect(state.search?.query == "zanzibar")
        #expect(state.search?.noteCount == 3)
    }

    @Test("the Notes pane's filter narrows on the pause too, and Enter keeps what was typed")
    func notesFilterOnPause() throws {
        var (state, saved) = try stateWithNotes()
        AppFixture.press(&state, "5", "/")
        burst(&state, "islands")
        #expect(state.noteFilter.text == "")
        #expect(state.currentRows.compactMap(\.noteID).count == 3)
        _ = Reducer.reduce(&state, .typingPaused)
        #expect(state.noteFilter.text == "islands")
        #expect(state.currentRows.compactMap(\.noteID) == [saved[1].id])

        burst(&state, " qq")
        _ = Reducer.reduce(&state, .input(.key(.enter)))
        #expect(state.prompt == nil)
        #expect(state.noteFilter.text == "islands qq")
        #expect(!state.owesTypedSearch)
        #expect(state.currentRows.compactMap(\.noteID).isEmpty)
    }
}
