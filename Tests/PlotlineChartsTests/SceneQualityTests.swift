import Foundation
import PlotlineCharts
import PlotlineScene
import Testing

/// Quality rules checked on scenes, without pixels.
@Suite struct SceneQualityTests {
    @Test(arguments: Fixtures.all.map(\.name))
    func noTextOverlapsOrLeavesTheCanvas(name: String) throws {
        let spec = Fixtures.all.first { $0.name == name }!
        let scene = try Fixtures.renderer.scene(spec)
        let canvas = Rect(x: 0, y: 0, width: scene.width, height: scene.height)
        let texts = scene.texts
        #expect(!texts.isEmpty)
        for t in texts {
            #expect(canvas.contains(t.bounds), "'\(t.text)' at \(t.bounds) leaves the \(scene.width)x\(scene.height) canvas")
        }
        for (i, a) in texts.enumerated() {
            for b in texts[(i + 1)...] where a.bounds.intersects(b.bounds) {
                Issue.record("'\(a.text)' \(a.bounds) overlaps '\(b.text)' \(b.bounds)")
            }
        }
    }

    @Test(arguments: Fixtures.all.map(\.name))
    func textContrastIsAtLeastAA(name: String) throws {
        let spec = Fixtures.all.first { $0.name == name }!
        let scene = try Fixtures.renderer.scene(spec)
        var fills: [(Rect, Color)] = []
        func collect(_ marks: [Mark]) {
            for m in marks {
                if case .rect(let r) = m, let f = r.fill { fills.append((r.rect, f)) }
                if case .group(let g) = m { collect(g.marks) }
            }
        }
        collect(scene.marks)
        for t in scene.texts {
            let b = t.bounds
            let center = Rect(x: b.x + b.width / 2, y: b.y + b.height / 2, width: 0.01, height: 0.01)
            let background = fills.last { $0.0.contains(center) }?.1 ?? scene.background
            #expect(Color.contrast(t.color, background) >= 4.5, "'\(t.text)' \(t.color.hex) on \(background.hex)")
        }
    }

    @Test func timeAxisLabelsAreWholeYears() throws {
        for spec in [Fixtures.poverty, Fixtures.income, Fixtures.twoSeries] {
            let scene = try Fixtures.renderer.scene(spec)
            let xTicks = scene.texts.filter { $0.role == "tick" && $0.anchor == .middle }
            #expect(xTicks.count >= 2)
            for t in xTicks { #expect(Int(t.text) != nil && t.text.count == 4, "\(t.text)") }
        }
    }

    @Test func endsAndReportedPointsAreLabelled() throws {
        let scene = try Fixtures.renderer.scene(Fixtures.poverty)
        let labels = Set(scene.texts.filter { $0.role == "label" }.map(\.text))
        #expect(labels.isSuperset(of: ["98.99 million", "end 2012", "5.51 million", "start 2020", "0", "end 2020"]))
        let income = try Fixtures.renderer.scene(Fixtures.income)
        let incomeLabels = Set(income.texts.filter { $0.role == "label" }.map(\.text))
        #expect(incomeLabels.isSuperset(of: ["2,982 yuan", "10,740 yuan"]))
        #expect(income.texts.contains { $0.role == "annotation" })
    }

    @Test func derivedPointsLookDifferent() throws {
        let scene = try Fixtures.renderer.scene(Fixtures.income)
        var derived = 0
        var reported = 0
        var dashed = 0
        for m in scene.marks {
            if case .symbol(let s) = m { if s.role == "point-derived" { derived += 1; #expect(s.fill == .white) } else if s.role == "point" { reported += 1 } }
            if case .path(let p) = m, p.role == "line", !p.dash.isEmpty { dashed += 1 }
        }
        #expect(derived == 4 && reported == 2 && dashed >= 1)
    }

    @Test func severalSeriesGetDirectLabelsNotALegend() throws {
        let scene = try Fixtures.renderer.scene(Fixtures.twoSeries)
        #expect(Set(scene.texts.filter { $0.role == "series-label" }.map(\.text)) == ["Guizhou", "Yunnan"])
    }

    @Test func longBarLabelsTurnTheChartHorizontal() throws {
        let scene = try Fixtures.renderer.scene(Fixtures.longBars)
        let bars = scene.marks.compactMap { if case .rect(let r) = $0, r.role == "bar" { return r.rect } else { return nil } }
        #expect(bars.count == 7)
        // Horizontal: bars are wider than tall and stacked top to bottom, largest first.
        #expect(bars.allSatisfy { $0.width > $0.height || $0.width < 1 })
        #expect(bars.map(\.width) == bars.map(\.width).sorted(by: >))
    }

    @Test func thirtyShortLabelsStayVertical() throws {
        let scene = try Fixtures.renderer.scene(Fixtures.thirtyBars)
        let ticks = scene.texts.filter { $0.role == "tick" && $0.text.hasPrefix("B") }
        #expect(ticks.count == 30)
    }

    @Test func gridShowsNoDataDifferentlyFromZero() throws {
        let scene = try Fixtures.renderer.scene(Fixtures.sparseGridChinese)
        let noData = scene.marks.filter { if case .rect(let r) = $0 { return r.role == "tile-nodata" } else { return false } }
        let tiles = scene.marks.compactMap { if case .rect(let r) = $0, r.role == "tile" { return r } else { return nil } }
        #expect(noData.count == 31)
        #expect(tiles.count == 3)
        #expect(scene.texts.contains { $0.text == "no data" })
        #expect(scene.texts.contains { $0.text == "四川" })
    }

    @Test func chineseTextHasRealGlyphs() throws {
        let scene = try Fixtures.renderer.scene(Fixtures.sparseGridChinese)
        #expect(Fixtures.renderer.unknownGlyphs(in: scene) == 0)
    }

    @Test func badSpecsAreRefusedWithAReason() {
        var tiny = Fixtures.poverty
        tiny.width = 0
        #expect(throws: ChartError.self) { try Fixtures.renderer.scene(tiny) }
        var huge = Fixtures.poverty
        huge.height = 100_000
        #expect(throws: ChartError.self) { try Fixtures.renderer.scene(huge) }
        var empty = Fixtures.poverty
        empty.series = []
        #expect(throws: ChartError.self) { try Fixtures.renderer.scene(empty) }
        var unknown = Fixtures.provinces
        unknown.tiles.append(Tile(code: "ZZ", value: 1))
        #expect(throws: ChartError.self) { try Fixtures.renderer.scene(unknown) }
        var nan = Fixtures.longBars
        nan.bars[0].value = .nan
        #expect(throws: ChartError.self) { try Fixtures.renderer.scene(nan) }
    }

    @Test func longTitlesWrapAndAreCut() throws {
        var spec = Fixtures.poverty
        spec.title = String(repeating: "A very long title ", count: 600)
        let scene = try Fixtures.renderer.scene(spec)
        let titles = scene.texts.filter { $0.role == "title" }
        #expect(titles.count <= 3)
        #expect(titles.last!.text.hasSuffix("…"))
    }
}
