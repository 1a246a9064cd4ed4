#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// One way text copied with `y` can reach a clipboard. A terminal program cannot see the
/// clipboard; it hands the text to whatever holds one where it runs, as lazygit and Neovim do.
public enum ClipboardRoute: Sendable, Hashable {
    /// Inside tmux: `tmux load-buffer -w -`, which fills tmux's paste buffer and passes the
    /// text on to the outer terminal's clipboard where tmux's `set-clipboard` allows.
    case tmux
    /// A desktop's clipboard program, reading the text on its standard input.
    case program(name: String, arguments: [String])
    /// The terminal's own clipboard, through the OSC 52 escape sequence: it crosses ssh, but
    /// the program cannot know whether the terminal took it (GNOME Terminal ignores it).
    case terminal

    /// The longest text sent through OSC 52: terminals cap the sequence (xterm and tmux near
    /// 100 KB once encoded) and drop a longer one whole.
    public static let terminalLimit = 74_000

    /// Where the text goes from a process with this environment, in that order. `onPath`
    /// says whether a program can be found on the PATH. The terminal's route is left out for
    /// a text longer than `terminalLimit` bytes.
    public static func routes(environment: [String: String], textBytes: Int = 0, onPath: (String) -> Bool) -> [ClipboardRoute] {
        func isSet(_ name: String) -> Bool { !(environment[name] ?? "").isEmpty }
        var routes: [ClipboardRoute] = []
        let insideTmux = isSet("TMUX")
        if insideTmux { routes.append(.tmux) }
        if isSet("WAYLAND_DISPLAY"), onPath("wl-copy") {
            routes.append(.program(name: "wl-copy", arguments: ["wl-copy"]))
        } else if isSet("DISPLAY"), onPath("xclip") {
            routes.append(.program(name: "xclip", arguments: ["xclip", "-selection", "clipboard", "-in"]))
        } else if isSet("DISPLAY"), onPath("xsel") {
            routes.append(.program(name: "xsel", arguments: ["xsel", "--clipboard", "--input"]))
        }
        // tmux passes its buffer on itself; a text console has no clipboard, and the Linux
        // console and VT terminals would show the sequence's text.
        let term = environment["TERM"] ?? ""
        let textConsole = term.isEmpty || term == "dumb" || term.hasPrefix("linux") || term.hasPrefix("vt") || term.hasPrefix("cons")
        if !insideTmux, !textConsole, textBytes <= terminalLimit { routes.append(.terminal) }
        return routes
    }

    /// OSC 52 setting the clipboard (`c`) to `text`, ended by BEL, which more terminals
    /// take than ST.
    public static func terminalSequence(for text: String) -> String {
        "\u{1b}]52;c;" + Data(text.utf8).base64EncodedString() + "\u{07}"
    }

    /// What the route is called in the message that says where the text went.
    public var destination: String {
        switch self {
        case .tmux: return "tmux's paste buffer"
        case .program(let name, _): return "the desktop clipboard (\(name))"
        case .terminal: return "the terminal (OSC 52)"
        }
    }
}
