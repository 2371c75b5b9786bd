import WireGazetteer

/// The names of a text (people, organisations, places) as 32-bit canonical terms, for story clustering.
///
/// Names are runs of capitalised words ("Choe Ryong-hae", "Korean Central News Agency") read through
/// the shared `WireGazetteer` that `extract` and `enrich` use, so that two agencies' spellings meet:
/// a run's longest gazetteer names become the entry's id ("KCNA" and "Korean Central News Agency" are
/// one organisation; "Pyongyang", "North Korean" and "N. Korea's" all carry `iso3166:KP`, a city also
/// its country), and what is left becomes its `NameNormalizer` key minus leading titles ("Chairman
/// Choe Ryong Hae" → `choe ryong hae`) plus that key's words, so that a later bare "Choe" still meets
/// it. A lone capitalised word opening a sentence is not a name unless the gazetteer knows it; words in
/// capitals (datelines) count only as gazetteer names ("KCNA", "U.S").
public enum SalientTerms {
    /// At most this many terms per text are kept: those the text uses most and the corpus least.
    public static let maximumTerms = 24

    /// Each distinct term with how often the text uses it, most used first (ties by term). A known
    /// place (country, city, region) counts once however often it is named: it is where a story
    /// happens, and many stories happen there (one agency's daily market and weather briefs name their
    /// city again and again), so repeating it says little about which event this is. Terms' two low bits are 0 (the
    /// story index keeps a use class there).
    public static func terms(of text: String) -> [(term: UInt32, count: Int)] {
        terms(of: text, hashingKeys: true)
    }

    /// `terms(of:)`; with `hashingKeys` false, every gazetteer key is built as a `String` (the reference
    /// the hashed ASCII keys are tested against).
    static func terms(of text: String, hashingKeys: Bool) -> [(term: UInt32, count: Int)] {
        var text = text
        let (read, places) = text.withUTF8 { bytes in
            var reader = Reader(bytes: bytes, gazetteer: Gazetteer.shared, hashingKeys: hashingKeys)
            return (reader.read(), reader.places)
        }
        let all = read.sorted()
        var counted: [(term: UInt32, count: Int)] = []
        for term in all {
            if term == counted.last?.term {
                if !places.contains(term) { counted[counted.count - 1].count += 1 }
            } else {
                counted.append((term, 1))
            }
        }
        return counted.sorted { ($0.count, $1.term) > ($1.count, $0.term) }
    }

    /// The term of a gazetteer entry's id (`iso3166:KP`, `org:korean-central-news-agency`).
    public static func entityTerm(id: String) -> UInt32 {
        term(NameNormalizer.wordHash(id.utf8) ^ entitySalt)
    }

    /// The term of one normalised name word, or of a whole name's `NameNormalizer.key` ("choe ryong hae").
    public static func nameTerm(key: String) -> UInt32 {
        let hashes = key.split(separator: " ").map { NameNormalizer.wordHash($0.utf8) }
        return hashes.count == 1 ? term(hashes[0]) : term(combined(hashes))
    }

    private static let entitySalt: UInt64 = 0x5bd1_e995_9e37_79b9

    @inline(__always)
    static func term(_ hash: UInt64) -> UInt32 { UInt32(truncatingIfNeeded: WordHasher.mix(hash) >> 32) & ~3 }

    static func combined(_ hashes: some Sequence<UInt64>) -> UInt64 {
        hashes.reduce(0x84_2222_3250) { ($0 &* 0x100_0000_01b3) ^ $1 }
    }

    /// Hashes of the words `NameNormalizer.key` strips from a name's front, and of "the"; sorted, for
    /// `containsSorted` (a `Set` spent more hashing these hashes again than the lookup saved).
    static let leadingWords: [UInt64] = Set(NameNormalizer.titleWords.map { NameNormalizer.wordHash($0.utf8) })
        .union([NameNormalizer.wordHash("the".utf8)]).sorted()

    /// Capitalised words that are dates, not names ("Friday", "May"), and "No." of "No. 3".
    static let notNames: [UInt64] = Set([
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
        "april", "may", "june", "july", "august", "september", "october", "november", "december", "jan", "feb", "mar",
        "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no",
    ].map { NameNormalizer.wordHash($0.utf8) }).sorted()

    /// Binary search of an ascending array.
    static func containsSorted<Element: Comparable>(_ sorted: [Element], _ value: Element) -> Bool {
        var low = 0
        var high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low < sorted.count && sorted[low] == value
    }

    /// One pass over a text's words: runs of name words, each split into gazetteer names and the rest.
    private struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        let gazetteer: Gazetteer
        let words: [NameWord]
        let hashingKeys: Bool
        var terms: [UInt32] = []
        /// Few per text: an array searched end to end costs less than a `Set`'s hashing.
        var places: [UInt32] = []
        /// Words of longer names ("Leji" of "Zhao Leji"), and names used alone ("Zhao"): a name's word
        /// is a term only when the text also uses it alone, as copy does with surnames; otherwise it
        /// would only repeat the whole name's term and crowd out other names.
        var components: [UInt32] = []
        var alone: [UInt32] = []

        init(bytes: UnsafeBufferPointer<UInt8>, gazetteer: Gazetteer, hashingKeys: Bool) {
            self.bytes = bytes
            self.gazetteer = gazetteer
            self.hashingKeys = hashingKeys
            words = NameWord.split(bytes)
        }

        mutating func read() -> [UInt32] {
            var runStart = -1
            for index in words.indices {
                let word = words[index]
                let opensRun = word.shape != .lower
                if runStart >= 0, word.joinedToPrevious, opensRun || word.connector || hyphenated(index) {
                    continue
                }
                if runStart >= 0 { readRun(runStart..<index) }
                runStart = opensRun ? index : -1
            }
            if runStart >= 0 { readRun(runStart..<words.count) }
            alone.sort()
            terms += components.filter { containsSorted(alone, $0) }
            return terms
        }

        /// "hae" in "Ryong-hae": a lower-case word hyphened onto a name word is part of it.
        private func hyphenated(_ index: Int) -> Bool {
            index > 0 && words[index].start == words[index - 1].end + 1 && bytes[words[index - 1].end] == UInt8(ascii: "-")
        }

        private mutating func readRun(_ run: Range<Int>) {
            var end = run.upperBound
            while end > run.lowerBound, words[end - 1].connector { end -= 1 }
            var rest = run.lowerBound
            var index = run.lowerBound
            while index < end {
                if let length = gazetteerName(at: index, before: end) {
                    readRest(rest..<index)
                    index += length
                    rest = index
                } else if words[index].shape == .allCapitals || containsSorted(notNames, words[index].hash) {
                    readRest(rest..<index)
                    index += 1
                    rest = index
                } else {
                    index += 1
                }
            }
            readRest(rest..<end)
        }

        /// The longest gazetteer name starting at `index` (its words emitted as the entry), if any.
        private mutating func gazetteerName(at index: Int, before end: Int) -> Int? {
            let first = words[index]
            if first.shape == .allCapitals {
                let surface = String(decoding: UnsafeBufferPointer(rebasing: bytes[first.start..<first.bareEnd]), as: UTF8.self)
                if let entry = gazetteer.lookup(surface).first {
                    emit(entry)
                    return 1
                }
            }
            guard !first.connector,
                gazetteer.mayStartName(wordHash: first.hash) || gazetteer.mayStartName(wordHash: first.innerHash)
            else { return nil }
            var length = min(gazetteer.maxNameWords, end - index)
            while length > 0 {
                if let entry = entries(index..<index + length).first {
                    emit(entry)
                    return length
                }
                length -= 1
            }
            return nil
        }

        /// The gazetteer's entries for the words' key. An ASCII key is hashed from the text's bytes, with
        /// no `String` built; other keys go through `String`, whose equality is Unicode's, not the bytes'.
        private func entries(_ range: Range<Int>) -> [GazetteerEntry] {
            guard hashingKeys, words[range].allSatisfy(\.isASCII) else { return gazetteer.entries(forKey: key(range)) }
            return gazetteer.entries(forKeyHash: keyHash(range))
        }

        /// `Gazetteer.keyHash` of `key(range)`'s bytes, hashed as `key` would write them.
        private func keyHash(_ range: Range<Int>) -> UInt64 {
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for index in range {
                if index > range.lowerBound { hash = (hash ^ UInt64(UInt8(ascii: " "))) &* 0x100_0000_01b3 }
                let end = index == range.upperBound - 1 ? words[index].bareEnd : words[index].end
                for byte in bytes[words[index].start..<end] where byte != 0x2E && byte != 0x27 {
                    hash = (hash ^ UInt64(byte &- 0x41 < 26 ? byte | 0x20 : byte)) &* 0x100_0000_01b3
                }
            }
            return hash
        }

        /// The words' `NameNormalizer.literalKey`: lower-case, full stops and apostrophes dropped, one
        /// space between, the last word's possessive gone.
        private func key(_ range: Range<Int>) -> String {
            var key: [UInt8] = []
            for index in range {
                if index > range.lowerBound { key.append(UInt8(ascii: " ")) }
                let end = index == range.upperBound - 1 ? words[index].bareEnd : words[index].end
                for byte in bytes[words[index].start..<end] where byte != 0x2E && byte != 0x27 {
                    key.append(byte &- 0x41 < 26 ? byte | 0x20 : byte)
                }
            }
            return String(decoding: key, as: UTF8.self)
        }

        private mutating func emit(_ entry: GazetteerEntry) {
            let term = SalientTerms.entityTerm(id: entry.id)
            terms.append(term)
            if entry.kind.isPlace { addPlace(term) }
            if entry.kind == .city || entry.kind == .region, let code = entry.countryCode {
                let country = SalientTerms.entityTerm(id: "iso3166:" + code)
                terms.append(country)
                addPlace(country)
            }
        }

        private mutating func addPlace(_ term: UInt32) {
            if !places.contains(term) { places.append(term) }
        }

        /// A name the gazetteer does not know: its key (leading titles and "the" gone) and its words.
        private mutating func readRest(_ range: Range<Int>) {
            // A possessive ends a name: "Kestrelmouth's Varnell Street" is two. (Gazetteer names with
            // one inside, "Supreme People's Assembly", were matched before this.)
            if let possessive = range.dropLast().first(where: { words[$0].bareEnd != words[$0].end }) {
                readRest(range.lowerBound..<possessive + 1)
                readRest(possessive + 1..<range.upperBound)
                return
            }
            var start = range.lowerBound
            var end = range.upperBound
            while end > start, words[end - 1].connector { end -= 1 }
            while end - start > 1, containsSorted(leadingWords, words[start].hash) || words[start].connector { start += 1 }
            guard end > start else { return }
            if end - start == 1 {
                let word = words[start]
                // A lone name is a capitalised word of two letters or more ("R" in "(far R)" is not).
                if !word.sentenceStart || start > range.lowerBound, word.shape == .capitalised, word.bareEnd - word.start > 1,
                    !containsSorted(leadingWords, word.hash)
                {
                    let term = SalientTerms.term(word.hash)
                    terms.append(term)
                    alone.append(term)
                }
                return
            }
            // "&" is no part of a key ("Kogan & Zomek" → `kogan zomek`), "of" is.
            terms.append(SalientTerms.term(combined(words[start..<end].lazy.filter { $0.end - $0.start > 1 || !$0.connector }.map(\.hash))))
            for index in start..<end where !words[index].connector && !containsSorted(leadingWords, words[index].hash) {
                if index > range.lowerBound || !words[index].sentenceStart { components.append(SalientTerms.term(words[index].hash)) }
            }
        }
    }
}
