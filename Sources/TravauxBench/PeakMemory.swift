#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// The process's peak resident memory so far (getrusage `ru_maxrss`), in KiB. It never goes
/// down, so a figure after the 100× scale includes the smaller scales' peaks.
public enum PeakMemory {
    public static func kibibytes() -> Int {
        var usage = rusage()
        guard getrusage(RUSAGE_SELF.rawValue, &usage) == 0 else { return 0 }
        return Int(usage.ru_maxrss)
    }
}
