import Foundation
import PlotlineCore
import Testing

@Suite struct PeriodTests {
    @Test(arguments: [
        ("2012", Period.year(2012)),
        ("2020-03", Period.month(2020, 3)),
        ("2012-12-31", Period.day(Day(2012, 12, 31))),
        ("2015/2020", Period.span(.year(2015), .year(2020))),
    ])
    func isoRoundTrip(text: String, period: Period) {
        #expect(Period(iso: text) == period)
        #expect(period.iso == text)
    }

    @Test(arguments: ["", "12", "2012-13", "2012-02-30", "20x2", "2012-1-1-1", "２０１２"])
    func rejectsMalformed(text: String) {
        #expect(Period(iso: text) == nil)
    }

    @Test func decimalYearPlacesDaysWithinTheirYear() {
        #expect(Period.year(2015).decimalYear == 2015)
        let endOf2012 = Period.day(Day(2012, 12, 31)).decimalYear
        #expect(endOf2012 > 2012.99 && endOf2012 < 2013)
        let startOf2020 = Period.day(Day(2020, 1, 1)).decimalYear
        #expect(startOf2020 > 2020 && startOf2020 < 2020.01)
    }

    @Test func leapYears() {
        #expect(Day(2020, 2, 29).isValid)
        #expect(!Day(2019, 2, 29).isValid)
        #expect(!Day(1900, 2, 29).isValid)
        #expect(Day(2000, 2, 29).isValid)
    }

    @Test func shortLabels() {
        #expect(Period.day(Day(2012, 12, 31)).shortLabel == "end 2012")
        #expect(Period.day(Day(2020, 1, 1)).shortLabel == "start 2020")
        #expect(Period.year(2015).shortLabel == "2015")
    }
}

@Suite struct CSVTests {
    @Test func quotesOnlyWhatNeedsIt() {
        #expect(CSV.line(["a", "b,c", "say \"hi\"", "x\ny"]) == "a,\"b,c\",\"say \"\"hi\"\"\",\"x\ny\"\n")
    }

    @Test func parseRoundTrip() {
        let fields = ["plain", "with, comma", "with \"quotes\"", "multi\nline", ""]
        let parsed = CSV.parse(CSV.line(fields) + CSV.line(["2", "3"]))
        #expect(parsed.count == 2)
        #expect(parsed[0].fields == fields)
        #expect(parsed[1].line == 3)
    }

    @Test func bomAndCRLF() {
        let parsed = CSV.parse("\u{FEFF}a,b\r\n1,2\r\n")
        #expect(parsed.map(\.fields) == [["a", "b"], ["1", "2"]])
    }
}

@Suite struct OutputFolderTests {
    @Test(arguments: ["../escape.png", "/etc/passwd", "a/../../b.png", "", "./x.png", "a/./b"])
    func refusesNamesOutsideTheFolder(name: String) throws {
        let folder = OutputFolder(FileManager.default.temporaryDirectory.appendingPathComponent("plotline-out"))
        #expect(throws: OutputError.self) { try folder.url(for: name) }
    }

    @Test func acceptsPlainNames() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("plotline-out-\(UUID().uuidString)")
        let url = try OutputFolder(root).url(for: "charts/a.png")
        #expect(url.path.hasPrefix(root.standardizedFileURL.path + "/"))
    }

    @Test func refusesASymlinkThatLeaves() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("plotline-link-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("out").path, withDestinationPath: "/tmp")
        #expect(throws: OutputError.self) { try OutputFolder(root).url(for: "out/x.png") }
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("chart.png").path, withDestinationPath: "/tmp/elsewhere.png")
        #expect(throws: OutputError.self) { try OutputFolder(root).url(for: "chart.png") }
    }

    @Test func atomicWriteLeavesNoTemporaryFile() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("plotline-atomic-\(UUID().uuidString)")
        let target = root.appendingPathComponent("a.txt")
        try AtomicFile.write("one", to: target)
        try AtomicFile.write("two", to: target)
        #expect(try String(contentsOf: target, encoding: .utf8) == "two")
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["a.txt"])
    }

    @Test func failedWriteKeepsThePreviousFile() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("plotline-keep-\(UUID().uuidString)")
        let target = root.appendingPathComponent("a.txt")
        try AtomicFile.write("good", to: target)
        // A directory where the temporary file would go makes the write fail.
        try FileManager.default.createDirectory(at: root.appendingPathComponent(".a.txt.\(getpid()).tmp"), withIntermediateDirectories: true)
        #expect(throws: OutputError.self) { try AtomicFile.write("bad", to: target) }
        #expect(try String(contentsOf: target, encoding: .utf8) == "good")
    }
}

@Suite struct GazetteerTests {
    @Test func thirtyFourDivisionsWithUniqueCodesAndTiles() {
        #expect(Gazetteer.provinces.count == 34)
        #expect(Set(Gazetteer.provinces.map(\.code)).count == 34)
        #expect(Set(Gazetteer.provinces.map { "\($0.row),\($0.col)" }).count == 34)
    }

    /// Positions copied from shared/reference/china-province-tile-grid.csv.
    @Test(arguments: [("HL", 1, 10), ("XJ", 2, 1), ("NX", 3, 5), ("SC", 7, 4), ("TW", 8, 10), ("HI", 11, 7), ("MO", 10, 9)])
    func tilePositionsMatchTheReference(code: String, row: Int, col: Int) {
        #expect(Gazetteer.byCode[code]?.row == row)
        #expect(Gazetteer.byCode[code]?.col == col)
    }

    @Test func abbreviationCollisionsAreKept() {
        #expect(Set(Gazetteer.byAbbreviation["Gui"] ?? []) == ["GZ", "GX"])
        #expect(Set(Gazetteer.byAbbreviation["Jin"] ?? []) == ["SX", "TJ"])
        #expect(Gazetteer.byName["Xizang"] == "XZ")
    }

    @Test func derivedPointsFollowTheStatedGrowth() {
        let s = Series(
            id: "x", metric: "m", entity: "China", unit: "yuan",
            points: [
                SeriesPoint(period: .year(2015), value: 2982, source: "a", offset: 0, quote: ""),
                SeriesPoint(period: .year(2020), value: 10740, source: "a", offset: 1, quote: ""),
            ], statedAnnualGrowth: 29.2)
        let points = s.withDerivedPoints
        #expect(points.map(\.period.year) == [2015, 2016, 2017, 2018, 2019, 2020])
        #expect(points.filter(\.derived).count == 4)
        // 2982 × 1.292 = 3852.744
        #expect(abs(points[1].value - 3852.744) < 1e-6)
    }
}
