import Foundation
import PlotlineCairo
import PlotlineCharts
import PlotlineScene
import Testing

@Suite struct DecimationTests {
    /// The W2 random walk: gen_data.py's LCG, seed 42.
    static func walk(_ n: Int) -> [LinePoint] {
        var state: UInt32 = 42
        var y = 0.0
        return (0..<n).map { i in
            if i > 0 {
                state = state &* 1_664_525 &+ 1_013_904_223
                y += Double(state) / 4_294_967_296.0 - 0.5
            }
            return LinePoint(x: Double(i), value: y)
        }
    }

    static func spec(_ points: [LinePoint], decimate: Bool) -> ChartSpec {
        ChartSpec(kind: .line, name: "walk", title: "Random walk", subtitle: "Value by step", series: [LineSeries(name: "walk", points: points)], xAxis: .linear, decimate: decimate)
    }

    @Test func m4KeepsExtremesAndEnds() {
        let points = [(0.0, 5.0), (0.1, 1.0), (0.2, 9.0), (0.3, 4.0), (1.5, 2.0)].map { LinePoint(x: $0.0, value: $0.1) }
        let kept = Decimation.m4(points, columns: 2, from: 0, to: 2)
        #expect(kept.map(\.value) == [5, 1, 9, 4, 2])
        let many = (0..<1000).map { LinePoint(x: Double($0), value: Double($0 % 7)) }
        let thinned = Decimation.m4(many, columns: 10, from: 0, to: 999)
        #expect(thinned.count <= 40)
        #expect(thinned.first?.x == 0 && thinned.last?.x == 999)
        #expect(thinned.map(\.value).max() == 6 && thinned.map(\.value).min() == 0)
    }

    /// Decimation must not change the picture: the PNG of the thinned series equals the full
    /// drawing within a tiny RMS.
    @Test func decimatedDrawingMatchesTheFullOne() throws {
        let points = DecimationTests.walk(100_000)
        let r = Fixtures.renderer
        let full = try r.scene(DecimationTests.spec(points, decimate: false))
        let thin = try r.scene(DecimationTests.spec(points, decimate: true))
        let fullPath = full.marks.compactMap { if case .path(let p) = $0 { return p.points.count } else { return nil } }.max()!
        let thinPath = thin.marks.compactMap { if case .path(let p) = $0 { return p.points.count } else { return nil } }.max()!
        #expect(fullPath == 100_000)
        #expect(thinPath < 12_000)
        let rms = try #require(RasterImage.rms(try RasterImage.render(full), try RasterImage.render(thin)))
        #expect(rms < 1.0, "RMS \(rms)")
        let svg = try r.render(thin, as: .svg)
        #expect(svg.count < 150_000, "\(svg.count) bytes")
    }
}
