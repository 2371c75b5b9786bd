/// What the engine needs to know about an item, independent of the pipeline's `Item`.
public struct DedupeInput: Sendable {
    public var fingerprint: TextFingerprint
    /// Hash of (source name, guid), or 0 when the item has no guid.
    public var guidHash: UInt64
    public var version: Int32
    /// A kill or withhold notice: an update of the item it names, never a textual copy of anything.
    public var isWithdrawal: Bool
    /// Seconds since 1970 (`published_at`, else `received_at`).
    public var eventTime: Int64
    /// `eventTime` is `received_at` (the item gave no published time).
    public var timeIsReceived: Bool

    public init(
        fingerprint: TextFingerprint, guidHash: UInt64 = 0, version: Int32 = -1, isWithdrawal: Bool = false, eventTime: Int64,
        timeIsReceived: Bool = false
    ) {
        self.fingerprint = fingerprint
        self.guidHash = guidHash
        self.version = version
        self.isWithdrawal = isWithdrawal
        self.eventTime = eventTime
        self.timeIsReceived = timeIsReceived
    }

    /// The guid key: the same guid from two sources is two stories.
    public static func guidHash(source: String, guid: String?) -> UInt64 {
        guard let guid, !guid.isEmpty else { return 0 }
        let hash = WordHasher.stringHash(source + "\u{1F}" + guid)
        return hash == 0 ? 1 : hash
    }

    /// A version as the engine compares it: the first run of digits ("3", "v3", "3.1" → 3), else -1.
    public static func versionNumber(_ version: String?) -> Int32 {
        guard let version else { return -1 }
        var value: Int32 = -1
        for byte in version.utf8 {
            if byte >= 0x30 && byte <= 0x39 {
                let digit = Int32(byte - 0x30)
                let (times, overflowed) = max(value, 0).multipliedReportingOverflow(by: 10)
                let (sum, overflowedAgain) = times.addingReportingOverflow(digit)
                if overflowed || overflowedAgain { return value }
                value = sum
            } else if value >= 0 {
                break
            }
        }
        return value
    }

    /// `pub_status` values that withdraw a story (NewsML-G2 `stat:canceled`/`withheld`, kill notices).
    public static func isWithdrawal(pubStatus: String?) -> Bool {
        guard let pubStatus else { return false }
        let status = pubStatus.lowercased()
        return ["canceled", "cancelled", "withheld", "kill", "killed", "withdrawn"].contains { status.hasSuffix($0) }
    }
}
