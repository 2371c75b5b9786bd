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
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.0.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.81.0"),
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
        .target(name: "WireReaders", dependencies: ["WireModel", "WireText", "LibXML"]),
        .target(
            name: "WireRuntime",
            dependencies: [
                "WireModel", "WireReaders", "WireText",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
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
        .testTarget(name: "WireModelTests", dependencies: ["WireModel"]),
        .testTarget(name: "WireReadersTests", dependencies: ["WireReaders", "WireModel", "LibXML"]),
        .testTarget(name: "LibXMLTests", dependencies: ["LibXML"]),
        .testTarget(name: "WireRuntimeTests", dependencies: ["WireRuntime", "WireModel", "WireReaders"]),
    ],
    swiftLanguageModes: [.v6]
)
