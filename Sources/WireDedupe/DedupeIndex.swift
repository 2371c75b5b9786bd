/// The in-memory index of recently seen items: exact hashes, LSH bands and guids, all pointing at
/// item sequence numbers.
///
/// Items live in flat arrays indexed by `sequence - base` (signature bytes, hashes, times), not as
/// objects, so a stored item costs its 64-byte signature, 25 bytes of fields and about 7.5-11 bytes per
/// table it is in (16 bands, exact, guid). Items leave oldest first, once they fall out of the time `window` (measured
/// against the newest event time seen, so that replaying old copy behaves as it did live) or past
/// `maxItems`.
public struct DedupeIndex: Sendable {
    public let banding: LSHBanding
    /// Seconds; nil keeps everything (bounded by `maxItems` only).
    public let window: Int64?
    public let maxItems: Int?

    private static let binCount = MinHashSignature.binCount
    /// Sequence of the first element of the arrays below (items before it are gone).
    private var base: UInt32 = 0
    /// Sequence of the oldest live item; items in `base..<head` are evicted, awaiting compaction.
    private var head: UInt32 = 0
    public private(set) var nextSequence: UInt32 = 0
    private var signatures: [UInt8] = []
    private var bodyHashes: [UInt64] = []
    private var guidHashes: [UInt64] = []
    /// Seconds since 1970, clamped to UInt32 (good until 2106): half the bytes of an Int64.
    private var eventTimes: [UInt32] = []
    private var versions: [Int32] = []
    private var memberships: [UInt8] = []
    private var exactTable = SequenceHashTable()
    private var guidTable = SequenceHashTable()
    private var bandTables: [SequenceHashTable]
    /// Newest published time seen, and newest arrival time of items without one.
    private var publishedClock: Int64 = .min
    private var receivedClock: Int64 = .min
    /// The window's "now": the newest published time once there is one, else the newest arrival.
    public var clock: Int64 { publishedClock != .min ? publishedClock : receivedClock }

    /// The time an item is filed under: an arrival time never runs ahead of the published clock, so
    /// that a replayed archive's undated items neither push dated ones out nor block eviction.
    public func filingTime(_ time: Int64, isReceived: Bool) -> Int64 {
        isReceived && publishedClock != .min ? min(time, publishedClock) : time
    }

    public init(window: Int64?, maxItems: Int?, banding: LSHBanding = LSHBanding()) {
        self.window = window
        self.maxItems = maxItems
        self.banding = banding
        bandTables = Array(repeating: SequenceHashTable(), count: banding.bands)
    }

    public var count: Int { Int(nextSequence &- head) }

    /// Sequence numbers below this are forgotten (the state store may delete them).
    public var oldestLiveSequence: UInt32 { head }

    // MARK: lookups

    public func isLive(_ sequence: UInt32) -> Bool {
        sequence &- head < nextSequence &- head
    }

    /// The first live item with this body hash.
    public func exactMatch(_ bodyHash: UInt64) -> UInt32? {
        var found: UInt32?
        exactTable.forEachCandidate(hash: bodyHash) { sequence in
            if isLive(sequence), bodyHashes[offset(sequence)] == bodyHash { found = sequence; return false }
            return true
        }
        return found
    }

    /// The live item holding the latest version of this guid.
    public func guidMatch(_ guidHash: UInt64) -> UInt32? {
        guard guidHash != 0 else { return nil }
        var found: UInt32?
        guidTable.forEachCandidate(hash: guidHash) { sequence in
            if isLive(sequence), guidHashes[offset(sequence)] == guidHash { found = sequence; return false }
            return true
        }
        return found
    }

    /// The most similar live item among the LSH candidates, with its estimated Jaccard similarity, if
    /// that reaches `threshold`. Never scans the stored items: only those sharing a band are looked at.
    public func nearestMatch(_ signature: MinHashSignature, threshold: Double) -> (sequence: UInt32, similarity: Double)? {
        var best: (sequence: UInt32, matches: Int)?
        var seen: [UInt32] = []
        signature.bins.withUnsafeBufferPointer { query in
            let keys = (0..<banding.bands).map { banding.key(query, band: $0) }
            // Independent loads first, so the misses overlap; then the searches find the lines cached.
            var warm: UInt32 = 0
            for band in 0..<banding.bands { warm &+= UInt32(bandTables[band].touch(hash: keys[band])) }
            if warm == .max { seen.reserveCapacity(1) }
            signatures.withUnsafeBufferPointer { stored in
                for band in 0..<banding.bands {
                    let key = keys[band]
                    bandTables[band].forEachCandidate(hash: key) { sequence in
                        guard isLive(sequence) else { return true }
                        let start = offset(sequence) * Self.binCount
                        let other = UnsafeBufferPointer(rebasing: stored[start..<(start + Self.binCount)])
                        guard banding.agree(query, other, band: band), !seen.contains(sequence) else { return true }
                        seen.append(sequence)
                        var matches = 0
                        for bin in 0..<Self.binCount where query[bin] == other[bin] { matches += 1 }
                        // Ties go to the older item: the one the copy most likely came from.
                        if matches > best?.matches ?? -1 || (matches == best?.matches && sequence < best?.sequence ?? 0) {
                            best = (sequence, matches)
                        }
                        return true
                    }
                }
            }
        }
        guard let best else { return nil }
        let similarity = MinHashSignature.estimatedJaccard(matchingBins: best.matches)
        return similarity >= threshold ? (best.sequence, similarity) : nil
    }

    /// Estimated Jaccard similarity of a live item's text to `signature`; nil when either has none.
    public func similarity(of sequence: UInt32, to signature: MinHashSignature) -> Double? {
        guard isLive(sequence), memberships[offset(sequence)] & DedupeRecord.Membership.near.rawValue != 0 else { return nil }
        let start = offset(sequence) * Self.binCount
        var matches = 0
        for bin in 0..<Self.binCount where signatures[start + bin] == signature.bins[bin] { matches += 1 }
        return MinHashSignature.estimatedJaccard(matchingBins: matches)
    }

    public func version(of sequence: UInt32) -> Int32 { versions[offset(sequence)] }
    public func eventTime(of sequence: UInt32) -> Int64 { Int64(eventTimes[offset(sequence)]) }
    public func bodyHash(of sequence: UInt32) -> UInt64 { bodyHashes[offset(sequence)] }

    @inline(__always)
    private func offset(_ sequence: UInt32) -> Int { Int(sequence &- base) }

    // MARK: changes

    /// Makes an empty index continue numbering at `sequence` (after a restart).
    public mutating func restart(at sequence: UInt32) {
        guard count == 0 else { return }
        signatures.removeAll()
        bodyHashes.removeAll()
        guidHashes.removeAll()
        eventTimes.removeAll()
        versions.removeAll()
        memberships.removeAll()
        base = sequence
        head = sequence
        nextSequence = sequence
    }

    /// Adds an item under the next sequence number, reachable through the tables `record.membership`
    /// names. `record.sequence` must equal `nextSequence`.
    public mutating func insert(_ record: DedupeRecord) {
        precondition(record.sequence == nextSequence, "records are inserted in sequence order")
        reserveIfFull()
        bodyHashes.append(record.bodyHash)
        guidHashes.append(record.guidHash)
        eventTimes.append(UInt32(clamping: record.eventTime))
        versions.append(record.version)
        var membership = record.membership
        if let signature = record.signature {
            signatures.append(contentsOf: signature.bins)
        } else {
            signatures.append(contentsOf: repeatElement(0, count: Self.binCount))
            membership.remove(.near)
        }
        if record.guidHash == 0 { membership.remove(.guid) }
        memberships.append(membership.rawValue)
        nextSequence &+= 1
        let time = Int64(UInt32(clamping: record.eventTime))
        if record.timeIsReceived {
            receivedClock = max(receivedClock, time)
        } else {
            publishedClock = max(publishedClock, time)
        }
        link(record.sequence, membership)
    }

    /// Grows the per-item arrays by a quarter rather than letting them double: at a million items a
    /// doubling would leave up to 90 bytes an item allocated and unused.
    private mutating func reserveIfFull() {
        guard bodyHashes.count == bodyHashes.capacity else { return }
        let items = max(1024, bodyHashes.count + bodyHashes.count / 4)
        signatures.reserveCapacity(items * Self.binCount)
        bodyHashes.reserveCapacity(items)
        guidHashes.reserveCapacity(items)
        eventTimes.reserveCapacity(items)
        versions.reserveCapacity(items)
        memberships.reserveCapacity(items)
    }

    private mutating func link(_ sequence: UInt32, _ membership: DedupeRecord.Membership) {
        update(sequence, membership, adding: true)
    }

    /// Adds the item to (or takes it out of) the tables its membership names: one walk for both, so
    /// that linking and unlinking can never disagree on which hash an item sits under.
    private mutating func update(_ sequence: UInt32, _ membership: DedupeRecord.Membership, adding: Bool) {
        let index = offset(sequence)
        let (bodyHashes, guidHashes, signatures, base) = (self.bodyHashes, self.guidHashes, self.signatures, self.base)
        if membership.contains(.exact) {
            let home = { (s: UInt32) in bodyHashes[Int(s &- base)] }
            if adding { exactTable.insert(sequence, hash: bodyHashes[index], homeHash: home) }
            else { exactTable.remove(sequence, hash: bodyHashes[index], homeHash: home) }
        }
        if membership.contains(.guid) {
            let home = { (s: UInt32) in guidHashes[Int(s &- base)] }
            if adding { guidTable.insert(sequence, hash: guidHashes[index], homeHash: home) }
            else { guidTable.remove(sequence, hash: guidHashes[index], homeHash: home) }
        }
        if membership.contains(.near) {
            let banding = self.banding
            signatures.withUnsafeBufferPointer { stored in
                for band in 0..<banding.bands {
                    let home = { (s: UInt32) -> UInt64 in
                        let start = Int(s &- base) * Self.binCount
                        return banding.key(UnsafeBufferPointer(rebasing: stored[start..<(start + Self.binCount)]), band: band)
                    }
                    if adding { bandTables[band].insert(sequence, hash: home(sequence), homeHash: home) }
                    else { bandTables[band].remove(sequence, hash: home(sequence), homeHash: home) }
                }
            }
        }
    }

    /// Takes an item out of the guid table (a newer version of its guid replaced it).
    public mutating func retireGuid(_ sequence: UInt32) {
        let index = offset(sequence)
        guard isLive(sequence), memberships[index] & DedupeRecord.Membership.guid.rawValue != 0 else { return }
        let (guidHashes, base) = (self.guidHashes, self.base)
        guidTable.remove(sequence, hash: guidHashes[index]) { guidHashes[Int($0 &- base)] }
        memberships[index] &= ~DedupeRecord.Membership.guid.rawValue
    }

    /// Forgets the oldest items until the window and `maxItems` hold; returns how many left.
    @discardableResult
    public mutating func evict() -> Int {
        var evicted = 0
        while head != nextSequence, mustEvictOldest {
            unlink(head)
            head &+= 1
            evicted += 1
        }
        compactIfWorthwhile()
        return evicted
    }

    private var mustEvictOldest: Bool {
        if let maxItems, count > maxItems { return true }
        if let window, clock != .min, Int64(eventTimes[offset(head)]) < clock - window { return true }
        return false
    }

    private mutating func unlink(_ sequence: UInt32) {
        let index = offset(sequence)
        update(sequence, DedupeRecord.Membership(rawValue: memberships[index]), adding: false)
        memberships[index] = 0
    }

    /// Drops evicted items from the front of the arrays once they are a fifth of them, so the arrays
    /// hold at most a quarter more than the live items and compaction costs O(1) per item on average.
    private mutating func compactIfWorthwhile() {
        let dead = Int(head &- base)
        guard dead >= 4096, dead * 4 >= count else { return }
        signatures.removeFirst(dead * Self.binCount)
        bodyHashes.removeFirst(dead)
        guidHashes.removeFirst(dead)
        eventTimes.removeFirst(dead)
        versions.removeFirst(dead)
        memberships.removeFirst(dead)
        base = head
    }

    /// Bytes the index holds (array and table capacities), for the memory benchmark.
    public var byteCount: Int {
        signatures.capacity + bodyHashes.capacity * 8 + guidHashes.capacity * 8 + eventTimes.capacity * 4
            + versions.capacity * 4 + memberships.capacity + exactTable.byteCount + guidTable.byteCount
            + bandTables.reduce(0) { $0 + $1.byteCount }
    }
}
