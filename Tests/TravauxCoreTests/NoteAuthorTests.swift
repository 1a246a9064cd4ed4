import Testing
import TravauxCore

@Suite("Who a note is by")
struct NoteAuthorTests {
    @Test("TRAVAUX_AUTHOR, then USER, then LOGNAME, trimmed; a name of blanks alone is passed over, since others read '· by NAME'")
    func authorFromEnvironment() {
        #expect(NoteStoreLocator.author(environment: ["TRAVAUX_AUTHOR": " Ana ", "USER": "ana"]) == "Ana")
        #expect(NoteStoreLocator.author(environment: ["TRAVAUX_AUTHOR": "  ", "USER": "ana"]) == "ana")
        #expect(NoteStoreLocator.author(environment: ["TRAVAUX_AUTHOR": "", "USER": "\t", "LOGNAME": "ben"]) == "ben")
        // With none set, the login name of the process, never blanks.
        let fallback = NoteStoreLocator.author(environment: ["TRAVAUX_AUTHOR": " "])
        #expect(fallback.contains { !$0.isWhitespace })
    }
}
