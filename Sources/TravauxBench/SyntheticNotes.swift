import TravauxCore

/// A seminar group's notes on a synthetic record: bodies of a line to a few paragraphs of
/// Markdown, tags with accents and CJK, sessions, several authors, over two years.
public enum SyntheticNotes {
    static let tags = [
        "verification", "ASAT", "débris", "sécurité-spatiale", "norms", "CBMs", "TCBMs", "attribution",
        "hotline", "PPWT", "EU-code", "GGE", "OSCE", "ITU", "sovereignty", "外空", "网络安全", "行为准则",
        "seminar-question", "to-check", "quote", "disagreement", "consensus", "Genève", "coopération",
        "São-Paulo", "Müller", "Łódź", "reading-list", "exam", "transparency", "dual-use", "commons",
    ]
    static let authors = ["Zoë Martin", "Ana María Ortiz", "王芳", "Jürgen Groß", "Chidi Okafor", "Ingrid Øvre"]

    public static func make(count: Int, record: SyntheticRecord, seed: UInt64) -> [Note] {
        var g = SeededGenerator(seed: seed).derived("notes")
        let targets = (record.ids[.event] ?? []) + (record.ids[.proposal] ?? []) + (record.ids[.source] ?? []) + (record.ids[.theme] ?? [])
        guard !targets.isEmpty else { return [] }
        // 2024-09-02 09:00 UTC, then a note every few minutes of seminar time.
        var time: Int64 = 1_725_267_600_000
        var notes: [Note] = []
        notes.reserveCapacity(count)
        for _ in 0..<count {
            time += Int64.random(in: 20_000...600_000, using: &g)
            let created = NoteTime(millisecondsSince1970: time)
            let item = g.element(of: targets)
            var target = NoteTarget(item: item)
            if let parts = record.proposalParts[item], g.chance(0.4) {
                if g.chance(0.5), !parts.elements.isEmpty { target.element = g.element(of: parts.elements) }
                else { target.version = g.element(of: parts.versions) }
            }
            let updated = g.chance(0.3) ? NoteTime(millisecondsSince1970: time + Int64.random(in: 1_000...9_000_000, using: &g)) : nil
            notes.append(Note(id: NoteID.make(at: created, using: &g), target: target, body: body(&g),
                              tags: g.pick(Int.random(in: 0...4, using: &g), from: tags),
                              session: g.chance(0.8) ? "seminar-\(Int.random(in: 1...40, using: &g))" : nil,
                              author: g.element(of: authors), created: created, updated: updated))
        }
        return notes
    }

    /// A Markdown body: mostly a sentence or two, sometimes paragraphs, a list or a quote.
    static func body(_ g: inout SeededGenerator) -> String {
        var body = SyntheticText.prose(g.length(around: 160), using: &g)
        if g.chance(0.35) { body += "\n\n" + SyntheticText.prose(g.length(around: 300), using: &g) }
        if g.chance(0.15) {
            body += "\n\n" + (0..<Int.random(in: 2...5, using: &g)).map { _ in "- " + SyntheticText.sentence(g.length(around: 50), using: &g) }
                .joined(separator: "\n")
        }
        if g.chance(0.1) { body += "\n\n> " + SyntheticText.sentence(g.length(around: 120), using: &g) }
        if g.chance(0.2) { body = "**" + SyntheticText.title(g.length(around: 20), using: &g) + "** " + body }
        return body
    }

    /// Writes a store of `notes` straight to disk: the store's own manifest (by saving the first
    /// note through `NoteStore`), then plain files, without a lock or fsync per note, which would
    /// take minutes for 100,000 notes and is not what is measured.
    public static func writeStore(_ notes: [Note], to directory: String) throws {
        guard let first = notes.first else { return }
        try NoteStore(directory: directory).save(first, base: nil)
        for note in notes.dropFirst() {
            try BenchFiles.write(Array(note.storedForm.utf8), to: directory + "/" + note.id + ".json")
        }
    }
}
