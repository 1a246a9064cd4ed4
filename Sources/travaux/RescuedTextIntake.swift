#if canImport(Glibc)
import Glibc
#endif
import TravauxCore

extension UnsavedNoteRescue {
    /// Takes the texts rescued to the temporary folder for `store` back into it as drafts,
    /// which `R` resumes like a closed window's: each draft is written before its file is
    /// removed, so the text is on disk in one or the other at every moment. Only into a store
    /// known to exist (not a folder made where a drive is unmounted) and only the files that
    /// name this store; the others, and any that cannot be written now (the store still
    /// read-only), stay in the folder and are named as before.
    static func takeIntoDrafts(_ files: [String], store: NoteStore, now: NoteTime) -> (drafts: [NoteDraft], left: [RescueFile]) {
        let read = files.map { RescueFile(file: $0, content: content(of: $0)) }
        guard store.knownToExist else { return ([], read) }
        let own = absolute(store.directory)
        var drafts: [NoteDraft] = [], left: [RescueFile] = []
        for rescued in read {
            let file = rescued.file
            guard let (header, _, body) = rescued.content, header.store == own else {
                left.append(rescued)
                continue
            }
            // pid 0 is no process: the draft is offered by every window, never taken for a live one's.
            let name = file.split(separator: "/").last.map(String.init) ?? file
            let id = "rescued-" + name.dropFirst("travaux-unsaved-note-".count).dropLast(".txt".count)
            let draft = NoteDraft(id: String(id), target: header.target, body: body, tags: header.tags, session: header.session,
                                  baseID: header.noteID, saved: now, pid: 0)
            do {
                try store.saveDraft(draft)
            } catch {
                left.append(rescued)
                continue
            }
            if unlink(file) != 0 {
                // The draft is written: a file left as well is a copy, not a loss; it is named.
                left.append(rescued)
            }
            drafts.append(draft)
        }
        return (drafts, left)
    }
}
