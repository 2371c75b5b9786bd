/// Collects NDJSON lines for stdout and writes them in large blocks: one write(2) per line cost
/// `process` a system call per item. Blocks end on line boundaries, so a reader of a pipe still never
/// sees half a line.
final class BufferedStandardOutput {
    private var pending: [UInt8] = []
    private let blockSize: Int

    init(blockSize: Int = 1 << 16) {
        self.blockSize = blockSize
        pending.reserveCapacity(blockSize + 8192)
    }

    func append(_ line: [UInt8]) {
        pending.append(contentsOf: line)
        if pending.count >= blockSize { flush() }
    }

    func flush() {
        guard !pending.isEmpty else { return }
        StandardStreams.write(pending)
        pending.removeAll(keepingCapacity: true)
    }
}
