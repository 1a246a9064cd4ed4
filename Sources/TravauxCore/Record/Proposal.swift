/// A diplomatic proposal: a treaty draft, a code of conduct, pledges, a report...
public struct Proposal: Codable, Sendable, Hashable, Identifiable {
    public enum LegalCharacter: String, Codable, Sendable, CaseIterable {
        case legallyBinding = "legally-binding"
        case politicallyBinding = "politically-binding"
        case voluntary
        case unspecified

        /// As a reader writes it: `legally binding`.
        public var words: String { rawValue.replacing("-", with: " ") }
    }

    public var id: String
    public var title: String
    public var shortName: String?
    @DefaultEmpty public var aliases: [String] = []
    public var domain: Domain
    /// "treaty", "code of conduct", "pledges", "TCBMs", "report", "resolution", "list of provisos"...
    public var type: String
    public var legalCharacter: LegalCharacter
    @DefaultEmpty public var sponsors: [String] = []
    public var forum: String?
    /// Where the proposal stands as of the texts.
    public var status: String
    public var summary: String
    @DefaultEmpty public var versions: [ProposalVersion] = []
    @DefaultEmpty public var elements: [ProposalElement] = []
    @DefaultEmpty public var criticisms: [Criticism] = []
    @DefaultEmpty public var events: [String] = []
    @DefaultEmpty public var sources: [String] = []
    @DefaultEmpty public var related: [String] = []

    /// The date of the first dated version: versions are listed oldest first (`validate`
    /// checks it), so this is when the proposal was first made.
    public var firstDate: PartialDate? { firstDatedVersion?.date }

    /// The first version with a date, whose date, and whether it is inferred, are the proposal's.
    public var firstDatedVersion: ProposalVersion? { versions.first { $0.date != nil } }

    /// Where it stands in a few words: the last version's status (`Revised draft; stalled`),
    /// or, for a last version without one, the proposal's own sentence, which is its state now.
    public var latestStatus: String {
        versions.last?.status ?? status
    }
}

/// One version of a proposal: a draft, a revision, a resubmission.
public struct ProposalVersion: Codable, Sendable, Hashable, Identifiable {
    /// Unique within its proposal ("2008", "2014-rev").
    public var id: String
    public var label: String
    public var date: PartialDate?
    public var dateWording: String?
    public var dateInferred: String?
    @DefaultEmpty public var symbols: [String] = []
    /// What changed from the previous version, in our words.
    public var changes: String
    @DefaultEmpty public var quotes: [Quote] = []
    @DefaultEmpty public var sources: [String] = []
    /// Fields that differ in this version ("legalCharacter", "sponsors"); nil ones inherit.
    @DefaultEmpty public var sponsors: [String] = []
    public var legalCharacter: Proposal.LegalCharacter?
    public var status: String?
}

/// A short official text quoted verbatim, with the footnote it rests on.
public struct Quote: Codable, Sendable, Hashable, Identifiable {
    public var id: String
    public var text: String
    public var source: String
    /// Our note on what the quote is (the key commitment, a preamble...).
    public var context: String?
}

/// A numbered item of a list the proposal consists of (a pledge, a proviso).
public struct ProposalElement: Codable, Sendable, Hashable, Identifiable {
    public var id: String
    /// As the text numbers it: "1", "(a)", "iii".
    public var number: String
    /// Our summary of the item.
    public var text: String
    /// The item's wording where the text quotes it.
    public var quote: String?
    @DefaultEmpty public var sources: [String] = []
    /// The versions of the proposal that hold the item; empty when every version does.
    @DefaultEmpty public var versions: [String] = []

    /// Whether the version with this id holds the item.
    public func belongs(to versionID: String) -> Bool { versions.isEmpty || versions.contains(versionID) }
}

/// A criticism the texts record, and who made it.
public struct Criticism: Codable, Sendable, Hashable {
    /// Actor ids; empty when the texts do not say who.
    @DefaultEmpty public var by: [String] = []
    /// How the texts name the critics when not as actors ("other states").
    public var byWording: String?
    public var summary: String
    /// The version criticised, when the texts say which.
    public var version: String?
    @DefaultEmpty public var sources: [String] = []
}
