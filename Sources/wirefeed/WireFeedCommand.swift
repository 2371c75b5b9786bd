import ArgumentParser

@main
struct WireFeedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wirefeed",
        abstract: "Turns news wire copy into clean, structured, de-duplicated NDJSON."
    )
}
