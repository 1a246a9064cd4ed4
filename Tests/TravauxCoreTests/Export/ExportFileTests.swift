import Foundation
import Testing
@testable import TravauxCore

@Suite("Writing an export to a file")
struct ExportFileTests {
    @Test("a file is written whole and replaced only when asked; a folder is refused at once, whatever is asked")
    func folderAndFile() throws {
        let folder = try Fixture.temporaryDirectory()
        let file = folder + "/handout.md"
        try ExportFile.write("first\n", to: file, replacing: false)
        #expect(throws: ExportError.fileExists(path: file)) { try ExportFile.write("second\n", to: file, replacing: false) }
        try ExportFile.write("second\n", to: file, replacing: true)
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "second\n")
        for replacing in [false, true] {
            #expect(throws: ExportError.io(path: folder, reason: "it is a folder; give a file name, such as \(folder)/travaux-notes.md")) {
                try ExportFile.write("x\n", to: folder, replacing: replacing)
            }
        }
        #expect(ExportFile.problem(writing: folder, replacing: true, format: .bibtex)
                == .io(path: folder, reason: "it is a folder; give a file name, such as \(folder)/travaux-notes.bib"))
        #expect(throws: ExportError.io(path: folder + "/absent/h.md",
                                       reason: "its folder does not exist; create it with mkdir -p \(folder)/absent, or choose another file")) {
            try ExportFile.write("x\n", to: folder + "/absent/h.md", replacing: false)
        }
        #expect(ExportFile.problem(writing: file, replacing: false) == .fileExists(path: file))
        #expect(ExportFile.problem(writing: file, replacing: true) == nil)
        #expect(ExportFile.problem(writing: folder + "/missing.md", replacing: false) == nil)
    }

    @Test("a pipe, or a link to one, is never replaced, --force or not: it stays a pipe")
    func notAFile() throws {
        let folder = try Fixture.temporaryDirectory()
        let pipe = folder + "/pipe"
        #expect(mkfifo(pipe, 0o600) == 0)
        let link = folder + "/link.md"
        #expect(symlink(pipe, link) == 0)
        for path in [pipe, link] {
            for replacing in [false, true] {
                #expect(throws: ExportError.notAFile(path: path)) { try ExportFile.write("x\n", to: path, replacing: replacing) }
            }
        }
        #expect(ExportError.notAFile(path: pipe).description
                == "cannot write \(pipe): it is not a file but a device, a pipe or a socket, which an export never replaces; give a file name")
        var info = stat()
        #expect(stat(pipe, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO)
    }

    @Test("replacing a handout reached through a symbolic link replaces the file it points at, and the link stays")
    func throughLink() throws {
        let folder = try Fixture.temporaryDirectory()
        let real = folder + "/shared-handout.md", link = folder + "/handout.md"
        try ExportFile.write("first\n", to: real, replacing: false)
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: real)
        #expect(throws: ExportError.fileExists(path: link)) { try ExportFile.write("second\n", to: link, replacing: false) }
        try ExportFile.write("second\n", to: link, replacing: true)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == real)
        #expect(try String(contentsOfFile: real, encoding: .utf8) == "second\n")
    }

    @Test("a link whose file is missing stays a link: --force writes the file it points at, wherever the link leads")
    func throughDanglingLink() throws {
        let folder = try Fixture.temporaryDirectory()
        try FileManager.default.createDirectory(atPath: folder + "/shared", withIntermediateDirectories: false)
        // Relative, and through a second link: read from each link's own folder, not the current one.
        let link = folder + "/handout.md", hop = folder + "/shared/hop.md", real = folder + "/shared/handout.md"
        #expect(symlink("shared/hop.md", link) == 0)
        #expect(symlink("handout.md", hop) == 0)
        #expect(throws: ExportError.fileExists(path: link)) { try ExportFile.write("x\n", to: link, replacing: false) }
        try ExportFile.write("handout\n", to: link, replacing: true)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "shared/hop.md")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: hop) == "handout.md")
        #expect(try String(contentsOfFile: real, encoding: .utf8) == "handout\n")
    }

    @Test("a link into a folder that is missing names that folder, and nothing is written")
    func danglingLinkIntoMissingFolder() throws {
        let folder = try Fixture.temporaryDirectory()
        let link = folder + "/handout.md"
        #expect(symlink(folder + "/gone/handout.md", link) == 0)
        let reason = "it links to \(folder)/gone/handout.md, whose folder does not exist; create it with mkdir -p \(folder)/gone, or choose another file"
        #expect(ExportFile.problem(writing: link, replacing: true) == .io(path: link, reason: reason))
        #expect(throws: ExportError.io(path: link, reason: reason)) { try ExportFile.write("x\n", to: link, replacing: true) }
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == folder + "/gone/handout.md")
        // A link to itself is refused, not replaced.
        let loop = folder + "/loop.md"
        #expect(symlink("loop.md", loop) == 0)
        #expect(throws: ExportError.self) { try ExportFile.write("x\n", to: loop, replacing: true) }
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: loop) == "loop.md")
    }

    @Test("the folder to create is given as a shell reads it back: a space or a quote in it is quoted")
    func mkdirHintQuoted() throws {
        let folder = try Fixture.temporaryDirectory()
        let path = folder + "/dir with space/ana's/h.md"
        #expect(ExportFile.problem(writing: path, replacing: false)
                == .io(path: path, reason: "its folder does not exist; create it with mkdir -p '\(folder)/dir with space/ana'\\''s', or choose another file"))
    }

    @Test("~ and ~/… are the home folder, as a shell would read them; nothing else changes")
    func home() {
        #expect(ExportFile.expandingHome("~/notes/h.md", home: "/home/ana") == "/home/ana/notes/h.md")
        #expect(ExportFile.expandingHome("~", home: "/home/ana/") == "/home/ana")
        #expect(ExportFile.expandingHome("~ana/h.md", home: "/home/ana") == "~ana/h.md")
        #expect(ExportFile.expandingHome("notes/~/h.md", home: "/home/ana") == "notes/~/h.md")
        #expect(ExportFile.expandingHome("~/h.md", home: nil) == "~/h.md")
    }
}
