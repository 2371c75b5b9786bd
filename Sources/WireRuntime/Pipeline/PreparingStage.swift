import WireModel

/// An order-sensitive stage whose work on an item splits in two: a part that depends on the item alone
/// (`prepare`), and the part that must see items one at a time in arrival order (`process(_:prepared:)`).
///
/// `process --threads` runs `prepare` for a batch's items on every thread before the in-order step, so
/// that step does only what needs the earlier items (`dedupe`: the fingerprint and the names are the
/// item's own; the decision is not). One thread, or the daemon, calls `process(_:)`, which does both.
public protocol PreparingStage: Stage {
    /// The item-only work; safe to call on any thread, in any order.
    func prepare(_ item: Item) -> any Sendable

    /// `process(item)`, given what `prepare(item)` returned for this same item.
    func process(_ item: Item, prepared: any Sendable) throws -> [Item]
}
