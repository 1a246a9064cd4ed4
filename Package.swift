// swift-tools-version: 6.0
import PackageDescription

// Release builds put the functions a keystroke runs next to each other (docs/performance-log.md,
// "Pages a key touches, and a key's code placed together"): each function in its own section,
// and the linker shipped with the toolchain (lld) orders them by
// Sources/travaux/key-path-functions.txt, which Tests/Bench/key-path-functions.py writes. A
// function missing from the list is only placed where it would have been. SwiftPM does not
// rebuild a module when only these flags change: after changing them, build from clean.
let functionSections = SwiftSetting.unsafeFlags(["-Xfrontend", "-function-sections"], .when(configuration: .release))
let keyPathOrder = LinkerSetting.unsafeFlags([
    "-use-ld=lld",
    "-Xlinker", "--symbol-ordering-file=\(Context.packageDirectory)/Sources/travaux/key-path-functions.txt",
    "-Xlinker", "--no-warn-symbol-ordering",
], .when(configuration: .release))

let package = Package(
    name: "travaux",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "travaux", targets: ["travaux"]),
        .library(name: "TravauxCore", targets: ["TravauxCore"]),
        .library(name: "TravauxTUI", targets: ["TravauxTUI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // Tests only: random note bodies for the export's structure properties.
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        // The only module that sees ncurses; see docs/architecture.md.
        .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw"),
        .target(name: "TravauxCore", path: "Sources/TravauxCore", swiftSettings: [functionSections]),
        .target(name: "TravauxTUI", dependencies: ["TravauxCore"], path: "Sources/TravauxTUI", swiftSettings: [functionSections]),
        .target(
            name: "TravauxCurses", dependencies: ["TravauxTUI", "CNcursesw"], path: "Sources/TravauxCurses",
            swiftSettings: [functionSections]
        ),
        .executableTarget(
            name: "travaux",
            dependencies: [
                "TravauxCore",
                "TravauxTUI",
                "TravauxCurses",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Sources/travaux",
            exclude: ["key-path-functions.txt"],
            swiftSettings: [functionSections],
            linkerSettings: [keyPathOrder]
        ),
        // Saves notes in a loop for the crash and two-writer tests (Tests/TravauxCLITests).
        .executableTarget(name: "travaux-stress", dependencies: ["TravauxCore"], path: "Sources/travaux-stress"),
        // Synthetic records and stores at any scale, and what is measured on them (docs/performance.md).
        .target(name: "TravauxBench", dependencies: ["TravauxCore", "TravauxTUI"], path: "Sources/TravauxBench"),
        .executableTarget(
            name: "travaux-bench",
            dependencies: ["TravauxBench", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            path: "Sources/travaux-bench"
        ),
        // Where tests write their files, and how those are removed.
        .target(name: "TravauxTestSupport", dependencies: ["TravauxCore"], path: "Tests/TestSupport"),
        .testTarget(
            name: "TravauxCoreTests",
            dependencies: ["TravauxCore", "TravauxTestSupport", .product(name: "PropertyBased", package: "swift-property-based")],
            path: "Tests/TravauxCoreTests",
            exclude: ["Golden"]
        ),
        .testTarget(
            name: "TravauxCLITests",
            // Depends on the executable so `swift test` builds the binary it runs.
            dependencies: ["TravauxCore", "TravauxTestSupport", "travaux", "travaux-stress"],
            path: "Tests/TravauxCLITests"
        ),
        .testTarget(
            name: "TravauxAppTests",
            // TravauxBench for its seeded generator: random keys and frames that replay from a seed.
            dependencies: ["TravauxCore", "TravauxTUI", "TravauxTestSupport", "TravauxBench"],
            path: "Tests/TravauxAppTests",
            exclude: ["Snapshots"]
        ),
        .testTarget(name: "TravauxBenchTests", dependencies: ["TravauxBench", "TravauxTestSupport"], path: "Tests/TravauxBenchTests"),
        .testTarget(name: "TravauxTUITests", dependencies: ["TravauxTUI", "TravauxCurses", "TravauxBench", .product(name: "PropertyBased", package: "swift-property-based")],
                    path: "Tests/TravauxTUITests"),
    ],
    swiftLanguageModes: [.v6]
)
