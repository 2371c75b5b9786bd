import Foundation

/// Groups different tellings of one event (other agencies' own stories) into stories, online.
///
/// An item joins the story whose first item it shares the most rare names with, inside `window`
/// seconds: the score is the weighted share of the smaller item's names that the two have in common,
/// a name weighing its IDF (document frequencies over the items still in the index) times how much
/// the text uses it (1 once, 2 for 2-3 uses, 3 for 4-7, 4 for more; the smaller of the two texts' for
/// a shared name). Two agencies' tellings of one event keep coming back to the same few people and
/// places and differ in the names they drop once, so use matters: with names counted alike the two
/// seed stories scored 0.25. The score must reach `threshold`
/// with at least `minimumSharedTerms` names, so two stories that merely name the same country or city
/// do not join. Only a story's first item is looked up, never its later members: joining through
/// members let stories creep into their neighbours one item at a time (pairwise precision 0.27
/// instead of 0.97 on the generated corpus). Candidates come from an inverted index of names; names
/// found in more than `commonShare` of the items (agency names, big capitals) only weigh, they do not
/// find candidates.
public struct StoryClusterIndex: Sendable {
    public var window: Int64
    public var threshold: Double
    public var minimumSharedTerms: Int
    public var commonShare: Double
    /// How many items the index keeps (oldest leave first).
    public var capacity: Int
    /// A name on more items than this finds no candidates, however large the index.
    public var maximumPostings = 500

    private struct Entry: Sendable {
        var sequence: UInt32
        var story: UInt32
        var time: Int64
        var terms: [UInt32]
    }

    private var entries: [Entry] = []
    private var head = 0
    private var postings: [UInt32: [Int]] = [:]
    private var documentFrequency: [UInt32: Int] = [:]
    private var liveCount: Int { entries.count - head }
    /// Absolute position of entries[0] (entries before it were compacted away).
    private var offset = 0

    /// Text overlap (estimated Jaccard) from which two items are one agency's template briefs (weather,
    /// market closes: median 0.20, up to 0.43 on the corpus) rather than two agencies' tellings of one
    /// event (median 0.05, ≤ 0.12). 0.10, not 0.15: once names are canonical and weighted by use, a
    /// brief's city, index and town list score like an event, and briefs the 64-bin estimate put under
    /// 0.15 joined (story pairwise precision 0.85 at 10k; 0.95 at 0.10, recall 0.985 → 0.957).
    public static let templateOverlap = 0.10

    public init(window: Int64 = 72 * 3600, threshold: Double = 0.6, minimumSharedTerms: Int = 3,
                commonShare: Double = 0.02, capacity: Int = 1_000_000) {
        self.window = window
        self.threshold = threshold
        self.minimumSharedTerms = minimumSharedTerms
        self.commonShare = commonShare
        self.capacity = capacity
    }

    private func idf(_ term: UInt32) -> Double {
        let n = Double(max(1, liveCount))
        return log((n + 1) / (Double(documentFrequency[Self.name(term)] ?? 0) + 1)) + 1
    }

    /// A kept term carries its use class in its two low bits; the name is the rest.
    @inline(__always)
    static func name(_ term: UInt32) -> UInt32 { term & ~3 }

    /// 1 + the use class: 1, 2, 3 or 4.
    @inline(__always)
    static func uses(_ term: UInt32) -> Double { Double(term & 3 + 1) }

    /// The term with its use class: 0 for one use, 1 for 2-3, 2 for 4-7, 3 for 8 or more.
    static func withUses(_ term: UInt32, count: Int) -> UInt32 {
        let useClass = UInt32(min(3, Int.bitWidth - 1 - max(1, count).leadingZeroBitCount))
        return name(term) | useClass
    }

    private func weight(_ term: UInt32) -> Double { idf(term) * Self.uses(term) }

    /// The story an item with these terms belongs to: an earlier item's story, or nil (a new story).
    /// `accept` may veto a candidate by its sequence number (the dedupe index vetoes an item whose
    /// text overlaps too much to be another agency's telling: one agency's template briefs).
    public func story(terms: [UInt32], time: Int64, accept: (UInt32) -> Bool = { _ in true }) -> (story: UInt32, score: Double)? {
        guard !terms.isEmpty else { return nil }
        let commonLimit = min(maximumPostings, max(8, Int(Double(liveCount) * commonShare)))
        // Every posting hit, once per shared name; sorted below so that each candidate's hits are
        // adjacent (cheaper than counting them in a dictionary).
        var hits: [Int] = []
        var ownWeight = 0.0
        for term in terms {
            ownWeight += weight(term)
            guard let list = postings[Self.name(term)], list.count <= commonLimit else { continue }
            for position in list.reversed() {
                let index = position - offset
                guard index >= head else { break }
                // Postings are in arrival order, which is close to time order: stop at the first item
                // older than the window rather than walking the whole list.
                if entries[index].time < time - window { break }
                guard entries[index].time <= time + window else { continue }
                hits.append(position)
            }
        }
        hits.sort()
        var best: (story: UInt32, score: Double)?
        var bestPosition = Int.max
        var runStart = 0
        // Equal scores go to the earliest item, so the choice does not depend on the order candidates
        // are visited in (the same input must get the same story in every run).
        while runStart < hits.count {
            let position = hits[runStart]
            var runEnd = runStart + 1
            while runEnd < hits.count, hits[runEnd] == position { runEnd += 1 }
            defer { runStart = runEnd }
            guard runEnd - runStart >= minimumSharedTerms else { continue }
            let entry = entries[position - offset]
            var otherWeight = 0.0
            var overlap = 0.0
            for other in entry.terms {
                let idf = idf(other)
                otherWeight += idf * Self.uses(other)
                if let own = terms.first(where: { Self.name($0) == Self.name(other) }) {
                    overlap += idf * min(Self.uses(own), Self.uses(other))
                }
            }
            let score = overlap / max(1e-9, min(ownWeight, otherWeight))
            let better = score > best?.score ?? 0 || (score == best?.score && position < bestPosition)
            if score >= threshold, better, accept(entry.sequence) {
                best = (entry.story, score)
                bestPosition = position
            }
        }
        return best
    }

    public mutating func insert(sequence: UInt32, story: UInt32, terms: [UInt32], time: Int64) {
        let position = offset + entries.count
        entries.append(Entry(sequence: sequence, story: story, time: time, terms: terms))
        for term in terms {
            // Only a story's first item is looked up: joining through later members would let one
            // story creep, item by item, into its neighbours.
            if story == sequence { postings[Self.name(term), default: []].append(position) }
            documentFrequency[Self.name(term), default: 0] += 1
        }
        while liveCount > capacity || (liveCount > 0 && entries[head].time < time - window) { evictOldest() }
        if head > 4096, head * 2 > entries.count {
            entries.removeFirst(head)
            offset += head
            head = 0
        }
    }

    private mutating func evictOldest() {
        let position = offset + head
        for term in entries[head].terms.map(Self.name) {
            documentFrequency[term, default: 1] -= 1
            if documentFrequency[term] == 0 { documentFrequency[term] = nil }
            // In place: taking the list out of the dictionary first would copy it on every eviction.
            postings[term]?.removeAll { $0 <= position }
            if postings[term]?.isEmpty == true { postings[term] = nil }
        }
        entries[head].terms = []
        head += 1
    }

    public var count: Int { liveCount }

    /// The `SalientTerms.maximumTerms` terms with the highest uses × IDF: what the text is about,
    /// and what few other texts mention. Before the index knows better (IDF all alike), the most used.
    /// Each carries its use class (`withUses`).
    public func salient(_ terms: [(term: UInt32, count: Int)]) -> [UInt32] {
        guard terms.count > SalientTerms.maximumTerms else { return terms.map { Self.withUses($0.term, count: $0.count) } }
        let ranked = terms.map { (term: $0.term, count: $0.count, weight: Double($0.count) * idf($0.term)) }
            .sorted { ($0.weight, $1.term) > ($1.weight, $0.term) }
        return ranked.prefix(SalientTerms.maximumTerms).map { Self.withUses($0.term, count: $0.count) }
    }
}

extension StoryClusterIndex {
    /// Puts a just-decided item into a story and returns the story's first sequence and the names kept.
    ///
    /// Copies and updates (`matchedStory`, the story of the item they repeat) stay in that story;
    /// anything else joins the best-scoring earlier story, unless its text overlaps that story's first
    /// item like one agency's template briefs overlap each other, or starts its own.
    public mutating func assign(
        _ decision: DedupeDecision, matchedStory: UInt32?, names: [(term: UInt32, count: Int)], index: DedupeIndex
    ) -> (story: UInt32, names: [UInt32]) {
        let record = decision.record
        let kept = salient(names)
        let story: UInt32
        if let matchedStory {
            story = matchedStory
        } else if let found = self.story(terms: kept, time: record.eventTime, accept: { candidate in
            guard let signature = record.signature, let overlap = index.similarity(of: candidate, to: signature) else { return true }
            return overlap < Self.templateOverlap
        }) {
            story = found.story
        } else {
            story = record.sequence
        }
        insert(sequence: record.sequence, story: story, terms: kept, time: record.eventTime)
        return (story, kept)
    }

    /// Puts back an item decided in an earlier run.
    public mutating func restore(_ record: DedupeRecord) {
        insert(sequence: record.sequence, story: record.storySequence, terms: record.salientTerms, time: record.eventTime)
    }
}
