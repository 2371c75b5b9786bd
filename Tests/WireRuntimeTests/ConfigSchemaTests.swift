import Foundation
import Testing
@testable import WireRuntime

@Suite struct ConfigSchemaTests {
    private let root = ConfigTestSupport.repositoryRoot

    @Test func shippedSchemaIsTheGeneratedOne() throws {
        let shipped = try String(contentsOfFile: root + "/pipeline.schema.json", encoding: .utf8)
        let generated = ConfigSchema.jsonText()
        // A Bool, not the two texts, so a stale file fails with one readable line instead of two schemas.
        let upToDate = shipped == generated
        let shippedLines = shipped.split(separator: "\n", omittingEmptySubsequences: false)
        let generatedLines = generated.split(separator: "\n", omittingEmptySubsequences: false)
        let firstDifference = zip(shippedLines, generatedLines).enumerated().first(where: { $0.element.0 != $0.element.1 })?.offset
            ?? min(shippedLines.count, generatedLines.count)
        #expect(upToDate, """
            pipeline.schema.json is stale (first difference at line \(firstDifference + 1)): \
            regenerate with `wirefeed schema > pipeline.schema.json`
            """)
    }

    @Test func generationIsDeterministic() {
        #expect(ConfigSchema.jsonText() == ConfigSchema.jsonText())
    }

    /// The schema is itself JSON that our parser reads, with the dialect and the root keys of the spec.
    @Test func schemaDescribesEveryTopLevelKey() throws {
        let schema = try ConfigJSONParser.parse(Array(ConfigSchema.jsonText().utf8))
        #expect(schema["$schema"]?.string == "https://json-schema.org/draft/2020-12/schema")
        #expect(schema["additionalProperties"].map { if case .bool(false) = $0.value { true } else { false } } == true)
        let properties = schema["properties"]?.members?.map(\.key).sorted()
        #expect(properties == ConfigSpec.pipeline.root.keys.map(\.name).sorted())
        #expect(schema["required"]?.elements?.compactMap(\.string) == ["sinks"])
    }

    /// The spec's tags must be exactly what the typed config can hold, or the loader would accept a
    /// stage it cannot build.
    @Test func specTagsMatchTheTypedConfig() {
        #expect(ConfigSpec.stageUnion.variants.map(\.tag) == StageConfig.typeNames)
        #expect(ConfigSpec.sinkUnion.variants.map(\.tag) == SinkConfig.Kind.allCases.map(\.rawValue))
        #expect(ConfigSpec.sourceUnion.variants.map(\.tag) == ["inbox", "feed"])
    }

    @Test func defaultsInTheSpecAreWhatTheLoaderApplies() throws {
        let window = ConfigSpec.dedupeStageObject.key("window")
        guard case .defaulted(.string(let text))? = window?.requirement else {
            Issue.record("dedupe window has no default in the spec")
            return
        }
        #expect(text == "72h")
        let config = try ConfigTestSupport.load(#"{"sinks": [{"name": "a", "type": "stdout"}], "stages": [{"type": "dedupe"}]}"#)
        #expect(config.stages == [.dedupe(DedupeStageConfig(window: try DurationParser.parse(text)))])
    }

    @Test func durationPatternAgreesWithTheParser() throws {
        let pattern = try NSRegularExpression(pattern: DurationParser.schemaPattern)
        for text in ["250ms", "90s", "5m", "72h", "7d", "0s", "300", "1.5h", "1h30m", "5M", "05m"] {
            let matches = pattern.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
            let parses = (try? DurationParser.parse(text)) != nil
            #expect(matches == parses, "\(text)")
        }
    }

    static let jsonSchemaAvailable: Bool = runPython(["-c", "import jsonschema"]) == 0

    /// Validates with the reference Python implementation when it is installed: the shipped config and
    /// the full fixture pass, the broken fixtures fail.
    @Test(.enabled(if: jsonSchemaAvailable, "needs python3 with the jsonschema package"))
    func pythonJSONSchemaAgrees() {
        let script = """
        import json, sys, jsonschema
        schema = json.load(open(sys.argv[1]))
        jsonschema.Draft202012Validator.check_schema(schema)
        validator = jsonschema.Draft202012Validator(schema)
        for path, expected in zip(sys.argv[2::2], sys.argv[3::2]):
            valid = validator.is_valid(json.load(open(path)))
            if valid != (expected == "valid"):
                sys.exit(path + " should be " + expected)
        """
        let fixtures = ConfigTestSupport.fixtures
        let status = Self.runPython(["-c", script, root + "/pipeline.schema.json",
                                     root + "/pipeline.json", "valid",
                                     fixtures + "/full.json", "valid",
                                     fixtures + "/minimal.json", "valid",
                                     fixtures + "/design-example.json", "valid",
                                     fixtures + "/broken-references.json", "invalid",
                                     fixtures + "/broken-shapes.json", "invalid"])
        #expect(status == 0)
    }

    private static func runPython(_ arguments: [String]) -> Int32? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        process.standardOutput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return nil
        }
        process.waitUntilExit()
        return process.terminationStatus
    }
}
