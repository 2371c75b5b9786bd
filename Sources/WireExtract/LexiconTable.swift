/// Every word of `ExtractionLexicon` with its classes, in an open-addressing table probed with a
/// 64-bit hash of the token's bytes, lower-cased on the fly: no `String` per token, which is what
/// keeps extraction at byte speed.
struct LexiconTable: Sendable {
    struct Entry: Sendable {
        var classes: WordClass
        /// Month 1–12 or weekday 1–7 (Monday 1); 0 otherwise.
        var number: UInt8
    }

    static let shared = LexiconTable()

    /// One probe's worth: the 64-bit hash of the slot's word, its length (0 for an empty slot) and its
    /// entry, side by side so that a probe reads one array. A probe compares the hash and the length
    /// instead of the bytes (two words of one length share a hash with a chance of one in 2^64).
    private struct Slot {
        var hash: UInt64 = 0
        var length: UInt8 = 0
        var entry = Entry(classes: [], number: 0)
    }

    private var slots: [Slot]
    /// Bit n set for a pair of first bytes when some word of length n starts with them (each byte's low
    /// five bits, which tell ASCII letters apart whatever their case; a one-letter word pairs its
    /// letter with 0): most words are refused before hashing.
    private var lengthsByOpening = [UInt32](repeating: 0, count: 1024)
    private let mask: Int
    static let maxWordLength = 16

    init() {
        var words: [String: Entry] = [:]
        func add(_ set: some Sequence<String>, _ classes: WordClass) {
            for word in set { words[word, default: Entry(classes: [], number: 0)].classes.insert(classes) }
        }
        for (word, number) in ExtractionLexicon.months {
            words[word, default: Entry(classes: [], number: 0)].classes.insert(.month)
            words[word]?.number = UInt8(number)
        }
        for (word, number) in ExtractionLexicon.weekdays {
            words[word, default: Entry(classes: [], number: 0)].classes.insert(.weekday)
            words[word]?.number = UInt8(number)
        }
        add(ExtractionLexicon.personTitles, .personTitle)
        add(ExtractionLexicon.organizationHeads, .organizationHead)
        add(ExtractionLexicon.placeHeads, .placeHead)
        add(ExtractionLexicon.placePrepositions, .placePreposition)
        add(ExtractionLexicon.organizationCues, .organizationCue)
        add(ExtractionLexicon.appositionRoles, .appositionRole)
        add(ExtractionLexicon.speechVerbs, .speechVerb)
        add(ExtractionLexicon.functionWords, .functionWord)
        add(ExtractionLexicon.capsNonNames, .capsNonName)
        add(ExtractionLexicon.nameConnectors, .nameConnector)
        add(ExtractionLexicon.futureMarkers, .futureMarker)
        add(ExtractionLexicon.compassWords, .compass)
        add(ExtractionLexicon.facilityNouns, .facility)
        add(DateExpressionParser.prepositions, .datePreposition)
        add(DateExpressionParser.qualifiers, .qualifier)
        add(DateExpressionParser.countedNouns, .countedNoun)
        add(["last", "this", "next"], .relative)
        add(["today", "yesterday", "tomorrow"], .dayWord)
        add(DateExpressionParser.fixedHolidays.compactMap(\.words.first), .holidayStart)
        add(ExtractionLexicon.organizationNouns, .organizationNoun)
        add(ExtractionLexicon.placeKindNouns, .placeKindNoun)
        add(ExtractionLexicon.nameParticles, .nameParticle)
        var size = 1
        while size < words.count * 4 { size <<= 1 }
        mask = size - 1
        slots = Array(repeating: Slot(), count: size)
        for (word, entry) in words where !word.isEmpty && word.utf8.count <= Self.maxWordLength {
            let bytes = Array(word.utf8)
            let hash = bytes.withUnsafeBufferPointer { Self.hash($0, 0, bytes.count) }
            var slot = Self.slot(hash) & mask
            while slots[slot].length > 0 { slot = (slot + 1) & mask }
            slots[slot] = Slot(hash: hash, length: UInt8(bytes.count), entry: entry)
            lengthsByOpening[Self.opening(bytes[0], bytes.count > 1 ? bytes[1] : 0)] |= 1 << UInt32(bytes.count)
        }
    }

    /// The classes of `bytes[start..<end]`, compared case-insensitively (ASCII).
    func lookup(_ bytes: [UInt8], _ start: Int, _ end: Int) -> Entry? {
        bytes.withUnsafeBufferPointer { lookup($0, start, end) }
    }

    /// `lookup` on a text's raw bytes, for a caller that scans many words of it.
    func lookup(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Entry? {
        let length = end - start
        guard length > 0, length <= Self.maxWordLength,
              lengthsByOpening[Self.opening(text[start], length > 1 ? text[start + 1] : 0)] & (1 << UInt32(length)) != 0 else { return nil }
        let hash = Self.hash(text, start, end)
        return slots.withUnsafeBufferPointer { slots -> Entry? in
            var slot = Self.slot(hash) & mask
            while true {
                let held = slots[slot]
                if held.length == 0 { return nil }
                if held.hash == hash, Int(held.length) == length { return held.entry }
                slot = (slot + 1) & mask
            }
        }
    }

    @inline(__always) private static func opening(_ first: UInt8, _ second: UInt8) -> Int {
        Int(first & 0x1F) << 5 | Int(second & 0x1F)
    }

    @inline(__always) private static func lower(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }

    /// FNV-1a over the lower-cased bytes.
    @inline(__always) private static func hash(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for index in start..<end {
            hash = (hash ^ UInt64(lower(bytes[index]))) &* 0x100_0000_01b3
        }
        return hash
    }

    @inline(__always) private static func slot(_ hash: UInt64) -> Int {
        Int(truncatingIfNeeded: hash ^ (hash >> 29))
    }
}
