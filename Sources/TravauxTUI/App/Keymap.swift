/// One named action with its keys and the words the help overlay and status bar use.
public struct KeyBinding: Sendable, Hashable {
    public var command: Command
    public var keys: [KeyEvent]
    public var context: KeyContext
    /// Short, for the status bar hint ("search").
    public var label: String
    /// A sentence for the help overlay.
    public var help: String
    /// Whether the status bar offers it as a hint.
    public var hint: Bool

    public var keyNames: String { keys.map(\.name).joined(separator: " ") }
}

/// The one table of key bindings: key handling, the `?` overlay and the status hints all
/// come from it, so they cannot disagree (tig's request table, bubbles' key.Binding).
public struct Keymap: Sendable {
    public var bindings: [KeyBinding] {
        didSet {
            (hintTable, hintTextTable) = Self.hintTables(bindings)
            compactHintTextTable = hintTextTable.mapValues(Self.paired)
            commandTable = CommandTable(bindings)
        }
    }
    // Worked out once: the status line asks for its context's hints on every frame, and each
    // key for its command (searching every binding took 8,400 instructions a key).
    private var hintTable: [KeyContext: [KeyBinding]]
    private var hintTextTable: [KeyContext: [Hint]]
    private var compactHintTextTable: [KeyContext: [Hint]]
    private var commandTable: CommandTable

    /// A binding as the status line offers it: its first key and label, and their width.
    public struct Hint: Sendable {
        public var binding: KeyBinding
        public var text: String
        public var width: Int
    }

    public init(bindings: [KeyBinding]) {
        self.bindings = bindings
        (hintTable, hintTextTable) = Self.hintTables(bindings)
        compactHintTextTable = hintTextTable.mapValues(Self.paired)
        commandTable = CommandTable(bindings)
    }

    /// The command a key means in a context; a context's own bindings win over global ones.
    public func command(for key: KeyEvent, in context: KeyContext) -> Command? {
        commandTable.command(for: key, in: context)
    }

    /// The bindings shown as hints in a context, most specific first.
    public func hints(in context: KeyContext) -> [KeyBinding] {
        hintTable[context] ?? []
    }

    /// The hints of a context as the status line shows them, each text once.
    public func hintTexts(in context: KeyContext) -> [Hint] {
        hintTextTable[context] ?? []
    }

    /// The same, shorter: two hints in a row whose labels begin with the same word are one,
    /// their keys together (`[ from earlier  ] from later` is `[ ] from`), so that a narrow
    /// status line still names every key of a comparison.
    public func compactHintTexts(in context: KeyContext) -> [Hint] {
        compactHintTextTable[context] ?? []
    }

    private static func paired(_ hints: [Hint]) -> [Hint] {
        var result: [Hint] = []
        var index = 0
        while index < hints.count {
            let hint = hints[index]
            if index + 1 < hints.count, let word = hint.binding.label.split(separator: " ").first,
               hint.binding.label.contains(" "), hints[index + 1].binding.label.split(separator: " ").first == word,
               let first = hint.binding.keys.first, let second = hints[index + 1].binding.keys.first {
                let text = first.name + " " + second.name + " " + word
                result.append(Hint(binding: hint.binding, text: text, width: DisplayWidth.of(text)))
                index += 2
                continue
            }
            result.append(hint)
            index += 1
        }
        return result
    }

    private static func hintTables(_ bindings: [KeyBinding]) -> ([KeyContext: [KeyBinding]], [KeyContext: [Hint]]) {
        var hints: [KeyContext: [KeyBinding]] = [:]
        var texts: [KeyContext: [Hint]] = [:]
        for context in KeyContext.allCases {
            let contextHints = hintBindings(bindings, in: context)
            var seen = Set<String>()
            hints[context] = contextHints
            texts[context] = contextHints.compactMap { binding in
                let text = (binding.keys.first?.name ?? "") + " " + binding.label
                guard seen.insert(text).inserted else { return nil }
                return Hint(binding: binding, text: text, width: DisplayWidth.of(text))
            }
        }
        return (hints, texts)
    }

    private static func hintBindings(_ bindings: [KeyBinding], in context: KeyContext) -> [KeyBinding] {
        var taken = Set<KeyEvent>()
        var result: [KeyBinding] = []
        for layer in context.layers {
            for binding in bindings where binding.hint && binding.context == layer {
                // A key a more specific layer binds is not offered again for the general meaning.
                guard let first = binding.keys.first, !taken.contains(first) else { continue }
                result.append(binding)
            }
            for binding in bindings where binding.context == layer { taken.formUnion(binding.keys) }
        }
        return result
    }

    public static let standard = Keymap(bindings: [
        KeyBinding(command: .moveDown, keys: [.character("j"), .down, .control("e")], context: .global, label: "down", help: "Move down one item (one line in the reader)", hint: false),
        KeyBinding(command: .moveUp, keys: [.character("k"), .up, .control("y")], context: .global, label: "up", help: "Move up one item (one line in the reader)", hint: false),
        KeyBinding(command: .pageDown, keys: [.pageDown, .character(" "), .control("f")], context: .global, label: "page down", help: "Move down one page", hint: false),
        KeyBinding(command: .pageUp, keys: [.pageUp, .character("b"), .control("b")], context: .global, label: "page up", help: "Move up one page", hint: false),
        KeyBinding(command: .halfPageDown, keys: [.control("d")], context: .global, label: "half page down", help: "Move down half a page", hint: false),
        KeyBinding(command: .halfPageUp, keys: [.control("u")], context: .global, label: "half page up", help: "Move up half a page", hint: false),
        KeyBinding(command: .top, keys: [.character("g"), .home], context: .global, label: "top", help: "Go to the first item (the top of the reader)", hint: false),
        KeyBinding(command: .bottom, keys: [.character("G"), .end], context: .global, label: "bottom", help: "Go to the last item (the end of the reader)", hint: false),
        KeyBinding(command: .nextGroup, keys: [.character("}")], context: .list, label: "next group", help: "Jump to the next group: the next year in the Timeline, the next domain in Proposals and Themes, work in Sources, day in Notes", hint: false),
        KeyBinding(command: .previousGroup, keys: [.character("{")], context: .list, label: "previous group", help: "Jump to the group before: the year before in the Timeline, and so on", hint: false),
        KeyBinding(command: .open, keys: [.enter, .character("l"), .right], context: .list, label: "open", help: "Open the selected item in the reader", hint: true),
        KeyBinding(command: .open, keys: [.enter], context: .reader, label: "follow", help: "Follow the selected link or footnote; edit the selected ✎ note", hint: true),
        KeyBinding(command: .nextLink, keys: [.tab, .character("]")], context: .reader, label: "next link", help: "Select the next link or footnote marker", hint: true),
        KeyBinding(command: .previousLink, keys: [.backTab, .character("[")], context: .reader, label: "previous link", help: "Select the previous link or footnote marker", hint: false),
        KeyBinding(command: .compare, keys: [.character("c")], context: .list, label: "compare", help: "Compare two versions of the selected proposal", hint: true),
        KeyBinding(command: .compare, keys: [.character("c")], context: .reader, label: "compare", help: "Compare two versions of the proposal in the reader", hint: true),
        KeyBinding(command: .earlierFrom, keys: [.character("[")], context: .comparison, label: "from earlier", help: "Move the 'from' side to the version before", hint: true),
        KeyBinding(command: .laterFrom, keys: [.character("]")], context: .comparison, label: "from later", help: "Move the 'from' side to the version after (it stays before 'to')", hint: true),
        KeyBinding(command: .earlierTo, keys: [.character("{")], context: .comparison, label: "to earlier", help: "Move the 'to' side to the version before (it stays after 'from')", hint: true),
        KeyBinding(command: .laterTo, keys: [.character("}")], context: .comparison, label: "to later", help: "Move the 'to' side to the version after", hint: true),
        KeyBinding(command: .back, keys: [.escape, .backspace, .character("h"), .left], context: .global, label: "back", help: "Go back to exactly where you were", hint: true),
        KeyBinding(command: .nextPane, keys: [.tab], context: .list, label: "next pane", help: "Switch to the next pane", hint: false),
        KeyBinding(command: .previousPane, keys: [.backTab], context: .list, label: "previous pane", help: "Switch to the previous pane", hint: false),
        KeyBinding(command: .timeline, keys: [.character("1")], context: .global, label: "timeline", help: "Show the timeline of events", hint: false),
        KeyBinding(command: .proposals, keys: [.character("2")], context: .global, label: "proposals", help: "Show the proposals and their versions", hint: false),
        KeyBinding(command: .sources, keys: [.character("3")], context: .global, label: "sources", help: "Show the footnoted sources", hint: false),
        KeyBinding(command: .themes, keys: [.character("4")], context: .global, label: "themes", help: "Show the themes the texts argue", hint: false),
        KeyBinding(command: .notes, keys: [.character("5")], context: .global, label: "notes", help: "Show your notes, newest first", hint: false),
        KeyBinding(command: .zoom, keys: [.character("z")], context: .global, label: "zoom", help: "Show the focused pane alone at full width (z again: list and reader side by side)", hint: false),
        KeyBinding(command: .annotate, keys: [.character("a")], context: .global, label: "annotate", help: "Write a note on the selected item (in the reader: on the version, element or quoted text in view)", hint: true),
        KeyBinding(command: .editNote, keys: [.character("e")], context: .global, label: "edit note", help: "Edit the selected note (Notes pane, or a ✎ marker selected with Tab)", hint: false),
        KeyBinding(command: .editExternally, keys: [.character("E")], context: .global, label: "$EDITOR", help: "Write the selected note (or a new one) in $VISUAL or $EDITOR", hint: false),
        KeyBinding(command: .editTags, keys: [.character("t")], context: .global, label: "tags", help: "Edit the selected note's tags, with completion", hint: false),
        KeyBinding(command: .deleteNote, keys: [.character("d"), .delete], context: .global, label: "delete note", help: "Delete the selected note (u brings it back)", hint: false),
        KeyBinding(command: .moveNote, keys: [.character("m")], context: .global, label: "move note", help: "Move the selected note (one taken on the wrong item): m on it, then m where it goes, in any pane or the reader (Esc cancels)", hint: false),
        KeyBinding(command: .undoDelete, keys: [.character("u")], context: .global, label: "undo delete", help: "Bring back the notes deleted and the texts discarded with Esc Esc, last first", hint: false),
        KeyBinding(command: .exportNotes, keys: [.character("x")], context: .global, label: "export", help: "Export the notes the filters keep (every note without filters) to a Markdown handout", hint: false),
        KeyBinding(command: .setSession, keys: [.character("S")], context: .global, label: "session", help: "Set the session label stamped on new notes", hint: false),
        KeyBinding(command: .resumeDraft, keys: [.character("R")], context: .global, label: "resume draft", help: "Resume a note left unsaved when a window closed", hint: false),
        KeyBinding(command: .filterNotesText, keys: [.character("/")], context: .notes, label: "filter notes", help: "Show only the notes holding the words you type", hint: true),
        // The global `e`, `d` and `x` again, to be hinted where the notes are listed.
        KeyBinding(command: .editNote, keys: [.character("e")], context: .notes, label: "edit", help: "Edit the selected note", hint: true),
        KeyBinding(command: .deleteNote, keys: [.character("d")], context: .notes, label: "delete", help: "Delete the selected note (u brings it back)", hint: true),
        KeyBinding(command: .exportNotes, keys: [.character("x")], context: .notes, label: "export", help: "Export the notes listed to a Markdown handout", hint: true),
        KeyBinding(command: .orderNotes, keys: [.character("o")], context: .notes, label: "order", help: "List the notes as taken, oldest first (a meeting's minutes), or by last change, newest first", hint: false),
        KeyBinding(command: .saveNote, keys: [.control("s")], context: .editor, label: "save", help: "Save the note", hint: true),
        // `?` is text here: F1 is the way to the help while typing.
        KeyBinding(command: .help, keys: [.function(1)], context: .editor, label: "help", help: "Show this help over the note, which stays as it is", hint: false),
        KeyBinding(command: .cancelEdit, keys: [.escape], context: .editor, label: "cancel", help: "Close the editor (twice to discard unsaved text, which u brings back)", hint: true),
        KeyBinding(command: .switchField, keys: [.tab, .backTab], context: .editor, label: "text/tags", help: "Move between the text and the tags (Tab also completes a tag)", hint: true),
        KeyBinding(command: .cycleTarget, keys: [.control("t")], context: .editor, label: "attach to", help: "Attach the note to the item or one of its versions, elements or quoted texts (a list: ↑ ↓ Enter)", hint: true),
        KeyBinding(command: .externalEditor, keys: [.control("x")], context: .editor, label: "$EDITOR", help: "Continue the note in $VISUAL or $EDITOR", hint: true),
        KeyBinding(command: .undoEdit, keys: [.control("_")], context: .editor, label: "undo", help: "Undo the last change to the text (Ctrl-/)", hint: true),
        KeyBinding(command: .redoEdit, keys: [.control("r"), .control("y")], context: .editor, label: "redo", help: "Redo what was undone", hint: false),
        KeyBinding(command: .search, keys: [.character("/")], context: .global, label: "search", help: "Search the record and your notes as you type", hint: true),
        KeyBinding(command: .nextMatch, keys: [.character("n")], context: .global, label: "next match", help: "Step to the next search match", hint: false),
        KeyBinding(command: .previousMatch, keys: [.character("N")], context: .global, label: "previous match", help: "Step to the previous search match", hint: false),
        KeyBinding(command: .filter, keys: [.character("f")], context: .global, label: "filter", help: "Filter by domain, forum, actor, tag or session (/ narrows a long list)", hint: true),
        KeyBinding(command: .clearFilters, keys: [.character("F")], context: .global, label: "clear filters", help: "Clear every filter", hint: false),
        KeyBinding(command: .copy, keys: [.character("y")], context: .global, label: "copy", help: "Copy a citation, symbol, quoted text, note or id from the selection (Enter or 1–9 copies)", hint: false),
        KeyBinding(command: .redraw, keys: [.control("l")], context: .global, label: "redraw", help: "Redraw the whole screen", hint: false),
        KeyBinding(command: .help, keys: [.character("?"), .function(1)], context: .global, label: "help", help: "Show this help", hint: true),
        // Ctrl-C never reaches the keymap (the reducer takes it as the interrupt); it is listed for the help.
        KeyBinding(command: .quit, keys: [.character("q"), .control("c")], context: .global, label: "quit", help: "Quit travaux", hint: true),
    ])
}
