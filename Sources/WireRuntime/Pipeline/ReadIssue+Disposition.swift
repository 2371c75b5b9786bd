import WireReaders

extension ReadIssue {
    /// Issues that lose nothing (the text was decoded another way, and said so) are logged; every other
    /// issue means part of an input did not become an item and is written as a dead-letter line.
    /// Unknown reasons count as losses, so a new reader's issue is never silently downgraded.
    var isInformational: Bool {
        ["encoding-fallback", "encoding-mismatch", "encoding-unknown"].contains(reason)
    }
}
