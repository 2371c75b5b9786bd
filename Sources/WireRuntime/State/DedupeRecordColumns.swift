import Foundation
import WireDedupe

/// How both state stores keep a `DedupeRecord`'s fields that are not plain numbers.
enum DedupeRecordColumns {
    /// Kept in the membership column's top bit: the record's time is an arrival time.
    static let receivedTimeFlag: Int64 = 0x80

    static func membership(of record: DedupeRecord) -> Int64 {
        Int64(record.membership.rawValue) | (record.timeIsReceived ? receivedTimeFlag : 0)
    }

    static func membership(_ stored: Int64) -> DedupeRecord.Membership {
        DedupeRecord.Membership(rawValue: UInt8(truncatingIfNeeded: stored) & 0x7F)
    }

    static func timeIsReceived(_ stored: Int64) -> Bool { stored & receivedTimeFlag != 0 }

    /// Salient terms are stored as little-endian UInt32s, 4 bytes each.
    static func terms(_ data: Data) -> [UInt32] {
        let bytes = [UInt8](data)
        return stride(from: 0, to: bytes.count - bytes.count % 4, by: 4).map { start in
            UInt32(bytes[start]) | UInt32(bytes[start + 1]) << 8 | UInt32(bytes[start + 2]) << 16 | UInt32(bytes[start + 3]) << 24
        }
    }

    static func blob(_ terms: [UInt32]) -> Data {
        var data = Data(capacity: terms.count * 4)
        for term in terms {
            for shift in stride(from: 0, to: 32, by: 8) { data.append(UInt8(truncatingIfNeeded: term >> UInt32(shift))) }
        }
        return data
    }
}
