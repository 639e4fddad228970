// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Wenxi",
    products: [
        .executable(name: "wenxi", targets: ["WenxiCLI"]),
        .library(name: "Wenxi", targets: ["Wenxi"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // C shim over system ICU (libicu-dev). Its public header uses only <stdint.h> types and
        // opaque pointers: ICU's own headers clash with Foundation's private ICU copy, and ICU's
        // versioned function names (ubrk_open -> ubrk_open_72) are macros Swift cannot import.
        .target(
            name: "CICU",
            linkerSettings: [.linkedLibrary("icui18n"), .linkedLibrary("icuuc"), .linkedLibrary("icudata")]
        ),
        // System libxml2 (libxml2-dev): its HTML parser reads article bodies.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // System OpenSSL libcrypto (libssl-dev): the SHA-256 of every input (`source.sha256`).
        // (swift-crypto would compile BoringSSL with the package: 5 more minutes per clean build.)
        .systemLibrary(
            name: "COpenSSL",
            pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"])]
        ),
        // The core every other target stands on: the text kernel, text buffers and spans, errors and
        // limits, the typed kinds, the report types and every JSON schema. Foundation only.
        .target(
            name: "WenxiCore"
        ),
        // The stages (ingest, normalise, segment, byline, tag, amounts, assemble) and `Analyzer`, which
        // runs them. Re-exports WenxiCore, so `import Wenxi` is all a library user writes.
        .target(
            name: "Wenxi",
            dependencies: [
                "WenxiCore",
                "CICU",
                "CLibXML2",
                "COpenSSL",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        // The batch runtime the command uses: input files and folders, the ordered parallel executor,
        // stream (JSON Lines) mode, progress, the corpus summary, and the fuzz targets.
        .target(
            name: "WenxiBatch",
            dependencies: ["Wenxi"]
        ),
        // HTML pages and TSV/CSV tables of reports (`wenxi view`, `wenxi export`): reads report
        // JSON generically, so keys added to reports later show without a change here; entity
        // types are compared as WenxiCore's EntityType.
        .target(
            name: "WenxiView",
            dependencies: ["WenxiCore"]
        ),
        .executableTarget(
            name: "WenxiCLI",
            dependencies: [
                "Wenxi",
                "WenxiBatch",
                "WenxiView",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "WenxiTests",
            dependencies: ["WenxiCore", "Wenxi", "WenxiBatch"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "WenxiViewTests",
            dependencies: ["WenxiView"]
        ),
        .testTarget(
            name: "WenxiCLITests",
            // Depends on the executable so `swift test` builds the `wenxi` binary these tests run.
            dependencies: ["Wenxi", "WenxiBatch", "WenxiCLI"]
        ),
    ]
)
