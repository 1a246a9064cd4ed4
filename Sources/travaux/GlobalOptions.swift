import ArgumentParser
import TravauxCore

/// Options every subcommand takes: where the record and the notes live.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The record directory (default: TRAVAUX_RECORD, then the shipped record).", valueName: "dir"))
    var record: String?

    @Option(name: .long, help: ArgumentHelp("The notes directory (default: TRAVAUX_STORE, then $XDG_DATA_HOME/travaux/notes).", valueName: "dir"))
    var store: String?

    /// `--record "$DIR"` or `--store "$DIR"` with DIR unset is a usage error, never the default.
    /// Checked by every command, as every one reads the record: an empty --store is a mistake
    /// even for a command that does not read the notes.
    func refuseEmptyDirectories() throws {
        if record?.isEmpty == true { throw CLIError("--record is empty; give the record directory (is a variable unset?)", exitCode: 64) }
        if store?.isEmpty == true { throw CLIError("--store is empty; give the notes directory (is a variable unset?)", exitCode: 64) }
    }

    /// The notes store; nothing is created until a note is saved.
    func noteStore() throws -> NoteStore {
        // `--store "$DIR"` with DIR unset must not fall back to the user's own notes.
        if store?.isEmpty == true { throw CLIError("--store is empty; give the notes directory (is a variable unset?)", exitCode: 64) }
        guard let directory = NoteStoreLocator.directory(explicit: store, environment: CLIEnvironment.variables) else {
            throw CLIError("cannot tell where to keep notes: HOME is not set; pass --store DIR or set TRAVAUX_STORE")
        }
        return NoteStore(directory: directory)
    }

    /// The notes, with any file that could not be read reported on stderr (it was quarantined).
    /// A conflict in the note `naming` names is left for the command to say, once; so is the
    /// settling of its conflict by this read, when the command is `note resolve`.
    func loadNotes(_ store: NoteStore, naming typed: String? = nil, resolving: Bool = false) throws -> NoteCollection {
        let notes: NoteCollection
        do { notes = try store.load() } catch { throw CLIError(error.description) }
        func named(_ file: String) -> Bool { typed.map { NoteLookup.names($0, file: file) } ?? false }
        for problem in notes.problems where !(problem.mergeConflict && named(problem.file)) { CLIOutput.warn(problem.description) }
        for file in notes.settledConflicts where !(resolving && named(file)) { CLIOutput.say("travaux: " + NoteStore.settledConflictReport(file)) }
        return notes
    }

    var author: String { NoteStoreLocator.author(environment: CLIEnvironment.variables) }

    /// Loads and validates the record, or throws a report naming every problem. A snapshot
    /// made for the next start is saved before returning.
    func loadRecord() throws -> Record {
        let loading = try loadRecordForInterface().loading
        loading.pendingSnapshot?.save()
        return loading.record
    }

    /// The record from its snapshot when the files are those it was made from, else read and
    /// validated; the interface saves the snapshot after its first frame.
    /// The directory is the one located, which the interface keeps its last place by.
    func loadRecordForInterface() throws -> (loading: RecordLoading, directory: String) {
        try refuseEmptyDirectories()
        let locator = RecordLocator(explicit: record, environment: CLIEnvironment.variables,
                                    executablePath: RecordLocator.currentExecutablePath())
        let directory: String
        do {
            directory = try locator.locate()
        } catch {
            throw CLIError(error.description)
        }
        guard let cacheDirectory = RecordCache.defaultDirectory(environment: CLIEnvironment.variables) else {
            return (RecordLoading(record: try RecordLoader.load(directory: directory)), directory)
        }
        return (try RecordCache(directory: cacheDirectory).load(directory: directory), directory)
    }
}
