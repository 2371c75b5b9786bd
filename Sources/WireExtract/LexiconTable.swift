/// Every word of `ExtractionLexicon` with its classes, in an open-addressing table keyed by the word's
/// own bytes, lower-cased: a word of up to 16 bytes is two 64-bit integers, so a probe compares the
/// whole word in two comparisons and builds no `String` per token, which is what keeps extraction at
/// byte speed.
struct LexiconTable: Sendable {
    struct Entry: Sendable, Equatable {
        var classes: WordClass
        /// Month 1–12 or weekday 1–7 (Monday 1); 0 otherwise.
        var number: UInt8
        /// One of `Tokenizer.abbreviations`: a full stop after it does not end a sentence.
        var isAbbreviation = false
    }

    static let shared = LexiconTable()

    /// A word's bytes, lower-cased (ASCII), as two little-endian integers padded with zero bytes: the
    /// whole word when it is at most 16 bytes long (no word holds a zero byte, so the padding is
    /// unambiguous).
    struct Key: Equatable {
        var low: UInt64
        var high: UInt64
    }

    /// One probe's worth: the key (`low` 0 for an empty slot) and its entry side by side.
    struct Slot {
        var key = Key(low: 0, high: 0)
        var entry = Entry(classes: [], number: 0)
    }

    private var slots: [Slot]
    /// Bit n set for a pair of first bytes when some word of length n starts with them (each byte's low
    /// five bits, which tell ASCII letters apart whatever their case; a one-letter word pairs its
    /// letter with 0): most words are refused without touching the slots.
    private var lengthsByOpening = [UInt32](repeating: 0, count: 1024)
    /// 64 minus the number of bits a slot number has: the slot is the top bits of the key's hash.
    private let shift: Int
    static let maxWordLength = 16

    init() {
        let words = Self.entries()
        var size = 1
        while size < words.count * 4 { size <<= 1 }
        shift = 64 - size.trailingZeroBitCount
        slots = Array(repeating: Slot(), count: size)
        for (word, entry) in words where !word.isEmpty && word.utf8.count <= Self.maxWordLength {
            let bytes = Array(word.utf8)
            let key = bytes.withUnsafeBufferPointer { Self.key($0, 0, bytes.count) }
            var slot = Self.slot(key, shift)
            while slots[slot].key.low != 0 { slot = (slot + 1) & (size - 1) }
            slots[slot] = Slot(key: key, entry: entry)
            lengthsByOpening[Self.opening(bytes[0], bytes.count > 1 ? bytes[1] : 0)] |= 1 << UInt32(bytes.count)
        }
    }

    /// Every lexicon word (lower case) with its classes: what the table holds, also the reference the
    /// tests check the table against.
    static func entries() -> [String: Entry] {
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
        for word in Tokenizer.abbreviations { words[word, default: Entry(classes: [], number: 0)].isAbbreviation = true }
        return words
    }

    /// The classes of `bytes[start..<end]`, compared case-insensitively (ASCII).
    func lookup(_ bytes: [UInt8], _ start: Int, _ end: Int) -> Entry? {
        bytes.withUnsafeBufferPointer { lookup($0, start, end) }
    }

    /// `lookup` on a text's raw bytes.
    func lookup(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Entry? {
        withProbe { $0.lookup(text, start, end) }
    }

    /// Runs `body` with the table's raw storage, for a caller that looks up every word of a text.
    func withProbe<Result>(_ body: (Probe) -> Result) -> Result {
        slots.withUnsafeBufferPointer { slots in
            lengthsByOpening.withUnsafeBufferPointer { openings in
                body(Probe(slots: slots, openings: openings, shift: shift))
            }
        }
    }

    /// The table on raw buffers: no bounds checks or reference counting per word.
    struct Probe {
        let slots: UnsafeBufferPointer<Slot>
        let openings: UnsafeBufferPointer<UInt32>
        let shift: Int

        /// False when no lexicon word has this length and these first two bytes (`second` 0 for a
        /// one-byte word): a check on a 4 KB table that turns most words away before their key is read.
        @inline(__always) func mayHold(_ first: UInt8, _ second: UInt8, length: Int) -> Bool {
            length <= LexiconTable.maxWordLength && openings[LexiconTable.opening(first, second)] & (1 << UInt32(length)) != 0
        }

        @inline(__always) func entry(_ key: Key) -> Entry? {
            let mask = slots.count - 1
            var slot = LexiconTable.slot(key, shift)
            while true {
                let held = slots[slot]
                if held.key == key { return held.entry }
                if held.key.low == 0 { return nil }
                slot = (slot + 1) & mask
            }
        }

        func lookup(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Entry? {
            let length = end - start
            guard length > 0, mayHold(text[start], length > 1 ? text[start + 1] : 0, length: length) else { return nil }
            return entry(LexiconTable.key(text, start, end))
        }
    }

    @inline(__always) static func opening(_ first: UInt8, _ second: UInt8) -> Int {
        Int(first & 0x1F) << 5 | Int(second & 0x1F)
    }

    /// The key of `text[start..<end]` (at most 16 bytes): two unaligned loads lower-cased eight bytes at
    /// a time when 16 bytes are readable from `start`, else byte by byte.
    @inline(__always) static func key(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Key {
        let length = end - start
        if start + 16 <= text.count, let base = text.baseAddress {
            let low = ByteLanes.lowercased(ByteLanes.load(base, start))
            if length <= 8 { return Key(low: low & ByteLanes.firstBytes(length), high: 0) }
            let high = ByteLanes.lowercased(ByteLanes.load(base, start + 8))
            return Key(low: low, high: high & ByteLanes.firstBytes(length - 8))
        }
        var key = Key(low: 0, high: 0)
        for index in start..<end {
            let byte = text[index]
            let lowered = UInt64(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
            let offset = index - start
            if offset < 8 { key.low |= lowered << UInt64(offset * 8) } else { key.high |= lowered << UInt64((offset - 8) * 8) }
        }
        return key
    }

    /// The slot for a key: the top bits of a multiplicative hash of both halves.
    @inline(__always) static func slot(_ key: Key, _ shift: Int) -> Int {
        let hash = (key.low &* 0x9E37_79B9_7F4A_7C15) ^ (key.high &* 0xC2B2_AE3D_27D4_EB4F)
        return Int(truncatingIfNeeded: (hash ^ (hash >> 31)) >> UInt64(shift))
    }
}
