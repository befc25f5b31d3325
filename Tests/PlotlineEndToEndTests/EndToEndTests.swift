import Foundation
import PlotlineTestSupport
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Runs the built `plotline` binary the way a user does and checks files and exit codes.
@Suite(.serialized) struct EndToEndTests {
    static let seeds = TestSupport.packageRoot.appendingPathComponent("seeds").path

    @Test func buildWritesChartsDataAndReports() throws {
        let out = try TestSupport.temporaryFolder()
        let r = try TestSupport.run(["build", "--out", out.path, EndToEndTests.seeds])
        #expect(r.status == 0, "\(r.stderr)")
        let expected: [String: (Int, Int)] = ["rural-poor-population-china": (800, 500), "per-capita-net-income-china": (800, 500), "places": (800, 780)]
        for (name, size) in expected {
            let png = try Data(contentsOf: out.appendingPathComponent("\(name).png"))
            let dims = try #require(TestSupport.pngSize(png), "\(name).png is not a PNG")
            #expect(dims == size)
            let svg = try Data(contentsOf: out.appendingPathComponent("\(name).svg"))
            #expect(XMLParser(data: svg).parse(), "\(name).svg is not well-formed XML")
        }
        for file in ["facts.csv", "series.csv", "places.csv", "warnings.txt", "report.html", "report.md"] {
            #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(file).path), "\(file) missing")
        }
        let html = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(html.contains("alt=\"Rural poor population fell from 98.99 million at the end of 2012 to none at the end of 2020.\""))
        #expect(!html.contains("http://") && !html.contains("https://"), "the report must not load anything from the network")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: out.path).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
    }

    @Test func extractWritesTheThreeCSVs() throws {
        let out = try TestSupport.temporaryFolder()
        let r = try TestSupport.run(["extract", EndToEndTests.seeds + "/000_c24887c2ab1ac308.txt", "--out", out.path])
        #expect(r.status == 0, "\(r.stderr)")
        let facts = try String(contentsOf: out.appendingPathComponent("facts.csv"), encoding: .utf8)
        #expect(facts.hasPrefix("source,offset,length,quote,metric,entity,period,value,unit,qualifier\n"))
        #expect(facts.contains("000_c24887c2ab1ac308.txt,5094,31,98.99 million rural poor people,rural_poor_population,China,2012-12-31,98990000,people,\n"))
        let series = try String(contentsOf: out.appendingPathComponent("series.csv"), encoding: .utf8)
        #expect(series.hasPrefix("series,metric,entity,period,value,unit,source,offset\n"))
        #expect(series.contains("rural-poor-population-china,rural_poor_population,China,2020-12-31,0,people,"))
        let places = try String(contentsOf: out.appendingPathComponent("places.csv"), encoding: .utf8)
        #expect(places.hasPrefix("source,offset,length,name,kind,province\n"))
        #expect(places.contains(",Xiji County,county,Ningxia\n"))
        #expect(r.stderr.contains("warning: "))
    }

    @Test func extractJSON() throws {
        let out = try TestSupport.temporaryFolder()
        let r = try TestSupport.run(["extract", EndToEndTests.seeds, "--out", out.path, "--format", "json"])
        #expect(r.status == 0)
        let data = try Data(contentsOf: out.appendingPathComponent("series.json"))
        let series = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        #expect(series.contains { $0["series"] as? String == "per-capita-net-income-china" && $0["statedAnnualGrowth"] as? Double == 29.2 })
    }

    @Test func chartFromCSV() throws {
        let dir = try TestSupport.temporaryFolder()
        let csv = dir.appendingPathComponent("poor.csv")
        try "period,value\n2012-12-31,98990000\n2013-12-31,82490000\n2014-12-31,70170000\n2020-12-31,0\n".write(to: csv, atomically: true, encoding: .utf8)
        for ext in ["png", "svg", "pdf"] {
            let out = dir.appendingPathComponent("poor.\(ext)")
            let r = try TestSupport.run(["chart", "line", "--data", csv.path, "--out", out.path, "--title", "Poverty fell", "--style", "short"])
            #expect(r.status == 0, "\(r.stderr)")
            let bytes = try Data(contentsOf: out)
            #expect(bytes.count > 500)
        }
        let grid = dir.appendingPathComponent("grid.csv")
        try "province,value\nSichuan,7\n贵州,9\nYN,9\n".write(to: grid, atomically: true, encoding: .utf8)
        let r = try TestSupport.run(["chart", "grid", "--data", grid.path, "--out", dir.appendingPathComponent("g.svg").path, "--labels", "zh"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try String(contentsOf: dir.appendingPathComponent("g.svg"), encoding: .utf8).contains(">贵州<"))
    }

    @Test func badArgumentsFailClearly() throws {
        let r1 = try TestSupport.run(["chart", "pie", "--data", "x.csv", "--out", "x.png"])
        #expect(r1.status != 0)
        #expect(r1.stderr.contains("unknown chart type 'pie'"))
        let r2 = try TestSupport.run(["build", "--formats", "gif"])
        #expect(r2.status != 0)
        #expect(r2.stderr.contains("unknown format 'gif'"))
        let r3 = try TestSupport.run(["extract", "/nonexistent/file.txt", "--out", "/tmp/x"])
        #expect(r3.status == 1)
        #expect(r3.stderr.contains("/nonexistent/file.txt: no such file"))
    }

    @Test func badDataNamesFileLineAndColumn() throws {
        let dir = try TestSupport.temporaryFolder()
        let csv = dir.appendingPathComponent("bad.csv")
        try "period,value\n2015,2982\n2016,lots\n".write(to: csv, atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("bad.png")
        let r = try TestSupport.run(["chart", "line", "--data", csv.path, "--out", out.path])
        #expect(r.status == 1)
        #expect(r.stderr.contains("bad.csv:3:2: 'lots' is not a finite number"))
        #expect(!FileManager.default.fileExists(atPath: out.path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["bad.csv"])
    }

    @Test func failureKeepsTheLastGoodOutput() throws {
        let dir = try TestSupport.temporaryFolder()
        let csv = dir.appendingPathComponent("d.csv")
        let out = dir.appendingPathComponent("c.svg")
        try "label,value\nA,1\n".write(to: csv, atomically: true, encoding: .utf8)
        #expect(try TestSupport.run(["chart", "bar", "--data", csv.path, "--out", out.path]).status == 0)
        let good = try Data(contentsOf: out)
        try "label,value\nA,NaN\n".write(to: csv, atomically: true, encoding: .utf8)
        #expect(try TestSupport.run(["chart", "bar", "--data", csv.path, "--out", out.path]).status == 1)
        #expect(try Data(contentsOf: out) == good)
    }

    /// matplotlib's determinism check: separate processes, same bytes, for every format.
    @Test func separateProcessesWriteIdenticalBytes() throws {
        let a = try TestSupport.temporaryFolder()
        let b = try TestSupport.temporaryFolder()
        for out in [a, b] {
            let r = try TestSupport.run(["build", "--out", out.path, "--formats", "png,svg,pdf", "--quiet", EndToEndTests.seeds], environment: ["SOURCE_DATE_EPOCH": "1614038400"])
            #expect(r.status == 0, "\(r.stderr)")
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: a.path).sorted()
        #expect(names.contains("places.pdf"))
        for name in names {
            #expect(try Data(contentsOf: a.appendingPathComponent(name)) == Data(contentsOf: b.appendingPathComponent(name)), "\(name) differs")
        }
        let pdf = String(decoding: try Data(contentsOf: a.appendingPathComponent("places.pdf")), as: UTF8.self)
        #expect(pdf.contains("/CreationDate (20210223000000Z)"))
    }
}

@Suite(.serialized) struct SpecFileTests {
    @Test func yamlAndJSONSpecsRender() throws {
        let dir = try TestSupport.temporaryFolder()
        let yaml = dir.appendingPathComponent("poverty.yaml")
        try """
            kind: line
            name: poverty
            title: Rural poverty fell to zero by the end of 2020
            unit: people
            valueStyle: words
            series:
              - name: Rural poor
                points:
                  - {period: 2012-12-31, value: 98990000}
                  - {period: 2020-12-31, value: 0}
            """.write(to: yaml, atomically: true, encoding: .utf8)
        let svg = dir.appendingPathComponent("p.svg")
        let r = try TestSupport.run(["render", yaml.path, "--out", svg.path, "--out", dir.appendingPathComponent("p.pdf").path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try String(contentsOf: svg, encoding: .utf8).contains(">98.99 million<"))
        let json = dir.appendingPathComponent("bars.json")
        try #"{"kind": "bar", "name": "b", "title": "Bars", "bars": [{"label": "A", "value": 3}, {"label": "B", "value": 5}], "sorted": true}"#
            .write(to: json, atomically: true, encoding: .utf8)
        #expect(try TestSupport.run(["render", json.path, "--out", dir.appendingPathComponent("b.png").path]).status == 0)
    }

    @Test func badSpecsNameTheirPlace() throws {
        let dir = try TestSupport.temporaryFolder()
        let yaml = dir.appendingPathComponent("bad.yaml")
        try "kind: line\nname: x\nseries:\n  - name: a\n    points:\n      - {period: last year, value: 1}\n".write(to: yaml, atomically: true, encoding: .utf8)
        let r = try TestSupport.run(["render", yaml.path, "--out", dir.appendingPathComponent("x.svg").path])
        #expect(r.status == 1)
        #expect(r.stderr.contains("bad.yaml:6:18: series[0].points[0].period: 'last year' is not a period"), "\(r.stderr)")
        let json = dir.appendingPathComponent("bad.json")
        try #"{"kind": "pie", "name": "x"}"#.write(to: json, atomically: true, encoding: .utf8)
        let j = try TestSupport.run(["render", json.path, "--out", dir.appendingPathComponent("x.svg").path])
        #expect(j.status == 1)
        #expect(j.stderr.contains("bad.json: kind:"), "\(j.stderr)")
    }

    @Test func canvasLimitCanBeRaised() throws {
        let dir = try TestSupport.temporaryFolder()
        let data = dir.appendingPathComponent("d.csv")
        try "period,value\n2015,1\n2020,2\n".write(to: data, atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("wide.svg")
        let refused = try TestSupport.run(["chart", "line", "--data", data.path, "--out", out.path, "--size", "9000x500"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("raise the limit with --max-canvas"))
        let allowed = try TestSupport.run(["chart", "line", "--data", data.path, "--out", out.path, "--size", "9000x500", "--max-canvas", "10000"])
        #expect(allowed.status == 0, "\(allowed.stderr)")
    }
}
