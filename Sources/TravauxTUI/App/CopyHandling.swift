import TravauxCore

/// `y`: a menu of what can be copied from the selection, then the text handed to the run
/// loop, which knows the clipboards (`Effect.copyToClipboard`).
enum CopyHandling {
    static func open(_ state: inout AppState) {
        guard let menu = menu(for: state), !menu.choices.isEmpty else {
            state.message = "select an item or a note to copy from"
            return
        }
        state.overlay = .copy(menu)
    }

    /// What `y` copies from: the versions compared, a note selected (in the Notes pane or as
    /// a ✎ marker), a footnote marker selected in the reader (its citation, then the part it
    /// is in), another item a selected link leads to, the part of the item in the reader's
    /// view, or the selected row's item.
    static func menu(for state: AppState) -> CopyMenu? {
        let record = state.record
        if let comparison = state.comparison {
            let version = comparison.versions.indices.contains(comparison.to) ? comparison.versions[comparison.to] : nil
            return CopyMenu(source: record.name(of: comparison.proposalID),
                            choices: record.copyChoices(for: NoteTarget(item: comparison.proposalID, version: version)))
        }
        if let note = state.selectedNote {
            return CopyMenu(source: "your note", choices: record.copyChoices(for: note))
        }
        if state.keyContext == .reader, let reader = state.reader {
            let name = record.name(of: reader.itemID)
            guard let layout = reader.layout else { return CopyMenu(source: name, choices: record.copyChoices(for: NoteTarget(item: reader.itemID))) }
            guard let index = reader.selectedLink, layout.links.indices.contains(index) else {
                return CopyMenu(source: name, choices: record.copyChoices(for: layout.noteTarget(atLine: reader.scroll)))
            }
            // A footnote marker: its citation first, then the part it is in (a quoted text),
            // as `a` would annotate it. A link to another item: that item.
            let link = layout.links[index]
            switch record.item(link.target) {
            case .source?:
                let part = layout.noteTarget(atLine: link.segments.first?.line ?? reader.scroll)
                return CopyMenu(source: name, choices: record.copyChoices(for: part, footnote: link.target))
            case .some:
                return CopyMenu(source: record.name(of: link.target), choices: record.copyChoices(for: NoteTarget(item: link.target)))
            case nil:
                return CopyMenu(source: name, choices: record.copyChoices(for: layout.noteTarget(atLine: reader.scroll)))
            }
        }
        guard let id = state.selectedItemID else { return nil }
        return CopyMenu(source: record.name(of: id), choices: record.copyChoices(for: NoteTarget(item: id)))
    }

    /// Keys while the menu is open: the list's moves, Enter or a row's number copies, Esc closes.
    static func handleKey(_ state: inout AppState, _ menu: CopyMenu, _ key: KeyEvent) -> [Effect] {
        var menu = menu
        let last = max(0, menu.choices.count - 1)
        if case .character(let c) = key, let digit = c.wholeNumberValue, digit >= 1, digit <= min(9, menu.choices.count) {
            menu.selected = digit - 1
            return copy(&state, menu)
        }
        switch state.keymap.command(for: key, in: .list) {
        case .moveDown?: menu.selected = min(last, menu.selected + 1)
        case .moveUp?: menu.selected = max(0, menu.selected - 1)
        case .pageDown?, .halfPageDown?, .bottom?: menu.selected = last
        case .pageUp?, .halfPageUp?, .top?: menu.selected = 0
        case .open?: return copy(&state, menu)
        case .quit?:
            state.overlay = nil
            return []
        case .back?, .copy?:
            state.overlay = nil
            return []
        default: break
        }
        state.overlay = .copy(menu)
        return []
    }

    private static func copy(_ state: inout AppState, _ menu: CopyMenu) -> [Effect] {
        state.overlay = nil
        guard menu.choices.indices.contains(menu.selected) else { return [] }
        let choice = menu.choices[menu.selected]
        return [.copyToClipboard(text: choice.text, label: choice.label)]
    }
}
