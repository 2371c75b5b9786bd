/// `wirefeed status` as text: one block per concern, problems first, coloured when `colour` is on
/// (a terminal), plain when piped.
public struct StatusRenderer {
    public var colour: Bool

    public init(colour: Bool) { self.colour = colour }

    public func render(_ status: DaemonStatus) -> String {
        var lines: [String] = []
        lines.append(healthLine(status))
        for problem in status.health.problems { lines.append("  " + paint("! " + problem, .red)) }
        lines.append("")
        lines.append(bold("sources") + dim("                      last item              silent  backlog  1m/1h/total"))
        for source in status.sources {
            let silent = source.silentSeconds.map(Self.duration) ?? "never"
            lines.append("  " + pad(source.name, 27) + pad(source.lastItem ?? "—", 23) + pad(silent, 8)
                + pad("\(source.backlogFiles)", 9) + counts(source.items))
        }
        lines.append(bold("stages") + dim("                       1m/1h/total            errors"))
        for stage in status.stages {
            lines.append("  " + pad(stage.name, 27) + pad(counts(stage.items), 23)
                + (stage.errors > 0 ? paint("\(stage.errors)", .yellow) : "0"))
        }
        lines.append(bold("sinks") + dim("                        1m/1h/total            errors"))
        for sink in status.sinks {
            let state = sink.failing.map { "  " + paint("cannot write: " + $0, .red) } ?? ""
            lines.append("  " + pad(sink.name, 27) + pad(counts(sink.records), 23) + "\(sink.errors)" + state)
        }
        let dead = status.deadLetters
        lines.append(bold("dead letters") + "  " + (dead.lastHour > 0 ? paint(counts(dead), .yellow) : counts(dead)))
        let queues = status.queues.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        lines.append(bold("queues") + "        " + (queues.isEmpty ? "empty" : queues) + "; \(status.itemsInFlight) item(s) in flight")
        if !status.dedupe.isEmpty {
            let decisions = status.dedupe.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
            lines.append(bold("dedupe") + "        " + decisions)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func healthLine(_ status: DaemonStatus) -> String {
        let word: String
        if status.health.draining {
            word = paint("DRAINING", .yellow)
        } else if status.health.healthy {
            word = paint("HEALTHY", .green)
        } else {
            word = paint("UNHEALTHY", .red)
        }
        return bold("wirefeed") + " " + word + "  up " + Self.duration(status.uptimeSeconds)
    }

    private func counts(_ window: DaemonStatus.Window) -> String { "\(window.lastMinute)/\(window.lastHour)/\(window.total)" }

    /// "42s", "7m", "3h", "2d".
    static func duration(_ seconds: Int) -> String {
        switch seconds {
        case ..<120: "\(seconds)s"
        case ..<7200: "\(seconds / 60)m"
        case ..<172_800: "\(seconds / 3600)h"
        default: "\(seconds / 86400)d"
        }
    }

    private func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
    }

    enum Colour: String {
        case red = "31", green = "32", yellow = "33"
    }

    private func paint(_ text: String, _ colour: Colour) -> String {
        self.colour ? "\u{1B}[\(colour.rawValue)m\(text)\u{1B}[0m" : text
    }

    private func bold(_ text: String) -> String { colour ? "\u{1B}[1m\(text)\u{1B}[0m" : text }
    private func dim(_ text: String) -> String { colour ? "\u{1B}[2m\(text)\u{1B}[0m" : text }
}
