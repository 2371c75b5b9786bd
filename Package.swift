// swift-tools-version:6.0
import PackageDescription

// Modules follow the data's path: libxml2 binding → readers → text analysis → pipeline runtime → executable.
let package = Package(
    name: "WireFeed",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "wirefeed", targets: ["wirefeed"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.0.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
    ],
    targets: [
        // The only module that sees libxml2's C API; everything else goes through LibXML.
        .systemLibrary(
            name: "CLibXML2",
            path: "Sources/CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .target(name: "LibXML", dependencies: ["CLibXML2"]),
        .target(name: "WireModel"),
        .target(name: "WireText", dependencies: ["WireModel"]),
        .target(name: "WireGazetteer", exclude: ["LICENSES.md"]),
        .target(name: "WireExtract", dependencies: ["WireModel", "WireGazetteer"]),
        .target(name: "WireReaders", dependencies: ["WireModel", "WireText", "LibXML"]),
        .target(name: "WireClean", dependencies: ["WireModel", "WireText", "LibXML"]),
        // Exact and near-duplicate detection and story clusters over text; knows nothing of items, stages or state.
        .target(name: "WireDedupe"),
        .target(
            name: "WireRuntime",
            dependencies: [
                "WireModel", "WireReaders", "WireText", "WireClean", "WireExtract", "WireDedupe",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ]
        ),
        .executableTarget(
            name: "wirefeed",
            dependencies: [
                "WireRuntime", "WireModel",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Measurement driver for Scripts/extract-throughput.sh; not installed.
        .executableTarget(name: "extract-throughput", dependencies: ["WireExtract", "WireModel"]),
        // Throughput of the text stages on the eval corpus (Scripts/bench-clean.sh runs it in release).
        .executableTarget(name: "stage-bench", dependencies: ["WireClean", "WireExtract", "WireReaders", "WireModel"]),
        // Measurement driver (not shipped): dedupe decisions over a texts.jsonl, and index cost.
        .executableTarget(name: "dedupe-bench", dependencies: ["WireDedupe"]),
        .testTarget(name: "WireDedupeTests", dependencies: ["WireDedupe"]),
        .testTarget(name: "WireModelTests", dependencies: ["WireModel"]),
        .testTarget(name: "WireReadersTests", dependencies: ["WireReaders", "WireModel", "LibXML"]),
        .testTarget(name: "WireGazetteerTests", dependencies: ["WireGazetteer"]),
        .testTarget(name: "WireExtractTests", dependencies: ["WireExtract", "WireModel", "WireGazetteer", "WireReaders", "WireClean"]),
        .testTarget(name: "LibXMLTests", dependencies: ["LibXML"]),
        .testTarget(name: "WireCleanTests", dependencies: ["WireClean", "WireModel", "WireReaders"]),
        .testTarget(name: "WireRuntimeTests", dependencies: ["WireRuntime", "WireModel", "WireReaders"]),
    ],
    swiftLanguageModes: [.v6]
)
