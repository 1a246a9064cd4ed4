// A store exerciser for the crash and concurrency tests: it saves notes in a loop and
// prints a line for each save only after `save` has returned, so a test that kills it
// with SIGKILL knows exactly which saves were acknowledged.
//
//   travaux-stress STORE COUNT TAG      adds COUNT notes, editing earlier ones in between
//
// Each acknowledgement is "ID VERSION" on stdout, written with write(2) (no buffering).
#if canImport(Glibc)
import Glibc
#endif
import TravauxCore

let arguments = CommandLine.arguments
guard arguments.count == 4, let count = Int(arguments[2]) else {
    let usage = "usage: travaux-stress STORE COUNT TAG\n"
    _ = usage.withCString { write(STDERR_FILENO, $0, strlen($0)) }
    exit(2)
}
let store = NoteStore(directory: arguments[1])
let tag = arguments[3]

func acknowledge(_ line: String) {
    let text = line + "\n"
    _ = text.withCString { write(STDOUT_FILENO, $0, strlen($0)) }
}

var mine: [Note] = []
var generator = SystemRandomNumberGenerator()
var added = 0
while added < count {
    // Mostly adds; some edits, so that replacing an existing file is killed mid-way too.
    if !mine.isEmpty, Int.random(in: 0..<4, using: &generator) == 0 {
        let index = Int.random(in: 0..<mine.count, using: &generator)
        let base = mine[index]
        var edited = base
        let version = (Int(base.body.split(separator: " ").last ?? "0") ?? 0) + 1
        edited.body = "\(tag) note \(base.id) version \(version)"
        do {
            let outcome = try store.save(edited, base: base)
            mine[index] = outcome.saved
            acknowledge("\(base.id) \(version)")
        } catch {
            acknowledge("error \(error)")
            exit(1)
        }
    } else {
        var note = store.makeNote(target: NoteTarget(item: "ppwt"), body: "", tags: [tag, "stress"], author: tag)
        note.body = "\(tag) note \(note.id) version 0"
        do {
            try store.save(note, base: nil)
            mine.append(note)
            added += 1
            acknowledge("\(note.id) 0")
        } catch {
            acknowledge("error \(error)")
            exit(1)
        }
    }
}
