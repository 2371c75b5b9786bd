import Foundation
import WireDedupe

/// `dedupe-bench eval`: decides every line of a texts.jsonl in arrival order and writes
/// "key<TAB>matched key<TAB>status<TAB>similarity" lines for score_dedupe.py.
///
/// Items are read, fingerprinted and decided a batch at a time, so the texts are never all in memory
/// (the file is several times the index) and the CPU clock is read twice a batch, not twice an item.
struct EvalRun {
    static let batchSize = 256

    var engine: DedupeEngine
    /// Every item's key, concatenated; item i's key is `keyBytes[keyEnds[i - 1]..<keyEnds[i]]`.
    private var keyBytes: [UInt8] = []
    private var keyEnds: [Int] = []
    private var out: [UInt8] = []
    private(set) var counts: [DedupeStatus: Int] = [:]
    private(set) var fingerprintSeconds = 0.0
    private(set) var decideSeconds = 0.0
    /// `%.3f` of each similarity met: an estimate takes one of 65 values, and String(format:) is slow.
    private var formatted: [UInt64: [UInt8]] = [:]

    var itemCount: Int { keyEnds.count }

    init(threshold: Double) {
        engine = DedupeEngine(window: nil, maxItems: nil, nearThreshold: threshold)
    }

    mutating func run(_ reader: inout TextsLineReader) throws {
        var texts: [UInt8] = []
        var textEnds: [Int] = []
        var key: [UInt8] = []
        var text: [UInt8] = []
        var fingerprints: [TextFingerprint] = []
        while true {
            texts.removeAll(keepingCapacity: true)
            textEnds.removeAll(keepingCapacity: true)
            while textEnds.count < Self.batchSize, try reader.next(key: &key, text: &text) {
                keyBytes.append(contentsOf: key)
                keyEnds.append(keyBytes.count)
                texts.append(contentsOf: text)
                textEnds.append(texts.count)
            }
            if textEnds.isEmpty { return }
            let fingerprintStart = cpuNow()
            fingerprints.removeAll(keepingCapacity: true)
            texts.withUnsafeBufferPointer { all in
                var textStart = 0
                for textEnd in textEnds {
                    fingerprints.append(TextFingerprint(utf8: UnsafeBufferPointer(rebasing: all[textStart..<textEnd])))
                    textStart = textEnd
                }
            }
            fingerprintSeconds += seconds(fingerprintStart)
            try decide(fingerprints, firstItem: itemCount - fingerprints.count)
        }
    }

    private mutating func decide(_ fingerprints: [TextFingerprint], firstItem: Int) throws {
        let decideStart = cpuNow()
        var decisions: [DedupeDecision] = []
        decisions.reserveCapacity(fingerprints.count)
        for (offset, fingerprint) in fingerprints.enumerated() {
            decisions.append(engine.decide(DedupeInput(fingerprint: fingerprint, eventTime: Int64(firstItem + offset))))
        }
        decideSeconds += seconds(decideStart)
        for (offset, decision) in decisions.enumerated() {
            // The engine numbers items from 0 in arrival order: a sequence is an item's position.
            guard decision.record.sequence == UInt32(firstItem + offset) else {
                throw TextsLineReader.BadLine(line: firstItem + offset + 1, reason: "unexpected sequence \(decision.record.sequence)")
            }
            counts[decision.status, default: 0] += 1
            appendKey(firstItem + offset)
            out.append(0x09)
            if let matched = decision.matchedSequence, Int(matched) < itemCount { appendKey(Int(matched)) }
            out.append(0x09)
            out.append(contentsOf: decision.status.rawValue.utf8)
            out.append(0x09)
            if let similarity = decision.similarity { appendFormatted(similarity) }
            out.append(0x0A)
        }
    }

    private mutating func appendKey(_ item: Int) {
        let start = item == 0 ? 0 : keyEnds[item - 1]
        out.append(contentsOf: keyBytes[start..<keyEnds[item]])
    }

    private mutating func appendFormatted(_ similarity: Double) {
        if let text = formatted[similarity.bitPattern] {
            out.append(contentsOf: text)
        } else {
            let text = Array(String(format: "%.3f", similarity).utf8)
            formatted[similarity.bitPattern] = text
            out.append(contentsOf: text)
        }
    }

    func write(to path: String) throws {
        try Data(out).write(to: URL(fileURLWithPath: path), options: .atomic)
    }
}
