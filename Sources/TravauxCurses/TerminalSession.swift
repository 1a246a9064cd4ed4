import CNcursesw
import TravauxTUI

#if canImport(Glibc)
import Glibc
#endif

/// The terminal in full-screen mode, from start to restore: the one object that talks
/// to ncurses. The run loop owns it, asks it for input events, hands it each frame's
/// canvas, and ends it on every way out.
///
/// ncurses is not thread-safe: a session is not `Sendable`, so the compiler keeps every
/// call on the thread (the isolation domain) that created it.
///
/// Ctrl-C is read as a byte, not sent by the terminal as SIGINT (which would reach the
/// shell or script that started travaux too), and becomes the same `.terminate(.interrupt)`.
/// Signals: SIGINT, SIGTERM and SIGHUP are caught by a handler that only writes the
/// signal number to a pipe (async-signal-safe). `nextEvent` watches that pipe and
/// returns `.terminate(…)`; the run loop then saves, calls `end()` (which restores the
/// terminal) and exits. SIGTSTP (Ctrl-Z) goes through the same pipe: `nextEvent` leaves
/// curses mode, stops the process, and on SIGCONT restores the terminal and repaints
/// the last frame whole. A SIGCONT after a stop it did not ask for (SIGSTOP) restores the
/// terminal and repaints the same way. SIGWINCH takes the pipe too (ncurses installs its own
/// handler only once per process): the session reads the new size and ncurses then reports
/// `KEY_RESIZE`, which becomes `.resize`. `end()` puts back the dispositions the six
/// signals had before the session started.
public final class TerminalSession {
    private var screen: OpaquePointer?
    private var window: UnsafeMutablePointer<WINDOW>?
    private let inputDescriptor: Int32
    private let outputDescriptor: Int32
    private var colors: ColorPairs = .none
    /// What each appearance drawn is in ncurses' terms; `colors` is set once, so they hold.
    private var appearances = Appearances()
    private var signals: SignalRouting?
    private var savedDispositions: [(signal: Int32, action: sigaction)] = []
    private var lastCanvas: Canvas?
    /// A row of cells converted for ncurses, kept between frames (as wide as the screen once drawn).
    private var run: [cchar_t] = []
    /// The changed spans of the frame being drawn, kept between frames for its capacity.
    private var spans: [ChangedSpan] = []
    private var lastCursor: (x: Int, y: Int)?
    private var needsFullRepaint = true
    /// Set while the session stops itself for Ctrl-Z, whose SIGCONT needs nothing more.
    private var continuedFromOwnStop = false
    /// The signals the session routes to its pipe; their dispositions are put back at the end.
    static let routedSignals = [SIGINT, SIGTERM, SIGHUP, SIGTSTP, SIGCONT, SIGWINCH]
    private var cursorShown: Bool?
    private var pendingTermination: TerminationSignal?
    /// A paste whose end marker has not come yet: when it began and when its last byte came
    /// (monotonic ms).
    private var openPaste: (started: Int64, lastByte: Int64)?
    /// A resize read in the middle of a paste, reported by the next `nextEvent`.
    private var resizeAfterPaste = false
    /// The last event read was text (a character or a paste) and no wait came after it.
    private var lastEventWasText = false
    private var ended = false
    /// Key codes ncurses gives the sequences it has no name for: Ctrl-←/→ and the
    /// bracketed-paste markers.
    private var extraKeys: [Int32: ExtraKey] = [:]

    private enum ExtraKey { case wordLeft, wordRight, pasteStart, pasteEnd }

    static let pasteStartCode: Int32 = KEY_MAX + 101
    static let pasteEndCode: Int32 = KEY_MAX + 102
    static let wordLeftCode: Int32 = KEY_MAX + 103
    static let wordRightCode: Int32 = KEY_MAX + 104

    /// 256, 16 or 8 colours, or 0 when the terminal has none or `NO_COLOR` is set;
    /// views may pick a simpler theme when it is 0.
    public var colorCount: Int { colors.paletteSize }

    /// Whether the terminal can draw dim text (`dim` in its terminfo); vt100, vt220 and ansi
    /// cannot, and ncurses then drops the attribute without a word.
    public var showsDim: Bool {
        guard window != nil, !ended, let dim = tigetstr("dim") else { return false }
        return Int(bitPattern: dim) != -1 && dim.pointee != 0
    }

    /// Starts full-screen mode on the process's terminal.
    ///
    /// - Throws: `TerminalError` when standard input or output is not a terminal, or
    ///   `TERM` is unset, unknown or cannot address the cursor.
    public convenience init() throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw TerminalError.notATerminal
        }
        guard let term = TerminalSession.environment("TERM"), !term.isEmpty else {
            throw TerminalError.terminalTypeUnset
        }
        guard let output = travaux_stdout(), let input = travaux_stdin() else {
            throw TerminalError.notATerminal
        }
        try self.init(terminalType: term, output: output, input: input, catchSignals: true)
    }

    /// Starts a session on any pair of streams: the terminal, a pseudo-terminal, or
    /// `/dev/null` for a headless test. `colourAllowed`: false under `NO_COLOR`.
    init(
        terminalType: String,
        output: UnsafeMutablePointer<FILE>,
        input: UnsafeMutablePointer<FILE>,
        catchSignals: Bool,
        colourAllowed: Bool = TerminalSession.environment("NO_COLOR").map(\.isEmpty) ?? true
    ) throws {
        inputDescriptor = fileno(input)
        outputDescriptor = fileno(output)
        _ = travaux_prepare_locale()

        // Dispositions from before ncurses installs its own handlers, to put back at the end.
        for signal in TerminalSession.routedSignals {
            var action = sigaction()
            if travaux_save_signal(signal, &action) == 0 {
                savedDispositions.append((signal, action))
            }
        }

        guard let screen = newterm(terminalType, output, input) else {
            restoreSignalDispositions()
            throw TerminalError.unknownTerminalType(terminalType)
        }
        self.screen = screen
        _ = set_term(screen)
        guard let window = travaux_stdscr() else {
            end()
            throw TerminalError.cannotStart("ncurses gave no screen window")
        }
        self.window = window
        // ncurses 6.4 writes out its buffer at every cursor move until the screen has once
        // been left with `endwin` and come back (`_nc_mvcur` flushes while `_endwin` is still
        // `ewInitial`): 60 writes to the terminal per keystroke instead of one. Leaving at
        // once, before anything is drawn, makes the first `doupdate` come back, and from then
        // on each frame is one write.
        _ = endwin()

        // Without cursor addressing every frame would be garbage.
        let cursorAddress = tigetstr("cup")
        if cursorAddress == nil || Int(bitPattern: cursorAddress) == -1 {
            end()
            throw TerminalError.terminalTooLimited(terminalType)
        }

        if TerminalSession.environment("ESCDELAY") == nil {
            _ = set_escdelay(25)  // a lone Esc must not take a second
        }
        _ = cbreak()
        takeControlKeys()
        _ = noecho()
        _ = nonl()
        _ = keypad(window, true)
        _ = intrflush(window, false)
        _ = mousemask(travaux_mouse_events(), nil)
        _ = mouseinterval(0)  // report presses at once, without waiting to detect clicks
        // Back from the `endwin` above before colour starts: coming back with colour on,
        // ncurses resets the terminal's colours (`oc`: xterm's OSC 104, the Linux console's
        // `ESC ] R`), and a palette set at run time (base16-shell, pywal) would be lost.
        _ = doupdate()
        colors = colourAllowed ? TerminalSession.startColors() : .none
        setCursorShown(false)
        defineExtraKeys()

        if catchSignals {
            signals = SignalRouting(signals: TerminalSession.routedSignals)
        }
    }

    deinit {
        end()
    }

    /// The size of the screen in cells.
    public var size: (width: Int, height: Int) {
        guard let window, !ended else { return (0, 0) }
        return (Int(travaux_getmaxx(window)), Int(travaux_getmaxy(window)))
    }

    /// Restores the terminal: leaves curses mode, frees the screen, and puts the signal
    /// dispositions back. Safe to call more than once.
    public func end() {
        guard !ended else { return }
        ended = true
        // Until the terminal is restored, signals still only reach the pipe.
        if let screen {
            _ = set_term(screen)
            blankBeforeLeaving()
            writeRaw("\u{1b}[?2004l")   // the shell gets its terminal back as it was
            _ = endwin()
            delscreen(screen)
        }
        screen = nil
        window = nil
        restoreSignalDispositions()
        keepTerminations()
        signals?.stop()
        signals = nil
    }

    private func restoreSignalDispositions() {
        for saved in savedDispositions {
            var action = saved.action
            _ = travaux_restore_signal(saved.signal, &action)
        }
        savedDispositions = []
    }

    private static func startColors() -> ColorPairs {
        guard has_colors(), start_color() != ERR else { return .none }
        let hasDefaultColors = use_default_colors() != ERR
        let available = Int(travaux_colors())
        let paletteSize = available >= 256 ? 256 : available >= 16 ? 16 : available >= 8 ? 8 : 0
        guard paletteSize > 0 else { return .none }
        return ColorPairs(
            paletteSize: paletteSize, hasDefaultColors: hasDefaultColors,
            pairLimit: Int(travaux_color_pairs()))
    }

    /// The ncurses library linked, as it names itself ("ncurses 6.4.20221231"); a bug
    /// report about drawing or keys needs it. Asked without opening a screen.
    public static var libraryVersion: String {
        curses_version().map { String(cString: $0) } ?? "ncurses (version unknown)"
    }

    static func environment(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }

    // MARK: Input

    /// Waits up to `timeoutMilliseconds` (forever when `nil`) for the next event.
    /// Returns `nil` when nothing happened in time, or for keys the interface ignores.
    /// `wakeDescriptor`: a descriptor that also ends the wait when it becomes readable (work
    /// finished on another thread); the caller reads it when `wakeDescriptorReadable` says so.
    public func nextEvent(timeoutMilliseconds: Int? = nil, wakeDescriptor: Int32? = nil) -> InputEvent? {
        wakeDescriptorReadable = false
        guard let window, !ended else { return nil }
        if let signal = pendingTermination {
            pendingTermination = nil
            return .terminate(signal)
        }
        // ncurses may already hold input (the rest of an escape sequence, a resize).
        if let event = readEvent(window: window, timeoutMilliseconds: 0) { return event }

        // The signal pipe and the wake descriptor are read only when the poll finds them
        // readable: a key costs no read that would find them empty. A signal that came
        // while the last key was handled left the pipe readable, so this poll returns at once.
        // The descriptors are on the stack: no memory is freed as the key wakes the loop.
        let timeout = Int32(clamping: timeoutMilliseconds ?? -1)
        let readiness = withUnsafeTemporaryAllocation(of: pollfd.self, capacity: 3) { descriptors in
            var count = 0
            func watch(_ descriptor: Int32) -> Int {
                descriptors.initializeElement(at: count, to: pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0))
                count += 1
                return count - 1
            }
            let inputSlot = watch(inputDescriptor)
            let signalSlot = signals.map { watch($0.readDescriptor) }
            let wakeSlot = wakeDescriptor.map(watch)
            let ready = poll(descriptors.baseAddress, nfds_t(count), timeout)
            // A failed poll (a signal interrupted it) looks at everything, as a readable one would.
            func readable(_ slot: Int?) -> Bool { slot.map { ready < 0 || descriptors[$0].revents != 0 } ?? false }
            return Readiness(
                timedOut: ready == 0, input: readable(inputSlot), signals: readable(signalSlot),
                wake: readable(wakeSlot), byteWaiting: ready > 0 && descriptors[inputSlot].revents & Int16(POLLIN) != 0)
        }
        if readiness.timedOut { return nil }
        wakeDescriptorReadable = readiness.wake
        if readiness.signals, let event = handleSignals() { return event }
        guard !ended, let window = self.window, readiness.input || readiness.signals else { return nil }
        // With a byte known to be waiting, ncurses reads it without first polling again: one
        // system call fewer on every key. Otherwise it only looks.
        return readEvent(window: window, timeoutMilliseconds: readiness.byteWaiting ? -1 : 0)
    }

    /// What one wait for input found.
    private struct Readiness {
        var timedOut: Bool
        var input: Bool
        var signals: Bool
        var wake: Bool
        /// The terminal has a byte to read (not only a hang-up or an error).
        var byteWaiting: Bool
    }

    /// Whether the last `nextEvent` found its `wakeDescriptor` readable.
    public private(set) var wakeDescriptorReadable = false

    private func readEvent(window: UnsafeMutablePointer<WINDOW>, timeoutMilliseconds: Int32) -> InputEvent? {
        let event = decodeEvent(window: window, timeoutMilliseconds: timeoutMilliseconds)
        switch event {
        case .key(.character)?, .key(.paste)?: lastEventWasText = true
        default: lastEventWasText = false
        }
        return event
    }

    /// Whether the byte after the one just read is already here and is text: more of a burst
    /// no one types by hand.
    private func textFollows(window: UnsafeMutablePointer<WINDOW>) -> Bool {
        wtimeout(window, 0)
        let next = wgetch(window)
        guard next != ERR else { return false }
        _ = ungetch(next)
        return (0x20..<0x7F).contains(next) || (0x80..<0x100).contains(next) || next == 9 || next == 10 || next == 13
    }

    private func decodeEvent(window: UnsafeMutablePointer<WINDOW>, timeoutMilliseconds: Int32) -> InputEvent? {
        if resizeAfterPaste {
            resizeAfterPaste = false
            let size = self.size
            return .resize(width: size.width, height: size.height)
        }
        if let paste = openPaste {
            let now = Self.monotonicMilliseconds()
            if now - paste.lastByte < Self.pasteSilenceMilliseconds && now - paste.started < Self.pasteLongestMilliseconds {
                return readPaste(window: window, firstWait: timeoutMilliseconds)
            }
            openPaste = nil
        }
        wtimeout(window, timeoutMilliseconds)
        // A byte at a time, as the C floor reads: `wget_wch` passes every key through the C
        // library's multibyte conversion, a third of ncurses' part of a cold key. The rare key
        // beyond ASCII is put together here.
        let code = wgetch(window)
        switch code {
        case ERR:
            return nil
        case 27:
            return readAfterEscape(window: window)
        case 9 where lastEventWasText && textFollows(window: window):
            // A Tab between text and more text in one burst is a paste the terminal did not
            // mark (no bracketed paste, or `tmux send-keys`): read as a key it would move a
            // note's text into its tags.
            return .key(.paste("\t"))
        case 3:
            // Ctrl-C, the terminal's interrupt character taken as a key (`takeControlKeys`):
            // the interrupt it would have sent, to this process alone.
            return .terminate(.interrupt)
        case 26:
            // Ctrl-Z, the terminal's suspend character taken as a key outside a paste: the
            // stop it would have sent, to the process group it would have sent it to.
            suspendForJobControl(wholeGroup: true)
            return nil
        case 0..<0x80:
            return KeyDecoder.character(UInt32(code)).map(InputEvent.key)
        case 0x80..<0x100:
            return KeyDecoder.character(
                utf8Lead: UInt8(code),
                nextByte: { self.readContinuationByte(window: window) },
                putBack: { _ = ungetch($0) }
            ).map(InputEvent.key)
        case KEY_RESIZE:
            needsFullRepaint = true
            let size = self.size
            return .resize(width: size.width, height: size.height)
        case KEY_MOUSE:
            return readMouse()
        default:
            switch extraKeys[code] {
            case .wordLeft?: return .key(.wordLeft)
            case .wordRight?: return .key(.wordRight)
            case .pasteStart?:
                // Open from its start marker on: what follows it, however late, is text.
                let now = Self.monotonicMilliseconds()
                openPaste = (now, now)
                return readPaste(window: window, firstWait: Self.pastePauseMilliseconds)
            case .pasteEnd?: return nil
            case nil: break
            }
            return KeyDecoder.keyCode(code).map(InputEvent.key)
        }
    }

    /// The next byte of a character already begun: the terminal sends a character's bytes
    /// together, so it is already here, or it comes within the wait given to an escape.
    private func readContinuationByte(window: UnsafeMutablePointer<WINDOW>) -> Int32? {
        wtimeout(window, Self.continuationMilliseconds)
        let code = wgetch(window)
        return code == ERR ? nil : code
    }

    private static let continuationMilliseconds: Int32 = 100

    /// Ctrl-S and Ctrl-Q are keys here (Ctrl-S saves a note), not XOFF/XON: with flow
    /// control on, Ctrl-S would freeze the terminal's output until Ctrl-Q. Ctrl-\ is a key
    /// too, not SIGQUIT: a stray press, next to Backspace and Enter on many keyboards, dumped
    /// a crash report over the screen and a second left the terminal unusable. Ctrl-Z is a
    /// key that suspends (`decodeEvent`): the terminal turned a 0x1A byte inside a paste (an
    /// old text file's end, a PDF's copy) into a stop in the middle of it. ncurses is
    /// told the new mode (def_prog_mode) so it restores it after a child program or Ctrl-Z;
    /// `endwin` gives the shell back its own.
    private func takeControlKeys() {
        var attributes = termios()
        guard isatty(inputDescriptor) == 1, tcgetattr(inputDescriptor, &attributes) == 0 else { return }
        attributes.c_iflag &= ~tcflag_t(IXON)
        let disabled = fpathconf(inputDescriptor, Int32(_PC_VDISABLE))
        if disabled != -1 {
            // Ctrl-\ and Ctrl-C come as keys, not signals: the terminal sends a signal to the
            // whole foreground process group, so a script that ran travaux (`travaux; git
            // commit`) died with it, even on a Ctrl-C that travaux only asked about.
            withUnsafeMutableBytes(of: &attributes.c_cc) {
                $0[Int(VQUIT)] = cc_t(truncatingIfNeeded: disabled)
                $0[Int(VINTR)] = cc_t(truncatingIfNeeded: disabled)
                $0[Int(VSUSP)] = cc_t(truncatingIfNeeded: disabled)
            }
        }
        _ = tcsetattr(inputDescriptor, TCSANOW, &attributes)
        _ = def_prog_mode()
    }

    /// Esc then a character at once is Alt with that character (how terminals send Meta).
    /// Only a letter (or Backspace) counts: Esc then `2` or `/` typed quickly — or sent in
    /// one burst by tmux or a script — stays two keys, the second put back for the next read.
    private func readAfterEscape(window: UnsafeMutablePointer<WINDOW>) -> InputEvent? {
        wtimeout(window, 0)
        var next: wint_t = 0
        let read = wget_wch(window, &next)
        if read == KEY_CODE_YES {
            // Alt-Backspace is `ESC DEL` from tmux, xterm and most others, and where the
            // terminal's description says Backspace sends DEL (`kbs=^?`), ncurses hands the DEL
            // over as its Backspace key code: taken for no key, the Esc alone closed the editor
            // or the search. Any other key code after Esc is its own key.
            if Int32(next) == KEY_BACKSPACE { return .key(.alt("\u{7F}")) }
            _ = ungetch(Int32(truncatingIfNeeded: next))
            return .key(.escape)
        }
        guard read == OK else { return .key(.escape) }
        if next == 127 || next == 8 { return .key(.alt("\u{7F}")) }
        // A sequence ncurses did not know (`KeySequences`) is dropped whole: its bytes were
        // taken for keys. Its bytes come together, so what is not here at once is typed.
        func following() -> Int32? {
            wtimeout(window, 0)
            let code = wgetch(window)
            return code == ERR ? nil : code
        }
        if next == 0x5B {
            if EscapeSequence.skipControlSequence(next: following) { return nil }
            _ = ungetch(0x5B)
            return .key(.escape)
        }
        if next == 0x4F, let final = following() {
            if (0x40...0x7E).contains(final) { return nil }
            _ = ungetch(final)
        }
        // A string a terminal sends as a reply: OSC, whose first byte is a digit, and DCS, whose
        // first is not a letter (`ESC P` then a letter is Alt-P). Dropped whole when its end is
        // here; otherwise its bytes are put back, to be read as the keys they were.
        if next == 0x5D || next == 0x50, let first = following() {
            let isLetter = (0x41...0x5A).contains(first) || (0x61...0x7A).contains(first)
            if next == 0x5D ? (0x30...0x39).contains(first) : !isLetter {
                guard let unread = EscapeSequence.unfinishedString(first: first, next: following) else { return nil }
                for byte in unread.reversed() { _ = ungetch(byte) }
            } else {
                _ = ungetch(first)
            }
        }
        guard let scalar = Unicode.Scalar(UInt32(next)), scalar.properties.isAlphabetic else {
            _ = unget_wch(wchar_t(truncatingIfNeeded: next))
            return .key(.escape)
        }
        return .key(.alt(Character(scalar)))
    }

    /// Everything between the paste markers, as text: a pasted paragraph is never a stream of
    /// commands. Over a slow link a paste comes in pieces; after a pause of
    /// `pastePauseMilliseconds` what came is handed on, and what comes next is still pasted
    /// text until the end marker, or until `pasteSilenceMilliseconds` pass without a byte, or
    /// `pasteLongestMilliseconds` since it began (a terminal that lost the marker must not
    /// swallow every later key, even keys typed without a pause).
    /// `firstWait`: how long to wait for the first byte (a paste already open may have none yet).
    private func readPaste(window: UnsafeMutablePointer<WINDOW>, firstWait: Int32) -> InputEvent? {
        var text = String.UnicodeScalarView()
        var wait = firstWait
        while openPaste != nil {
            wtimeout(window, wait)
            wait = Self.pastePauseMilliseconds
            var value: wint_t = 0
            let status = wget_wch(window, &value)
            if status == KEY_CODE_YES {
                let code = Int32(truncatingIfNeeded: value)
                if extraKeys[code] == .pasteEnd {
                    openPaste = nil
                } else if code == KEY_RESIZE {
                    // Reported once the paste is handed on; it brings no byte of the paste.
                    needsFullRepaint = true
                    resizeAfterPaste = true
                }
                continue
            }
            guard status == OK else { break }
            openPaste?.lastByte = Self.monotonicMilliseconds()
            if value == 13 { text.append("\n"); continue }
            if let scalar = Unicode.Scalar(UInt32(value)) { text.append(scalar) }
        }
        if text.isEmpty, resizeAfterPaste {
            resizeAfterPaste = false
            let size = self.size
            return .resize(width: size.width, height: size.height)
        }
        return text.isEmpty ? nil : .key(.paste(String(text)))
    }

    private static let pastePauseMilliseconds: Int32 = 200
    private static let pasteSilenceMilliseconds: Int64 = 2_000
    private static let pasteLongestMilliseconds: Int64 = 30_000

    private static func monotonicMilliseconds() -> Int64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Int64(now.tv_sec) * 1000 + Int64(now.tv_nsec) / 1_000_000
    }

    /// Ctrl-←/→ and Alt-←/→ from the terminal's description when it has them; the sequences terminals
    /// send that the description may lack (`KeySequences`); the paste markers always.
    private func defineExtraKeys() {
        // Ctrl-←/→ and Alt-←/→ (Option-←/→ on a Mac) move by word.
        for (capability, key) in [("kLFT5", ExtraKey.wordLeft), ("kRIT5", .wordRight), ("kLFT3", .wordLeft), ("kRIT3", .wordRight)] {
            guard let sequence = tigetstr(capability), Int(bitPattern: sequence) != -1 else { continue }
            let code = key_defined(sequence)
            if code > 0 { extraKeys[code] = key }
        }
        extraKeys[Self.wordLeftCode] = .wordLeft
        extraKeys[Self.wordRightCode] = .wordRight
        // A sequence the terminfo names under an extended capability of no meaning to ncurses
        // (the Linux console's `kcbt2=\E[Z`, Shift-Tab as tmux and emulators send it) reads
        // as a code above KEY_MAX that no view knows: it is given its meaning as well.
        for (sequence, meaning) in KeySequences.all {
            let code = key_defined(sequence)
            guard code == 0 || (code > KEY_MAX && extraKeys[code] == nil) else { continue }
            switch meaning {
            case .code(let code): _ = define_key(sequence, code)
            case .wordLeft: _ = define_key(sequence, Self.wordLeftCode)
            case .wordRight: _ = define_key(sequence, Self.wordRightCode)
            }
        }
        if define_key("\u{1b}[200~", Self.pasteStartCode) == OK { extraKeys[Self.pasteStartCode] = .pasteStart }
        if define_key("\u{1b}[201~", Self.pasteEndCode) == OK { extraKeys[Self.pasteEndCode] = .pasteEnd }
        writeRaw("\u{1b}[?2004h")   // ask for bracketed paste
    }

    /// Writes an escape sequence that changes nothing on the screen (OSC 52, the
    /// clipboard) straight to the terminal, after the frame ncurses has written.
    public func writeSequence(_ sequence: String) {
        writeRaw(sequence)
    }

    /// Writes all of it, through short writes and interruptions: a sequence cut short (a
    /// long OSC 52) would leave the terminal reading the frames after it as its text.
    private func writeRaw(_ text: String) {
        let bytes = Array(text.utf8)
        var written = 0
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { write(outputDescriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR || errno == EAGAIN { continue }
            guard count > 0 else { return }
            written += count
        }
    }

    private func readMouse() -> InputEvent? {
        var event = MEVENT()
        guard getmouse(&event) == OK else { return nil }
        let state = event.bstate
        let kind: MouseEvent.Kind
        switch (travaux_mouse_wheel(state), travaux_mouse_pressed_button(state)) {
        case (-1, _): kind = .wheelUp
        case (1, _): kind = .wheelDown
        case (_, 1): kind = .press(.left)
        case (_, 2): kind = .press(.middle)
        case (_, 3): kind = .press(.right)
        default:
            guard travaux_mouse_released(state) != 0 else { return nil }
            kind = .release
        }
        return .mouse(MouseEvent(x: Int(event.x), y: Int(event.y), kind: kind))
    }

    /// Acts on the signals the handler queued: a termination becomes an event, a stop
    /// request suspends the process here.
    private func handleSignals() -> InputEvent? {
        guard let signals else { return nil }
        var termination: TerminationSignal?
        // The SIGCONT that ended a Ctrl-Z of the last batch is in this one, or none came (an
        // orphaned process group is not stopped): either way the flag is spent here.
        var skipContinue = continuedFromOwnStop
        continuedFromOwnStop = false
        for signal in signals.drain() {
            switch signal {
            case SIGTSTP: suspendForJobControl()
            case SIGCONT:
                if skipContinue { skipContinue = false } else { resumeAfterStop() }
            case SIGWINCH: followTerminalSize()
            case SIGINT: termination = termination ?? .interrupt
            case SIGTERM: termination = termination ?? .terminate
            case SIGHUP: termination = .hangup
            default: break
            }
        }
        return termination.map(InputEvent.terminate)
    }

    /// Ctrl-Z: back to the shell's screen, stop, and on `fg` come back whole, pastes
    /// bracketed again.
    private func suspendForJobControl(wholeGroup: Bool = false) {
        guard !ended else { return }
        _ = def_prog_mode()
        blankBeforeLeaving()
        writeRaw("\u{1b}[?2004l")
        _ = endwin()
        continuedFromOwnStop = true
        travaux_stop_until_continued(wholeGroup ? 1 : 0)
        reenterScreen()
    }

    /// SIGCONT after a stop the session did not ask for (`kill -STOP`, a debugger): the shell
    /// took the terminal back meanwhile and set its own modes (line mode, echo), so the
    /// screen is entered again as after Ctrl-Z. (The SIGCONT that ends a Ctrl-Z, handled
    /// there, is skipped by `handleSignals`.)
    private func resumeAfterStop() {
        guard !ended else { return }
        _ = endwin()
        reenterScreen()
    }

    /// Back in full-screen mode after the terminal was the shell's or a child's: the
    /// program's terminal modes, bracketed pastes, the size it has now, the last frame whole.
    private func reenterScreen() {
        _ = reset_prog_mode()
        writeRaw("\u{1b}[?2004h")
        followTerminalSize()
        repaint()
    }

    // MARK: Child programs

    /// Runs `body` (typically `$EDITOR` on a note) with the terminal in its normal mode,
    /// then returns to full-screen mode and repaints the last frame whole.
    ///
    /// While the child runs, Ctrl-Z stops this process along with the child, and a
    /// Ctrl-C meant for the child is not taken as a request to quit; SIGTERM and SIGHUP
    /// are kept and reported by the next `nextEvent`.
    public func suspendForChild<T>(_ body: () throws -> T) rethrows -> T {
        guard !ended else { return try body() }
        _ = def_prog_mode()
        blankBeforeLeaving()
        _ = endwin()
        var ourStopHandler = sigaction()
        let stopHandlerReplaced = signals != nil && travaux_default_signal(SIGTSTP, &ourStopHandler) == 0
        defer {
            if stopHandlerReplaced { _ = travaux_restore_signal(SIGTSTP, &ourStopHandler) }
            keepTerminations()
            // A Ctrl-Z of the child stopped this process too; its SIGCONT was drained above.
            continuedFromOwnStop = false
            reenterScreen()
        }
        return try body()
    }

    /// Keeps a SIGTERM or SIGHUP waiting in the pipe for the next `nextEvent`, or for
    /// `terminationAtEnd`; other signals waiting there are dropped (the caller repaints).
    private func keepTerminations() {
        guard let signals else { return }
        for signal in signals.drain() {
            if signal == SIGHUP { pendingTermination = .hangup }
            if signal == SIGTERM, pendingTermination == nil { pendingTermination = .terminate }
        }
    }

    /// A SIGTERM or SIGHUP that came after the last event was read (while travaux was
    /// quitting), kept by `end()`, so that the exit status still says so.
    public var terminationAtEnd: TerminationSignal? { pendingTermination }

    /// Tells ncurses the terminal's real size when it changed behind its back (while
    /// stopped or while a child ran); ncurses then queues a `KEY_RESIZE`.
    private func followTerminalSize() {
        var size = winsize()
        guard ioctl(outputDescriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_row > 0, size.ws_col > 0 else {
            return
        }
        let current = self.size
        if Int(size.ws_row) != current.height || Int(size.ws_col) != current.width {
            _ = resizeterm(Int32(size.ws_row), Int32(size.ws_col))
        }
    }

    // MARK: Drawing

    /// Draws `frame` like `draw(_:cursor:)`, then hands back the frame drawn before it, for the
    /// next frame to be rendered into: two canvases take turns, and neither is copied.
    public func draw(recycling frame: inout Canvas, cursor: (x: Int, y: Int)? = nil) {
        let previous = lastCanvas
        draw(frame, cursor: cursor)
        // `draw` kept the new frame; once `previous` goes, each canvas is referenced once.
        if let previous { frame = previous }
    }

    /// Draws a frame: only the cells that differ from the last frame drawn, or all of
    /// them after a resize, a suspension or `forceRedraw()`. `cursor` shows the
    /// terminal cursor there (a text field being edited); `nil` hides it.
    public func draw(_ canvas: Canvas, cursor: (x: Int, y: Int)? = nil) {
        guard let window, !ended else { return }
        // The kept arrays are worked on as locals and put back at the end: each use of a
        // class's property is an exclusivity check, which per changed cell was a tenth
        // of a keystroke's drawing.
        var spans = self.spans, run = self.run
        self.spans = []
        self.run = []
        defer {
            self.spans = spans
            self.run = run
        }
        if let last = lastCanvas, !needsFullRepaint {
            canvas.changedSpans(from: last, into: &spans)
        } else {
            _ = werase(window)
            _ = clearok(window, true)
            canvas.changedSpans(from: Canvas(width: 0, height: 0), into: &spans)
        }
        let height = Int(travaux_getmaxy(window))
        let width = Int(travaux_getmaxx(window))
        // Changed cells side by side on a row go to ncurses in one call: a call per cell
        // was most of the time a keystroke spent drawing. Attributes and colour pair are
        // worked out once per run of cells in the same style and width.
        var look: UInt64?
        var attributes: attr_t = 0
        var pair: Int16 = 0
        for span in spans where span.y < height {
            canvas.withCells(ofRow: span.y) { row in
                if span.stylesOnly {
                    restyle(row, span: span, width: width, window: window, look: &look, attributes: &attributes, pair: &pair)
                    return
                }
                // Converted in place into storage a row long, kept between frames: an append per
                // cell checked the array's uniqueness and capacity 1,500 times a side-by-side key.
                // Every cell takes at least a column, and none goes past the screen's width.
                if run.count < width { run = [cchar_t](repeating: cchar_t(), count: width) }
                run.withUnsafeMutableBufferPointer { converted in
                    // A span starts on a glyph, or on a right half whose glyph is cut off by the
                    // left edge; inside it, each right half is skipped with its glyph.
                    var x = row[span.start].isContinuation ? span.start + 1 : span.start
                    let runStart = x
                    var count = 0
                    while x < span.end {
                        let cell = row[x]
                        let columns = max(1, cell.width)
                        guard x + columns <= width else { break }
                        let word = cell.appearanceWord
                        if word != look {
                            look = word
                            (attributes, pair) = self.appearances.look(of: word) { self.appearance(of: cell.style) }
                        }
                        converted[count] = Self.complexCharacter(cell, attributes: attributes, pair: pair)
                        count += 1
                        x += columns
                    }
                    // ncurses takes a wide glyph as one character and fills both its columns.
                    if count > 0 {
                        _ = mvwadd_wchnstr(window, Int32(span.y), Int32(runStart), converted.baseAddress, Int32(count))
                    }
                }
            }
        }
        if let cursor, cursor.x >= 0, cursor.x < width, cursor.y >= 0, cursor.y < height {
            setCursorShown(true)
            _ = leaveok(window, false)
            _ = wmove(window, Int32(cursor.y), Int32(cursor.x))
        } else {
            setCursorShown(false)
            _ = leaveok(window, true)
        }
        _ = wnoutrefresh(window)
        _ = doupdate()
        lastCanvas = canvas
        lastCursor = cursor
        needsFullRepaint = false
    }

    /// Gives the cells of a span the terminal already shows new attributes and colours in place
    /// (`wchgat`), one call per run of cells of one look: when the selection bar moves, no glyph
    /// is converted, copied or measured again (ncurses measures every glyph handed to it).
    private func restyle(_ row: UnsafeBufferPointer<Cell>, span: ChangedSpan, width: Int,
                         window: UnsafeMutablePointer<WINDOW>,
                         look: inout UInt64?, attributes: inout attr_t, pair: inout Int16) {
        let end = min(span.end, width)
        var x = span.start
        while x < end {
            let word = row[x].appearanceWord
            var next = x + 1
            while next < end, row[next].appearanceWord == word { next += 1 }
            if word != look {
                look = word
                let style = row[x].style
                (attributes, pair) = appearances.look(of: word) { self.appearance(of: style) }
            }
            if wmove(window, Int32(span.y), Int32(x)) != ERR {
                _ = wchgat(window, Int32(next - x), attributes, pair, nil)
            }
            x = next
        }
    }

    /// The frame the terminal shows, as the next `draw` compares with it (tests).
    var lastDrawnCanvas: Canvas? { lastCanvas }

    /// Makes the next `draw` repaint the whole screen (Ctrl-L after line noise).
    public func forceRedraw() {
        needsFullRepaint = true
    }

    /// Blanks the screen just before the shell's comes back. tmux (3.3) fits the alternate
    /// screen to the shell's old size as it leaves it, and rows wider than that, after the
    /// terminal grew, were wrapped into the shell's screen and its history.
    private func blankBeforeLeaving() {
        guard let window, lastCanvas != nil else { return }
        _ = werase(window)
        _ = wrefresh(window)
        needsFullRepaint = true
    }

    private func repaint() {
        needsFullRepaint = true
        if let canvas = lastCanvas {
            draw(canvas, cursor: lastCursor)
        }
    }

    private func appearance(of style: Style) -> (attr_t, Int16) {
        var attributes: attr_t = 0
        if style.bold { attributes |= travaux_a_bold() }
        if style.dim { attributes |= travaux_a_dim() }
        if style.reverse { attributes |= travaux_a_reverse() }
        if style.underline { attributes |= travaux_a_underline() }
        if style.italic { attributes |= travaux_a_italic() }
        return (attributes, colors.pair(for: style))
    }

    static func complexCharacter(_ cell: Cell, attributes: attr_t, pair: Int16) -> cchar_t {
        var complex = cchar_t()
        // Most cells are one printable ASCII character: no array, no width check (a first
        // frame is 12,000 cells, and this was most of the time it took to draw).
        if cell.width == 1, let byte = cell.glyph.asciiByte {
            travaux_spacing_cchar(&complex, wchar_t(byte), attributes, pair)
        } else {
            var characters = glyphCharacters(cell)
            if setcchar(&complex, &characters, attributes, pair, nil) == ERR {
                var replacement: [wchar_t] = [0xFFFD, 0]
                _ = setcchar(&complex, &replacement, attributes, pair, nil)
            }
        }
        return complex
    }

    /// The wide characters of a cell, zero-terminated, as ncurses will measure them.
    ///
    /// When the C library counts the glyph's width differently from the canvas (a
    /// character newer than its tables), a replacement of the canvas's width is drawn
    /// instead, so the columns that follow stay where the canvas put them.
    private static func glyphCharacters(_ cell: Cell) -> [wchar_t] {
        var characters = cell.glyph.scalarValues.prefix(Int(CCHARW_MAX)).map { wchar_t(truncatingIfNeeded: $0) }
        guard let first = characters.first else { return [0x20, 0] }
        if Int(travaux_wcwidth(first)) != cell.width {
            characters = cell.width == 2 ? [0xFF1F] : [0xFFFD]  // fullwidth "？" or "�"
        }
        characters.append(0)
        return characters
    }

    private func setCursorShown(_ shown: Bool) {
        guard cursorShown != shown else { return }
        cursorShown = shown
        _ = curs_set(shown ? 1 : 0)
    }

    // MARK: Reading back (tests)

    /// The text, attributes and colour pair ncurses holds for a cell of the screen.
    func cellContents(x: Int, y: Int) -> (text: String, attributes: Style.Attributes, pair: Int16)? {
        guard let window, !ended else { return nil }
        var complex = cchar_t()
        guard mvwin_wch(window, Int32(y), Int32(x), &complex) != ERR else { return nil }
        var characters = [wchar_t](repeating: 0, count: Int(CCHARW_MAX) + 1)
        var attributes: attr_t = 0
        var pair: Int16 = 0
        guard getcchar(&complex, &characters, &attributes, &pair, nil) != ERR else { return nil }
        var text = ""
        for character in characters {
            guard character != 0, let scalar = Unicode.Scalar(UInt32(bitPattern: character)) else { break }
            text.unicodeScalars.append(scalar)
        }
        var decoded: Style.Attributes = []
        if attributes & travaux_a_bold() != 0 { decoded.insert(.bold) }
        if attributes & travaux_a_dim() != 0 { decoded.insert(.dim) }
        if attributes & travaux_a_reverse() != 0 { decoded.insert(.reverse) }
        if attributes & travaux_a_underline() != 0 { decoded.insert(.underline) }
        if attributes & travaux_a_italic() != 0 { decoded.insert(.italic) }
        return (text, decoded, pair)
    }
}
