#if canImport(Glibc)
import Glibc
#endif

/// CLOCK_MONOTONIC: never jumps with the wall clock, and is the clock systemd uses for
/// `MONOTONIC_USEC=`, so stall ages and reload stamps stay right across NTP corrections.
public enum MonotonicClock {
    public static func nanoseconds() -> UInt64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return UInt64(now.tv_sec) * 1_000_000_000 + UInt64(now.tv_nsec)
    }

    public static func microseconds() -> UInt64 { nanoseconds() / 1_000 }
}
