import TravauxCore

/// The table `list` prints for each kind.
enum ItemTable {
    static func table(for kind: ItemKind, items: [RecordItem], record: Record) -> Table {
        switch kind {
        case .event:
            var table = Table(columns: [.init(header: "DATE"), .init(header: "D"), .init(header: "TITLE", flexible: true),
                                        .init(header: "FORUM", cap: 24, optional: true), .init(header: "ID")])
            for case .event(let e) in items {
                table.rows.append([PartialDate.listed(e.date, inferred: e.dateInferred != nil),
                                   e.domain.marker, e.title, e.forum.map(record.name(of:)) ?? "", e.id])
            }
            return table
        case .proposal:
            // When it was first made and where it stands; at a narrow terminal the status goes last.
            var table = Table(columns: [.init(header: "DATE"), .init(header: "D"), .init(header: "TITLE", flexible: true),
                                        .init(header: "STATUS", cap: 28, optional: true), .init(header: "TYPE", optional: true),
                                        .init(header: "CHARACTER", optional: true), .init(header: "VERSIONS", rightAligned: true), .init(header: "ID")])
            for case .proposal(let p) in items {
                let first = p.firstDatedVersion
                table.rows.append([PartialDate.listed(first?.date, inferred: first?.dateInferred != nil),
                                   p.domain.marker, p.title, p.latestStatus, p.type, p.legalCharacter.words, String(p.versions.count), p.id])
            }
            return table
        case .source:
            var table = Table(columns: [.init(header: "WORK"), .init(header: "FN", rightAligned: true), .init(header: "SYMBOL", cap: 16, optional: true),
                                        .init(header: "CITATION", flexible: true), .init(header: "ID")])
            for case .source(let s) in items {
                table.rows.append([record.workAbbreviation(s.work), String(s.number), s.symbol ?? "", s.citation, s.id])
            }
            return table
        case .actor:
            var table = Table(columns: [.init(header: "NAME", flexible: true), .init(header: "KIND"), .init(header: "ID")])
            for case .actor(let a) in items { table.rows.append([a.name, a.kind.rawValue, a.id]) }
            return table
        case .forum:
            var table = Table(columns: [.init(header: "NAME", flexible: true), .init(header: "ID")])
            let depths = Dictionary(record.forumsByHierarchy.map { ($0.forum.id, $0.depth) }, uniquingKeysWith: { a, _ in a })
            for case .forum(let f) in items {
                table.rows.append([String(repeating: "  ", count: depths[f.id] ?? 0) + f.name, f.id])
            }
            return table
        case .theme:
            var table = Table(columns: [.init(header: "D"), .init(header: "ARGUMENT", optional: true), .init(header: "TITLE", flexible: true), .init(header: "ID")])
            for case .theme(let t) in items { table.rows.append([t.domain.marker, t.type, t.title, t.id]) }
            return table
        case .work:
            var table = Table(columns: [.init(header: "AUTHOR", cap: 24), .init(header: "TITLE", flexible: true),
                                        .init(header: "FOOTNOTES", rightAligned: true), .init(header: "ID")])
            for case .work(let w) in items { table.rows.append([w.author, w.title, String(w.footnoteCount), w.id]) }
            return table
        }
    }
}
