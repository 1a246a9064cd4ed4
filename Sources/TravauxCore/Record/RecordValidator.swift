/// Checks what decoding cannot: unique ids, references that resolve to the right kind,
/// footnotes all present, symbols that look like symbols.
struct RecordValidator {
    let record: Record
    let damage: RecordDamage
    private var found: [RecordProblem] = []
    /// References into a kind whose file is missing: how many, and the first, said once.
    private var intoMissingFiles: [ItemKind: (count: Int, first: String)] = [:]
    /// "work#number" to the first source with that footnote, for spotting a second one.
    private var firstSourceByFootnote: [String: String] = [:]
    /// Citation keys of footnotes' documents (`meyer-fn-15-cd-1985`) to the footnote giving each.
    private var documentKeys: [String: String] = [:]
    /// Each theme type's spellings with how many themes use each, in the order first used,
    /// by the type in lower case with its spaces and hyphens taken out: the Themes pane
    /// groups by the spelling.
    private var themeTypeSpellings: [String: [(spelling: String, themes: Int)]] = [:]

    /// Threads the checks are split over; nil for as many as help (two at most).
    private let parts: Int?

    init(record: Record, damage: RecordDamage = RecordDamage(), parts: Int? = nil) {
        self.record = record
        self.damage = damage
        self.parts = parts
    }

    func problems() -> [RecordProblem] {
        var validator = self
        validator.run()
        return validator.found
    }

    private mutating func report(_ kind: ItemKind, _ path: String, _ message: String,
                                 severity: RecordProblem.Severity = .error) {
        found.append(RecordProblem(file: kind.fileName, location: path, message: message, severity: severity))
    }

    // Paths are built only when there is a problem to report (`@autoclosure`): a large record
    // has hundreds of thousands of references, nearly all of them fine.

    // Items are read in place from a local copy of the record: `for item in items` copied
    // each one, a retain of each of its strings, and so did reading `self.record` in a
    // mutating method. The record's own table of ids answers what kind an id is.
    //
    // The items are checked in two halves of about equal work, at once on two processors
    // for a large record (at 100× the shipped one, 50 ms on the way to a first start after
    // an edit); their problems are joined in the order of a single pass.
    private mutating func run() {
        let parts = self.parts ?? (record.allIDs.count < 2_000 ? 1 : min(2, ParallelWork.processorCount))
        var halves = [self, self]
        halves.withUnsafeMutableBufferPointer { halves in
            ParallelWork.run(parts: parts) { part in
                if part == 0 { halves[0].checkFirstHalf() }
                if part == 1 || parts == 1 { halves[1].checkSecondHalf() }
            }
        }
        found = halves[0].found + halves[1].found
        // One line per missing file, before everything else, in place of every reference
        // into it: the file's name is what there is to fix.
        var missing = halves[0].intoMissingFiles
        for (kind, failed) in halves[1].intoMissingFiles {
            if let earlier = missing[kind] { missing[kind] = (earlier.count + failed.count, earlier.first) } else { missing[kind] = failed }
        }
        found = ItemKind.allCases.compactMap { kind in
            missing[kind].map { failed in
                RecordProblem(file: kind.fileName, location: "-",
                              message: "missing, and \(failed.count) reference\(failed.count == 1 ? "" : "s") to \(kind.plural) fail (the first: \(failed.first)); "
                                  + (RecordLoader.renamedFile(for: kind.fileName, in: record.directory).map { "\($0) is there: name it \(kind.fileName)" }
                                      ?? "if it was renamed, name it \(kind.fileName) again"))
            }
        } + found
        checkFootnotesComplete()
        checkSourcesCited()
    }

    private mutating func checkFirstHalf() {
        let record = self.record, damage = self.damage
        checkIDs()
        for i in record.works.indices { checkWork(record.works[i], damage.path(.work, i)) }
        for i in record.sources.indices { checkSource(record.sources[i], damage.path(.source, i)) }
        for i in record.events.indices { checkEvent(record.events[i], damage.path(.event, i)) }
    }

    private mutating func checkSecondHalf() {
        let record = self.record, damage = self.damage
        for i in record.proposals.indices { checkProposal(record.proposals[i], damage.path(.proposal, i)) }
        for i in record.actors.indices {
            checkText(record.actors[i].name, .actor, damage.path(.actor, i) + ".name")
            checkOptionalText(record.actors[i].summary, .actor, damage.path(.actor, i) + ".summary")
            checkRefs(record.actors[i].sources, [.source], .actor, damage.path(.actor, i) + ".sources")
        }
        for i in record.forums.indices { checkForum(record.forums[i], damage.path(.forum, i)) }
        let typeKeys = record.themes.map { Self.themeTypeKey($0.type) }
        for (theme, key) in zip(record.themes, typeKeys) {
            if let index = themeTypeSpellings[key]?.firstIndex(where: { $0.spelling == theme.type }) {
                themeTypeSpellings[key]?[index].themes += 1
            } else {
                themeTypeSpellings[key, default: []].append((theme.type, 1))
            }
        }
        for i in record.themes.indices { checkTheme(record.themes[i], typeKey: typeKeys[i], damage.path(.theme, i)) }
    }

    private mutating func checkIDs() {
        let record = self.record, damage = self.damage
        for kind in ItemKind.allCases {
            let places = record.places(of: kind)
            for place in places {
                let id = record.allIDs[place]
                func path() -> String { damage.path(kind, place - places.lowerBound) + ".id" }
                if !Self.isKebabCase(id) {
                    report(kind, path(), "id '\(id)' must be kebab-case: lower-case letters and digits joined by '-'")
                }
                if !record.isFirstPlace(place), let earlier = record.kind(of: id) {
                    // Both places named: the item added last is as likely the first in file order
                    // (an event comes before a proposal), and references resolve to that first.
                    let first = record.firstPlace(of: id)
                    let firstPath = first.map { damage.path(earlier, $0 - record.places(of: earlier).lowerBound) } ?? "$"
                    report(kind, path(), "id '\(id)' is also the id of \(earlier.withArticle) (\(earlier.fileName) \(firstPath)); ids are unique "
                           + "across the record: rename one (what refers to '\(id)' is read as the \(earlier.rawValue) until then)")
                }
            }
        }
    }

    /// One pass over the bytes: this runs for every id and symbol of the record, and
    /// `String.contains` with a string argument costs a generic substring search each time.
    static func isKebabCase(_ id: String) -> Bool {
        var previous: UInt8 = UInt8(ascii: "-")
        for byte in id.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): break
            case UInt8(ascii: "-") where previous != UInt8(ascii: "-"): break
            default: return false
            }
            previous = byte
        }
        return !id.isEmpty && previous != UInt8(ascii: "-")
    }

    /// A document symbol as printed: `CD/1985`, `A/RES/69/31`, `PC.DEC/1106`,
    /// `WSIS-03/GENEVA/DOC/4-E`, `A/66/152 Add.1`, `DCO/79(2011)`.
    static func isDocumentSymbol(_ symbol: String) -> Bool {
        var slashes = 0
        var previous: UInt8 = UInt8(ascii: "/")
        for (offset, byte) in symbol.utf8.enumerated() {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): break
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "("), UInt8(ascii: ")"):
                if offset == 0 { return false }
            case UInt8(ascii: "/"):
                // Parts between slashes are never empty.
                if previous == UInt8(ascii: "/") { return false }
                slashes += 1
            case UInt8(ascii: " "):
                if offset == 0 || previous == UInt8(ascii: " ") { return false }
            default: return false
            }
            previous = byte
        }
        return slashes >= 1 && previous != UInt8(ascii: "/") && previous != UInt8(ascii: " ")
    }

    private mutating func checkRef(_ id: String, _ kinds: [ItemKind], _ owner: ItemKind, _ path: @autoclosure () -> String) {
        // Already reported where it is defined.
        let found = record.kind(of: id)
        // Nearly every record has no damage; the look-ups are skipped for it.
        if !damage.brokenIDs.isEmpty || !damage.unreadableKinds.isEmpty,
           damage.brokenIDs[id] != nil || kinds.contains(where: damage.unreadableKinds.contains) && found == nil { return }
        guard let found else {
            if !damage.missingKinds.isEmpty, let missing = kinds.first(where: damage.missingKinds.contains) {
                let failed = intoMissingFiles[missing]
                intoMissingFiles[missing] = ((failed?.count ?? 0) + 1, failed?.first ?? "\(owner.fileName) \(path()) '\(id)'")
                return
            }
            let expected = kinds.count == ItemKind.allCases.count ? "item" : kinds.map(\.rawValue).joined(separator: " or ")
            let hint = IDSuggestion.nearest(to: id, among: kinds.flatMap { record.items(of: $0).map(\.id) }, limit: 1)
            report(owner, path(), "unknown \(expected) '\(id)'" + (hint.first.map { "; did you mean '\($0)'?" } ?? ""))
            return
        }
        if !kinds.contains(found) {
            // An id two items of different kinds have (reported there): a reference may mean the other.
            if kinds.contains(where: { kind in record.items(of: kind).contains { $0.id == id } }) { return }
            report(owner, path(), "'\(id)' is \(found.withArticle) but must be \(kinds.map(\.withArticle).joined(separator: " or "))")
        }
    }

    private mutating func checkRefs(_ ids: [String], _ kinds: [ItemKind], _ owner: ItemKind, _ path: @autoclosure () -> String) {
        for (i, id) in ids.enumerated() { checkRef(id, kinds, owner, "\(path())[\(i)]") }
    }

    private mutating func checkText(_ text: String, _ owner: ItemKind, _ path: @autoclosure () -> String) {
        if Self.isBlank(text) { report(owner, path(), "is empty; write some text") }
    }

    /// A field that may be left out, written empty: a view would show a blank line.
    private mutating func checkOptionalText(_ text: String?, _ owner: ItemKind, _ path: @autoclosure () -> String) {
        if let text, Self.isBlank(text) { report(owner, path(), "is empty; write some text, or leave the field out") }
    }

    /// Whether a text has only white space. Nearly every text starts with a printable ASCII
    /// byte, which settles it without breaking the text into characters (a tenth of the
    /// validation's time at 100× the record went there).
    static func isBlank(_ text: String) -> Bool {
        if let first = text.utf8.first, first > 0x20, first < 0x7F { return false }
        return text.allSatisfy(\.isWhitespace)
    }

    private mutating func checkSymbols(_ symbols: [String], _ owner: ItemKind, _ path: @autoclosure () -> String) {
        for (i, symbol) in symbols.enumerated() where !Self.isDocumentSymbol(symbol) {
            report(owner, "\(path())[\(i)]", "'\(symbol)' is not a document symbol (like CD/1985 or A/RES/69/31)")
        }
    }

    private mutating func checkInferred(_ date: PartialDate?, _ inferred: String?, _ owner: ItemKind, _ path: @autoclosure () -> String) {
        if inferred != nil && date == nil {
            report(owner, "\(path()).dateInferred", "says how a date was inferred but there is no date")
        }
    }

    private mutating func checkWork(_ work: Work, _ path: @autoclosure () -> String) {
        checkText(work.title, .work, "\(path()).title")
        checkText(work.author, .work, "\(path()).author")
        checkText(work.form, .work, "\(path()).form")
        checkText(work.summary, .work, "\(path()).summary")
        checkOptionalText(work.seed, .work, "\(path()).seed")
        checkOptionalText(work.dateWording, .work, "\(path()).dateWording")
        checkOptionalText(work.dateInferred, .work, "\(path()).dateInferred")
        if work.footnoteCount < 0 { report(.work, "\(path()).footnoteCount", "cannot be negative") }
        if work.footnoteCount > Self.footnoteLimit {
            report(.work, "\(path()).footnoteCount", "is \(work.footnoteCount); a work of more than \(Self.footnoteLimit) footnotes is a typing error")
        }
    }

    private mutating func checkSource(_ source: Source, _ path: @autoclosure () -> String) {
        checkRef(source.work, [.work], .source, "\(path()).work")
        checkText(source.citation, .source, "\(path()).citation")
        checkOptionalText(source.author, .source, "\(path()).author")
        checkOptionalText(source.title, .source, "\(path()).title")
        checkOptionalText(source.dateWording, .source, "\(path()).dateWording")
        checkOptionalText(source.documentType, .source, "\(path()).documentType")
        checkOptionalText(source.remark, .source, "\(path()).remark")
        if let target = source.refersTo {
            checkRef(target, [.source], .source, "\(path()).refersTo")
            if target == source.id { report(.source, "\(path()).refersTo", "a footnote cannot refer to itself; name the earlier footnote it repeats (its 'supra')") }
        }
        checkSymbols(source.symbols, .source, "\(path()).symbols")
        if !source.documents.isEmpty { checkDocuments(of: source, "\(path()).documents") }
        if case .work(let work)? = record.item(source.work), !(1...max(1, work.footnoteCount)).contains(source.number) {
            report(.source, "\(path()).number", "footnote \(source.number) is outside 1–\(work.footnoteCount), the footnotes of '\(work.id)'")
        }
        let key = "\(source.work)#\(source.number)"
        if let twin = firstSourceByFootnote[key] {
            report(.source, "\(path()).number", "footnote \(source.number) of '\(source.work)' is already '\(twin)'")
        } else {
            firstSourceByFootnote[key] = source.id
        }
    }

    /// A footnote's documents (`CitedDocument`): texts and symbols as anywhere else, and what
    /// the export relies on, a name for each and a citation key no other entry has.
    private mutating func checkDocuments(of source: Source, _ path: @autoclosure () -> String) {
        if source.documents.count == 1 {
            report(.source, path(), "lists one document; give its fields on the footnote itself and leave documents out (documents is for a footnote citing several)")
        }
        var ids: Set<String> = []
        for (i, document) in source.documents.enumerated() {
            func at() -> String { "\(path())[\(i)]" }
            if !Self.isKebabCase(document.id) {
                report(.source, "\(at()).id", "id '\(document.id)' must be kebab-case: lower-case letters and digits joined by '-' (the export's key is '\(source.id)-' and it)")
            } else if !ids.insert(document.id).inserted {
                report(.source, "\(at()).id", "id '\(document.id)' is given to another document of this footnote; each needs its own, as the export's keys do")
            } else {
                // The key must stay unique among everything an export can hold: items' ids and other documents' keys.
                let key = "\(source.id)-\(document.id)"
                if let kind = record.kind(of: key) {
                    report(.source, "\(at()).id", "gives the citation key '\(key)', which is the id of \(kind.withArticle); choose another id")
                } else if let other = documentKeys.updateValue(source.id, forKey: key) {
                    report(.source, "\(at()).id", "gives the citation key '\(key)', which a document of '\(other)' gives too; choose another id")
                }
            }
            checkOptionalText(document.author, .source, "\(at()).author")
            checkOptionalText(document.title, .source, "\(at()).title")
            checkOptionalText(document.dateWording, .source, "\(at()).dateWording")
            checkOptionalText(document.documentType, .source, "\(at()).documentType")
            checkSymbols(document.symbols, .source, "\(at()).symbols")
            // The footnote's own lists are what search and show find it by: a document's must be there too.
            for (j, symbol) in document.symbols.enumerated() where Self.isDocumentSymbol(symbol) && !source.symbols.contains(symbol) {
                report(.source, "\(at()).symbols[\(j)]", "'\(symbol)' is not among the footnote's symbols; add it to its symbols too, in the footnote's order")
            }
            for (j, url) in document.urls.enumerated() {
                if Self.isBlank(url) {
                    report(.source, "\(at()).urls[\(j)]", "is empty; write the URL as printed, or leave it out")
                } else if !source.urls.contains(url) {
                    report(.source, "\(at()).urls[\(j)]", "'\(url)' is not among the footnote's urls; add it to its urls too, in the footnote's order")
                }
            }
            if document.title == nil && document.symbols.isEmpty {
                report(.source, at(), "has neither a title nor a symbol; give one, so that its reference has a name")
            }
        }
    }

    private mutating func checkEvent(_ event: Event, _ path: @autoclosure () -> String) {
        checkText(event.title, .event, "\(path()).title")
        checkText(event.summary, .event, "\(path()).summary")
        checkText(event.type, .event, "\(path()).type")
        checkOptionalText(event.dateWording, .event, "\(path()).dateWording")
        checkOptionalText(event.dateInferred, .event, "\(path()).dateInferred")
        checkInferred(event.date, event.dateInferred, .event, path())
        if let forum = event.forum { checkRef(forum, [.forum], .event, "\(path()).forum") }
        checkRefs(event.actors, [.actor], .event, "\(path()).actors")
        checkRefs(event.sources, [.source], .event, "\(path()).sources")
        checkRefs(event.proposals, [.proposal], .event, "\(path()).proposals")
        checkRefs(event.related, ItemKind.allCases, .event, "\(path()).related")
        checkNotSelf(event.id, event.related, .event, "\(path()).related")
        checkSymbols(event.symbols, .event, "\(path()).symbols")
        for (i, fact) in event.facts.enumerated() {
            checkText(fact.label, .event, "\(path()).facts[\(i)].label")
            checkText(fact.value, .event, "\(path()).facts[\(i)].value")
            if let source = fact.source { checkRef(source, [.source], .event, "\(path()).facts[\(i)].source") }
        }
        if let vote = event.vote {
            checkOptionalText(vote.wording, .event, "\(path()).vote.wording")
            checkRefs(vote.yesActors, [.actor], .event, "\(path()).vote.yesActors")
            checkRefs(vote.noActors, [.actor], .event, "\(path()).vote.noActors")
            checkRefs(vote.abstainActors, [.actor], .event, "\(path()).vote.abstainActors")
            for (name, count) in [("yes", vote.yes), ("no", vote.no), ("abstain", vote.abstain)] where (count ?? 0) < 0 {
                report(.event, "\(path()).vote.\(name)", "\(count ?? 0) votes; a count cannot be negative")
            }
            // An actor in two of the lists voted two ways; twice in one, it is counted twice.
            var side: [String: String] = [:]
            let lists = [("yesActors", vote.yesActors, "yes", vote.yes), ("noActors", vote.noActors, "no", vote.no),
                         ("abstainActors", vote.abstainActors, "abstain", vote.abstain)]
            for (name, actors, countName, count) in lists {
                for (i, actor) in actors.enumerated() {
                    if let other = side[actor], other != name {
                        report(.event, "\(path()).vote.\(name)[\(i)]", "'\(actor)' is in \(other) too; an actor casts one vote")
                    } else if side[actor] == name {
                        report(.event, "\(path()).vote.\(name)[\(i)]", "'\(actor)' is listed twice in \(name); list each actor once")
                    }
                    side[actor] = side[actor] ?? name
                }
                // Only a list longer than the count can name more actors than it.
                if let count, count >= 0, actors.count > count, case let named = Set(actors).count, named > count {
                    report(.event, "\(path()).vote.\(countName)", "\(count) vote\(count == 1 ? "" : "s") but \(named) actor\(named == 1 ? "" : "s") named in \(name); "
                           + "the count includes every actor named (check the count, or the list)")
                }
            }
        }
        if event.sources.isEmpty { report(.event, "\(path()).sources", "an event needs at least one source (a footnote id)") }
    }

    private mutating func checkProposal(_ proposal: Proposal, _ path: @autoclosure () -> String) {
        checkText(proposal.title, .proposal, "\(path()).title")
        checkText(proposal.summary, .proposal, "\(path()).summary")
        checkText(proposal.type, .proposal, "\(path()).type")
        checkText(proposal.status, .proposal, "\(path()).status")
        checkOptionalText(proposal.shortName, .proposal, "\(path()).shortName")
        checkRefs(proposal.sponsors, [.actor], .proposal, "\(path()).sponsors")
        if let forum = proposal.forum { checkRef(forum, [.forum], .proposal, "\(path()).forum") }
        checkRefs(proposal.events, [.event], .proposal, "\(path()).events")
        checkRefs(proposal.sources, [.source], .proposal, "\(path()).sources")
        checkRefs(proposal.related, ItemKind.allCases, .proposal, "\(path()).related")
        checkNotSelf(proposal.id, proposal.related, .proposal, "\(path()).related")
        var versionIDs = Set<String>()
        var quoteIDs = Set<String>()
        var lastDated: ProposalVersion?
        for (i, version) in proposal.versions.enumerated() {
            func vpath() -> String { "\(path()).versions[\(i)]" }
            if !versionIDs.insert(version.id).inserted {
                report(.proposal, "\(vpath()).id", "version id '\(version.id)' appears twice in '\(proposal.id)'")
            }
            checkPartID(version.id, "version", "\(vpath()).id")
            checkText(version.label, .proposal, "\(vpath()).label")
            checkText(version.changes, .proposal, "\(vpath()).changes")
            // The record's order is the order every view shows; undated versions stand where they belong.
            if let date = version.date {
                if let last = lastDated, let lastDate = last.date, date.isCertainlyBefore(lastDate) {
                    report(.proposal, "\(vpath()).date", "version '\(version.id)' (\(date.iso)) is listed after '\(last.id)' (\(lastDate.iso)); list versions oldest first")
                }
                lastDated = version
            }
            checkInferred(version.date, version.dateInferred, .proposal, vpath())
            checkOptionalText(version.dateWording, .proposal, "\(vpath()).dateWording")
            checkOptionalText(version.dateInferred, .proposal, "\(vpath()).dateInferred")
            checkOptionalText(version.status, .proposal, "\(vpath()).status")
            checkRefs(version.sources, [.source], .proposal, "\(vpath()).sources")
            checkRefs(version.sponsors, [.actor], .proposal, "\(vpath()).sponsors")
            checkSymbols(version.symbols, .proposal, "\(vpath()).symbols")
            for (j, quote) in version.quotes.enumerated() {
                if !quoteIDs.insert(quote.id).inserted {
                    report(.proposal, "\(vpath()).quotes[\(j)].id", "quote id '\(quote.id)' appears twice in '\(proposal.id)'")
                }
                checkPartID(quote.id, "quote", "\(vpath()).quotes[\(j)].id")
                checkText(quote.text, .proposal, "\(vpath()).quotes[\(j)].text")
                checkOptionalText(quote.context, .proposal, "\(vpath()).quotes[\(j)].context")
                checkRef(quote.source, [.source], .proposal, "\(vpath()).quotes[\(j)].source")
            }
        }
        if proposal.versions.isEmpty {
            report(.proposal, "\(path()).versions", "a proposal needs at least one version")
        } else if !proposal.versions.contains(where: { $0.date != nil }) {
            report(.proposal, "\(path()).versions", "no version has a date; date at least one", severity: .warning)
        }
        var elementIDs = Set<String>()
        for (i, element) in proposal.elements.enumerated() {
            if !elementIDs.insert(element.id).inserted {
                report(.proposal, "\(path()).elements[\(i)].id", "element id '\(element.id)' appears twice in '\(proposal.id)'")
            }
            checkPartID(element.id, "element", "\(path()).elements[\(i)].id")
            checkText(element.text, .proposal, "\(path()).elements[\(i)].text")
            checkText(element.number, .proposal, "\(path()).elements[\(i)].number")
            checkOptionalText(element.quote, .proposal, "\(path()).elements[\(i)].quote")
            // Two elements numbered alike in a version they share: a list shows two of one number.
            if let earlier = proposal.elements[..<i].first(where: { $0.number == element.number && Self.shareAVersion($0, element) }) {
                report(.proposal, "\(path()).elements[\(i)].number", "element number \(element.number) is also element '\(earlier.id)''s in a version both are in; number them apart")
            }
            checkRefs(element.sources, [.source], .proposal, "\(path()).elements[\(i)].sources")
            for (j, version) in element.versions.enumerated() where !versionIDs.contains(version) {
                report(.proposal, "\(path()).elements[\(i)].versions[\(j)]", "unknown version '\(version)' of '\(proposal.id)' (versions: \(proposal.versions.map(\.id).joined(separator: ", ")))")
            }
        }
        for (i, criticism) in proposal.criticisms.enumerated() {
            func cpath() -> String { "\(path()).criticisms[\(i)]" }
            checkRefs(criticism.by, [.actor], .proposal, "\(cpath()).by")
            checkText(criticism.summary, .proposal, "\(cpath()).summary")
            checkOptionalText(criticism.byWording, .proposal, "\(cpath()).byWording")
            checkRefs(criticism.sources, [.source], .proposal, "\(cpath()).sources")
            if let version = criticism.version, !versionIDs.contains(version) {
                report(.proposal, "\(cpath()).version", "unknown version '\(version)' of '\(proposal.id)' (versions: \(proposal.versions.map(\.id).joined(separator: ", ")))")
            }
        }
    }

    private mutating func checkForum(_ forum: Forum, _ path: @autoclosure () -> String) {
        checkText(forum.name, .forum, "\(path()).name")
        checkOptionalText(forum.summary, .forum, "\(path()).summary")
        checkRefs(forum.sources, [.source], .forum, "\(path()).sources")
        guard let parent = forum.parent else { return }
        checkRef(parent, [.forum], .forum, "\(path()).parent")
        // A forum may not be its own ancestor. Reported on each forum of the cycle; a forum
        // below one is not on it and is left alone.
        var chain = [forum.id]
        var next: String? = parent
        while let current = next, case .forum(let above)? = record.item(current) {
            if above.id == forum.id {
                report(.forum, "\(path()).parent", "forum '\(forum.id)' is its own ancestor (\((chain + [forum.id]).joined(separator: " › "))); give one of them another parent or none")
                break
            }
            if chain.contains(above.id) { break }
            chain.append(above.id)
            next = above.parent
        }
    }

    private mutating func checkTheme(_ theme: Theme, typeKey: String, _ path: @autoclosure () -> String) {
        checkText(theme.title, .theme, "\(path()).title")
        checkText(theme.summary, .theme, "\(path()).summary")
        checkText(theme.type, .theme, "\(path()).type")
        checkRef(theme.work, [.work], .theme, "\(path()).work")
        checkRefs(theme.events, [.event], .theme, "\(path()).events")
        checkRefs(theme.proposals, [.proposal], .theme, "\(path()).proposals")
        checkRefs(theme.sources, [.source], .theme, "\(path()).sources")
        checkRefs(theme.related, ItemKind.allCases, .theme, "\(path()).related")
        checkNotSelf(theme.id, theme.related, .theme, "\(path()).related")
        // Said of the spellings fewer themes use (of the later, between two as common), so
        // that the advice is the smaller change.
        if let spellings = themeTypeSpellings[typeKey], spellings.count > 1,
           let usual = spellings.max(by: { $0.themes < $1.themes }), usual.spelling != theme.type {
            let others = usual.themes == 1 ? "another theme" : "\(usual.themes) other themes"
            report(.theme, "\(path()).type", "'\(theme.type)' is spelt '\(usual.spelling)' by \(others); "
                   + "one spelling keeps them under one heading in the Themes pane", severity: .warning)
        }
    }

    private static func themeTypeKey(_ type: String) -> String {
        String(type.lowercased().filter { $0 != " " && $0 != "-" && $0 != "_" })
    }

    /// An item listed among its own related items.
    private mutating func checkNotSelf(_ id: String, _ related: [String], _ owner: ItemKind, _ path: @autoclosure () -> String) {
        for (i, other) in related.enumerated() where other == id {
            report(owner, "\(path())[\(i)]", "'\(id)' is the item itself; related items are others")
        }
    }

    /// A version's, element's or quote's id: kebab-case, as item ids are, since notes and
    /// commands name parts by them (`--version 2008-draft`).
    private mutating func checkPartID(_ id: String, _ part: String, _ path: @autoclosure () -> String) {
        if !Self.isKebabCase(id) {
            report(.proposal, path(), "\(part) id '\(id)' must be kebab-case: lower-case letters and digits joined by '-'")
        }
    }

    /// Whether two elements are in some version together (no versions listed: in every one).
    static func shareAVersion(_ a: ProposalElement, _ b: ProposalElement) -> Bool {
        a.versions.isEmpty || b.versions.isEmpty || !Set(a.versions).isDisjoint(with: b.versions)
    }

    private mutating func checkFootnotesComplete() {
        guard !damage.unreadableKinds.contains(.source), !damage.brokenIDs.values.contains(.source) else { return }
        var numbers: [String: Set<Int>] = [:]
        let sources = record.sources
        for i in sources.indices { numbers[sources[i].work, default: []].insert(sources[i].number) }
        for (i, work) in record.works.enumerated() where (1...Self.footnoteLimit).contains(work.footnoteCount) {
            let present = numbers[work.id] ?? []
            let missing = Self.runs((1...work.footnoteCount).filter { !present.contains($0) })
            if !missing.isEmpty {
                let shown = missing.prefix(12).map { $0.count == 1 ? "\($0.lowerBound)" : "\($0.lowerBound)–\($0.upperBound)" }
                let rest = missing.count > shown.count ? " and \(missing.count - shown.count) more runs" : ""
                let plural = missing.count > 1 || missing[0].count > 1
                report(.work, damage.path(.work, i) + ".footnoteCount",
                       "'\(work.id)' has \(work.footnoteCount) footnotes but sources.json lacks number\(plural ? "s" : "") \(shown.joined(separator: ", "))\(rest)")
            }
        }
    }

    /// More footnotes than any book carries: a count past it is a slip of the keyboard, and
    /// listing the numbers it lacks would take the validator's memory and the screen.
    static let footnoteLimit = 100_000

    /// Ascending numbers as runs of consecutive ones: 1, 2, 3, 7 → 1–3, 7.
    static func runs(_ numbers: [Int]) -> [ClosedRange<Int>] {
        var runs: [ClosedRange<Int>] = []
        for number in numbers {
            if let last = runs.last, last.upperBound + 1 == number {
                runs[runs.count - 1] = last.lowerBound...number
            } else {
                runs.append(number...number)
            }
        }
        return runs
    }

    private mutating func checkSourcesCited() {
        guard damage.unreadableKinds.isDisjoint(with: [.event, .proposal, .theme, .actor, .forum]), damage.brokenIDs.isEmpty else { return }
        let record = self.record
        for (i, source) in record.sources.enumerated()
        where record.backlinkPlaces(to: source.id).allSatisfy({ record.kind(of: record.allIDs[Int($0)]) == .source }) {
            report(.source, damage.path(.source, i), "footnote '\(source.id)' is cited by no event, proposal, theme, actor or forum",
                   severity: .warning)
        }
    }
}
