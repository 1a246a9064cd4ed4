import Foundation
import Testing
@testable import TravauxCore

@Suite("What y copies")
struct CopyChoiceTests {
    @Test("a footnote offers its citation first, then its symbols, web addresses, title and id")
    func source() throws {
        let record = try Fixture.record()
        let choices = record.copyChoices(for: NoteTarget(item: "chapter-fn-1"))
        #expect(choices.map(\.label) == ["Citation", "Symbol", "Symbol", "Web address", "Title", "Id"])
        #expect(choices.first?.text == "'Draft Treaty on the Prevention of the Placement of Weapons in Outer Space', CD/1985 (Conference on Disarmament, 12 June 2014).")
        #expect(choices.map(\.text).dropFirst().prefix(3) == ["CD/1839", "CD/1985", "http://daccess-dds-ny.un.org/doc/UNDOC/GEN/G14/050/66/PDF/G1405066.pdf"])
        #expect(choices.last?.text == "chapter-fn-1")
    }

    @Test("an Ibid. offers the footnote it repeats after its own citation")
    func ibid() throws {
        let record = try Fixture.record()
        let choices = record.copyChoices(for: NoteTarget(item: "chapter-fn-3"))
        #expect(choices.prefix(2) == [CopyChoice("Citation", "Ibid."), CopyChoice("Footnote [Meyer 2], which it repeats",
            "Organization for Security and Co-operation in Europe, Permanent Council decision No. 1106, PC.DEC/1106 (3 December 2013).")])
    }

    @Test("a citation with the record's *italics* is offered plain for a word processor, and as Markdown")
    func italics() throws {
        let record = try RecordLoader.load(directory: Fixture.shippedRecordDirectory)
        let source = try #require(record.sources.first { $0.citation.contains("*") })
        let choices = record.copyChoices(for: NoteTarget(item: source.id))
        #expect(choices.prefix(2).map(\.label) == ["Citation", "Citation, Markdown"])
        #expect(choices.first?.text.contains("*") == false)
        #expect(choices.dropFirst().first?.text == source.citation)
    }

    @Test("a quoted text offers itself, then its footnote's citation, then the version's and the item's; the same text once")
    func quote() throws {
        let record = try Fixture.record()
        let choices = record.copyChoices(for: NoteTarget(item: "ppwt", version: "2008", quote: "q-no-weapons"))
        #expect(choices.map(\.label) == ["Quoted text", "Footnote [Meyer 1]", "Version", "Symbol", "Title", "Short name", "Symbol", "Id"])
        #expect(choices.first?.text == "not to place in orbit around the Earth any objects carrying any kinds of weapons")
        #expect(choices.map(\.text).contains("CD/1985"), "the other version's symbol, offered with the item")
        #expect(Set(choices.map(\.text)).count == choices.count)
        #expect(choices.last?.text == "ppwt")
    }

    @Test("an element offers its text and footnote; a note its text and id before its part's")
    func elementAndNote() throws {
        let record = try Fixture.record()
        let element = record.copyChoices(for: NoteTarget(item: "ppwt", element: "e1"))
        #expect(element.prefix(2).map(\.label) == ["Element 1", "Footnote [Meyer 1]"])
        #expect(element.first?.text == "No weapons in orbit.")
        let note = Note(id: "01JNOTE", target: NoteTarget(item: "ppwt", element: "e1"), body: "Verification?\nAsk the panel.",
                        author: "ada", created: NoteTime(millisecondsSince1970: 0))
        let choices = record.copyChoices(for: note)
        #expect(choices.prefix(3).map(\.text) == ["Verification?\nAsk the panel.", "01JNOTE", "No weapons in orbit."])
        #expect(record.copyChoices(for: NoteTarget(item: "no-such-item")).isEmpty)
    }
}

@Suite("Where copied text goes")
struct ClipboardRouteTests {
    let everything: (String) -> Bool = { _ in true }

    @Test("inside tmux, tmux's buffer (which passes it on), and no OSC 52 of our own")
    func tmux() {
        #expect(ClipboardRoute.routes(environment: ["TMUX": "/tmp/tmux-0/default,1,0", "TERM": "screen"], onPath: everything) == [.tmux])
    }

    @Test("a desktop's clipboard program when its display is set, Wayland's first, then the terminal")
    func desktop() {
        let wayland = ClipboardRoute.routes(environment: ["WAYLAND_DISPLAY": "wayland-0", "DISPLAY": ":0", "TERM": "xterm-256color"], onPath: everything)
        #expect(wayland == [.program(name: "wl-copy", arguments: ["wl-copy"]), .terminal])
        let x = ClipboardRoute.routes(environment: ["DISPLAY": ":0", "TERM": "xterm"], onPath: { $0 == "xsel" })
        #expect(x == [.program(name: "xsel", arguments: ["xsel", "--clipboard", "--input"]), .terminal])
        #expect(ClipboardRoute.routes(environment: ["DISPLAY": ":0", "TERM": "xterm"], onPath: { _ in false }) == [.terminal])
    }

    @Test("over ssh only the terminal; a text console nothing, where the sequence would show as text")
    func consoles() {
        #expect(ClipboardRoute.routes(environment: ["SSH_CONNECTION": "x", "TERM": "xterm-kitty"], onPath: everything) == [.terminal])
        for term in ["linux", "vt100", "vt220", "dumb", ""] {
            #expect(ClipboardRoute.routes(environment: ["TERM": term], onPath: everything).isEmpty, "\(term)")
        }
    }

    @Test("a text too long for a terminal's OSC 52 goes by the other routes only")
    func longText() {
        let environment = ["DISPLAY": ":0", "TERM": "xterm"]
        #expect(ClipboardRoute.routes(environment: environment, textBytes: ClipboardRoute.terminalLimit) { _ in true }.contains(.terminal))
        #expect(ClipboardRoute.routes(environment: environment, textBytes: ClipboardRoute.terminalLimit + 1) { _ in true }
                == [.program(name: "xclip", arguments: ["xclip", "-selection", "clipboard", "-in"])])
        #expect(ClipboardRoute.routes(environment: ["TERM": "xterm"], textBytes: 200_000) { _ in true }.isEmpty)
    }

    @Test("OSC 52 carries the text's UTF-8 as base64, ended by BEL")
    func sequence() {
        #expect(ClipboardRoute.terminalSequence(for: "CD/1985 — “é”") == "\u{1b}]52;c;Q0QvMTk4NSDigJQg4oCcw6nigJ0=\u{07}")
    }

    @Test("the message names what was copied, where it went, and what did not take it")
    func messages() {
        let tmux = ClipboardReport(label: "Citation", characters: 212, delivered: [.tmux], failures: [])
        #expect(tmux.message == "Citation (212 characters) copied to tmux's paste buffer")
        let both = ClipboardReport(label: "Symbol", characters: 1, delivered: [.program(name: "xclip", arguments: ["xclip"]), .terminal],
                                   failures: [])
        #expect(both.message == "Symbol (1 character) copied to the desktop clipboard (xclip) and the terminal (OSC 52)")
        let terminal = ClipboardReport(label: "Id", characters: 4, delivered: [.terminal], failures: [])
        #expect(terminal.message.hasSuffix("; if it does not paste, your terminal ignores OSC 52: see docs/usage.md"))
        let failed = ClipboardReport(label: "Id", characters: 4, delivered: [], failures: ["wl-copy exited with status 1"])
        #expect(failed.message == "Id (4 characters) not copied: wl-copy exited with status 1; see 'Copying' in docs/usage.md")
        let nowhere = ClipboardReport(label: "Id", characters: 4, delivered: [], failures: [])
        #expect(nowhere.message.hasPrefix("Id (4 characters) not copied: no clipboard here"))
    }
}
