import Foundation
import Testing
@testable import TravauxCore

/// A note file with git's markers, read back as its two sides, and the conflicts settled or
/// resolved from them without losing either side's edits.
@Suite("Notes git could not merge")
struct MergeConflictTests {
    static func sides(_ text: String) -> (ours: String, theirs: String)? {
        MergeConflict(Array(text.utf8)).map { (String(decoding: $0.ours, as: UTF8.self), String(decoding: $0.theirs, as: UTF8.self)) }
    }

    @Test("each hunk gives its side, the lines around it both; a diff3 base is left out; CRLF lines stay CRLF")
    func sidesOfAConflict() throws {
        let plain = "a\n<<<<<<< HEAD\nours\n=======\ntheirs\n>>>>>>> origin/main\nb\n<<<<<<< HEAD\n=======\nmore\n>>>>>>> x\n"
        #expect(Self.sides(plain)?.ours == "a\nours\nb\n")
        #expect(Self.sides(plain)?.theirs == "a\ntheirs\nb\nmore\n")
        let diff3 = "a\n<<<<<<< HEAD\nours\n||||||| base\nold\n=======\ntheirs\n>>>>>>> topic\n"
        #expect(Self.sides(diff3)?.ours == "a\nours\n" && Self.sides(diff3)?.theirs == "a\ntheirs\n")
        let crlf = plain.replacingOccurrences(of: "\n", with: "\r\n")
        #expect(Self.sides(crlf)?.ours == "a\r\nours\r\nb\r\n")
        // No conflict, one left open, one inside another: not sides this reads.
        for text in ["a\nb\n", "<<<<<<< HEAD\nours\n=======\ntheirs\n", "<<<<<<< A\n<<<<<<< B\nx\n=======\ny\n>>>>>>> B\n=======\nz\n>>>>>>> A\n",
                     "<<<<<<<< not a marker\n"] {
            #expect(Self.sides(text) == nil, "\(text)")
        }
    }

    /// A note's file as git leaves it after two edits crossed: the lines that differ are in
    /// conflict, each a hunk of its own (the two notes must take as many lines).
    static func conflicted(_ ours: Note, _ theirs: Note) -> String {
        let a = NoteFile.encode(ours).split(separator: "\n", omittingEmptySubsequences: false)
        let b = NoteFile.encode(theirs).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(a.count == b.count)
        return zip(a, b).map { $0 == $1 ? String($0) : "<<<<<<< HEAD\n\($0)\n=======\n\($1)\n>>>>>>> origin/main" }.joined(separator: "\n")
    }

    @Test("a conflict over the time of the last change alone is settled as the store is read: git's merge of both edits, the later time, the file rewritten")
    func conflictOverTimeSettled() throws {
        let store = try makeStore()
        var note = try store.save(store.makeNote(target: NoteTarget(item: "ppwt"), body: "text edited here", tags: ["renamed-there"], author: "a"), base: nil).saved
        note.updated = NoteTime(millisecondsSince1970: 1_795_262_400_000)
        var theirs = note
        theirs.updated = NoteTime(millisecondsSince1970: 1_795_262_460_000)
        try Self.conflicted(note, theirs).write(toFile: store.path(of: note.id), atomically: false, encoding: .utf8)
        let loaded = try store.load()
        #expect(loaded.problems.isEmpty)
        #expect(loaded.settledConflicts == [store.path(of: note.id)])
        #expect(loaded.note(note.id) == theirs)
        #expect(try NoteFile.decode(Array(String(contentsOfFile: store.path(of: note.id), encoding: .utf8).utf8), fileName: note.id + ".json") == theirs)
        #expect(try store.load().settledConflicts.isEmpty)

        // Read again by an open window: the same, and the note is there.
        try Self.conflicted(theirs, note).write(toFile: store.path(of: note.id), atomically: false, encoding: .utf8)
        var previous = loaded
        previous.remove(note.id)
        let refreshed = try store.refresh(previous)
        #expect(refreshed.note(note.id) == theirs && refreshed.settledConflicts.count == 1 && refreshed.problems.isEmpty)
        #expect(try store.refresh(refreshed).note(note.id) == theirs)
    }

    @Test("note resolve keeps both versions: the one changed last as the note, the other as its conflict copy; nothing else is touched")
    func resolveKeepsBoth() throws {
        let store = try makeStore()
        let note = try store.save(store.makeNote(target: NoteTarget(item: "ppwt"), body: "base", author: "a"), base: nil).saved
        var ours = note, theirs = note
        ours.body = "ours"
        ours.updated = NoteTime(millisecondsSince1970: note.updated.millisecondsSince1970 + 2_000)
        theirs.body = "theirs"
        theirs.updated = NoteTime(millisecondsSince1970: note.updated.millisecondsSince1970 + 1_000)
        let file = Self.conflicted(ours, theirs)
        try file.write(toFile: store.path(of: note.id), atomically: false, encoding: .utf8)
        let loaded = try store.load()
        #expect(loaded.isEmpty && loaded.problems.first?.mergeConflict == true && loaded.problems.first?.noteID == note.id)
        #expect(loaded.problems.first?.reason.contains("'travaux note resolve \(note.id)' keeps both versions") == true)
        // A save or a delete is still refused until then.
        #expect(throws: NoteStoreError.mergeConflict(path: store.path(of: note.id))) { try store.save(ours, base: note) }

        let resolution = try store.resolveConflict(note.id)
        #expect(resolution.note == ours)
        let copy = try #require(resolution.copy)
        #expect(copy.body == "theirs" && copy.created == note.created && copy.conflictOf == note.id && copy.id != note.id)
        let after = try store.load()
        #expect(after.problems.isEmpty)
        #expect(Set(after.all.map(\.body)) == ["ours", "theirs"])
        #expect(throws: NoteStoreError.noConflict(path: store.path(of: note.id))) { try store.resolveConflict(note.id) }

        // The later side keeps the id whichever side it is.
        try Self.conflicted(theirs, ours).write(toFile: store.path(of: note.id), atomically: false, encoding: .utf8)
        #expect(try store.resolveConflict(note.id).note.body == "ours")
        // A field another tool gave the older side only stays with that side, on its copy.
        let older = NoteFile.encode(theirs, otherFields: [("attachments", "[\"f.pdf\"]")])
        let newer = NoteFile.encode(ours)
        let withField = "<<<<<<< HEAD\n" + newer + "=======\n" + older + ">>>>>>> origin/main\n"
        try withField.write(toFile: store.path(of: note.id), atomically: false, encoding: .utf8)
        let kept = try store.resolveConflict(note.id)
        let copyFile = try String(contentsOfFile: store.path(of: try #require(kept.copy?.id)), encoding: .utf8)
        #expect(copyFile.contains("\"attachments\": [\"f.pdf\"]"), "\(copyFile)")
        // Sides that are not both this file's notes: left for a person, with why, and the read
        // says so instead of advising `note resolve`.
        var otherID = theirs
        otherID.id = "01M8000000000000000000000Z"
        let newerSide = NoteFile.encode(theirs).replacingOccurrences(of: "\"schema\": 1", with: "\"schema\": 2")
        let cases: [(String, String)] = [
            ("<<<<<<< HEAD\n{\"body\": \"ours\"}\n=======\n{\"body\": \"theirs\"}\n>>>>>>> origin/main\n",
             "its first side (after <<<<<<<) is not a note: "),
            ("<<<<<<< HEAD\n" + NoteFile.encode(ours) + "=======\n" + NoteFile.encode(otherID) + ">>>>>>> origin/main\n",
             "its second side (between ======= and >>>>>>>) is not a note: its id '01M8000000000000000000000Z' does not match its file name"),
            ("<<<<<<< HEAD\n" + NoteFile.encode(ours) + "=======\n" + newerSide + ">>>>>>> origin/main\n",
             "its second side (between ======= and >>>>>>>) was written by a newer travaux (note schema 2); resolve it there"),
            ("<<<<<<< HEAD\n<<<<<<< HEAD\n" + NoteFile.encode(ours) + "=======\n" + NoteFile.encode(theirs) + ">>>>>>> a\n=======\n"
                + NoteFile.encode(theirs) + ">>>>>>> origin/main\n",
             "its markers do not make one whole conflict (a marker missing, or a conflict inside another)"),
            // The closing marker deleted by hand: still a conflict to mend, not a damaged note.
            ("<<<<<<< HEAD\n" + NoteFile.encode(ours) + "=======\n" + NoteFile.encode(theirs),
             "its markers do not make one whole conflict (a marker missing, or a conflict inside another)"),
            ("<<<<<<<\n" + NoteFile.encode(ours),
             "its markers do not make one whole conflict (a marker missing, or a conflict inside another)"),
        ]
        for (text, why) in cases {
            try #require(newerSide.contains("\"schema\": 2"))
            try text.write(toFile: store.path(of: note.id), atomically: false, encoding: .utf8)
            do {
                _ = try store.resolveConflict(note.id)
                Issue.record("resolved: \(text)")
            } catch .unreadableConflict(let path, let said) {
                #expect(path == store.path(of: note.id) && said.hasPrefix(why), "\(said)")
            } catch {
                Issue.record("\(error)")
            }
            #expect(try String(contentsOfFile: store.path(of: note.id), encoding: .utf8) == text)
            let reason = try #require(try store.load().problems.first { $0.noteID == note.id }).reason
            #expect(reason.hasPrefix("it holds a git merge conflict 'travaux note resolve' cannot take (\(why)") && !reason.contains("keeps both versions"), "\(reason)")
        }
    }
}
