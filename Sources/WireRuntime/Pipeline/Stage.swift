import WireModel

/// One step of the pipeline: an item in, zero or more items out.
///
/// The runtime calls `process` on the stage's own serial queue, one item at a time, so a stage may keep
/// state without locks as long as nothing else touches it. Returning `[]` drops the item (it is
/// acknowledged, never written); returning several items fans out. Throwing sends the *input* item to
/// the dead-letter sink with the error's stage, reason and detail, and the pipeline goes on.
public protocol Stage: AnyObject, Sendable {
    /// The stage's type as written in `pipeline.json` (`clean`, `dedupe`, …).
    var name: String { get }

    func process(_ item: Item) throws -> [Item]

    /// Whether items may go through this stage on several threads at once and out of arrival order
    /// (`process --threads`): true for a stage whose output for an item depends on that item alone.
    /// False (the default) for one that remembers earlier items, such as `dedupe`.
    var isOrderIndependent: Bool { get }
}

extension Stage {
    public var isOrderIndependent: Bool { false }
}

/// Why a stage rejected an item; becomes the `error` object of a dead-letter line.
public struct StageFailure: Error, Sendable, Equatable, CustomStringConvertible {
    public var stage: String
    public var reason: String
    public var detail: String

    public init(stage: String, reason: String, detail: String) {
        self.stage = stage
        self.reason = reason
        self.detail = detail
    }

    public var description: String { "\(stage): \(reason): \(detail)" }
}
