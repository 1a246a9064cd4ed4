import Testing
@testable import TravauxCore

@Suite("A word in a command to copy reads back as it is in a shell")
struct ShellWordTests {
    @Test("plain paths stay as they are; anything a shell would read otherwise is quoted")
    func quoting() {
        #expect(ShellWord.quoted("/home/ana/notes") == "/home/ana/notes")
        #expect(ShellWord.quoted("séminaire-3/2026") == "séminaire-3/2026")
        #expect(ShellWord.quoted("dir with space") == "'dir with space'")
        #expect(ShellWord.quoted("ana's $HOME `x` ~") == "'ana'\\''s $HOME `x` ~'")
        #expect(ShellWord.quoted("") == "''")
        #expect(ShellWord.quoted("-notes") == "./-notes")
        // Control characters as bash's and zsh's $'…', which holds them; C1 as \u.
        #expect(ShellWord.quotedText("sem\u{1B}[31m 'red'\\\t\u{7}\u{9B}") == "$'sem\\e[31m \\'red\\'\\\\\\t\\x07\\u009B'")
    }
}
