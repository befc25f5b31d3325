import Foundation
import PlotlineTestSupport
import Testing

/// Rebuilds, watch mode and reports, through the binary.
@Suite(.serialized) struct IncrementalTests {
    static let seed = TestSupport.packageRoot.appendingPathComponent("seeds/000_c24887c2ab1ac308.txt")

    /// A project folder with a copy of the seed and the template project file.
    static func project() throws -> URL {
        let dir = try TestSupport.temporaryFolder()
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("seeds"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: seed, to: dir.appendingPathComponent("seeds/000_c24887c2ab1ac308.txt"))
        let r = try TestSupport.run(["init"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        return dir
    }

    static func modificationDates(_ folder: URL) throws -> [String: Date] {
        var out: [String: Date] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            out[name] = try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent(name).path)[.modificationDate] as? Date
        }
        return out
    }

    static func written(_ stdout: String) -> Set<String> {
        Set(stdout.split(separator: "\n").filter { $0.hasPrefix("wrote ") }.map { String($0.dropFirst(6)) })
    }

    @Test func noOpRebuildWritesNothing() throws {
        let dir = try IncrementalTests.project()
        #expect(try TestSupport.run(["build"], in: dir).status == 0)
        let out = dir.appendingPathComponent("output")
        let before = try IncrementalTests.modificationDates(out)
        Thread.sleep(forTimeInterval: 0.05)
        let r = try TestSupport.run(["build"], in: dir)
        #expect(r.status == 0)
        #expect(r.stdout.contains("0 written, 13 unchanged, 0 deleted"), "\(r.stdout)")
        #expect(try IncrementalTests.modificationDates(out) == before)
    }

    @Test func aChangedFigureRedrawsOnlyTheChartsThatUseIt() throws {
        let dir = try IncrementalTests.project()
        #expect(try TestSupport.run(["build"], in: dir).status == 0)
        let text = dir.appendingPathComponent("seeds/000_c24887c2ab1ac308.txt")
        var content = try String(contentsOf: text, encoding: .utf8)
        content = content.replacingOccurrences(of: "from 2,982 yuan in 2015", with: "from 2,892 yuan in 2015")
        try content.write(to: text, atomically: true, encoding: .utf8)
        let r = try TestSupport.run(["build"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        // 2,892 → 10,740 in five years is 30.0 % a year, not the stated 29.2 %: warnings.txt
        // says so, and nothing but the income chart, the data and the reports is redrawn.
        #expect(IncrementalTests.written(r.stdout) == ["facts.csv", "series.csv", "warnings.txt", "income.png", "income.svg", "report.html", "report.md", "report.pdf"])
        let warnings = try String(contentsOf: dir.appendingPathComponent("output/warnings.txt"), encoding: .utf8)
        #expect(warnings.contains("states 29.2% a year (000_c24887c2ab1ac308.txt byte 20928) but 2892 in 2015 to 10740 in 2020 is 30.0% a year"))
        let svg = try String(contentsOf: dir.appendingPathComponent("output/income.svg"), encoding: .utf8)
        #expect(svg.contains("2,892 yuan"))
    }

    @Test func aRemovedChartsOutputsAreDeletedAndNothingElse() throws {
        let dir = try IncrementalTests.project()
        #expect(try TestSupport.run(["build"], in: dir).status == 0)
        let mine = dir.appendingPathComponent("output/notes-by-me.txt")
        try "keep me".write(to: mine, atomically: true, encoding: .utf8)
        let yaml = dir.appendingPathComponent("plotline.yaml")
        var project = try String(contentsOf: yaml, encoding: .utf8)
        project = project.replacingOccurrences(of: "  - name: places\n    type: grid\n    places: true", with: "")
        try project.write(to: yaml, atomically: true, encoding: .utf8)
        let r = try TestSupport.run(["build"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("deleted places.png") && r.stdout.contains("deleted places.svg"))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("output/places.png").path))
        #expect(FileManager.default.fileExists(atPath: mine.path))
    }

    @Test func aFailedBuildLeavesNoPartialFileAndKeepsTheLastGoodOutput() throws {
        let dir = try IncrementalTests.project()
        #expect(try TestSupport.run(["build"], in: dir).status == 0)
        let out = dir.appendingPathComponent("output")
        let goodReport = try Data(contentsOf: out.appendingPathComponent("report.html"))
        // Change a figure, and make the write of one chart fail.
        let text = dir.appendingPathComponent("seeds/000_c24887c2ab1ac308.txt")
        let content = try String(contentsOf: text, encoding: .utf8).replacingOccurrences(of: "10,740 yuan in 2020", with: "10,470 yuan in 2020")
        try content.write(to: text, atomically: true, encoding: .utf8)
        let goodPNG = try Data(contentsOf: out.appendingPathComponent("income.png"))
        // A non-empty folder where income.svg should be: the rename onto it fails.
        let blocker = out.appendingPathComponent("income.svg")
        try FileManager.default.removeItem(at: blocker)
        try FileManager.default.createDirectory(at: blocker, withIntermediateDirectories: false)
        try FileManager.default.createDirectory(at: blocker.appendingPathComponent("occupied"), withIntermediateDirectories: false)
        let r = try TestSupport.run(["build"], in: dir)
        #expect(r.status == 1)
        #expect(r.stderr.contains("income.svg"), "\(r.stderr)")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: out.path).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty, "\(leftovers)")
        #expect(try Data(contentsOf: out.appendingPathComponent("report.html")) == goodReport, "reports are written after the charts")
        #expect(try Data(contentsOf: out.appendingPathComponent("income.png")) != goodPNG, "charts before the failure were redrawn")
        // Once the obstacle is gone the next build finishes the job.
        try FileManager.default.removeItem(at: blocker)
        let again = try TestSupport.run(["build"], in: dir)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(IncrementalTests.written(again.stdout).contains("income.svg"))
    }

    @Test func dataFilesExtendSeriesAndConflictsAreReported() throws {
        let dir = try IncrementalTests.project()
        let data = dir.appendingPathComponent("official.csv")
        try """
            series,period,value,unit
            rural-poor-population-china,2013,82490000,people
            rural-poor-population-china,2014,70170000,people
            rural-poor-population-china,2020-01-01,5500000,people
            """.write(to: data, atomically: true, encoding: .utf8)
        let r = try TestSupport.run(["build", "--data", data.path], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        let warnings = try String(contentsOf: dir.appendingPathComponent("output/warnings.txt"), encoding: .utf8)
        #expect(warnings.contains("conflict: rural-poor-population-china at 2020-01-01 is 5510000 in 000_c24887c2ab1ac308.txt (byte 11547) and 5500000 in official.csv line 4; used official.csv"))
        let svg = try String(contentsOf: dir.appendingPathComponent("output/rural-poor.svg"), encoding: .utf8)
        #expect(svg.contains("official.csv,"))
        #expect(svg.contains("lines 2, 3, 4."))
        let series = try String(contentsOf: dir.appendingPathComponent("output/series.csv"), encoding: .utf8)
        #expect(series.contains("rural-poor-population-china,rural_poor_population,China,2013-12-31,82490000,people,official.csv,2"))
    }

    @Test func watchPicksUpARenameStyleSave() throws {
        let dir = try IncrementalTests.project()
        let process = Process()
        process.executableURL = TestSupport.binary
        process.arguments = ["watch", "--max-builds", "2"]
        process.currentDirectoryURL = dir
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let out = dir.appendingPathComponent("output/income.svg")
        let deadline = Date().addingTimeInterval(30)
        while !FileManager.default.fileExists(atPath: out.path) && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        Thread.sleep(forTimeInterval: 0.5)
        // Save as an editor does: write a scratch file, then rename it over the original.
        let text = dir.appendingPathComponent("seeds/000_c24887c2ab1ac308.txt")
        let scratch = dir.appendingPathComponent("seeds/.000_c24887c2ab1ac308.txt.swp")
        let content = try String(contentsOf: text, encoding: .utf8).replacingOccurrences(of: "10,740 yuan in 2020", with: "10,750 yuan in 2020")
        try content.write(to: scratch, atomically: false, encoding: .utf8)
        #expect(rename(scratch.path, text.path) == 0)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning { process.terminate() }
        let log = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(log.contains("changed: 000_c24887c2ab1ac308.txt"), "\(log)")
        #expect(try String(contentsOf: out, encoding: .utf8).contains("10,750 yuan"), "\(log)")
    }
}
