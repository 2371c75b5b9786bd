import WireModel
import WireReaders

extension ProcessRunner {
    /// `run` on `threads` threads, with the same output in the same order as on one.
    ///
    /// Files go in batches: the batch's files are read in parallel; then each run of stages
    /// (`StageSegment`) takes the batch's items, order-independent stages on every thread, order-sensitive
    /// ones (`dedupe`) on one thread in arrival order; then the batch's lines are emitted in input order.
    /// Every item goes through every stage exactly once, and `dedupe` sees items in the same order as a
    /// one-thread run, so its verdicts are the same.
    public func run(
        files: [String], threads: Int, emit: (Item) -> Void, deadLetter: (DeadLetterInput) -> Void,
        progress: ((Int, Int, String) -> Void)? = nil
    ) -> Summary {
        guard threads > 1 else { return run(files: files, emit: emit, deadLetter: deadLetter, progress: progress) }
        var summary = Summary()
        let segments = StageSegment.split(stages)
        // Enough files per batch that every thread stays busy between the in-order steps, few enough
        // that a batch's items stay a few megabytes.
        let batchSize = threads * 8
        for start in stride(from: 0, to: files.count, by: batchSize) {
            let batch = Array(files[start..<min(start + batchSize, files.count)])
            progress?(start, files.count, batch[0])
            let reads = ParallelMap.map(batch.count, threads: threads) { index in
                Result { () throws(UnreadableInput) -> ReadResult in try readFile(batch[index]) }
            }
            var groups: [[Item]] = []
            for (path, read) in zip(batch, reads) {
                summary.inputs += 1
                switch read {
                case .failure(let error):
                    summary.failed.append(Failure(path: path, reason: error.description))
                case .success(let result):
                    for issue in result.issues where !issue.isInformational {
                        summary.deadLetters += 1
                        let failure = StageFailure(stage: "read", reason: issue.reason, detail: "\(path): \(issue.detail)")
                        deadLetter(DeadLetterInput(failure: failure, source: fileSource(path)))
                    }
                    groups.append(contentsOf: result.items.map { [$0] })
                }
            }
            var failures = Array(repeating: [DeadLetterInput](), count: groups.count)
            for segment in segments {
                let results = segment.run(groups, threads: threads)
                for (index, result) in results.enumerated() {
                    groups[index] = result.emitted
                    failures[index].append(contentsOf: result.deadLetters)
                }
            }
            for (emitted, deadLetters) in zip(groups, failures) {
                emitted.forEach(emit)
                summary.items += emitted.count
                summary.deadLetters += deadLetters.count
                deadLetters.forEach(deadLetter)
            }
        }
        return summary
    }
}
