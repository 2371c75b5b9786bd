import ArgumentParser
import WireRuntime

struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema of pipeline.json (the file shipped as pipeline.schema.json)."
    )

    func run() throws {
        print(ConfigSchema.jsonText(), terminator: "")
    }
}
