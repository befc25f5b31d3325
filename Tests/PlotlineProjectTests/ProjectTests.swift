import Foundation
import PlotlineCore
import PlotlineProject
import PlotlineTestSupport
import Testing

@Suite struct ProjectFileTests {
    @Test func templateParsesAndBuildsAPlan() throws {
        let project = try ProjectFile.parse(ProjectFile.template, path: "plotline.yaml")
        #expect(project.charts?.map(\.name) == ["rural-poor", "income", "places"])
        #expect(project.formats == ["png", "svg"])
    }

    @Test(arguments: [
        ("charts:\n  - name: a\n    type: pie\n    places: true\n", 3, 11, "unknown chart type 'pie'"),
        ("formats: [png, gif]\n", 1, 16, "unknown format 'gif'"),
        ("charts:\n  - name: a\n    type: line\n", 2, 5, "needs exactly one of series"),
        ("scale: big\n", 1, 8, "scale should be a number"),
        ("charts:\n  - type: line\n    series: [x]\n", 2, 5, "needs 'name'"),
        ("inputs: [\n", 2, 1, "not valid YAML"),
        ("inputs:\n  " + String(repeating: "[", count: 3000) + "\n", 2, 67, "nested more than 64 levels deep"),
        ("a:\n" + String(repeating: "- ", count: 100) + "x\n", 2, 129, "nested more than 64 levels deep"),
    ])
    func errorsNameLineAndColumn(yaml: String, line: Int, column: Int, message: String) {
        do {
            _ = try ProjectFile.parse(yaml, path: "p.yaml")
            Issue.record("no error for \(yaml)")
        } catch let e as ProjectError {
            #expect(e.file == "p.yaml")
            #expect(e.line == line, "\(e)")
            #expect(e.column == column, "\(e)")
            #expect(e.message.contains(message), "\(e)")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}

@Suite struct DataFileTests {
    static func extraction() -> Extraction {
        Extraction(series: [
            Series(id: "poor", metric: "rural_poor_population", entity: "China", unit: "people", points: [
                SeriesPoint(period: .day(Day(2012, 12, 31)), value: 98_990_000, source: "a.txt", offset: 10, quote: "98.99 million"),
                SeriesPoint(period: .day(Day(2020, 1, 1)), value: 5_510_000, source: "a.txt", offset: 20, quote: "5.51 million"),
            ])
        ])
    }

    @Test func rowsAddPointsConfirmAndReportConflicts() throws {
        let csv = "series,period,value,unit\npoor,2012,98990000,people\npoor,2013,82490000,people\npoor,2020-01-01,5500000,people\n"
        let rows = try DataFiles.readCSV(csv, name: "official.csv", path: "official.csv")
        var e = DataFileTests.extraction()
        DataFiles.merge(rows, into: &e)
        let points = e.series[0].points
        // The text counts at year ends, so the table's bare 2013 is the end of 2013.
        #expect(points.map(\.period.iso) == ["2012-12-31", "2013-12-31", "2020-01-01"])
        #expect(points[0].source == "a.txt", "an equal value confirms the text and keeps its quote")
        #expect(points[1].source == "official.csv" && points[1].offset == 3)
        #expect(points[2].value == 5_500_000 && points[2].source == "official.csv")
        let conflict = try #require(e.warnings.first)
        #expect(conflict.contains("5510000 in a.txt") && conflict.contains("5500000 in official.csv line 4") && conflict.contains("used official.csv"))
    }

    @Test func newSeriesAndJSON() throws {
        let json = #"[{"series": "funds", "period": "2016", "value": 6.6e10, "unit": "yuan"}, {"series": "funds", "period": "2020", "value": 1.46e11, "unit": "yuan"}]"#
        let rows = try DataFiles.readJSON(json, name: "funds.json", path: "funds.json")
        var e = DataFileTests.extraction()
        DataFiles.merge(rows, into: &e)
        #expect(e.series.last?.id == "funds")
        #expect(e.series.last?.points.count == 2)
    }

    @Test(arguments: [
        ("series,period,value\npoor,2012,1\n", 1, nil as Int?, "no 'unit' column"),
        ("series,period,value,unit\npoor,20x2,1,people\n", 2, 2, "'20x2' is not a period"),
        ("series,period,value,unit\npoor,2012,NaN,people\n", 2, 3, "'NaN' is not a finite number"),
        ("series,period,value,unit\npoor,2012,1,people\npoor,2012,2,people\n", 3, 2, "given twice (first on line 2)"),
        ("series,period,value,unit\n", 1, nil, "no data rows"),
    ])
    func badRowsAreNamed(csv: String, line: Int, column: Int?, message: String) {
        do {
            _ = try DataFiles.readCSV(csv, name: "d.csv", path: "d.csv")
            Issue.record("no error")
        } catch let e as ProjectError {
            #expect(e.line == line && e.column == column, "\(e)")
            #expect(e.message.contains(message), "\(e)")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}
