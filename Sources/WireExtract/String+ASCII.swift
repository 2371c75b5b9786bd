extension String {
    /// True when every byte is ASCII, read on the contiguous bytes: `utf8.allSatisfy` walks the view
    /// byte by byte, which cost more than the furniture tests it guards.
    var isASCIIBytes: Bool {
        var copy = self
        return copy.withUTF8 { bytes in !bytes.contains { $0 >= 0x80 } }
    }
}
