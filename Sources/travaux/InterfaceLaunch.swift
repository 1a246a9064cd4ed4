import ArgumentParser

/// `travaux` with no subcommand opens the interface, whose only arguments are `--record DIR`,
/// `--store DIR`, `--session NAME`, `--one-pane` and `--fresh`. Read here directly they cost nothing, where ArgumentParser first builds
/// its whole command tree (about 6 ms, a sixth of the time to the first frame on the shipped
/// record). Anything else (a subcommand, `--help`, `--record=DIR`, a missing value) is left
/// to ArgumentParser, so its parsing and its messages stay the only ones.
enum InterfaceLaunch {
    /// The interface's command for these arguments (the program name excluded), or nil.
    static func command(_ arguments: ArraySlice<String>) -> TravauxCommand? {
        var rest = arguments
        var record: String?
        var store: String?
        var session: String?
        var onePane = false
        var fresh = false
        while let option = rest.popFirst() {
            if option == InterfaceArguments.onePane {
                onePane = true
                continue
            }
            if option == InterfaceArguments.fresh {
                fresh = true
                continue
            }
            guard let value = rest.popFirst(), !value.hasPrefix("-") else { return nil }
            switch option {
            // Repeated, the last one counts, as with ArgumentParser.
            case "--record": record = value
            case "--store": store = value
            case "--session": session = value
            default: return nil
            }
        }
        var global = GlobalOptions()
        global.record = record
        global.store = store
        var command = TravauxCommand()
        command.global = global
        command.session = session
        command.onePane = onePane
        command.fresh = fresh
        return command
    }
}
