import Foundation
import WireDedupe
import WireModel

/// `dedupe`: marks each item `unique`, `duplicate`, `near_duplicate` or `update` (DESIGN §3 `dedupe`)
/// and gives it a `story_id` (the id of its story's first item: other agencies' tellings of one event
/// share it, copies and updates inherit it); never drops one (dropping is a route rule's job).
///
/// Works on the cleaned `body` (see `text(of:)` for what stands in without one), never the headline, so
/// "UPDATE 2-" and "CORRECTED-" prefixes do not matter. Each decision is written to the state store
/// before the item leaves the stage; an item delivered again after a crash (same id) gets the decision
/// it got the first time, so a crash between this commit and the sink's write cannot turn one story
/// into two `unique` lines, nor a story into a duplicate of itself.
public final class DedupeStage: PreparingStage, @unchecked Sendable {
    public let name = "dedupe"
    private let lock = NSLock()
    private let store: any DedupeStateStore
    private let config: DedupeStageConfig
    private var engine: DedupeEngine
    private var stories: StoryClusterIndex
    private var loaded = false
    /// Rows below this are deleted in batches, not one per item.
    private var forgottenBelow: UInt32 = 0
    private static let forgetBatch: UInt32 = 1024

    /// - Parameter store: where decisions persist; nil keeps them in memory for this process only.
    public init(config: DedupeStageConfig, store: (any DedupeStateStore)?) {
        self.config = config
        (engine, stories) = Self.emptyIndexes(config)
        self.store = store ?? InMemoryDedupeState()
    }

    private static func emptyIndexes(_ config: DedupeStageConfig) -> (DedupeEngine, StoryClusterIndex) {
        let window = config.window.components.seconds
        // Stories are told within about three days; the story index never remembers more than dedupe.
        return (
            DedupeEngine(window: window > 0 ? window : nil, maxItems: config.maxItems),
            StoryClusterIndex(window: min(max(window, 1), 72 * 3600), capacity: config.maxItems ?? 1_000_000))
    }

    /// What `dedupe` reads of an item alone: its text, that text's fingerprint and its names.
    struct PreparedText: Sendable {
        var text: String
        var fingerprint: TextFingerprint
        var names: [(term: UInt32, count: Int)]?

        init(_ item: Item, withNames: Bool) {
            text = DedupeStage.text(of: item)
            fingerprint = TextFingerprint(text: text)
            names = withNames ? SalientTerms.terms(of: text) : nil
        }

        /// The names, read now if `prepare` did not.
        func salientNames() -> [(term: UInt32, count: Int)] { names ?? SalientTerms.terms(of: text) }
    }

    public func prepare(_ item: Item) -> any Sendable {
        PreparedText(item, withNames: true)
    }

    public func process(_ item: Item) throws -> [Item] {
        // Names are read only once the item is known not to repeat an earlier one.
        try process(item, prepared: PreparedText(item, withNames: false))
    }

    public func process(_ item: Item, prepared: any Sendable) throws -> [Item] {
        let prepared = prepared as? PreparedText ?? PreparedText(item, withNames: false)
        return try lock.withLock {
            // Loaded on first use, not at construction: on a reload the new pipeline's stage is built
            // while the old one still drains, and must see what the old one decided.
            var item = item
            while true {
                do {
                    if !loaded { try load() }
                    item.dedupe = try decideAlone(item, prepared)
                    return [item]
                } catch {
                    // The index may hold a decision the state never committed: rebuild it from the state
                    // rather than number the next decision after a phantom.
                    (engine, stories) = Self.emptyIndexes(config)
                    loaded = false
                    // Items wait for an unreachable database (backpressure), never pass undecided.
                    guard error is any TransientStateError else { throw error }
                    Thread.sleep(forTimeInterval: Self.retryDelay)
                }
            }
        }
    }

    private static let retryDelay = 0.5

    /// Catches the index up with other nodes' decisions and decides, alone among the state's writers.
    private func decideAlone(_ item: Item, _ prepared: PreparedText) throws -> DedupeInfo {
        do {
            return try store.decideAlone(catchingUpFrom: engine.index.nextSequence) { others in
                for record in others where record.sequence >= engine.index.nextSequence {
                    engine.restore(record)
                    stories.restore(record)
                }
                return try decide(item, prepared)
            }
        } catch let error as any TransientStateError {
            throw error
        } catch let failure as StageFailure {
            throw failure
        } catch {
            throw StageFailure(stage: name, reason: "state", detail: "cannot record the dedupe decision: \(error)")
        }
    }

    private func load() throws {
        do {
            for record in try store.loadDedupeRecords() {
                engine.restore(record)
                stories.restore(record)
            }
            forgottenBelow = engine.index.oldestLiveSequence
            loaded = true
        } catch let error as any TransientStateError {
            throw error
        } catch {
            throw StageFailure(stage: name, reason: "state", detail: "cannot load the dedupe state: \(error)")
        }
    }

    private func decide(_ item: Item, _ prepared: PreparedText) throws -> DedupeInfo {
        let fingerprint = prepared.fingerprint
        let input = DedupeInput(
            fingerprint: fingerprint, guidHash: DedupeInput.guidHash(source: item.source.name, guid: item.guid),
            version: DedupeInput.versionNumber(item.version), isWithdrawal: DedupeInput.isWithdrawal(pubStatus: item.pubStatus),
            eventTime: Self.eventTime(of: item), timeIsReceived: item.publishedAt.flatMap(RFC3339Seconds.parse) == nil)
        do {
            if engine.mayRepeatEarlierItem(input), let earlier = try store.dedupeEntry(itemID: item.id) {
                return Self.info(earlier, fingerprint)
            }
            let decision = engine.decide(input)
            let matched = try decision.matchedSequence.flatMap { try store.dedupeEntry(sequence: $0) }
            var record = decision.record
            let story = stories.assign(
                decision, matchedStory: matched?.storySequence, names: prepared.salientNames(),
                index: engine.index)
            record.storySequence = story.story
            record.salientTerms = story.names
            let entry = DedupeEntry(
                sequence: record.sequence, itemID: item.id, status: decision.status,
                duplicateOf: matched?.itemID, similarity: decision.similarity.map { ($0 * 1000).rounded() / 1000 },
                storyID: try storyID(story.story, own: record.sequence, of: item, matched: matched), storySequence: story.story)
            try store.saveDedupe(entry, record: record, forgetBelow: forgetBelowIfDue())
            return Self.info(entry, fingerprint)
        } catch let failure as StageFailure {
            throw failure
        } catch let error as any TransientStateError {
            throw error
        } catch {
            throw StageFailure(stage: name, reason: "state", detail: "cannot record the dedupe decision: \(error)")
        }
    }

    /// The id of the story's first item; a copy whose story's first item has left the state keeps the
    /// story id its original was given.
    private func storyID(_ story: UInt32, own: UInt32, of item: Item, matched: DedupeEntry?) throws -> String {
        if let matched, matched.storySequence == story { return matched.storyID }
        if story == own { return item.id }
        return try store.dedupeEntry(sequence: story)?.itemID ?? item.id
    }

    private func forgetBelowIfDue() -> UInt32? {
        let oldest = engine.index.oldestLiveSequence
        guard oldest &- forgottenBelow >= Self.forgetBatch else { return nil }
        forgottenBelow = oldest
        return oldest
    }

    private static func info(_ entry: DedupeEntry, _ fingerprint: TextFingerprint) -> DedupeInfo {
        DedupeInfo(
            hash: fingerprint.bodyHashHex, fingerprint: fingerprint.signature?.hex, status: entry.status.rawValue,
            duplicateOf: entry.duplicateOf, similarity: entry.similarity, storyID: entry.storyID)
    }

    /// The cleaned body; without a `clean` stage in front, the content markup with its tags skipped
    /// (both copies of a story carry the same markup, so they still compare), else summary or headline.
    static func text(of item: Item) -> String {
        if let body = item.body, !body.isEmpty { return body }
        if let html = item.contentHTML, !html.isEmpty { return withoutTags(html) }
        for candidate in [item.summary, item.headline] {
            if let candidate, !candidate.isEmpty { return candidate }
        }
        return ""
    }

    /// Markup with everything between `<` and `>` replaced by a space: a fallback, not a cleaner.
    static func withoutTags(_ html: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(html.utf8.count)
        var inTag = false
        for byte in html.utf8 {
            if inTag {
                if byte == UInt8(ascii: ">") { inTag = false }
            } else if byte == UInt8(ascii: "<") {
                inTag = true
                out.append(UInt8(ascii: " "))
            } else {
                out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func eventTime(of item: Item) -> Int64 {
        item.publishedAt.flatMap(RFC3339Seconds.parse) ?? RFC3339Seconds.parse(item.receivedAt) ?? 0
    }
}
