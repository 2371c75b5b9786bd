/// What a file sink found when it opened its file: how much of a torn last line it cut, and how many
/// ids it read back from the last lines (of the file and, when that is short, of `path.1`), which it
/// will acknowledge as `.alreadyPresent` instead of writing again.
public struct FileSinkReconcileReport: Sendable, Equatable {
    public var path: String
    /// Bytes after the last `\n` that a crash left behind, removed on open.
    public var tornBytesCut: Int
    /// Lines read back from the end of the file itself.
    public var linesRead: Int
    /// Lines read back from the newest rotated file (`path.1`), when the file itself was short.
    public var rotatedLinesRead: Int
    /// Distinct ids now known to be present.
    public var idsRecovered: Int

    public init(path: String, tornBytesCut: Int, linesRead: Int, rotatedLinesRead: Int, idsRecovered: Int) {
        self.path = path
        self.tornBytesCut = tornBytesCut
        self.linesRead = linesRead
        self.rotatedLinesRead = rotatedLinesRead
        self.idsRecovered = idsRecovered
    }
}
