import TravauxCore

/// The in-app note editor: the body, the tags line and what the note is attached to.
public struct NoteEditor: Sendable, Hashable {
    public enum Field: Sendable, Hashable { case body, tags }

    /// Names the draft file for this editing session.
    public var draftID: String
    /// The note as it was before editing; nil for a new note.
    public var base: Note? { didSet { baseBodyAsEdited = base.map { TextArea(text: $0.body).text } } }
    /// The base's body as the editor holds it: a tab as spaces, no control characters. A
    /// body still so, untouched, is saved as the base had it, tabs and all (`savedBody`).
    public private(set) var baseBodyAsEdited: String?
    /// Whether `base` is the note as it was when the editing began, field by field: a draft
    /// resumed after the note changed elsewhere knows only when it was, so its save cannot
    /// merge the two edits field by field, and keeps the other as a conflict copy.
    public var baseIsExact = true
    /// The item and the parts of it the note may be attached to; Ctrl-T steps through them.
    public var targets: [NoteTarget]
    public var targetIndex: Int
    public var body: TextArea
    public var tags: TextField
    public var field: Field = .body
    public var session: String?
    /// Typed since the last draft save: a tick saves a draft.
    public var changedSinceDraft = false
    public var lastDraftSave: NoteTime?
    /// Drafts are written at most this often while typing (and always on SIGHUP/SIGTERM).
    public static let draftIntervalMilliseconds: Int64 = 3000
    /// Esc was pressed once on unsaved text; a second Esc discards it.
    public var confirmingDiscard = false
    /// Ctrl-C was pressed once on unsaved text; a second quits, keeping it as a draft.
    public var confirmingQuit = false
    /// The list of parts `Ctrl-T` opens, with the part the note was on when it opened (`Esc`
    /// goes back to it); nil while the list is closed.
    public var choosingTargetFrom: Int?
    /// Opened by `E`: the text went straight to $EDITOR and is saved when it returns.
    public var saveAfterExternalEdit = false

    public init(draftID: String, base: Note?, targets: [NoteTarget], target: NoteTarget, body: String = "",
                tags: [String] = [], session: String?) {
        self.draftID = draftID
        self.base = base
        self.baseBodyAsEdited = base.map { TextArea(text: $0.body).text }
        var targets = targets
        if !targets.contains(target) { targets.insert(target, at: 0) }
        self.targets = targets
        self.targetIndex = targets.firstIndex(of: target) ?? 0
        self.body = TextArea(text: body)
        self.tags = TextField(text: tags.joined(separator: " "), placeholder: "tags, separated by spaces")
        self.session = session
    }

    public var target: NoteTarget { targets.indices.contains(targetIndex) ? targets[targetIndex] : targets[0] }

    public var tagList: [String] {
        Tag.normalise(tags.text.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init))
    }

    /// Whether anything differs from the note it started from.
    public var isDirty: Bool {
        guard let base else { return !body.isEmpty || !tagList.isEmpty }
        return body.text != (baseBodyAsEdited ?? base.body) || tagList != base.tags || target != base.target
    }

    /// The body to save: the base's own where its text was left as it opened, so that
    /// opening a note, or adding a tag, never rewrites a pasted table's tabs.
    public var savedBody: String {
        let text = body.text
        if let base, text == baseBodyAsEdited { return base.body }
        return text
    }

    /// The tag being typed (after the last space), for completion.
    public var partialTag: String {
        guard field == .tags, tags.cursor == tags.characterCount else { return "" }
        return String(tags.text.split(separator: " ", omittingEmptySubsequences: false).last ?? "")
    }

    /// The first known tag, in its own spelling, that starts with what is typed in any case.
    /// None when what is typed is a known tag already: `space` stays `space` beside `space-weapons`.
    public func completedTag(from known: [String]) -> String? {
        let partial = Tag.normalise(partialTag)
        guard !partial.isEmpty, !known.contains(where: { $0.lowercased() == partial.lowercased() }) else { return nil }
        let present = Set(tagList.map { $0.lowercased() })
        return known.first(where: {
            $0.lowercased().hasPrefix(partial.lowercased()) && $0.count > partial.count && !present.contains($0.lowercased())
        })
    }

    public func draft(pid: Int32, processStart: Int64?, at time: NoteTime) -> NoteDraft {
        NoteDraft(id: draftID, target: target, body: body.text, tags: tagList, session: session, baseID: base?.id,
                  baseUpdated: base?.updated, saved: time, pid: pid, processStart: processStart)
    }
}
