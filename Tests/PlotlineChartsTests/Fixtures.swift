import Foundation
import PlotlineCharts
import PlotlineCore
import PlotlineReport
import PlotlineScene

/// Chart specs the tests draw: the seed's three default charts written out by hand, and
/// harder cases for layout.
enum Fixtures {
    static let poverty = ChartSpec(
        kind: .line, name: "rural-poor", title: "Rural poor population fell to zero by the end of 2020",
        subtitle: "Rural poor population in China, millions of people",
        source: "Source: 000_c24887c2ab1ac308.txt: “98.99 million rural poor people” (byte 5094); “5.51 million rural poor” (byte 11547); “all out of poverty” (byte 24336).",
        unit: "people", valueStyle: .words,
        series: [
            LineSeries(name: "Rural poor population", points: [
                LinePoint(period: .day(Day(2012, 12, 31)), value: 98_990_000),
                LinePoint(period: .day(Day(2020, 1, 1)), value: 5_510_000),
                LinePoint(period: .day(Day(2020, 12, 31)), value: 0),
            ])
        ])

    static let income: ChartSpec = {
        let growth = 29.2
        var points = [LinePoint(period: .year(2015), value: 2982)]
        for (k, y) in (2016...2019).enumerated() { points.append(LinePoint(period: .year(y), value: 2982 * pow(1 + growth / 100, Double(k + 1)), derived: true)) }
        points.append(LinePoint(period: .year(2020), value: 10740))
        return ChartSpec(
            kind: .line, name: "income", title: "Per-capita net income more than tripled, 2015–2020",
            subtitle: "Per-capita net income in China, yuan", source: "Source: 000_c24887c2ab1ac308.txt", unit: "yuan",
            series: [LineSeries(name: "Per-capita net income", points: points)],
            annotations: [Annotation(text: "+29.2% a year on average, as stated")])
    }()

    static let provinces: ChartSpec = {
        let counts: [String: Double] = ["NX": 29, "YN": 24, "SC": 16, "GZ": 16, "HE": 12, "GS": 11, "FJ": 10, "JX": 9, "BJ": 8, "HN": 8, "AH": 8, "SN": 7, "QH": 6, "NM": 5]
        return ChartSpec(
            kind: .grid, name: "places", title: "Ningxia is the province the reporting mentions most",
            subtitle: "Mentions of each provincial-level division or of places in it", source: "Source: 000_c24887c2ab1ac308.txt",
            width: 800, height: 780, unit: "mentions", tiles: Gazetteer.provinces.map { Tile(code: $0.code, value: counts[$0.code] ?? 0) },
            legendTitle: "Mentions")
    }()

    static let sparseGridChinese = ChartSpec(
        kind: .grid, name: "sparse", title: "贫困县 by province", subtitle: "Only some provinces have data", width: 800, height: 780,
        unit: "counties", tiles: [Tile(code: "GZ", value: 66), Tile(code: "YN", value: 88), Tile(code: "SC", value: 0)], labels: "zh", legendTitle: "Counties")

    static let longBars = ChartSpec(
        kind: .bar, name: "bars", title: "Where the remaining poor counties were", subtitle: "Counties listed for supervision, 2020",
        source: "Illustrative data", unit: "counties", bars: [
            Bar(label: "Guangxi Zhuang Autonomous Region", value: 8), Bar(label: "Sichuan", value: 7), Bar(label: "Guizhou", value: 9),
            Bar(label: "Yunnan", value: 9), Bar(label: "Gansu", value: 8), Bar(label: "Ningxia Hui Autonomous Region", value: 1), Bar(label: "Xinjiang Uygur Autonomous Region", value: 10),
        ], sorted: true)

    static let thirtyBars = ChartSpec(
        kind: .bar, name: "w3", title: "W3: 30 bars", subtitle: "Benchmark workload", unit: "",
        bars: (1...30).map { Bar(label: String(format: "B%02d", $0), value: Double(($0 * 37) % 23 + 3)) })

    static let twoSeries = ChartSpec(
        kind: .line, name: "two", title: "Two series with labels at the line ends", subtitle: "Index", unit: "",
        series: [
            LineSeries(name: "Guizhou", points: (2013...2020).map { LinePoint(period: .year($0), value: Double(100 - ($0 - 2013) * 12)) }),
            LineSeries(name: "Yunnan", points: (2013...2020).map { LinePoint(period: .year($0), value: Double(96 - ($0 - 2013) * 11)) }),
        ])

    static let hostileTitle = ChartSpec(
        kind: .bar, name: "hostile", title: "Income </svg><script>alert(1)</script> & \"more\"", subtitle: "<b>bold?</b>", unit: "",
        bars: [Bar(label: "<A&B>", value: 1), Bar(label: "C'D", value: 2)])

    static let all = [poverty, income, provinces, sparseGridChinese, longBars, thirtyBars, twoSeries, hostileTitle]

    /// A new renderer each time: Pango objects must not be shared between the threads tests run on.
    static var renderer: ChartRenderer { try! ChartRenderer() }
}
