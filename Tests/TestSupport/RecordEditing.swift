import TravauxCore

extension Record {
    /// The same record with its events changed by `change`, built again so that its look-ups
    /// follow: for tests that need a title or a summary the fixture does not have.
    public func changingEvents(_ change: (inout [Event]) -> Void) -> Record {
        var events = self.events
        change(&events)
        return Record(manifest: manifest, works: works, sources: sources, events: events, proposals: proposals,
                      actors: actors, forums: forums, themes: themes, directory: directory)
    }
}
