import Testing
import TravauxCore

@Suite("Who a note is by")
struct NoteAuthorTests {
    @Test("TRAVAUX_AUTHOR, then USER, then LOGNAME, trimmed; a name of blanks alone is passed over, since others read '· by NAME'")
    func authorFromEnvironment() {
        #expect(NoteStoreLocator.author(environment: ["TRAVAUX_AUTHOR": " Ana ", "USER": "ana"]) == "Ana")
        #expect(NoteStoreLocator.author(environment: ["TRAVAUX_AUTHOR": "  ", "USER": "ana"]) == "ana")
        #expect(NoteStoreLocator.author(environment: ["TRAVAUX_AUTHOR": "", "USER": "\t", "LOGNAME": "ben"]) == "ben")
        // On one line, without a pasted colour or window title.
        #expect(NoteStoreLocator.author(environment: ["TRAVAUX_AUTHOR": "\u{1B}[1mAna\u{1B}[0m\n  López\u{7}"]) == "Ana López")
        #expect(NoteStoreLocator.author(environment: ["TRAVAUX_AUTHOR": "\u{1B}[31m", "USER": "ana"]) == "ana")
        // With none set, the login name of the process, never blanks.
        let fallback = NoteStoreLocator.author(environment: ["TRAVAUX_AUTHOR": " "])
        #expect(fallback.contains { !$0.isWhitespace })
    }
}
