import TravauxCore

/// What the Notes pane lists: the notes its own filter keeps (with the record filter's tag
/// among its tags) whose items the record filter's other conditions keep.
struct NoteListing {
    let matcher: NoteMatcher
    let recordConditions: RecordFilter

    init(filters: RecordFilter, noteFilter: NoteFilter, record: Record) {
        var combined = noteFilter
        if let tag = filters.tag { combined.tags.append(tag.name) }
        var conditions = filters
        conditions.tag = nil
        matcher = combined.matcher(record: record)
        recordConditions = conditions
    }

    /// Whether an item's notes may be listed, as far as the record filter goes.
    func keepsItem(_ itemID: String, in record: Record) -> Bool {
        recordConditions.isEmpty || (record.item(itemID).map { recordConditions.matches($0, in: record) } ?? false)
    }

    func lists(_ note: Note, in record: Record) -> Bool {
        matcher.matches(note) && keepsItem(note.target.item, in: record)
    }
}
