import WireModel

/// One run of the cleaner over a story's paragraphs: a first pass judges each line on its own and by
/// its place (above the story, inside a related list), a second settles the story's end (captions,
/// the sign-off on the last paragraph).
struct CleaningPass {
    /// The blocks' roles; their texts are the shapes' (`shapes[index].text`). Roles alone make an
    /// array of plain values, which is read without retaining anything and freed without a walk.
    private let roles: [CopyBlock.Role]
    private let options: CleanOptions
    private let context: CopyContext
    private let shapes: [LineShape]
    /// Computed when a short line in another script first needs judging: most stories have none.
    private var scripts: ScriptProfile?
    /// At least half the paragraphs are plain ASCII.
    private let mostlyASCII: Bool
    /// Index of the first paragraph that reads as prose: lines above it are the masthead block.
    private let firstProse: Int
    /// Index of the last paragraph that reads as prose: lines below it are the tail.
    private let lastProse: Int

    /// A paragraph kept as story text: its block, or a text of its own (one half of a doubled
    /// block, the last paragraph without its sign-off). Blocks are not copied in: their strings
    /// would be retained and released at every step.
    private struct StoryParagraph {
        var index: Int
        var ownText: String?

        init(index: Int, ownText: String? = nil) {
            self.index = index
            self.ownText = ownText
        }
    }

    /// Shapes of the halves of doubled paragraphs kept as story text, by block (rare).
    private var halfShapes: [Int: LineShape] = [:]

    private func text(of paragraph: StoryParagraph) -> String {
        paragraph.ownText ?? shapes[paragraph.index].text
    }

    /// Removed lines keyed by the block they came from, so they come out in the order they stood.
    private var removed = Recorded<Furniture>(capacity: 16)
    private var captions = Recorded<Caption>()

    /// Entries with the block order they belong at, in two arrays: when they were recorded in order,
    /// as in most stories, the entries' array is the result as it is (no copy, no tuples to map).
    private struct Recorded<Entry> {
        private var orders: [Int] = []
        private var entries: [Entry] = []

        init(capacity: Int = 0) {
            // A story records some ten removed lines: room for them in one allocation each.
            orders.reserveCapacity(capacity)
            entries.reserveCapacity(capacity)
        }

        mutating func append(_ order: Int, _ entry: Entry) {
            if entries.capacity == 0 {
                // Room for a few at the first: growing from one by one reallocated at each of them.
                orders.reserveCapacity(4)
                entries.reserveCapacity(4)
            }
            orders.append(order)
            entries.append(entry)
        }

        /// Entries by block order, ties in the order they were recorded (a stable sort).
        func inOrder() -> [Entry] {
            // A plain loop: the zip of the array with its own slice ran as generic sequence code.
            var ordered = true
            var index = 1
            while ordered, index < orders.count {
                ordered = orders[index - 1] <= orders[index]
                index += 1
            }
            if ordered { return entries }
            return orders.indices.sorted { (orders[$0], $0) < (orders[$1], $1) }.map { entries[$0] }
        }
    }
    private var story: [StoryParagraph] = []
    private var headline: String?
    /// Indices of blocks already judged to be captions (for their printed-twice copies).
    private var captionBlocks = BlockSet()

    /// The reader's headline lower-cased, for comparisons that are not ASCII (computed once).
    private lazy var knownHeadlineLowercased: String? = context.headline?.lowercasedWithLatin1Table()

    init(blocks: [CopyBlock], options: CleanOptions, context: CopyContext) {
        roles = blocks.map(\.role)
        self.options = options
        self.context = context
        let shapes = blocks.map { LineShape($0.text, facts: $0.facts) }
        self.shapes = shapes
        story.reserveCapacity(blocks.count)
        // Counted in one loop: filtering would copy every shape into a new array.
        var asciiCount = 0
        var firstProse = blocks.count
        var lastProse = -1
        for index in shapes.indices {
            if shapes[index].isASCII { asciiCount += 1 }
            if roles[index] == .text, shapes[index].isProse {
                firstProse = min(firstProse, index)
                lastProse = index
            }
        }
        mostlyASCII = asciiCount * 2 >= shapes.count
        self.firstProse = firstProse
        self.lastProse = lastProse
    }

    func result() -> CleanedStory {
        let body = joinedParagraphs()
        return CleanedStory(
            body: body.isEmpty ? nil : body,
            furniture: removed.inOrder(),
            captions: captions.inOrder(),
            headline: headline
        )
    }

    /// The paragraphs' texts joined by blank lines, copied once into a string of the right size
    /// (`joined(separator:)` grows its result as it goes).
    private func joinedParagraphs() -> String {
        guard story.count > 1 else { return story.first.map(text(of:)) ?? "" }
        let size = story.reduce(2 * (story.count - 1)) { $0 + ($1.ownText ?? shapes[$1.index].text).utf8.count }
        return String(unsafeUninitializedCapacity: size) { buffer in
            var offset = 0
            for (position, paragraph) in story.enumerated() {
                if position > 0 {
                    buffer[offset] = 0x0A
                    buffer[offset + 1] = 0x0A
                    offset += 2
                }
                let copy = { (bytes: UnsafeBufferPointer<UInt8>) in
                    UnsafeMutableBufferPointer(rebasing: buffer[offset...]).initialize(fromContentsOf: bytes) + offset
                }
                offset = paragraph.ownText?.withUTF8Bytes(copy) ?? shapes[paragraph.index].text.withUTF8Bytes(copy)
            }
            return offset
        }
    }

    // MARK: first pass

    mutating func classifyLines() {
        var inRelatedList = false
        for index in shapes.indices {
            classify(index, roles[index], shapes[index], inRelatedList: &inRelatedList)
        }
    }

    private mutating func classify(_ index: Int, _ role: CopyBlock.Role, _ shape: LineShape, inRelatedList: inout Bool) {
        if inRelatedList {
            let chrome = options.pageChrome && chromeKind(shape) != nil
            if !shape.isProse, !chrome, shape.isHeadlineLike || role != .text {
                remove(index, .related, shape.text)
                return
            }
            inRelatedList = false
        }
        if options.relatedLists, LineRules.relatedHeading(shape) {
            remove(index, .relatedHeading, shape.text)
            inRelatedList = true
            return
        }
        if let kind = judge(index, role, shape) {
            remove(index, kind, shape.text)
        } else if !takeCaptionCopies(index, role, shape) {
            story.append(StoryParagraph(index: index))
        }
    }

    /// The kind of a line that a rule is sure of, or nil for story text (captions are handled apart).
    private mutating func judge(_ index: Int, _ role: CopyBlock.Role, _ shape: LineShape) -> FurnitureKind? {
        let aboveStory = index < firstProse
        let belowStory = index > lastProse
        // Every line rule has a word limit under this: long paragraphs are story text or captions.
        if shape.words > 60, role == .text { return nil }
        // A long sentence can only be a credit, disclaimer, copyright or tag line: skip the rest.
        if shape.words > 16, shape.isProse, role == .text { return proseKind(shape) }
        if options.strayScript, !shape.isASCII, shape.words <= ScriptProfile.maxStrayWords, isStray(shape) { return .strayScript }
        if options.shareWidgets, LineRules.shareWidget(shape) { return .shareWidget }
        if options.relatedLists, LineRules.inlineRelated(shape) { return .related }
        if options.bylines, aboveStory || shape.words <= 8, LineRules.byline(shape) { return .byline }
        if options.bylines, aboveStory, LineRules.agencyByline(shape) || LineRules.nameWithAgency(shape) { return .byline }
        if let kind = LineRules.labelledName(shape), kind == .byline ? options.bylines : options.credits { return kind }
        if options.publicationLines {
            if let kind = LineRules.publication(shape) { return kind }
            if aboveStory, LineRules.dateStamp(shape) { return .published }
        }
        if options.credits, LineRules.credit(shape) { return .credit }
        if options.signOffs, LineRules.signOffLine(shape) || (belowStory && shape.words <= 6 && SignOff.isDeskCodes(shape.text))
            || (belowStory && LineRules.agencyAlone(shape)) { return .signOff }
        if options.pageChrome, let kind = chromeKind(shape) { return kind }
        if options.siteNames, SiteNames.isSiteName(shape, known: context.publisherNames, standalone: aboveStory || belowStory) {
            return .siteName
        }
        if options.headlines, aboveStory, headline == nil, role == .text, isPrintedHeadline(shape) {
            headline = shape.text
            return .headline
        }
        if case .chrome(let kind) = role, options.pageChrome { return kind }
        return nil
    }

    private mutating func isStray(_ shape: LineShape) -> Bool {
        // A line mostly in Latin letters in a story mostly of ASCII paragraphs is no stray.
        if mostlyASCII, ScriptProfile.majorityScript(shape.text) ?? .latin == .latin { return false }
        if scripts == nil { scripts = ScriptProfile(shapes.map(\.text)) }
        return scripts?.isStray(shape) ?? false
    }

    private func proseKind(_ shape: LineShape) -> FurnitureKind? {
        if options.credits, LineRules.credit(shape) { return .credit }
        guard options.pageChrome else { return nil }
        if LineRules.disclaimer(shape) { return .disclaimer }
        if LineRules.copyright(shape) { return .copyright }
        if LineRules.tags(shape) { return .tags }
        return nil
    }

    private func chromeKind(_ shape: LineShape) -> FurnitureKind? {
        if LineRules.contact(shape) { return .contact }
        if LineRules.separator(shape) { return .separator }
        if LineRules.copyright(shape) { return .copyright }
        if LineRules.advertisement(shape) { return .advertisement }
        if LineRules.promo(shape) { return .promo }
        if LineRules.tags(shape) { return .tags }
        if LineRules.disclaimer(shape) { return .disclaimer }
        return nil
    }

    /// Above the story, a headline-shaped line: the reader's headline printed again, or the first one
    /// when the reader found none.
    private mutating func isPrintedHeadline(_ shape: LineShape) -> Bool {
        guard shape.isHeadlineLike, !shape.isProse else { return false }
        guard let known = context.headline else { return true }
        // ASCII text lower-cases byte by byte and compares byte by byte: no strings are made.
        if let same = Self.sameASCIIIgnoringCase(known, shape.text) { return same }
        return knownHeadlineLowercased == shape.text.lowercasedWithLatin1Table()
    }

    /// `a.lowercased() == b.lowercased()` when both texts are ASCII, or nil.
    static func sameASCIIIgnoringCase(_ a: String, _ b: String) -> Bool? {
        a.withUTF8Bytes { first in
            b.withUTF8Bytes { second -> Bool? in
                guard first.allSatisfy({ $0 < 0x80 }), second.allSatisfy({ $0 < 0x80 }) else { return nil }
                guard first.count == second.count else { return false }
                for index in first.indices {
                    let x = first[index], y = second[index]
                    if x != y, (x &- 0x41 < 26 ? x | 0x20 : x) != (y &- 0x41 < 26 ? y | 0x20 : y) { return false }
                }
                return true
            }
        }
    }

    /// Captions printed twice (on one line, or as two paragraphs in a row) and `<figcaption>`s.
    private mutating func takeCaptionCopies(_ index: Int, _ role: CopyBlock.Role, _ shape: LineShape) -> Bool {
        guard options.captions else { return false }
        if role == .figureCaption {
            if index > 0, sameBytes(shapes[index - 1].text, shape.text), captionBlocks.contains(index - 1) {
                remove(index, .duplicateCaption, shape.text)
            } else {
                takeCaption(index, shape.text)
            }
            return true
        }
        // `halfOfDoubled` wants an odd length of at least 41 bytes: the shape knows the length.
        if shape.bytes >= 41, shape.bytes & 1 == 1, let half = CaptionRules.halfOfDoubled(shape.text) {
            let halfShape = LineShape(half)
            if CaptionRules.isCaption(halfShape, isLast: false) || !halfShape.isProse {
                takeCaption(index, half)
                remove(index, .duplicateCaption, half)
            } else {
                // A story paragraph printed twice: the story keeps one copy.
                story.append(StoryParagraph(index: index, ownText: half))
                halfShapes[index] = halfShape
                remove(index, .duplicateParagraph, half)
            }
            return true
        }
        guard index > 0, shapes[index - 1].bytes == shape.bytes, sameBytes(shapes[index - 1].text, shape.text) else { return false }
        if captionBlocks.contains(index - 1) {
            remove(index, .duplicateCaption, shape.text)
        } else if let last = story.last, last.index == index - 1, CaptionRules.isCaption(shape, isLast: false) {
            story.removeLast()
            takeCaption(index - 1, shape.text)
            remove(index, .duplicateCaption, shape.text)
        } else {
            remove(index, .duplicateParagraph, shape.text)
        }
        return true
    }

    /// Byte equality: the texts are normalised already, and `==` on `String` would compare them
    /// by canonical equivalence, normalising non-ASCII text again on every call.
    private func sameBytes(_ a: String, _ b: String) -> Bool {
        a.utf8.count == b.utf8.count && a.utf8.elementsEqual(b.utf8)
    }

    // MARK: second pass

    /// Captions among the story paragraphs, then the sign-off of the last one.
    mutating func settleStoryEnd() {
        if options.captions {
            // Captions are taken out in place: most stories have one or two, and a new array of
            // the rest cost an allocation and a copy of every paragraph.
            var kept = 0
            for position in story.indices {
                let paragraph = story[position]
                let isLast = position == story.count - 1
                let isCaption = halfShapes.isEmpty || paragraph.ownText == nil
                    ? CaptionRules.isCaption(shapes[paragraph.index], isLast: isLast)
                    : CaptionRules.isCaption(halfShapes[paragraph.index] ?? shapes[paragraph.index], isLast: isLast)
                if isCaption {
                    takeCaption(paragraph.index, text(of: paragraph))
                } else {
                    if kept != position { story[kept] = paragraph }
                    kept += 1
                }
            }
            story.removeLast(story.count - kept)
        }
        guard options.signOffs, let last = story.last, let split = SignOff.splitTrailing(text(of: last)) else { return }
        story[story.count - 1].ownText = split.story
        remove(last.index, .signOff, split.signOff, after: true)
    }

    // MARK: recording

    private mutating func remove(_ index: Int, _ kind: FurnitureKind, _ text: String, after: Bool = false) {
        removed.append(index * 2 + (after ? 1 : 0), Furniture(kind: kind.rawValue, text: text))
    }

    private mutating func takeCaption(_ index: Int, _ text: String) {
        captionBlocks.insert(index)
        remove(index, .caption, text)
        if let split = CaptionRules.splitCredit(text), isCredit(split.credit) {
            captions.append(index, Caption(text: split.text, credit: split.credit))
        } else if let split = CaptionRules.trailingPhotoCredit(text) {
            captions.append(index, Caption(text: split.text, credit: split.credit))
        } else {
            captions.append(index, Caption(text: text))
        }
    }

    private func isCredit(_ credit: String) -> Bool {
        (credit.withUTF8Bytes(SignOff.asciiAgencyLike) ?? SignOff.isAgencyLike(Substring(credit))) || credit.containsByte(UInt8(ascii: "/")) || credit.containsIgnoringCase("photo")
    }
}
