/// The daemon's version, for the feed poller's User-Agent and `--version`.
public enum WireFeedVersion {
    public static let number = "0.1.0"
    /// What feed servers see by default. The project has no public home page to point at yet, so a
    /// newsroom adds its own contact with `poller.user_agent` (publishers ask pollers for one).
    public static let userAgent = "WireFeed/\(number) (news wire feed poller)"
}
