import ArgumentParser
import WireRuntime

struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema of pipeline.json (the file shipped as pipeline.schema.json)."
    )

    @Flag(help: "Print the Markdown key reference (the README's configuration reference) instead.")
    var markdown = false

    func run() throws {
        print(markdown ? ConfigReference.markdown() : ConfigSchema.jsonText(), terminator: "")
    }
}
