/// Every word of `ExtractionLexicon` with its classes, in a table keyed by the word's own bytes,
/// lower-cased: a word of up to 16 bytes is two 64-bit integers, so a probe compares the whole word in
/// two comparisons and builds no `String` per token, which is what keeps extraction at byte speed.
///
/// The table is a cuckoo hash: a word sits in one of two slots its key picks, so a lookup reads both and
/// selects without a branch. Whether a word is in the lexicon is as good as random from one word to the
/// next; a branch on it (or on a probe sequence's length) was mispredicted about every other word.
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
    /// unambiguous). A zero `low` matches no word.
    struct Key {
        var low: UInt64
        var high: UInt64
    }

    /// One slot in 16 bytes, so that the table stays small: the key's first eight bytes (0 for an empty
    /// slot) and the payload: classes in bits 0–31, the number in 32–39, the abbreviation mark in bit
    /// 40, and in bits 48–63 where `highs` keeps the key's second eight bytes (0, which holds 0, for the
    /// many words of eight bytes or fewer). An empty slot's payload is 0, the entry of no word.
    struct Slot {
        var low: UInt64 = 0
        var payload: UInt64 = 0
    }

    private var slots: [Slot] = []
    private var highs: [UInt64] = [0]
    /// The two hashes' multipliers (odd), and 64 minus the number of bits a slot number has.
    private var multipliers: (UInt64, UInt64) = (0, 0)
    private var shift: UInt64 = 0
    static let maxWordLength = 16

    init() {
        var words: [(key: Key, payload: UInt64)] = []
        // Sorted: the same table on every run (a dictionary's order changes from process to process).
        for (word, entry) in Self.entries().sorted(by: { $0.key < $1.key })
        where !word.isEmpty && word.utf8.count <= Self.maxWordLength {
            let bytes = Array(word.utf8)
            let key = bytes.withUnsafeBufferPointer { Self.key($0, 0, bytes.count) }
            var payload = UInt64(entry.classes.rawValue) | UInt64(entry.number) << 32 | (entry.isAbbreviation ? 1 << 40 : 0)
            if key.high != 0 {
                payload |= UInt64(highs.count) << 48
                highs.append(key.high)
            }
            words.append((key, payload))
        }
        var size = 1
        while size < words.count * 3 { size <<= 1 }
        // Cuckoo insertion fails now and then for a pair of hashes: the next pair is tried, and every
        // eighth failure doubles the table (a lexicon this size fits at the first or second try).
        var attempt: UInt64 = 0
        while !place(words, size: size, attempt: attempt) {
            attempt += 1
            if attempt % 8 == 0 { size <<= 1 }
        }
    }

    /// Puts every word in one of its two slots; false when some word found no place.
    private mutating func place(_ words: [(key: Key, payload: UInt64)], size: Int, attempt: UInt64) -> Bool {
        multipliers = (Self.mixed(attempt &* 2) | 1, Self.mixed(attempt &* 2 &+ 1) | 1)
        shift = UInt64(64 - size.trailingZeroBitCount)
        slots = Array(repeating: Slot(), count: size)
        for word in words {
            var moving = Slot(low: word.key.low, payload: word.payload)
            var slot = slotNumbers(word.key).0
            var placed = false
            for _ in 0..<64 {
                swap(&slots[slot], &moving)
                if moving.low == 0 { placed = true; break }
                // The word pushed out goes to its other slot.
                let pair = slotNumbers(Key(low: moving.low, high: highs[Int(moving.payload >> 48)]))
                slot = pair.0 == slot ? pair.1 : pair.0
            }
            if !placed { return false }
        }
        return true
    }

    /// SplitMix64's output function: well-spread multipliers from small numbers.
    private static func mixed(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    @inline(__always) private func slotNumbers(_ key: Key) -> (Int, Int) {
        Self.slotNumbers(key, multipliers, shift)
    }

    /// The key's two slots: the top bits of two multiplicative hashes of its halves.
    @inline(__always) static func slotNumbers(_ key: Key, _ multipliers: (UInt64, UInt64), _ shift: UInt64) -> (Int, Int) {
        slotNumbers(key.low ^ (key.high &* 0xC2B2_AE3D_27D4_EB4F), multipliers, shift)
    }

    /// The slots of a key's halves mixed into one integer (the `low` alone when `high` is 0). The shift
    /// is kept unsigned: converting a signed one cost a check for a negative value on every probe.
    @inline(__always) static func slotNumbers(_ mixed: UInt64, _ multipliers: (UInt64, UInt64), _ shift: UInt64) -> (Int, Int) {
        (Int(truncatingIfNeeded: (mixed &* multipliers.0) &>> shift),
         Int(truncatingIfNeeded: (mixed &* multipliers.1) &>> shift))
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

    /// The classes of `bytes[start..<end]`, compared case-insensitively (ASCII); nil for a word the
    /// lexicon does not hold.
    func lookup(_ bytes: [UInt8], _ start: Int, _ end: Int) -> Entry? {
        bytes.withUnsafeBufferPointer { text in
            let length = end - start
            guard length > 0, length <= Self.maxWordLength else { return nil }
            let key = Self.key(text, start, end)
            return withProbe { $0.holds(key) ? $0.entry(key) : nil }
        }
    }

    /// Runs `body` with the table's raw storage, for a caller that looks up every word of a text.
    func withProbe<Result>(_ body: (Probe) -> Result) -> Result {
        slots.withUnsafeBufferPointer { slots in
            highs.withUnsafeBufferPointer { highs in
                body(Probe(slots: slots, highs: highs, multipliers: multipliers, shift: shift))
            }
        }
    }

    /// The table on raw buffers: no bounds checks or reference counting per word.
    struct Probe {
        let slots: UnsafeBufferPointer<Slot>
        let highs: UnsafeBufferPointer<UInt64>
        let multipliers: (UInt64, UInt64)
        let shift: UInt64

        /// The entry of the word with this key: both slots read, the matching one's payload selected
        /// without a branch; no classes, number 0 for a word the lexicon does not hold.
        @inline(__always) func entry(_ key: Key) -> Entry {
            let payload = payload(key)
            return Entry(classes: WordClass(rawValue: UInt32(truncatingIfNeeded: payload)),
                         number: UInt8(truncatingIfNeeded: payload &>> 32), isAbbreviation: payload & (1 << 40) != 0)
        }

        /// `entry(_:)` of a word of at most seven bytes (`low` has a zero top byte, `high` is 0): a slot
        /// whose `low` equals it holds a word of at most seven bytes too, so with no second half, and
        /// the hash of `high` and the reads of `highs` drop out.
        @inline(__always) func entry(short low: UInt64) -> Entry {
            let (first, second) = LexiconTable.slotNumbers(low, multipliers, shift)
            let one = slots[first], other = slots[second]
            // A slot whose `low` matches has no second half (bits 48-63 of its payload 0); testing that
            // too is redundant, but it reads both payloads whatever the match, so the compiler selects
            // without a branch (comparing `low` alone, it branched per slot on whether the word is in
            // the table, which is as good as random: the scan took as long with fewer instructions).
            let oneDiffers = (one.low ^ low) | (one.payload &>> 48)
            let otherDiffers = (other.low ^ low) | (other.payload &>> 48)
            let payload = (oneDiffers == 0 ? one.payload : 0) | (otherDiffers == 0 ? other.payload : 0)
            return Entry(classes: WordClass(rawValue: UInt32(truncatingIfNeeded: payload)),
                         number: UInt8(truncatingIfNeeded: payload &>> 32), isAbbreviation: payload & (1 << 40) != 0)
        }

        func holds(_ key: Key) -> Bool { key.low != 0 && payload(key) != 0 }

        @inline(__always) private func payload(_ key: Key) -> UInt64 {
            let (first, second) = LexiconTable.slotNumbers(key, multipliers, shift)
            let one = slots[first], other = slots[second]
            let oneDiffers = (one.low ^ key.low) | (highs[Int(truncatingIfNeeded: one.payload &>> 48)] ^ key.high)
            let otherDiffers = (other.low ^ key.low) | (highs[Int(truncatingIfNeeded: other.payload &>> 48)] ^ key.high)
            return (oneDiffers == 0 ? one.payload : 0) | (otherDiffers == 0 ? other.payload : 0)
        }
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
}
