import TravauxCore
import TravauxTUI

/// Where the interface was left on this record (`LastPlaceFile`), taken back at the start and
/// kept at the end. No file (HOME and XDG_STATE_HOME unset) keeps nothing and says nothing.
struct PlaceKeeping {
    var file: LastPlaceFile?
    /// The record's directory, as located: the file keys places by it, resolved.
    var recordDirectory: String
    /// False with `--fresh`: the place is kept at the end all the same.
    var restores: Bool

    init(recordDirectory: String, restores: Bool, environment: [String: String]) {
        self.file = LastPlaceFile.defaultPath(environment: environment).map(LastPlaceFile.init(path:))
        self.recordDirectory = recordDirectory
        self.restores = restores
    }

    /// Takes the place back into `state`; what went wrong reading it, to be said.
    func restore(into state: inout AppState) -> String? {
        guard let file, restores else { return nil }
        do {
            if let place = try file.place(record: recordDirectory) { state.restore(place) }
            return nil
        } catch {
            return error.description
        }
    }

    /// Keeps `place`; what went wrong, to be said once the terminal is given back.
    func keep(_ place: LastPlace) -> String? {
        guard let file else { return nil }
        do {
            try file.keep(place, record: recordDirectory)
            return nil
        } catch {
            return error.description
        }
    }
}
