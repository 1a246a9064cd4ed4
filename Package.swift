// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "travaux",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "travaux", targets: ["travaux"]),
        .library(name: "TravauxCore", targets: ["TravauxCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // The only module that sees ncurses; see docs/architecture.md.
        .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw"),
        .target(
            name: "TravauxCore",
            path: "Sources/TravauxCore"
        ),
        .executableTarget(
            name: "travaux",
            dependencies: [
                "TravauxCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Sources/travaux"
        ),
        .testTarget(
            name: "TravauxCoreTests",
            dependencies: ["TravauxCore"],
            path: "Tests/TravauxCoreTests"
        ),
        .testTarget(
            name: "TravauxCLITests",
            dependencies: ["TravauxCore"],
            path: "Tests/TravauxCLITests"
        ),
    ],
    swiftLanguageModes: [.v6]
)
