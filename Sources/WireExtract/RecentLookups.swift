import WireGazetteer

/// The gazetteer's entries for the last two names one story looked up: a story asks about its
/// agency's name several times (for the agency itself, its home zone, its site), and each lookup
/// hashes the name anew.
struct RecentLookups {
    let gazetteer: Gazetteer
    private var latest: (surface: String, entries: [GazetteerEntry])?
    private var earlier: (surface: String, entries: [GazetteerEntry])?

    init(_ gazetteer: Gazetteer) {
        self.gazetteer = gazetteer
    }

    /// `gazetteer.lookup(surface)`, remembered.
    mutating func lookup(_ surface: String) -> [GazetteerEntry] {
        if let latest, latest.surface == surface { return latest.entries }
        if let earlier, earlier.surface == surface { return earlier.entries }
        let entries = gazetteer.lookup(surface)
        earlier = latest
        latest = (surface, entries)
        return entries
    }
}
