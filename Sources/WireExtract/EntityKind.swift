/// The three kinds of entity `extract` lists.
enum EntityKind: Sendable, Hashable {
    case person, place, organization
}
