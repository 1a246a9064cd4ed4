import TravauxCore

/// `note show`: one note as text, its facts first as `show` gives an item's, then its text as
/// written (Markdown, as the export quotes it).
enum NoteText {
    static func render(_ note: Note, on label: String, zone: LocalZone) -> String {
        var lines = ["Note " + note.id + (note.conflictOf.map { " (a conflict copy of " + $0 + ")" } ?? "")]
        lines.append("On:      " + TerminalText.singleLine(label) + "  (" + note.target.description + ")")
        if !note.tags.isEmpty { lines.append("Tags:    " + TerminalText.singleLine(note.tags.map { "#" + $0 }.joined(separator: " "))) }
        lines.append("Session: " + (note.session.map(TerminalText.singleLine) ?? "none"))
        lines.append("By:      " + TerminalText.singleLine(note.author))
        lines.append("Created: " + zone.dayAndTime(of: note.created)
                     + (note.updated == note.created ? "" : " · changed " + zone.dayAndTime(of: note.updated)))
        lines.append("")
        lines.append(TerminalText.multiline(note.body))
        return lines.joined(separator: "\n") + "\n"
    }
}
