/// One word or punctuation mark of a text, as byte offsets into its UTF-8.
///
/// Extraction works on these instead of `String` so that a story is scanned once, at byte speed; a
/// `String` is made only for the few spans that become fields.
struct Token: Sendable {
    struct Flags: OptionSet, Sendable {
        let rawValue: UInt16
        static let word = Flags(rawValue: 1 << 0)
        /// Starts with an upper-case letter.
        static let capitalised = Flags(rawValue: 1 << 1)
        /// Two or more letters, all upper case ("KCNA", "SEOUL").
        static let allCaps = Flags(rawValue: 1 << 2)
        static let number = Flags(rawValue: 1 << 3)
        /// First token of a sentence (or of a paragraph).
        static let sentenceStart = Flags(rawValue: 1 << 4)
        /// Has a letter upper case after a lower-case one ("KenGen", "iPhone").
        static let innerCapital = Flags(rawValue: 1 << 5)
        /// The last token of a paragraph: nothing joins across it.
        static let paragraphEnd = Flags(rawValue: 1 << 6)
    }

    var start: Int
    var end: Int
    var flags: Flags
    /// The byte of a one-byte punctuation token, or a stand-in for a multi-byte one (see `Tokenizer`).
    var mark: UInt8

    var isWord: Bool { flags.contains(.word) }
    var isCapitalised: Bool { flags.contains(.capitalised) }
    var length: Int { end - start }
}
