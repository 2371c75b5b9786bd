/// The daemon's version and home page, for the feed poller's User-Agent and `--version`.
public enum WireFeedVersion {
    public static let number = "0.1.0"
    public static let homePage = "https://github.com/wirefeed/wirefeed"
    /// What feed servers see: who polls them, and where to read about it.
    public static let userAgent = "WireFeed/\(number) (+\(homePage))"
}
