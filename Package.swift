// swift-tools-version:6.0
import PackageDescription

// Data flows one way: text → facts (Core, Extract) → chart spec → scene (Charts, Scene)
// → backends (Cairo, SVG) → files → report → CLI. Each layer is a target and may only
// depend on the layers before it.
let package = Package(
    name: "Plotline",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "plotline", targets: ["plotline"]),
        .executable(name: "plotline-bench", targets: ["plotline-bench"]),
        .library(name: "PlotlineCharts", targets: ["PlotlineCharts"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
    ],
    targets: [
        .target(name: "PlotlineCore"),
        .target(name: "PlotlineExtract", dependencies: ["PlotlineCore"]),
        .target(name: "PlotlineScene"),
        .target(name: "PlotlineCharts", dependencies: ["PlotlineCore", "PlotlineScene"]),
        .systemLibrary(
            name: "CCairo", pkgConfig: "pangocairo",
            providers: [.apt(["libcairo2-dev", "libpango1.0-dev", "libdeflate-dev"])]),
        .target(name: "PlotlineCairo", dependencies: ["PlotlineScene", "CCairo"]),
        .target(name: "PlotlineSVG", dependencies: ["PlotlineScene"]),
        .target(
            name: "PlotlineReport",
            dependencies: ["PlotlineCore", "PlotlineCharts", "PlotlineSVG", "PlotlineCairo"]),
        .target(
            name: "PlotlineProject",
            dependencies: ["PlotlineCore", "PlotlineExtract", "PlotlineCharts", "PlotlineReport", "Yams"]),
        .executableTarget(
            name: "plotline",
            dependencies: [
                "PlotlineCore", "PlotlineExtract", "PlotlineCharts", "PlotlineCairo", "PlotlineSVG",
                "PlotlineReport", "PlotlineProject",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        .executableTarget(
            name: "plotline-bench",
            dependencies: ["PlotlineCore", "PlotlineExtract", "PlotlineCharts", "PlotlineCairo", "PlotlineSVG", "PlotlineReport", "PlotlineScene"]),
        // Fuzz harnesses: a replay tool normally, libFuzzer's entry point with -D FUZZING (make fuzz).
        .executableTarget(
            name: "plotline-fuzz",
            dependencies: ["PlotlineCore", "PlotlineExtract", "PlotlineCharts", "PlotlineSVG", "PlotlineScene", "PlotlineProject"]),
        .target(name: "PlotlineTestSupport", path: "Tests/PlotlineTestSupport"),
        .testTarget(name: "PlotlineCoreTests", dependencies: ["PlotlineCore"]),
        .testTarget(name: "PlotlineExtractTests", dependencies: ["PlotlineExtract", "PlotlineCore"]),
        .testTarget(name: "PlotlineProjectTests", dependencies: ["PlotlineProject", "PlotlineCore", "PlotlineExtract", "PlotlineTestSupport"]),
        .testTarget(
            name: "PlotlineChartsTests",
            dependencies: ["PlotlineCharts", "PlotlineScene", "PlotlineCairo", "PlotlineSVG", "PlotlineReport", "PlotlineCore", "PlotlineTestSupport"],
            exclude: ["Reference", "Goldens"]),
        .testTarget(
            name: "PlotlineEndToEndTests", dependencies: ["PlotlineTestSupport", "PlotlineCairo", "plotline", "plotline-fuzz"]),
    ],
    swiftLanguageModes: [.v5]
)
