// How each part of the record goes into a snapshot: every field, in declaration order.
// `RecordSnapshotTests` round-trips a record that fills every field, so a field added to
// the model and forgotten here fails a test.

extension PartialDate: SnapshotCodable {
    init(from reader: inout SnapshotReader) throws(SnapshotDamage) {
        let start = reader.position
        guard let date = PartialDate(year: try reader.integer(), month: try reader.optionalInteger(),
                                     day: try reader.optionalInteger()) else { throw SnapshotDamage(position: start) }
        self = date
    }

    func write(to writer: inout SnapshotWriter) {
        writer.integer(year)
        writer.optionalInteger(month)
        writer.optionalInteger(day)
    }
}

extension SnapshotReader {
    mutating func date() throws(SnapshotDamage) -> PartialDate? {
        try optional { reader throws(SnapshotDamage) in try PartialDate(from: &reader) }
    }
}

extension SnapshotWriter {
    mutating func date(_ date: PartialDate?) { optional(date) { $0.value($1) } }
}

extension RecordManifest: SnapshotCodable {
    init(from reader: inout SnapshotReader) throws(SnapshotDamage) {
        self.init(title: try reader.string(), version: try reader.string(), description: try reader.optionalString())
    }

    func write(to writer: inout SnapshotWriter) {
        writer.string(title)
        writer.string(version)
        writer.optionalString(description)
    }
}

extension Work: SnapshotCodable {
    init(from reader: inout SnapshotReader) throws(SnapshotDamage) {
        self.init(id: try reader.string(), title: try reader.string(), author: try reader.string(),
                  abbreviation: try reader.optionalString(), form: try reader.string(), date: try reader.date(),
                  dateWording: try reader.optionalString(), dateInferred: try reader.optionalString(),
                  footnoteCount: try reader.integer(), seed: try reader.optionalString(), summary: try reader.string())
    }

    func write(to writer: inout SnapshotWriter) {
        writer.string(id); writer.string(title); writer.string(author)
        writer.optionalString(abbreviation); writer.string(form); writer.date(date)
        writer.optionalString(dateWording); writer.optionalString(dateInferred)
        writer.integer(footnoteCount); writer.optionalString(seed); writer.string(summary)
    }
}

extension Source: SnapshotCodable {
    init(from reader: inout SnapshotReader) throws(SnapshotDamage) {
        self.init(id: try reader.string(), work: try reader.string(), number: try reader.integer(),
                  citation: try reader.string(), author: try reader.optionalString(), title: try reader.optionalString(),
                  date: try reader.date(), dateWording: try reader.optionalString(), symbols: try reader.strings(),
                  urls: try reader.strings(), refersTo: try reader.optionalString(),
                  documentType: try reader.optionalString(), remark: try reader.optionalString(),
                  documents: try reader.list())
    }

    func write(to writer: inout SnapshotWriter) {
        writer.string(id); writer.string(work); writer.integer(number)
        writer.string(citation); writer.optionalString(author); writer.optionalString(title)
        writer.date(date); writer.optionalString(dateWording); writer.strings(symbols)
        writer.strings(urls); writer.optionalString(refersTo)
        writer.optionalString(documentType); writer.optionalString(remark)
        writer.list(documents)
    }
}

extension CitedDocument: SnapshotCodable {
    init(from reader: inout SnapshotReader) throws(SnapshotDamage) {
        self.init(id: try reader.string(), author: try reader.optionalString(), title: try reader.optionalString(),
                  date: try reader.date(), dateWording: try reader.optionalString(), symbols: try reader.strings(),
                  urls: try reader.strings(), documentType: try reader.optionalString())
    }

    func write(to writer: inout SnapshotWriter) {
        writer.string(id); writer.optionalString(author); writer.optionalString(title)
        writer.date(date); writer.optionalString(dateWording); writer.strings(symbols)
        writer.strings(urls); writer.optionalString(documentType)
    }
}

extension Vote: SnapshotCodable {
    init(from reader: inout SnapshotReader) throws(SnapshotDamage) {
        self.init(yes: try reader.optionalInteger(), no: try reader.optionalInteger(), abstain: try reader.optionalInteger(),
                  yesActors: try reader.strings(), noActors: try reader.strings(), abstainActors: try reader.strings(),
                  wording: try reader.optionalString())
    }

    func write(to writer: inout SnapshotWriter) {
        writer.optionalInteger(yes); writer.optionalInteger(no); writer.optionalInteger(abstain)
        writer.strings(yesActors); writer.strings(noActors); writer.strings(abstainActors)
        writer.optionalString(wording)
    }
}

extension Fact: SnapshotCodable {
    init(from reader: inout SnapshotReader) throws(SnapshotDamage) {
        self.init(label: try reader.string(), value: try reader.string(), source: try reader.optionalString())
    }

    func write(to writer: inout SnapshotWriter) {
        writer.string(label); writer.string(value); writer.optionalString(source)
    }
}

extension Event: SnapshotCodable {
    init(from reader: inout SnapshotReader) throws(SnapshotDamage) {
        self.init(id: try reader.string(), title: try reader.string(), domain: try reader.enumeration(),
                  type: try reader.string(), date: try reader.date(), dateWording: try reader.optionalString(),
                  dateInferred: try reader.optionalString(), forum: try reader.optionalString(),
                  actors: try reader.strings(), summary: try reader.string(), symbols: try reader.strings(),
                  vote: try reader.optional { reader throws(SnapshotDamage) in try reader.value() },
                  facts: try reader.list(), sources: try reader.strings(), proposals: try reader.strings(),
                  related: try reader.strings())
    }

    func write(to writer: inout SnapshotWriter) {
        writer.string(id); writer.string(title); writer.string(domain.rawValue)
        writer.string(type); writer.date(date); writer.optionalString(dateWording)
        writer.optionalString(dateInferred); writer.optionalString(forum)
        writer.strings(actors); writer.string(summary); writer.strings(symbols)
        writer.optional(vote) { $0.value($1) }
        writer.list(facts); writer.strings(sources); writer.strings(proposals)
        writer.strings(related)
    }
}

extension Quote: SnapshotCodable {
    init(from reader: inout SnapshotReader) throws(SnapshotDamage) {
        self.init(id: try reader.string(), text: try reader.string(), source: try reader.string(),
                  context: try reader.optionalString())
    }

    func write(to writer: inout SnapshotWriter) {
        writer.string(id); writer.string(text); writer.string(source); writer.optionalString(context)
    }
}

extension ProposalVersion: SnapshotCodable {
    init(from reader: inout SnapshotReader) throws(SnapshotDamage) {
        self.init(id: try reader.string(), label: try reader.string(), date: try reader.date(),
                  dateWording: try reader.optionalString(), dateInferred: try reader.optionalString(),
                  symbols: try reader.strings(), changes: try reader.string(), quotes: try reader.list(),
                  sources: try reader.strings(), sponsors: try reader.strings(),
                  legalCharacter: try reader.optional { reader throws(SnapshotDamage) in try reader.enumeration() },
                  status: try reader.optionalString())
    }

    func write(to writer: inout SnapshotWriter) {
        writer.string(id); writer.string(label); writer.date(date)
        writer.optionalString(dateWording); writer.optionalString(dateInferred)
        writer.strings(symbols); writer.string(changes); writer.list(quotes)
        writer.strings(sources); writer.strings(sponsors)
        writer.optionalString(legalCharacter?.rawValue)
        writer.optionalString(status)
    }
}

extension ProposalElement: SnapshotCodable {
    init(from reader: inout SnapshotReader) throws(SnapshotDamage) {
        self.init(id: try reader.string(), number: try reader.string(), text: try reader.string(),
                  quote: try reader.optionalString(), sources: try reader.strings(), versions: try reader.strings())
    }

    func write(to writer: inout SnapshotWriter) {
        writer.string(id); writer.string(number); writer.string(text)
        writer.optionalString(quote); writer.strings(sources); writer.strings(versions)
    }
}

extension Criticism: SnapshotCodable {
    init(from reader: inout SnapshotReader) throws(SnapshotDamage) {
        self.init(by: try reader.strings(), byWording: try reader.optionalString(), summary: try reader.string(),
                  version: try reader.optionalString(), sources: try reader.strings())
    }

    func write(to writer: inout SnapshotWriter) {
        writer.strings(by); writer.optionalString(byWording); writer.string(summary)
        writer.optionalString(version); writer.strings(sources)
    }
}

extension Proposal: SnapshotCodable {
    init(from reader: inout SnapshotReader) throws(SnapshotDamage) {
        self.init(id: try reader.string(), title: try reader.string(), shortName: try reader.optionalString(),
                  aliases: try reader.strings(), domain: try reader.enumeration(), type: try reader.string(),
                  legalCharacter: try reader.enumeration(), sponsors: try reader.strings(),
                  forum: try reader.optionalString(), status: try reader.string(), summary: try reader.string(),
                  versions: try reader.list(), elements: try reader.list(), criticisms: try reader.list(),
                  events: try reader.strings(), sources: try reader.strings(), related: try reader.strings())
    }

    func write(to writer: inout SnapshotWriter) {
        writer.string(id); writer.string(title); writer.optionalString(shortName)
        writer.strings(aliases); writer.string(domain.rawValue); writer.string(type)
        writer.string(legalCharacter.rawValue); writer.strings(sponsors)
        writer.optionalString(forum); writer.string(status); writer.string(summary)
        writer.list(versions); writer.list(elements); writer.list(criticisms)
        writer.strings(events); writer.strings(sources); writer.strings(related)
    }
}

extension Actor: SnapshotCodable {
    init(from reader: inout SnapshotReader) throws(SnapshotDamage) {
        self.init(id: try reader.string(), name: try reader.string(), kind: try reader.enumeration(),
                  aliases: try reader.strings(), summary: try reader.optionalString(), sources: try reader.strings())
    }

    func write(to writer: inout SnapshotWriter) {
        writer.string(id); writer.string(name); writer.string(kind.rawValue)
        writer.strings(aliases); writer.optionalString(summary); writer.strings(sources)
    }
}

extension Forum: SnapshotCodable {
    init(from reader: inout SnapshotReader) throws(SnapshotDamage) {
        self.init(id: try reader.string(), name: try reader.string(), parent: try reader.optionalString(),
                  aliases: try reader.strings(), summary: try reader.optionalString(), sources: try reader.strings())
    }

    func write(to writer: inout SnapshotWriter) {
        writer.string(id); writer.string(name); writer.optionalString(parent)
        writer.strings(aliases); writer.optionalString(summary); writer.strings(sources)
    }
}

extension Theme: SnapshotCodable {
    init(from reader: inout SnapshotReader) throws(SnapshotDamage) {
        self.init(id: try reader.string(), title: try reader.string(), type: try reader.string(),
                  domain: try reader.enumeration(), work: try reader.string(), summary: try reader.string(),
                  events: try reader.strings(), proposals: try reader.strings(), sources: try reader.strings(),
                  related: try reader.strings())
    }

    func write(to writer: inout SnapshotWriter) {
        writer.string(id); writer.string(title); writer.string(type)
        writer.string(domain.rawValue); writer.string(work); writer.string(summary)
        writer.strings(events); writer.strings(proposals); writer.strings(sources)
        writer.strings(related)
    }
}
