import Foundation
import WireDedupe

/// Dedupe state for a run without a state folder (`process` without a config): remembered until the
/// process exits.
public final class InMemoryDedupeState: DedupeStateStore, @unchecked Sendable {
    private let lock = NSLock()
    private var records: [UInt32: DedupeRecord] = [:]
    private var entries: [UInt32: DedupeEntry] = [:]
    private var sequenceByID: [String: UInt32] = [:]

    public init() {}

    public func loadDedupeRecords() throws -> [DedupeRecord] {
        lock.withLock { records.values.sorted { $0.sequence < $1.sequence } }
    }

    public func dedupeEntry(itemID: String) throws -> DedupeEntry? {
        lock.withLock { sequenceByID[itemID].flatMap { entries[$0] } }
    }

    public func dedupeEntry(sequence: UInt32) throws -> DedupeEntry? {
        lock.withLock { entries[sequence] }
    }

    public func saveDedupe(_ entry: DedupeEntry, record: DedupeRecord, forgetBelow: UInt32?) throws {
        lock.withLock {
            if let forgetBelow {
                for sequence in records.keys where sequence < forgetBelow {
                    records[sequence] = nil
                    if let gone = entries.removeValue(forKey: sequence) { sequenceByID[gone.itemID] = nil }
                }
            }
            records[record.sequence] = record
            entries[entry.sequence] = entry
            sequenceByID[entry.itemID] = entry.sequence
        }
    }
}
