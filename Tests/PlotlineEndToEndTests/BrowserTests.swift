import Foundation
import PlotlineCairo
import PlotlineTestSupport
import Testing

/// The HTML report in a real browser: headless Chromium takes a screenshot, and the charts'
/// blue must be in it, which only happens when every image loaded.
@Suite(.serialized) struct BrowserTests {
    static func chromium() -> String? {
        for name in ["chromium", "chromium-browser", "google-chrome"] {
            for dir in ["/usr/bin", "/usr/local/bin", "/snap/bin"] where FileManager.default.isExecutableFile(atPath: "\(dir)/\(name)") {
                return "\(dir)/\(name)"
            }
        }
        return nil
    }

    @Test func reportOpensWithEveryChartLoaded() throws {
        let browser = try #require(BrowserTests.chromium(), "Chromium is needed for this test: `make test` installs Debian's chromium package")
        let out = try TestSupport.temporaryFolder()
        let r = try TestSupport.run(["build", "--out", out.path, "--quiet", TestSupport.packageRoot.appendingPathComponent("seeds").path])
        #expect(r.status == 0, "\(r.stderr)")
        let shot = out.appendingPathComponent("screenshot.png")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: browser)
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--allow-file-access-from-files", "--window-size=900,4200",
            "--screenshot=\(shot.path)", out.appendingPathComponent("report.html").absoluteString,
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let image = try RasterImage.load(png: shot.path)
        // Rows holding the line charts' blue (#0072B2), grouped into bands: one band per line
        // chart that loaded, with the caption and table between them free of it.
        var rows: [Int] = []
        for y in 0..<image.height {
            var count = 0
            for x in 0..<image.width {
                let i = (y * image.width + x) * 4
                if abs(Int(image.rgba[i]) - 0) < 30 && abs(Int(image.rgba[i + 1]) - 114) < 30 && abs(Int(image.rgba[i + 2]) - 178) < 30 { count += 1 }
            }
            if count > 0 { rows.append(y) }
        }
        var bands = rows.isEmpty ? 0 : 1
        for (a, b) in zip(rows, rows.dropFirst()) where b - a > 120 { bands += 1 }
        #expect(bands == 2, "bands of chart blue: \(bands)")
        // The tile map: its darkest blue steps.
        var tiles = 0
        for i in stride(from: 0, to: image.rgba.count, by: 4) where image.rgba[i] < 60 && image.rgba[i + 1] < 90 && image.rgba[i + 2] > 90 && image.rgba[i + 2] < 160 { tiles += 1 }
        #expect(tiles > 1000, "tile map pixels: \(tiles)")
    }
}
