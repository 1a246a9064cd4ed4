import Testing
@testable import TravauxCore

/// The tag and session counts are kept as notes come and go; they must always be what
/// counting every note again would give.
@Suite("The tags' and sessions' counts, kept as notes change")
struct TagTallyTests {
    /// Counts every note from scratch, the way the counts were made before they were kept.
    static func recount(_ notes: NoteCollection) -> (tags: [String], counts: [Int], sessions: [String]) {
        var counts: [String: (spelling: String, count: Int)] = [:]
        for note in notes.all {
            for tag in note.tags { counts[tag.lowercased(), default: (tag, 0)].count += 1 }
        }
        let sorted = counts.values.sorted { ($1.count, $0.spelling.lowercased()) < ($0.count, $1.spelling.lowercased()) }
        return (sorted.map(\.spelling), sorted.map(\.count), recountSessions(notes).map(\.name))
    }

    /// Each session once whatever its case, in its most used spelling (ties: one without stray
    /// spaces, then the first in code order), with its count; in the order of the lowered names.
    static func recountSessions(_ notes: NoteCollection) -> [(name: String, count: Int)] {
        var spellings: [String: [String: Int]] = [:]
        for session in notes.all.compactMap(\.session) {
            let key = session.split(whereSeparator: \.isWhitespace).joined(separator: " ").lowercased()
            spellings[key, default: [:]][session, default: 0] += 1
        }
        return spellings.keys.sorted().compactMap { key in
            guard let counts = spellings[key] else { return nil }
            let most = counts.values.max() ?? 0
            let tied = counts.filter { $0.value == most }.keys
            // A spelling without stray spaces (its own normal form) before one written by hand.
            let clean = tied.filter { $0 == $0.split(separator: " ", omittingEmptySubsequences: false).filter { !$0.isEmpty }.joined(separator: " ") }
            guard let name = (clean.isEmpty ? Array(tied) : clean).sorted().first else { return nil }
            return (name, counts.values.reduce(0, +))
        }
    }

    static func note(_ number: Int, tags: [String], session: String?) -> Note {
        let id = "01M" + String(repeating: "0", count: 17) + String(String(number).suffix(6)).leftPadded(to: 6)
        return Note(id: id, target: NoteTarget(item: "item-\(number % 5)"), body: "note \(number)", tags: tags,
                    session: session, author: "a", created: NoteTime(millisecondsSince1970: Int64(number)))
    }

    @Test("random puts, edits and removals leave the counts a full recount gives", arguments: 1...12)
    func randomChanges(seed: UInt64) {
        var random = SplitMix(seed: seed)
        // Few tags in several cases, so spellings, merges and the oldest note's removal all happen.
        let spellings = ["ASAT", "asat", "Asat", "PPWT", "ppwt", "norms", "Genève", "genève", "外空", "TCBMs"]
        let sessions: [String?] = [nil, "seminar-1", "seminar-2", "Seminar-1", "SEMINAR-1", "Séminaire", "séminaire", "seminar-1 ", "Séminaire  x", "séminaire x"]
        // A store read at once, then counted or (odd seeds) counted on each question.
        let first = (0..<20).map { number in
            Self.note(number, tags: [spellings[random.next(below: spellings.count)]], session: sessions[random.next(below: sessions.count)])
        }
        var notes = NoteCollection(loaded: first, inodes: first.indices.map { UInt64($0) }, stamps: first.map { _ in nil })
        #expect(!notes.tagsCounted)
        if seed % 2 == 0 { notes.countTags() }
        #expect(notes.tagsCounted == (seed % 2 == 0))
        var used = Array(0..<20)
        for step in 0..<200 {
            let action = random.next(below: 10)
            if action < 5 || used.isEmpty {
                let number = random.next(below: 200)
                let tags = (0..<random.next(below: 4)).map { _ in spellings[random.next(below: spellings.count)] }
                notes.put(Self.note(number, tags: tags, session: sessions[random.next(below: sessions.count)]))
                used.append(number)
            } else if action < 8 {
                let number = used[random.next(below: used.count)]
                guard let id = notes.unordered.first(where: { $0.id.hasSuffix(String(number).leftPadded(to: 6)) })?.id,
                      var edited = notes.note(id) else { continue }
                edited.tags = (0..<random.next(below: 4)).map { _ in spellings[random.next(below: spellings.count)] }
                edited.session = sessions[random.next(below: sessions.count)]
                notes.put(edited)
            } else {
                let number = used.remove(at: random.next(below: used.count))
                if let id = notes.unordered.first(where: { $0.id.hasSuffix(String(number).leftPadded(to: 6)) })?.id {
                    notes.remove(id)
                }
            }
            let expected = Self.recount(notes)
            #expect(notes.tagCounts.map(\.tag) == expected.tags, "step \(step)")
            #expect(notes.tagCounts.map(\.count) == expected.counts, "step \(step)")
            #expect(notes.sessions == expected.sessions, "step \(step)")
            for session in Self.recountSessions(notes) {
                #expect(notes.count(inSession: session.name.uppercased()) == session.count, "step \(step)")
                #expect(notes.spelledSession(session.name.uppercased()) == session.name, "step \(step)")
            }
            // `travaux sessions` names and counts each session as the filter menu does.
            let summaries = notes.sessionSummaries
            let named = summaries.compactMap { summary in summary.name.map { (name: $0, count: summary.count) } }
                .sorted { SessionLabel.key($0.name) < SessionLabel.key($1.name) }
            #expect(named.map(\.name) == Self.recountSessions(notes).map(\.name), "step \(step)")
            #expect(named.map(\.count) == Self.recountSessions(notes).map(\.count), "step \(step)")
            #expect(summaries.reduce(0) { $0 + $1.count } == notes.count, "step \(step)")
            #expect(summaries.last(where: { $0.name == nil })?.count ?? 0 == notes.countWithoutSession, "step \(step)")
            if notes.tagCounts.map(\.tag) != expected.tags || notes.sessions != expected.sessions { return }
        }
        // A collection read at once counts the same as one built note by note.
        let loaded = NoteCollection(loaded: notes.unordered, inodes: notes.unordered.indices.map { UInt64($0) }, stamps: notes.unordered.map { _ in nil })
        #expect(loaded.tagCounts.map(\.tag) == notes.tagCounts.map(\.tag))
        #expect(loaded.tagCounts.map(\.count) == notes.tagCounts.map(\.count))
        #expect(loaded.sessions == notes.sessions)
    }

    @Test("the oldest note's spelling names a tag; when that note goes, the next oldest's does")
    func spellingOfTheOldest() {
        var notes = NoteCollection()
        notes.put(Self.note(1, tags: ["ASAT"], session: nil))
        notes.put(Self.note(2, tags: ["asat"], session: nil))
        notes.put(Self.note(3, tags: ["Asat"], session: nil))
        #expect(notes.tagCounts.map(\.tag) == ["ASAT"])
        notes.remove(Self.note(1, tags: [], session: nil).id)
        #expect(notes.tagCounts.map(\.tag) == ["asat"])
        #expect(notes.tagCounts.map(\.count) == [2])
        // The oldest note respelling its tag renames it.
        notes.put(Self.note(2, tags: ["AsAt"], session: nil))
        #expect(notes.tagCounts.map(\.tag) == ["AsAt"])
        // Dropping the tag from the oldest note hands the name on.
        notes.put(Self.note(2, tags: ["other"], session: nil))
        #expect(notes.tagCounts.map(\.tag) == ["Asat", "other"])
    }

    @Test("a tag typed again takes the spelling the notes already give it, except one the edited note had, which is re-spelled")
    func spelledAsKnown() {
        var notes = NoteCollection()
        notes.put(Self.note(1, tags: ["ASAT"], session: nil))
        notes.put(Self.note(2, tags: ["Verification"], session: nil))
        notes.put(Self.note(3, tags: ["asat", "Verification"], session: nil))
        #expect(notes.spelled(["asat", "VERIFICATION", "new-tag"]) == ["ASAT", "Verification", "new-tag"])
        // Any note, not only the oldest: its own tag typed in another case is re-spelled; a tag it
        // did not have joins the known spelling.
        let edited = Self.note(2, tags: ["Verification"], session: nil)
        let spelled = notes.spelled(["verification", "asat"], editing: edited)
        #expect(spelled.tags == ["verification", "ASAT"])
        #expect(spelled.respellings == [TagRespelling(old: "Verification", new: "verification")])
        let respelling = spelled.respellings[0]
        #expect(notes.notes(toRespell: respelling, except: edited.id).map(\.id) == [Self.note(3, tags: [], session: nil).id])
        #expect(respelling.applied(to: ["x", "VERIFICATION"]) == ["x", "verification"])
        #expect(respelling.applied(to: ["x", "verification"]) == nil)
        notes.countTags()
        #expect(notes.spelled(["Asat"]) == ["ASAT"])
        #expect(notes.spelled(["asat"], editing: nil) == SpelledTags(tags: ["ASAT"], respellings: []))
    }

    @Test("a session is one whatever its case: counted, filtered and named as most of its notes spell it")
    func sessionsWhateverTheirCase() {
        var notes = NoteCollection()
        notes.put(Self.note(1, tags: [], session: "Seminar 3"))
        notes.put(Self.note(2, tags: [], session: "seminar 3"))
        notes.put(Self.note(3, tags: [], session: "seminar 3"))
        notes.put(Self.note(4, tags: [], session: "Workshop"))
        #expect(notes.sessions == ["seminar 3", "Workshop"])
        #expect(notes.sessionsByUse == ["seminar 3", "Workshop"])
        #expect(notes.count(inSession: "SEMINAR 3") == 3)
        #expect(notes.spelledSession("SEMINAR 3") == "seminar 3")
        #expect(notes.spelledSession("seminar 4") == "seminar 4")
        let matcher = NoteFilter(session: "SEMINAR 3").matcher()
        #expect(notes.all.filter { matcher.matches($0) }.map(\.body) == ["note 1", "note 2", "note 3"])
        // Once the capitals are the most used spelling, they name it.
        notes.put(Self.note(2, tags: [], session: "Seminar 3"))
        #expect(notes.sessions == ["Seminar 3", "Workshop"])
        notes.put(Self.note(5, tags: [], session: "workshop"))
        notes.put(Self.note(6, tags: [], session: "Workshop"))
        #expect(notes.sessionsByUse == ["Seminar 3", "Workshop"])
        notes.put(Self.note(7, tags: [], session: "Workshop"))
        #expect(notes.sessionsByUse == ["Workshop", "Seminar 3"])
        // White space does not part a session either: typed twice, or at an end, it is one space.
        notes.put(Self.note(8, tags: [], session: " seminar  3"))
        #expect(notes.count(inSession: "Seminar 3") == 4)
        #expect(NoteFilter(session: "seminar\t3").matcher().matches(Self.note(8, tags: [], session: " seminar  3")))
        #expect(SessionLabel.normalise("  seminar \t 3 ") == "seminar 3")
        #expect(SessionLabel.same("Geneva workshop", "geneva workshop") && !SessionLabel.same("seminar-3", "seminar 3"))
        // A pasted colour or window title would reach the terminal with every list of sessions.
        #expect(SessionLabel.normalise("a\u{1B}]0;title\u{07}b \u{1B}[31mred\u{1B}[0m") == "ab red")
        #expect(SessionLabel.normalise("x\u{9B}31my") == "xy")
        #expect(SessionLabel.same("Seminar\u{1B}[1m 3", "seminar 3"))
    }

    @Test("sessions are listed in the order they were held, with their spellings, first and last notes, then the notes outside any")
    func sessionSummaries() {
        var notes = NoteCollection()
        #expect(notes.sessionSummaries.isEmpty)
        notes.put(Self.note(5, tags: [], session: "OEWG 1"))
        notes.put(Self.note(2, tags: [], session: "seminar 3"))
        notes.put(Self.note(9, tags: [], session: "Seminar 3"))
        notes.put(Self.note(7, tags: [], session: " seminar  3"))
        notes.put(Self.note(4, tags: [], session: "seminar 3"))
        notes.put(Self.note(3, tags: [], session: nil))
        notes.put(Self.note(8, tags: [], session: nil))
        let summaries = notes.sessionSummaries
        #expect(summaries.map(\.name) == ["seminar 3", "OEWG 1", nil])
        #expect(summaries.map(\.count) == [4, 1, 2])
        #expect(summaries.map(\.first.millisecondsSince1970) == [2, 5, 3])
        #expect(summaries.map(\.last.millisecondsSince1970) == [9, 5, 8])
        // Most used first; on a tie, without stray spaces first, then in code order. The first
        // names it, as in the filter menu.
        #expect(summaries.first?.spellings == ["seminar 3", "Seminar 3", " seminar  3"])
        #expect(notes.spelledSession("SEMINAR 3") == "seminar 3")
        // A tie between a spelling typed and one written by hand: the one typed names it.
        var tie = NoteCollection()
        tie.put(Self.note(1, tags: [], session: " Seminar  3"))
        tie.put(Self.note(2, tags: [], session: "seminar 3"))
        #expect(tie.spelledSession("SEMINAR 3") == "seminar 3")
        #expect(tie.sessionSummaries.first?.name == "seminar 3")
    }

    @Test("the latest session offered is the one of the author's newest note, else of anyone's")
    func latestSession() {
        var notes = NoteCollection()
        #expect(notes.latestSession(by: "a") == nil)
        notes.put(Self.note(1, tags: [], session: "seminar 2"))
        notes.put(Self.note(3, tags: [], session: "seminar 3"))
        notes.put(Self.note(4, tags: [], session: nil))
        var other = Self.note(5, tags: [], session: "their seminar")
        other.author = "b"
        notes.put(other)
        #expect(notes.latestSession(by: "a") == "seminar 3")
        #expect(notes.latestSession(by: "b") == "their seminar")
        #expect(notes.latestSession(by: "c") == "their seminar")
    }
}

/// A small seeded generator, so a failing seed fails again.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func next(below bound: Int) -> Int { Int(next() % UInt64(bound)) }
}

private extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}

@Suite("Note ids shortened for a narrow table")
struct UniquePrefixTests {
    static func note(_ id: String) -> Note {
        Note(id: id, target: NoteTarget(item: "ppwt"), body: "x", author: "a", created: NoteTime(millisecondsSince1970: 0))
    }

    @Test("as few characters as tell each id from every other note's, eight at least, whatever the case")
    func shortest() throws {
        let ids = ["01M85M90TCF9PAP7S9X1VQ9KWY", "01M85M90TCFAAAAAAAAAAAAAAA", "01M85M90V51DP2D5A444NEB7HY", "01M99999999999999999999999"]
        let notes = NoteCollection(notes: ids.map(Self.note))
        #expect(notes.uniquePrefixLength(of: [ids[3]]) == 8)
        #expect(notes.uniquePrefixLength(of: [ids[2]]) == 9)
        // The first two share eleven characters: twelve name each, and a table uses one length.
        #expect(notes.uniquePrefixLength(of: ids) == 12)
        #expect(notes.uniquePrefixLength(of: [ids[0].lowercased()]) == 12)
        for id in ids { #expect(try notes.resolve(String(id.prefix(12))).id == id) }
        #expect(NoteCollection().uniquePrefixLength(of: []) == 8)
        // A short id written by hand, listed last, does not bring the others' length down.
        let withShort = NoteCollection(notes: (ids + ["n1"]).map(Self.note))
        #expect(withShort.uniquePrefixLength(of: ids + ["n1"]) == 12)
    }
}
