#if canImport(Glibc)
import Glibc
#endif

/// Where notes get their times and random bits from; tests pass a fixed one.
public struct NoteClock: Sendable {
    public var now: @Sendable () -> NoteTime

    public init(now: @escaping @Sendable () -> NoteTime) { self.now = now }

    /// The wall clock, to the millisecond.
    public static let system = NoteClock {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return NoteTime(millisecondsSince1970: Int64(spec.tv_sec) * 1000 + Int64(spec.tv_nsec) / 1_000_000)
    }

    /// Always the same moment, for golden files.
    public static func fixed(_ time: NoteTime) -> NoteClock { NoteClock { time } }
}
