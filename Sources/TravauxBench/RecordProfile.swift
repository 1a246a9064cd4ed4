/// How many items of each kind the shipped record (version 2) holds; a scale multiplies them.
/// Text lengths are the shipped record's averages (see `SyntheticRecord`).
public struct RecordProfile: Sendable, Hashable {
    public var works = 2
    public var sources = 58
    public var events = 85
    public var proposals = 25
    public var actors = 45
    public var forums = 16
    public var themes = 49
    /// Notes in a store at 1×: a seminar group's year of notes, so 100× is 100,000.
    public var notes = 1_000

    public static let shipped = RecordProfile()

    public func scaled(by scale: Int) -> RecordProfile {
        RecordProfile(works: works * scale, sources: sources * scale, events: events * scale,
                      proposals: proposals * scale, actors: actors * scale, forums: forums * scale,
                      themes: themes * scale, notes: notes * scale)
    }

    public var items: Int { works + sources + events + proposals + actors + forums + themes }
}
